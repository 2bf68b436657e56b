"""Duplicate warnings: same source passage, or nearly the same claim text, naming the other claim."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import random
from collections import Counter

import pytest

from factcheck.core.duplicates import PAIRED_UP_TO, SAME_WORDING, Tally, find_duplicates, words
from factcheck.core.model import Claim, Position, Quote, QuoteUse
from factcheck.core.problems import errors, format_github

RUBIO_QUOTE = "aggressively revoke visas for Chinese students"


def duplicate_warnings(checked) -> list:
    return [p for p in checked.problems if "may duplicate" in p.message]


def test_a_claim_quoting_the_same_passage_is_a_warning_on_both_naming_the_other(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"rubio-again": claim_data(
        claim="The US will revoke Chinese students' visas, Rubio announced.", short="Rubio announced visa revocations",
        kind="attribution", appeared=[{"source": "newsletter", "quote": f"would \u201c{RUBIO_QUOTE}.\u201d"}],
    )})
    checked = site.check()
    assert checked.ok  # warnings only: the site still builds
    found = duplicate_warnings(checked)
    assert {(p.path, p.severity) for p in found} == {("claims/rubio-again.yaml", "warning"), ("claims/rubio-revoke.yaml", "warning")}
    mine = next(p for p in found if p.path == "claims/rubio-again.yaml")
    assert "claims/rubio-revoke.yaml" in mine.message and "same passage of the source 'newsletter'" in mine.message
    assert mine.field == "appeared[0].quote"
    lines = site.read("claims/rubio-again.yaml").splitlines()
    assert lines[mine.line - 1].lstrip().startswith("quote:")  # located at the quote that overlaps
    assert "::warning file=claims/rubio-again.yaml" in format_github(found)


def test_a_quote_from_another_part_of_the_same_sentence_is_not_a_duplicate(make_site, tmp_path, claim_data):
    # students-270000 quotes the first half of the newsletter's sentence; this one the second half.
    site = make_site(tmp_path, claims={"quarter": claim_data()})
    assert duplicate_warnings(site.check()) == []


def test_an_attribution_and_a_fact_check_of_the_same_words_are_a_pair_not_duplicates(make_site, tmp_path, claim_data):
    fact = claim_data(
        claim="The US would aggressively revoke visas for Chinese students.", short="The US is revoking Chinese students' visas",
        kind="fact", appeared=[{"source": "newsletter", "quote": RUBIO_QUOTE}],
    )
    site = make_site(tmp_path, claims={"revocations-happened": fact})
    assert duplicate_warnings(site.check()) == []


def test_nearly_the_same_claim_text_is_a_warning_with_how_alike(make_site, tmp_path, claim_data):
    text = "In the 2023-2024 school year, more than 270,000 Chinese students studied in the United States of America."
    site = make_site(tmp_path, claims={
        "a": claim_data(claim=text),
        "b": claim_data(claim=text.replace("studied", "were studying"), appeared=[{"source": "wire", "quote": "Over 300,000 Chinese students"}]),
        "c": claim_data(claim="  IN THE 2023\u20132024 school year, more than 270000 Chinese students studied in the United States of America!",
                        appeared=[{"source": "wire", "quote": "contributing nearly $15 billion"}]),
    })
    found = duplicate_warnings(site.check())
    about = {(p.path, other) for p in found for other in ("claims/a.yaml", "claims/b.yaml", "claims/c.yaml") if other in p.message}
    assert about == {
        ("claims/a.yaml", "claims/b.yaml"), ("claims/b.yaml", "claims/a.yaml"),
        ("claims/a.yaml", "claims/c.yaml"), ("claims/c.yaml", "claims/a.yaml"),
        ("claims/b.yaml", "claims/c.yaml"), ("claims/c.yaml", "claims/b.yaml"),
    }
    exact = next(p for p in found if p.path == "claims/c.yaml" and "claims/a.yaml" in p.message)
    assert "the claim texts are the same" in exact.message  # case, dashes, punctuation and 270,000 ignored
    near = next(p for p in found if p.path == "claims/a.yaml" and "claims/b.yaml" in p.message)
    assert "% alike" in near.message and near.field == "claim"
    assert not errors(found)


def test_words_fold_case_punctuation_and_thousands():
    assert words("Over 300,000 students \u2014 \u201cenrolled\u201d!") == ["over", "300000", "students", "enrolled"]


# ----------------------------------------------------------------------------- the index misses nothing


def _claim(number: int, text: str, kind: str = "fact") -> Claim:
    quote = Quote(source="s", text="x", position=Position(f"claims/c{number}.yaml", 6, 5))
    return Claim(
        id=f"c{number}", claim=text, short="s", claimant="p", appeared=(quote,), verdict="true", conclusion="c",
        explanation="e", published=dt.date(2025, 1, 1), kind=kind, position=Position(f"claims/c{number}.yaml", 2, 1),
    )


def _texts(count: int, seed: int, length: tuple[int, int] = (3, 25)) -> list[str]:
    """Random claim texts over a small vocabulary, a fifth of them edits of an earlier one."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(60 if length[1] < 50 else 400)]
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.2:
            changed = rng.choice(texts).split()
            for _ in range(rng.randint(0, 2)):
                changed[rng.randrange(len(changed))] = rng.choice(vocabulary)
            if rng.random() < 0.5:
                changed.insert(rng.randrange(len(changed) + 1), rng.choice(vocabulary))
            texts.append(" ".join(changed))
        else:
            texts.append(" ".join(rng.choices(vocabulary, k=rng.randint(*length))))
    return texts


