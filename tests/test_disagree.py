"""Deciding where the sources disagree (factcheck.core.disagree)."""

from __future__ import annotations

import random
from datetime import date
from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core.disagree import (
    CONTRADICTION,
    DIFFERENT_FIGURES,
    REFERENCE_PERIOD,
    SCOPE,
    TENSION,
    WORDS,
    Disagreement,
    find_disagreements,
)
from factcheck.core.model import Corpus, Quote, QuoteUse, Scale, Source, Subject
from factcheck.core.quotes import anchor
from factcheck.core.values import Value, numeric_value, value_from_yaml

STUDENTS = "chinese-students-in-us"
PUBLISHED = date(2025, 6, 1)
MORE_THAN_270K = "In the 2023-2024 school year, more than 270,000 Chinese students studied in the US"
OVER_300K = "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024"


def source(id: str, copies: str = "") -> Source:
    return Source(id=id, title=f"Title of {id}", publisher="Publisher", published=PUBLISHED,
                  type="news-article", text="", copies=copies)


def corpus(*sources: Source, subjects: tuple[Subject, ...] = ()) -> Corpus:
    return Corpus(claims=(), sources=sources, people=(), subjects=subjects, scale=Scale(()))


def use(claim: str, source_id: str, text: str, subject: str = STUDENTS, value: Optional[Value] = None,
        start: int = 0, role: str = "appeared", **quote_fields: str) -> QuoteUse:
    quote = Quote(source=source_id, text=text, subject=subject, **quote_fields)
    return QuoteUse(claim=claim, role=role, quote=quote, exact=text, anchor=anchor(source_id, text),
                    start=start, end=start + len(text), value=value)


def figure(number: float, qualifier: str = "exactly") -> Value:
    return numeric_value("number", number, qualifier, "students")


def only(found: tuple[Disagreement, ...]) -> Disagreement:
    assert len(found) == 1, [d.id for d in found]
    return found[0]


# ---------------------------------------------------------------------------
# The fixture case: 270,000 (2023-24) and 300,000 (as of 2024)


def test_figures_for_different_periods_are_a_reference_period_difference_not_a_contradiction() -> None:
    uses = [use("c1", "trivium", MORE_THAN_270K, period="2023-2024 school year"),
            use("c2", "cnn", OVER_300K, period="as of 2024")]
    found = only(find_disagreements(uses, corpus(source("trivium"), source("cnn"))))
    assert (found.id, found.kind, found.severity) == (f"{STUDENTS}-reference-period", REFERENCE_PERIOD, "low")
    assert [(s.source, s.period, s.value_text) for s in found.sides] == [
        ("cnn", "as of 2024", "more than 300,000"),
        ("trivium", "2023-2024 school year", "more than 270,000"),
    ]
    assert "2023-2024 school year" in found.reason and "as of 2024" in found.reason


def test_the_sides_keep_the_exact_quote_its_anchor_source_title_and_claims() -> None:
    uses = [use("c1", "trivium", MORE_THAN_270K, period="2023-24 school year"),
            use("c2", "cnn", OVER_300K, period="as of 2024")]
    side = find_disagreements(uses, corpus(source("trivium"), source("cnn")))[0].sides[1]
    assert (side.quote, side.anchor) == (MORE_THAN_270K, anchor("trivium", MORE_THAN_270K))
    assert (side.source_title, side.claims) == ("Title of trivium", ("c1",))
    assert side.value is not None and side.value.low == 270000 and side.value.low_open


def test_qualified_round_figures_of_one_period_contradict() -> None:
    # Read as journalists write them: 270,000-odd against 300,000-odd.
    uses = [use("c1", "trivium", MORE_THAN_270K), use("c2", "cnn", OVER_300K)]
    found = only(find_disagreements(uses, corpus(source("trivium"), source("cnn"))))
    assert (found.kind, found.severity) == (CONTRADICTION, "high")