@pytest.mark.parametrize(("count", "length"), [(150, (3, 25)), (80, (PAIRED_UP_TO - 8, PAIRED_UP_TO + 30))])
def test_the_prefix_index_finds_every_pair_that_comparing_all_pairs_finds(count, length):
    # Texts up to PAIRED_UP_TO words are found through pairs of their first words, longer ones
    # through single words: both ways must find what comparing every pair finds.
    for seed in range(2):
        claims = [_claim(n, text) for n, text in enumerate(_texts(count, seed, length))]
        found = {(d.claim.id, d.other.id) for d in find_duplicates(claims, ())}
        expected = set()
        counted = {c.id: Counter(words(c.claim)) for c in claims}
        for a, b in itertools.combinations(claims, 2):
            wa, wb = words(a.claim), words(b.claim)
            if 2 * (counted[a.id] & counted[b.id]).total() < SAME_WORDING * (len(wa) + len(wb)):
                continue  # difflib's matches are shared words: its ratio cannot reach the threshold
            if wa == wb or difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= SAME_WORDING:
                expected |= {(a.id, b.id), (b.id, a.id)}
        # exact copies are paired with the first of their group only, so compare the claims involved
        assert {x for pair in found for x in pair} == {x for pair in expected for x in pair}, seed
        assert found <= expected
        assert len(expected) > 10  # the data does hold near-duplicates


def _template_texts(count: int, seed: int) -> list[str]:
    """Claims written from one template, each with figures of its own, a few words changed in some."""
    rng = random.Random(seed)
    names, metrics, years = ["ana", "ben", "cy"], ["rail freight", "wind power", "bus routes"], ["2001", "2002"]
    texts = []
    for _ in range(count):
        listed = (
            f"{rng.choice(names)} said that {rng.choice(metrics)} in the north grew from {rng.randrange(10**6)} "
            f"to {rng.randrange(10**6)} since {rng.choice(years)} and that {rng.choice(metrics)} fell"
        ).split()
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(listed))
            listed[at:at + 1] = rng.choice([[], [rng.choice(names)], [listed[at], "the"], [str(rng.randrange(9))]])
        texts.append(" ".join(listed))
    return texts


def test_claims_from_one_template_with_their_own_figures_are_paired_as_comparing_all_pairs_does():
    # Words that only one claim has (its figures) are left out of the index but still count in
    # its length: the pairs found and how alike they are must not change.
    for seed in range(2):
        claims = [_claim(n, text) for n, text in enumerate(_template_texts(200, seed))]
        found = {(d.claim.id, d.other.id): d.same_wording for d in find_duplicates(claims, ())}
        expected = {}
        counted = {c.id: Counter(words(c.claim)) for c in claims}
        for a, b in itertools.combinations(claims, 2):
            wa, wb = words(a.claim), words(b.claim)
            if 2 * (counted[a.id] & counted[b.id]).total() < SAME_WORDING * (len(wa) + len(wb)):
                continue  # difflib's matches are shared words: its ratio cannot reach the threshold
            ratio = 1.0 if wa == wb else difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
            if ratio >= SAME_WORDING:
                expected[(a.id, b.id)] = expected[(b.id, a.id)] = ratio
        assert found.keys() == expected.keys(), seed
        assert all(abs(found[pair] - expected[pair]) < 0.02 for pair in found)  # difflib's ratio may differ slightly by order
        assert any(ratio < 1 for ratio in expected.values())  # the data does hold near (not only exact) duplicates


def _brute_force(claims: list[Claim]) -> dict[tuple[str, str], float]:
    """Every pair alike enough, both ways, with how alike: comparing all pairs."""
    expected = {}
    counted = {c.id: Counter(words(c.claim)) for c in claims}
    for a, b in itertools.combinations(claims, 2):
        wa, wb = words(a.claim), words(b.claim)
        if 2 * (counted[a.id] & counted[b.id]).total() < SAME_WORDING * (len(wa) + len(wb)):
            continue  # difflib's matches are shared words: its ratio cannot reach the threshold
        ratio = 1.0 if wa == wb else difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
        if ratio >= SAME_WORDING:
            expected[(a.id, b.id)] = expected[(b.id, a.id)] = ratio
    return expected