def test_open_figures_that_can_both_hold_but_differ_notably_are_still_shown() -> None:
    literal = [value_from_yaml({"kind": "number", "number": n, "qualifier": "more-than", "reading": "literal"}, None)
               for n in (270000, 300000)]
    uses = [use("c1", "trivium", MORE_THAN_270K, value=literal[0]), use("c2", "cnn", OVER_300K, value=literal[1])]
    found = only(find_disagreements(uses, corpus(source("trivium"), source("cnn"))))
    assert (found.kind, found.severity) == (DIFFERENT_FIGURES, "low")


def test_exact_figures_that_cannot_both_hold_contradict() -> None:
    uses = [use("c1", "a", "270,000 students", period="2024"), use("c2", "b", "300,000 students", period="2024")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"))))
    assert (found.id, found.kind, found.severity) == (f"{STUDENTS}-contradiction", CONTRADICTION, "high")
    assert "cannot all hold" in found.reason


def test_periods_written_differently_but_meaning_the_same_are_the_same_period() -> None:
    uses = [use("c1", "a", "270,000 students", period="2023-24 school year"),
            use("c2", "b", "300,000 students", period="2023-2024 School Year.")]
    assert only(find_disagreements(uses, corpus(source("a"), source("b")))).kind == CONTRADICTION


def test_a_period_stated_by_one_side_only_is_not_a_difference_of_period() -> None:
    uses = [use("c1", "a", "270,000 students", period="2023-24"), use("c2", "b", "300,000 students")]
    assert only(find_disagreements(uses, corpus(source("a"), source("b")))).kind == CONTRADICTION


def test_different_scopes_are_flagged_as_scope() -> None:
    uses = [use("c1", "a", "270,000 students", scope="all students"),
            use("c2", "b", "30,000 students", scope="graduate students in STEM fields")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"))))
    assert (found.kind, found.severity) == (SCOPE, "low")
    assert "graduate students in STEM fields" in found.reason


# ---------------------------------------------------------------------------
# What is not a disagreement


def test_sides_that_agree_yield_nothing() -> None:
    uses = [use("c1", "a", "over 300,000 students"), use("c2", "b", "more than 310,000 students"),
            use("c3", "c", "about 300,000 students")]
    assert find_disagreements(uses, corpus(source("a"), source("b"), source("c"))) == ()


def test_the_same_figure_for_two_periods_is_not_a_disagreement() -> None:
    uses = [use("c1", "a", "300,000 students", period="2023"), use("c2", "b", "300,000 students", period="2024")]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


def test_values_of_different_kinds_or_units_do_not_contradict() -> None:
    uses = [use("c1", "a", "nearly $15 billion a year"), use("c2", "b", "more than 270,000 students"),
            use("c3", "c", "€20 billion")]
    assert find_disagreements(uses, corpus(source("a"), source("b"), source("c"))) == ()


def test_values_of_different_kinds_for_different_periods_still_flag_the_period() -> None:
    uses = [use("c1", "a", "nearly $15 billion a year", period="2024"),
            use("c2", "b", "more than 270,000 students", period="2023-24 school year")]
    assert only(find_disagreements(uses, corpus(source("a"), source("b")))).kind == REFERENCE_PERIOD


def test_quotes_without_a_subject_or_without_a_value_are_not_compared() -> None:
    uses = [use("c1", "a", "270,000 students", subject=""), use("c2", "b", "300,000 students", subject=""),
            use("c3", "a", "The talks went badly", subject="talks"),
            use("c4", "b", "The talks went well", subject="talks")]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


def test_differing_labels_are_left_to_the_editor() -> None:
    truce = "truce"
    uses = [use("c1", "a", "China has totally violated its agreement", subject=truce,
                value=Value(kind="label", text="violation of the truce")),
            use("c2", "b", "China acted within the deal", subject=truce,
                value=Value(kind="label", text="within the agreement"))]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


# ---------------------------------------------------------------------------
# Words in the same speaker's mouth


def test_different_words_from_the_same_speaker_on_the_same_occasion() -> None:
    occasion = "Truth Social post, 2025-05-30"
    uses = [use("c1", "a", "China has totally violated its agreement with us", subject="trump-on-china",
                said_by="donald-trump", occasion=occasion),
            use("c2", "b", "China has violated the deal", subject="trump-on-china",
                said_by="donald-trump", occasion=occasion)]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"))))
    assert (found.id, found.kind, found.severity) == ("trump-on-china-words", WORDS, "medium")
    assert "donald-trump" in found.reason


def test_the_same_words_in_different_typography_are_the_same_words() -> None:
    uses = [use("c1", "a", "China “has totally violated its agreement with us.”", subject="s",
                said_by="donald-trump", occasion="post"),
            use("c2", "b", 'China "has totally violated its agreement with us"', subject="s",
                said_by="donald-trump", occasion="Post")]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


def test_different_words_on_different_occasions_are_not_flagged() -> None:
    uses = [use("c1", "a", "We will win", subject="s", said_by="x", occasion="speech, 2025-05-01"),
            use("c2", "b", "We may lose", subject="s", said_by="x", occasion="speech, 2025-05-02")]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


def test_declared_words_are_compared_rather_than_the_surrounding_quote() -> None:
    said = value_from_yaml({"kind": "words", "text": "an escalation"}, None)
    uses = [use("c1", "a", "“It is clearly an escalation,” he said", subject="s", said_by="x", occasion="o",
                value=said),
            use("c2", "b", "He called it “an escalation”", subject="s", said_by="x", occasion="o", value=said)]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


# ---------------------------------------------------------------------------
# Tensions declared by the editor


def test_a_declared_tension_is_shown_even_when_the_values_agree() -> None:
    subject = Subject(STUDENTS, "Chinese students in the United States", note="IIE counts are better supported.",
                      tension="The sources count different academic years.")
    uses = [use("c1", "a", "over 300,000 students"), use("c2", "b", "over 300,000 students")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"), subjects=(subject,))))
    assert (found.kind, found.severity, found.title) == (TENSION, "medium", "Chinese students in the United States")
    assert (found.reason, found.note) == ("The sources count different academic years.", "IIE counts are better supported.")
    assert len(found.sides) == 2


def test_every_disagreement_carries_the_editors_note_and_title() -> None:
    subject = Subject(STUDENTS, "Chinese students", note="The 2023-24 figure is the official one.")
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "300,000 students")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"), subjects=(subject,))))
    assert (found.note, found.title) == ("The 2023-24 figure is the official one.", "Chinese students")


def test_an_undeclared_subject_gets_a_title_from_its_key() -> None:
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "300,000 students")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"))))
    assert (found.title, found.note) == ("Chinese students in us", "")


# ---------------------------------------------------------------------------
# Sides: passages merged, copies counted once


def test_uses_of_the_same_passage_are_one_side_listing_every_claim() -> None:
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "300,000 students"),
            use("c3", "a", "270,000 students"), use("c1", "a", "270,000 students")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"))))
    assert [(s.source, s.claims) for s in found.sides] == [("a", ("c1", "c3")), ("b", ("c2",))]


def test_a_declared_value_wins_over_the_one_read_from_the_quote() -> None:
    uses = [use("c1", "a", "270,000 students", value=figure(300000)), use("c2", "b", "300,000 students")]
    assert find_disagreements(uses, corpus(source("a"), source("b"))) == ()


def test_a_copy_counts_once_and_its_claims_join_the_original() -> None:
    uses = [use("c1", "wire", "270,000 students"), use("c2", "paper", "270,000 students"),
            use("c3", "other", "300,000 students")]
    found = only(find_disagreements(uses, corpus(source("wire"), source("paper", copies="wire"), source("other"))))
    assert [(s.source, s.claims) for s in found.sides] == [("other", ("c3",)), ("wire", ("c1", "c2"))]


def test_a_copy_alone_with_its_original_makes_no_disagreement() -> None:
    uses = [use("c1", "wire", "270,000 students", period="2024"),
            use("c2", "paper", "270,000 students", period="2023-24")]
    assert find_disagreements(uses, corpus(source("wire"), source("paper", copies="wire"))) == ()


def test_what_a_copy_adds_of_its_own_is_kept() -> None:
    uses = [use("c1", "wire", "270,000 students"), use("c2", "paper", "300,000 students", start=50)]
    found = only(find_disagreements(uses, corpus(source("wire"), source("paper", copies="wire"))))
    assert {s.source for s in found.sides} == {"wire", "paper"}