@pytest.mark.parametrize("size", [30, PAIRED_UP_TO + 26])
def test_pairs_that_differ_in_their_rarest_words_right_up_to_the_threshold_are_found(size):
    # Each pair shares a block of common words and differs in its first, rarest ones (each also
    # in a filler text, so that other texts hold it too): as many as the threshold allows, and
    # one more. The first word they share comes as late in their order as it can.
    texts = []
    for differing in range(int(size * (1 - SAME_WORDING)) + 3):
        rare = [[f"r{differing}x{side}x{n}" for n in range(differing)] for side in (0, 1)]
        common = [f"common{n}" for n in range(size - differing)]
        texts += [" ".join(rare[0] + common), " ".join(rare[1] + common), " ".join(rare[0] + rare[1] + [f"filler{differing}x{n}" for n in range(9)])]
    claims = [_claim(n, text) for n, text in enumerate(texts)]
    found = {(d.claim.id, d.other.id): d.same_wording for d in find_duplicates(claims, ())}
    expected = _brute_force(claims)
    assert found.keys() == expected.keys()
    assert min(expected.values()) < SAME_WORDING + 0.01  # the data reaches the threshold


def test_the_work_stays_far_below_comparing_every_pair():
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocabulary))))  # Zipf-like, as words in text are
    claims = [_claim(n, " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(8, 30)))) for n in range(3000)]
    tally = Tally()
    find_duplicates(claims, (), tally)
    all_pairs = len(claims) * (len(claims) - 1) // 2
    assert tally.candidates < all_pairs / 50
    assert tally.compared <= tally.candidates


def test_overlapping_passages_are_compared_only_when_they_overlap():
    claims = [_claim(n, f"claim number {n} " + "x" * n) for n in range(200)]
    uses = [
        QuoteUse(claim=c.id, role="appeared", quote=c.appeared[0], exact="", anchor="", start=n * 100, end=n * 100 + 60)
        for n, c in enumerate(claims)
    ]
    # the last claim quotes nearly the same stretch as the first
    uses[-1] = QuoteUse(claim="c199", role="appeared", quote=claims[-1].appeared[0], exact="", anchor="", start=5, end=60)
    tally = Tally()
    found = find_duplicates(claims, uses, tally)
    assert {(d.claim.id, d.other.id, d.passage_source) for d in found} == {("c0", "c199", "s"), ("c199", "c0", "s")}
    assert tally.passages_compared == 1


@pytest.mark.parametrize("count", [65, 100])
def test_a_quote_overlapping_more_quotes_than_are_compared_says_so_at_its_claim(count):
    """The same-passage search compares a quote with the nearest overlapping quotes only (a bound on
    its work); a claim whose quote overlapped one it left behind gets a located warning, not silence."""
    from factcheck.core import duplicates

    claims = [_claim(n, f"claim {n} " + "y" * n) for n in range(count)]
    uses = [QuoteUse(claim=c.id, role="appeared", quote=c.appeared[0], exact="", anchor="", start=n, end=10_000)
            for n, c in enumerate(claims)]
    found = duplicates.search_duplicates(claims, uses)
    left_out = {f"c{n}" for n in range(duplicates._PASSAGE_LOOK_BACK + 1, count)}
    assert set(found.passage_stopped) == left_out  # every quote overlaps all earlier ones; the first 65 saw them all
    said = [p for p in duplicates.duplicate_problems(claims, uses) if "nearest of them only" in p.message]
    assert sorted((p.path, p.line, p.field) for p in said) == sorted((f"claims/{c}.yaml", 6, "appeared[0]") for c in left_out)
    assert all(p.severity == "warning" and "copied files" in p.hint for p in said)


def test_the_search_from_the_files_texts_gives_the_same_warnings():
    from factcheck.core import duplicates

    texts = _texts(120, 3) + _template_texts(120, 4)
    texts += texts[::17]  # exact copies, paired with the first of their group: that depends on the order
    claims = [_claim(n, text, kind="attribution" if n % 5 == 0 else "fact") for n, text in enumerate(texts)]
    expected = duplicates.duplicate_problems(claims, ())
    assert len(expected) > 20
    search = duplicates.DuplicateSearch(duplicates.texts_of(reversed(claims)))  # the order of the claims as built, not as the site lists them
    assert search.problems(claims, ()) == expected
    search = duplicates.DuplicateSearch(duplicates.texts_of(claims[1:]))  # other claims than the files gave: searched again
    assert search.problems(claims, ()) == expected


# ----------------------------------------------------------------------------- bounded work


def test_claims_alike_but_for_one_word_name_their_look_alikes_and_say_where_the_search_stopped(tmp_path):
    """Issue 24's reproducer (tests/hostile/grow/alike_but_one_word.py) at a size past the bounds:
    every claim still names look-alikes, each claim the search stopped on says so at its line, and
    the warnings stay a few per claim."""
    import importlib.util
    from pathlib import Path

    from factcheck.commands.cli import settings_from_mkdocs_yml
    from factcheck.core import duplicates
    from factcheck.core.pipeline import check

    spec = importlib.util.spec_from_file_location("alike", Path(__file__).parent / "hostile" / "grow" / "alike_but_one_word.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    count = duplicates.FOUND_PER_TEXT + 20
    module.write(count, tmp_path / "repo")
    checked = check(settings_from_mkdocs_yml(tmp_path / "repo" / "mkdocs.yml"))
    assert checked.site is not None and not errors(checked.problems)
    found = duplicate_warnings(checked)
    by_path = Counter(p.path for p in found)
    assert set(by_path) == {f"claims/desk-{n}.yaml" for n in range(count)}
    assert max(by_path.values()) == duplicates.REPORTED_PER_CLAIM + 1  # five named, one saying what is left
    stopped = [p for p in found if "stopped early on this wording" in p.message]
    # The texts are searched shortest first, then by text: the first FOUND_PER_TEXT + 1 have no more
    # earlier look-alikes than the search looks for; each later one stops with one left to compare.
    assert len(stopped) == count - duplicates.FOUND_PER_TEXT - 1
    for problem in stopped:
        lines = (tmp_path / "repo" / problem.path).read_text("utf-8").splitlines()
        assert (problem.field, problem.severity) == ("claim", "warning")
        assert lines[problem.line - 1].startswith("claim: Officials at desk")
        assert "beyond the 5 named above, and claims it was not compared with" in problem.message
    named = [p for p in found if p.path == stopped[0].path and "(\u201cDesk" in p.message]
    assert len(named) == duplicates.REPORTED_PER_CLAIM and all("92% alike" in p.message for p in named)


def test_the_same_words_in_other_orders_are_compared_a_bounded_number_of_times_and_said_to_be():
    # Every pair shares all its words, so every pair is a candidate, but difflib finds few alike:
    # each text is compared with at most COMPARED_PER_TEXT earlier ones.
    from factcheck.core import duplicates

    base = "officials at the trade ministry said that steel tariffs reached record highs again this year".split()
    texts = []
    for seed in range(5 * duplicates.COMPARED_PER_TEXT // 2):
        listed = base[:]
        random.Random(seed).shuffle(listed)
        texts.append(" ".join(listed))
    claims = [_claim(n, text) for n, text in enumerate(texts)]
    tally = Tally()
    found = duplicates.search_duplicates(claims, (), tally)
    distinct = len(set(texts))
    assert tally.compared <= distinct * duplicates.COMPARED_PER_TEXT < distinct * (distinct - 1) // 2
    assert found.stopped  # the later texts had more candidates than comparisons
    for duplicate in found.duplicates:  # what is named, if anything, is alike
        wa, wb = words(duplicate.claim.claim), words(duplicate.other.claim)
        assert max(difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio(), difflib.SequenceMatcher(None, wb, wa, autojunk=False).ratio()) >= SAME_WORDING


def test_copies_of_a_text_with_many_near_texts_are_paired_with_a_bounded_number_of_them():
    from factcheck.core import duplicates

    # Eight words: one word more makes a text 94% alike to it, but two such texts only 89% alike.
    text = "Officials said steel tariffs reached record highs again"
    copies, near = 30, duplicates.FOUND_PER_TEXT + 10
    claims = [_claim(n, text) for n in range(copies)]
    claims += [_claim(copies + n, f"{text} desk{n}") for n in range(near)]
    found = duplicates.search_duplicates(claims, ())
    per_claim = Counter(d.claim.id for d in found.duplicates)
    first, rest = claims[0].id, [c.id for c in claims[1:copies]]
    assert per_claim[first] == copies - 1 + near  # the first copy carries every pair found
    # the others: their first claim, and the first claims of FOUND_PER_TEXT near texts (not copies x near pairs)
    assert all(per_claim[c] == 1 + duplicates.FOUND_PER_TEXT for c in rest)
    assert set(rest) == found.stopped
    problems = duplicates.duplicate_problems(claims, ())
    assert {p.path for p in problems if "stopped early" in p.message} >= {f"claims/{c}.yaml" for c in rest}