def test_a_copy_whose_original_is_not_quoted_counts_as_itself() -> None:
    uses = [use("c1", "paper", "270,000 students"), use("c2", "other", "300,000 students")]
    found = only(find_disagreements(uses, corpus(source("paper", copies="wire"), source("other"))))
    assert {s.source for s in found.sides} == {"paper", "other"}


def test_chains_and_loops_of_copies_keep_exactly_one_side() -> None:
    chain = corpus(source("a", copies="b"), source("b", copies="c"), source("c"), source("z"))
    loop = corpus(source("a", copies="b"), source("b", copies="a"), source("z"))
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "270,000 students"),
            use("c3", "c", "270,000 students"), use("c4", "z", "300,000 students")]
    in_chain = only(find_disagreements(uses, chain))
    in_loop = only(find_disagreements(uses[:2] + uses[3:], loop))
    assert [(s.source, s.claims) for s in in_chain.sides] == [("c", ("c1", "c2", "c3")), ("z", ("c4",))]
    assert [(s.source, s.claims) for s in in_loop.sides] == [("a", ("c1", "c2")), ("z", ("c4",))]


# ---------------------------------------------------------------------------
# Ids, grouping, order


def test_several_disagreements_of_one_kind_get_numbered_ids() -> None:
    uses = [use("c1", "a", "100 students", period="2023"), use("c2", "b", "200 students", period="2023"),
            use("c3", "c", "1,000 students", period="2024"), use("c4", "d", "2,000 students", period="2024")]
    found = find_disagreements(uses, corpus(*(source(s) for s in "abcd")))
    contradictions = [(d.id, [s.source for s in d.sides]) for d in found if d.kind == CONTRADICTION]
    assert contradictions == [(f"{STUDENTS}-contradiction", ["a", "b"]), (f"{STUDENTS}-contradiction-2", ["c", "d"])]
    periods = only(tuple(d for d in found if d.kind == REFERENCE_PERIOD))
    assert [s.source for s in periods.sides] == ["a", "b", "c", "d"]


def test_three_incompatible_figures_are_one_contradiction() -> None:
    uses = [use("c1", "a", "100 students"), use("c2", "b", "200 students"), use("c3", "c", "300 students")]
    found = only(find_disagreements(uses, corpus(source("a"), source("b"), source("c"))))
    assert len(found.sides) == 3


def test_output_is_sorted_by_severity_then_subject() -> None:
    uses = [use("c1", "a", "about 270,000", subject="b-low"), use("c2", "b", "about 300,000", subject="b-low"),
            use("c3", "a", "100", subject="z-high"), use("c4", "b", "200", subject="z-high"),
            use("c5", "a", "100", subject="a-high"), use("c6", "b", "200", subject="a-high"),
            use("c7", "a", "x said", subject="m-words", said_by="x", occasion="o"),
            use("c8", "b", "x did not say", subject="m-words", said_by="x", occasion="o")]
    found = find_disagreements(uses, corpus(source("a"), source("b")))
    assert [(d.severity, d.subject) for d in found] == [
        ("high", "a-high"), ("high", "z-high"), ("medium", "m-words"), ("low", "b-low")]


def test_dates_that_cannot_both_hold_contradict() -> None:
    uses = [use("c1", "a", "The curbs were announced in early April", subject="curbs"),
            use("c2", "b", "The curbs were announced on April 14", subject="curbs")]
    assert only(find_disagreements(uses, corpus(source("a"), source("b")))).kind == CONTRADICTION


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_uses(rng: random.Random) -> None:
    uses = [use("c1", "a", "270,000 students", period="2023"), use("c2", "b", "300,000 students", period="2023"),
            use("c3", "c", "over 300,000 students", period="2024"), use("c4", "a", "270,000 students", period="2023"),
            use("c5", "d", "x said this", subject="w", said_by="x", occasion="o"),
            use("c6", "e", "x said that", subject="w", said_by="x", occasion="o")]
    sources = corpus(*(source(s) for s in "abcde"))
    shuffled = list(uses)
    rng.shuffle(shuffled)
    expected = find_disagreements(uses, sources)
    assert find_disagreements(shuffled, sources) == expected
    assert {d.kind for d in expected} == {CONTRADICTION, REFERENCE_PERIOD, WORDS}


def test_ten_thousand_claims_are_compared_within_their_subjects_only(monkeypatch) -> None:
    """Linear, counted rather than timed: one comparison per subject of two sides, none across subjects."""
    import factcheck.core.disagree as disagree

    sources = corpus(source("a"), source("b"))
    uses = [u for i in range(5000)
            for u in (use(f"c{i}a", "a", "270,000 students", subject=f"s{i}"),
                      use(f"c{i}b", "b", "300,000 students", subject=f"s{i}"))]
    compared: list[tuple[str, str]] = []
    pair_kind = disagree._pair_kind

    def counting(a, b, info=None):
        compared.append((a.side.claims[0], b.side.claims[0]))
        return pair_kind(a, b, info)

    monkeypatch.setattr(disagree, "_pair_kind", counting)
    found = find_disagreements(uses, sources)
    assert len(found) == 5000 and all(d.kind == CONTRADICTION and len(d.sides) == 2 for d in found)
    assert len(compared) == 5000, "each side is compared only with the other side of its own subject"
    assert all(a[1:].rstrip("ab") == b[1:].rstrip("ab") for a, b in compared)


# ---------------------------------------------------------------------------
# Overlapping passages of one source are one side


def test_overlapping_quotes_of_one_source_are_one_side_listing_both_claims() -> None:
    longer = "The clock is ticking, with the 90-day trade pause halfway through"
    shorter = "with the 90-day trade pause halfway through"
    uses = [use("c1", "yahoo", longer, subject="truce-elapsed", period="late May"),
            use("c2", "yahoo", shorter, subject="truce-elapsed", start=longer.index(shorter), period="late May"),
            use("c3", "trivium", "less than three weeks since the deal", subject="truce-elapsed",
                value=numeric_value("number", 21, "less-than", "days"), period="late May")]
    sides = [d.sides for d in find_disagreements(uses, corpus(source("yahoo"), source("trivium")))]
    yahoo_sides = [s for group in sides for s in group if s.source == "yahoo"]
    assert yahoo_sides, "the two sources disagree on how much of the truce had passed"
    assert all(s.claims == ("c1", "c2") and s.quote == longer for s in yahoo_sides)


def test_overlapping_quotes_with_different_values_stay_apart() -> None:
    text = "more than 270,000 students, about a quarter of all foreign students"
    uses = [use("c1", "trivium", text, subject="students", value=figure(270000, "more-than")),
            use("c2", "trivium", "about a quarter of all foreign students", subject="students",
                start=text.index("about"), value=figure(300000))]
    sides = {side.claims for d in find_disagreements(uses, corpus(source("trivium"))) for side in d.sides}
    assert ("c1",) in sides and ("c2",) in sides


# ---------------------------------------------------------------------------
# The editor's declarations (subjects.yaml) and severity from evidence

from factcheck.core.disagree import CONSISTENT, DISAGREEMENT, INTERNAL, find_consistent, standing  # noqa: E402
from factcheck.core.model import Claim, Record, SamePeriod  # noqa: E402
from factcheck.core.scale import DEFAULT_SCALE  # noqa: E402

OPEN_DOORS = SamePeriod("Open Doors 2024 (academic year 2023/24)", ("2023-24 school year", "as of 2024"))
IIE = Record(value=figure(277398), source="IIE, Open Doors 2024", url="https://opendoorsdata.org/")


def claim(id: str, verdict: str) -> Claim:
    return Claim(id=id, claim=id, short=id, claimant="a", appeared=(), verdict=verdict, conclusion="",
                 explanation="", published=PUBLISHED)


def rated(*sources: Source, claims: tuple[Claim, ...] = (), subjects: tuple[Subject, ...] = ()) -> Corpus:
    return Corpus(claims=claims, sources=sources, people=(), subjects=subjects, scale=DEFAULT_SCALE)


def students(**declared) -> Subject:
    return Subject(STUDENTS, "Chinese students in the US", **declared)


def the_two_figures() -> list[QuoteUse]:
    return [use("c270", "trivium", MORE_THAN_270K, period="2023-24 school year"),
            use("c300", "wire", OVER_300K, period="as of 2024"),
            use("c300", "trivium", MORE_THAN_270K, role="evidence", period="2023-24 school year"),
            use("c270", "wire", OVER_300K, role="evidence", period="as of 2024")]


def test_periods_declared_the_same_are_compared_value_against_value() -> None:
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"),
                                                             subjects=(students(periods=(OPEN_DOORS,)),))))
    assert (found.kind, found.status) == (CONTRADICTION, DISAGREEMENT)


def test_periods_not_declared_the_same_stay_a_difference_of_period() -> None:
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"))))
    assert (found.kind, found.severity) == (REFERENCE_PERIOD, "low")
    assert "different periods" in found.severity_reason


def test_a_side_refuted_by_the_record_makes_it_high_and_the_other_side_comes_first() -> None:
    subject = students(periods=(OPEN_DOORS,), record=IIE)
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"), subjects=(subject,))))
    assert found.severity == "high" and "refutes" in found.severity_reason and "Title of wire" in found.severity_reason
    assert [s.source for s in found.sides] == ["trivium", "wire"] and found.supported == 1
    assert [s.refuted for s in found.sides] == [False, True]
    assert "277,398" in found.support and found.record == IIE


def test_a_record_refutes_whatever_the_kind_even_a_difference_of_period() -> None:
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"), subjects=(students(record=IIE),))))
    assert (found.kind, found.severity) == (REFERENCE_PERIOD, "high")


def test_each_side_lists_only_its_own_claims_and_apart_those_citing_it() -> None:
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"))))
    by_source = {s.source: s for s in found.sides}
    assert (by_source["trivium"].claims, by_source["trivium"].cited_by) == (("c270",), ("c300",))
    assert (by_source["wire"].claims, by_source["wire"].cited_by) == (("c300",), ("c270",))
    assert set(found.claims) == {"c270", "c300"}


def test_verdicts_that_cannot_both_stand_make_any_kind_high_and_name_the_supported_side() -> None:
    uses = [use("c1", "a", "x said yes", said_by="x", occasion="o"), use("c2", "b", "x said no", said_by="x", occasion="o")]
    corpus_ = rated(source("a"), source("b"), claims=(claim("c1", "mostly-false"), claim("c2", "true")))
    found = only(find_disagreements(uses, corpus_))
    assert (found.kind, found.severity, found.supported) == (WORDS, "high", 1)
    assert found.sides[0].source == "b" and "cannot both stand" in found.severity_reason


def test_verdicts_that_can_both_stand_leave_the_kind_s_severity_and_nothing_settles_it() -> None:
    uses = [use("c1", "a", "x said yes", said_by="x", occasion="o"), use("c2", "b", "x said no", said_by="x", occasion="o")]
    corpus_ = rated(source("a"), source("b"), claims=(claim("c1", "true"), claim("c2", "half-true")))
    found = only(find_disagreements(uses, corpus_))
    assert (found.severity, found.supported) == ("medium", 0)
    assert "Nothing on record settles" in found.support


def test_a_subject_marked_consistent_is_listed_as_checked_never_as_a_disagreement() -> None:
    subject = students(note="One only quotes the other.", status=CONSISTENT)
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "300,000 students")]
    corpus_ = rated(source("a"), source("b"), subjects=(subject,))
    assert find_disagreements(uses, corpus_) == ()
    checked = find_consistent(uses, corpus_)
    assert [(c.subject, c.title, c.note, len(c.sides)) for c in checked] == [
        (STUDENTS, "Chinese students in the US", "One only quotes the other.", 2)]


def test_one_source_against_itself_is_an_internal_inconsistency() -> None:
    uses = [use("c1", "ft", "The deal agreed in early May", subject="deal", start=0),
            use("c2", "ft", "the May 12 agreement", subject="deal", start=100),
            use("c3", "wire", "the May 12 agreement", subject="deal")]
    found = only(find_disagreements(uses, rated(source("ft"), source("wire"))))
    assert (found.kind, found.status, found.internal_source, found.severity) == (CONTRADICTION, INTERNAL, "ft", "medium")
    assert found.reason.startswith("Title of ft says both")


def test_two_documents_that_contradict_each_other_are_not_internal() -> None:
    uses = [use("c1", "a", "270,000 students"), use("c2", "b", "300,000 students")]
    assert only(find_disagreements(uses, rated(source("a"), source("b")))).status == DISAGREEMENT


def test_the_editor_s_severity_wins_with_its_reason() -> None:
    subject = students(record=IIE, severity="low", severity_reason="The article was corrected the next day.")
    found = only(find_disagreements(the_two_figures(), rated(source("trivium"), source("wire"), subjects=(subject,))))
    assert (found.severity, found.severity_reason) == ("low", "The article was corrected the next day.")
    assert found.supported == 1  # the evidence still says which side it supports


@given(st.lists(st.sampled_from([r.key for r in DEFAULT_SCALE.ratings]), min_size=1, max_size=4),
       st.lists(st.sampled_from([r.key for r in DEFAULT_SCALE.ratings]), min_size=1, max_size=4))
def test_sides_are_high_and_supported_exactly_when_one_stands_and_the_other_falls(first: list[str], second: list[str]) -> None:
    claims = tuple(claim(f"a{i}", v) for i, v in enumerate(first)) + tuple(claim(f"b{i}", v) for i, v in enumerate(second))
    uses = ([use(f"a{i}", "a", "270,000 students") for i in range(len(first))]
            + [use(f"b{i}", "b", "300,000 students") for i in range(len(second))])
    found = only(find_disagreements(uses, rated(source("a"), source("b"), claims=claims)))
    verdicts = {c.id: c.verdict for c in claims}
    states = {standing([f"a{i}" for i in range(len(first))], verdicts, DEFAULT_SCALE),
              standing([f"b{i}" for i in range(len(second))], verdicts, DEFAULT_SCALE)}
    conflict = states == {"stands", "falls"}
    assert (found.supported == 1) == conflict
    assert found.severity == "high"  # a contradiction is high anyway
    if conflict:
        assert standing(found.sides[0].claims, verdicts, DEFAULT_SCALE) == "stands"


@given(st.lists(st.tuples(st.sampled_from(["high", "medium", "low"]), st.integers(0, 5)), min_size=1, max_size=8))
def test_output_is_ordered_by_severity_then_by_claims_touched(specs: list[tuple[str, int]]) -> None:
    uses, subjects = [], []
    for n, (severity, extra) in enumerate(specs):
        subject = f"s{n}"
        subjects.append(Subject(subject, subject, severity=severity, severity_reason="set"))
        uses += [use(f"{subject}-a{i}", "a", "270,000 students", subject=subject) for i in range(extra + 1)]
        uses.append(use(f"{subject}-b", "b", "300,000 students", subject=subject))
    found = find_disagreements(uses, rated(source("a"), source("b"), subjects=tuple(subjects)))
    keys = [(("high", "medium", "low").index(d.severity), -len(d.claims)) for d in found]
    assert keys == sorted(keys) and len(found) == len(specs)


# ---------------------------------------------------------------------------
# Issue 24: a claim's or a source's page gets its own sides and a few others


def _many_sides(count: int) -> Disagreement:
    sources = [source(f"s{n}") for n in range(count)]
    uses = [use(f"c{n}", f"s{n}", f"Some {100 + 7 * n} Chinese students studied in the US in 2024", value=figure(100 + 7 * n))
            for n in range(count)]
    return only(find_disagreements(uses, corpus(*sources)))


def test_a_claim_sees_its_own_side_and_at_most_a_few_others_with_a_count_of_the_rest() -> None:
    from factcheck.core.disagree import SIDES_PER_PAGE, seen_from, sides_by

    whole = _many_sides(40)
    assert len(whole.sides) == 40 and whole.sides_left_out == 0
    places = sides_by(whole, lambda side: side.all_claims)
    assert len(places) == 40
    for claim, own in places.items():
        view = seen_from(whole, own)
        assert len(view.sides) == SIDES_PER_PAGE and view.sides_left_out == 40 - SIDES_PER_PAGE
        assert claim in view.claims  # its own side is always there
        assert view.id == whole.id  # the link goes to the whole subject
        order = [whole.sides.index(side) for side in view.sides]
        assert order == sorted(order)  # in the disagreement's order (supported first)


def test_a_page_whose_own_sides_fill_the_limit_still_sees_a_side_the_evidence_supports() -> None:
    """So that its list can say which side the evidence supports (a view with ``supported`` 0 would say nothing settles it)."""
    from dataclasses import replace

    from factcheck.core.disagree import SIDES_PER_PAGE, seen_from

    whole = replace(_many_sides(40), supported=2)
    own = list(range(40 - SIDES_PER_PAGE, 40))
    view = seen_from(whole, own)
    assert view.sides == (whole.sides[0], *whole.sides[-SIDES_PER_PAGE:])
    assert view.supported == 1 and view.sides_left_out == 40 - SIDES_PER_PAGE - 1
    # with nothing supported the limit holds as before
    assert len(seen_from(replace(whole, supported=0), own).sides) == SIDES_PER_PAGE


def test_a_short_disagreement_is_seen_whole() -> None:
    from factcheck.core.disagree import SIDES_PER_PAGE, seen_from

    whole = _many_sides(SIDES_PER_PAGE)
    assert seen_from(whole, [SIDES_PER_PAGE - 1]) is whole


def test_the_site_gives_each_claim_and_source_page_a_bounded_view(tmp_path) -> None:
    """The data the pages receive (analyse.Site), for the reproducer of issue 24 at 60 claims."""
    import importlib.util
    from pathlib import Path

    from factcheck.commands.cli import settings_from_mkdocs_yml
    from factcheck.core.disagree import SIDES_PER_PAGE
    from factcheck.core.pipeline import check

    spec = importlib.util.spec_from_file_location("many_sides", Path(__file__).parent / "hostile" / "grow" / "many_sides.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(60, tmp_path / "repo")
    site = check(settings_from_mkdocs_yml(tmp_path / "repo" / "mkdocs.yml")).site
    assert site is not None
    (whole,) = site.disagreements
    assert len(whole.sides) == 60
    for claim in site.claims:
        (view,) = site.disagreements_by_claim[claim.id]
        assert len(view.sides) == SIDES_PER_PAGE and view.sides_left_out == 60 - SIDES_PER_PAGE and claim.id in view.claims
    for key, found in site.disagreements_by_source.items():
        (view,) = found
        assert len(view.sides) == SIDES_PER_PAGE and key in {side.source for side in view.sides}
