"""The editor's assistant (factcheck.core.suggest): coverage and candidate disagreements."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from factcheck.core.model import Corpus, NotChecked, Person, Quote, QuoteUse, Scale, Source
from factcheck.core.quotes import anchor
from factcheck.core.suggest import suggest

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2025, 6, 1)
PEOPLE = (Person("ana-lopez", "Ana Lopez"), Person("trade-ministry", "Trade Ministry", kind="organisation"))


def source(id: str, text: str, not_checked: tuple[NotChecked, ...] = ()) -> Source:
    return Source(id=id, title=id, publisher="P", published=PUBLISHED, type="news-article", text=text,
                  not_checked=not_checked)


def corpus(*sources: Source) -> Corpus:
    return Corpus(claims=(), sources=sources, people=PEOPLE, subjects=(), scale=Scale(()))


def use(source_id: str, text: str, whole: str, subject: str = "") -> QuoteUse:
    start = whole.index(text)
    quote = Quote(source=source_id, text=text, subject=subject)
    return QuoteUse(claim="c", role="evidence", quote=quote, exact=text, anchor=anchor(source_id, text),
                    start=start, end=start + len(text))


def candidates_of(*sources: Source, uses: tuple[QuoteUse, ...] = ()) -> list:
    return list(suggest(corpus(*sources), uses).candidates)


# ---------------------------------------------------------------------------
# Coverage


def test_checkable_sentences_that_no_claim_quotes_are_listed_with_reasons_and_lines() -> None:
    text = "Harbour news\nThe harbour handled 4,000 ships in 2024. The weather was fine.\n“We are busy,” Ana Lopez said."
    found = suggest(corpus(source("a", text)), ()).uncovered
    assert [(u.line, u.sentence) for u in found] == [
        (2, "The harbour handled 4,000 ships in 2024."), (3, "“We are busy,” Ana Lopez said."),
    ]
    assert any(r.startswith("figure: 4,000") for r in found[0].reasons)
    assert "quotation (Ana Lopez)" in found[1].reasons


def test_a_status_is_checkable() -> None:
    found = suggest(corpus(source("a", "The treaty was signed. The sky is blue.")), ()).uncovered
    assert [u.sentence for u in found] == ["The treaty was signed."]
    assert found[0].reasons == ("event or status: “was signed”",)


def test_a_sentence_a_claim_quotes_is_covered() -> None:
    text = "The harbour handled 4,000 ships. It hired 300 workers."
    found = suggest(corpus(source("a", text)), (use("a", "4,000 ships", text),)).uncovered
    assert [u.sentence for u in found] == ["It hired 300 workers."]


def test_a_not_checked_entry_removes_a_sentence_from_the_list() -> None:
    text = "Published 2 June 2025. It hired 300 workers."
    entry = NotChecked(passage="Published 2 June 2025", reason="page furniture")
    found = suggest(corpus(source("a", text, (entry,))), ()).uncovered
    assert [u.sentence for u in found] == ["It hired 300 workers."]


def test_only_source_keeps_that_source() -> None:
    found = suggest(corpus(source("a", "It hired 300 workers."), source("b", "It hired 500 workers.")), (), only_source="b")
    assert {u.source for u in found.uncovered} == {"b"}
    assert all("b" in {s.source for s in c.sides} for c in found.candidates)


# ---------------------------------------------------------------------------
# Candidates, one kind at a time


def test_figures_of_the_same_measure_that_cannot_both_hold() -> None:
    a = source("a", "The port of Velmar handled 4,000 ships last year.")
    b = source("b", "Officials at Velmar counted exactly 9,000 ships.")
    [found] = candidates_of(a, b)
    assert any("cannot both hold" in r and "ships" in r for r in found.reasons)
    assert "tied by: ships, velmar" in found.reasons
    assert {s.source for s in found.sides} == {"a", "b"}


def test_qualified_round_figures_read_as_journalists_write_them_cannot_both_hold() -> None:
    # "more than 270,000" is 270,000-odd, "over 300,000" 300,000-odd (values' rounding rule)
    a = source("a", "More than 270,000 Chinese students studied in the US.")
    b = source("b", "Over 300,000 Chinese students were enrolled in the US.")
    [found] = candidates_of(a, b)
    assert found.reasons[0] == "figures for “students” that cannot both hold: More than 270,000 / Over 300,000"


def test_qualified_figures_that_both_hold_but_differ_notably() -> None:
    a = source("a", "About 270,000 Chinese students studied in the US.")
    b = source("b", "About 300,000 Chinese students were enrolled in the US.")
    [found] = candidates_of(a, b)
    assert found.reasons[0].startswith("different figures for “students” (11% apart)")


def test_a_vague_figure_that_holds_the_precise_one_is_not_a_candidate() -> None:
    a = source("a", "The ban touches hundreds of thousands of Chinese students.")
    b = source("b", "More than 270,000 Chinese students studied in the US.")
    assert candidates_of(a, b) == []


def test_close_figures_are_not_a_candidate() -> None:
    a = source("a", "More than 270,000 Chinese students studied there.")
    b = source("b", "More than 275,000 Chinese students studied there.")
    assert candidates_of(a, b) == []


def test_the_same_speaker_quoted_in_different_words() -> None:
    a = source("a", "“The harbour talks are slow and need leaders to meet,” Ana Lopez said.")
    b = source("b", "“The talks need the leaders themselves,” Lopez said on radio.")
    [found] = candidates_of(a, b)
    assert found.reasons[0].startswith("Ana Lopez quoted in different words")


def test_the_same_words_are_not_a_candidate() -> None:
    a = source("a", "“The talks are slow,” Ana Lopez said.")
    b = source("b", "Lopez said: “The talks are slow.”")
    assert candidates_of(a, b) == []


def test_the_same_event_given_dates_that_cannot_both_hold() -> None:
    a = source("a", "The Velmar deal was agreed on May 12.")
    b = source("b", "Velmar negotiators reached the deal on April 3.")
    [found] = candidates_of(a, b)
    assert any(r.startswith("the same deal given dates that cannot both hold") for r in found.reasons)


def test_one_bodys_statements_on_different_days() -> None:
    a = source("a", "The Trade Ministry said on May 12 that tariffs would fall.")
    b = source("b", "The Trade Ministry said on March 3 that the ports are open.")
    [found] = candidates_of(a, b)
    assert any("Trade Ministry's statements dated differently" in r for r in found.reasons)


def test_an_event_that_happened_against_one_that_has_not() -> None:
    a = source("a", "Velmar and Ostia have not held the summit.")
    b = source("b", "Velmar and Ostia signed at the summit.")
    [found] = candidates_of(a, b)
    assert any("(not-yet)" in r and "(done)" in r for r in found.reasons)


def test_opposite_characterisations_of_the_same_situation() -> None:
    a = source("a", "The Velmar negotiations have stalled.")
    b = source("b", "Officials in Velmar are optimistic about the negotiations.")
    [found] = candidates_of(a, b)
    assert any(r == "opposite characterisations: “stalled” / “optimistic”" for r in found.reasons)


def test_sentences_that_share_no_rare_word_are_not_compared() -> None:
    a = source("a", "The Velmar port handled 4,000 ships.")
    b = source("b", "Ostia reported 9,000 lorries.")
    assert candidates_of(a, b) == []


def test_a_candidate_names_the_subject_that_covers_both_sides() -> None:
    a_text, b_text = "The port of Velmar handled 4,000 ships.", "Velmar saw exactly 9,000 ships."
    uses = (use("a", "4,000 ships", a_text, "velmar-ships"), use("b", "9,000 ships", b_text, "velmar-ships"))
    [found] = candidates_of(source("a", a_text), source("b", b_text), uses=uses)
    assert found.covered_by == "velmar-ships"


def test_at_most_a_page_per_pair_of_sources() -> None:
    lines_a = "\n".join(f"Port{n} handled {n}000 ships." for n in range(1, 15))
    lines_b = "\n".join(f"Port{n} handled {n}900 ships." for n in range(1, 15))
    everything = suggest(corpus(source("a", lines_a), source("b", lines_b)), (), per_pair=0).candidates
    page = suggest(corpus(source("a", lines_a), source("b", lines_b)), ()).candidates
    assert len(everything) > 10 and len(page) == 10
    assert [c.score for c in page] == sorted((c.score for c in page), reverse=True)


def test_the_json_shape() -> None:
    found = suggest(corpus(source("a", "Velmar handled 4,000 ships."), source("b", "Velmar handled exactly 9,000 ships.")), ())
    data = found.as_json()
    assert set(data) == {"uncovered", "candidates"}
    assert set(data["uncovered"][0]) == {"source", "line", "sentence", "reasons"}
    assert set(data["candidates"][0]) == {"sides", "reasons", "covered_by", "score"}
    assert set(data["candidates"][0]["sides"][0]) == {"source", "line", "sentence"}
    json.dumps(data)


# ---------------------------------------------------------------------------
# The shipped site


def shipped(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck.commands.cli", "suggest", *arguments], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_the_shipped_sites_headline_cases_are_among_the_top_suggestions() -> None:
    result = shipped("--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    top = data["candidates"][:10]

    def found(first: str, second: str) -> dict:
        for candidate in top:
            texts = [side["sentence"] for side in candidate["sides"]]
            if any(first in t for t in texts) and any(second in t for t in texts):
                return candidate
        raise AssertionError(f"{first!r} / {second!r} not in the top 10")

    students = found("more than 270,000 Chinese students", "Over 300,000 Chinese students")
    assert any("students" in r for r in students["reasons"])
    bessent = found("given the magnitude of the talks", "Given the scale and complexity")
    assert any("Scott Bessent quoted in different words" in r for r in bessent["reasons"])
    # The methodology promises that every checkable sentence is a claim or on the "Not checked" list.
    assert data["uncovered"] == [], data["uncovered"]


def test_the_text_report_and_an_unknown_source() -> None:
    result = shipped("--source", "trivium-china-weekly-recap-2025-06-01")
    assert result.returncode == 0, result.stderr
    assert "Candidate disagreements:" in result.stdout and "Not yet checked: 0 sentence(s)" in result.stdout
    # The shipped texts are fully covered, so the "why:" lines are shown on a made-up source.
    from factcheck.commands.suggest_command import text_report
    report = text_report(suggest(corpus(source("a", "The harbour handled 4,000 ships in 2024.")), ()))
    assert "  line 1: The harbour handled 4,000 ships in 2024.\n    why: figure: 4,000" in report
    unknown = shipped("--source", "nope")
    assert unknown.returncode == 2 and "no source has the id 'nope'" in unknown.stderr


# ---------------------------------------------------------------------------
# The "Not yet checked" section of a source page (option not_yet_checked)

WIRE = {
    "title": "Talks stall", "publisher": "unknown", "published": date(2025, 5, 31), "date_precision": "approximate",
    "date_note": "The text gives no date.", "type": "news-article",
}


def source_page(make_site, folder: Path, option: bool, **record) -> str:
    from factcheck.core.pipeline import render

    mkdocs = (
        "site_name: Mini fact check\nsite_url: https://example.org/mini/\ntheme:\n  name: material\n"
        f"plugins:\n  - search\n  - factcheck:\n      publisher_name: Mini Desk\n      not_yet_checked: {str(option).lower()}\n"
    )
    text = "Harbour memo\nThe port handled 4,000 ships in 2024.\nThe talks are “a bit stalled,” Bessent said.\n"
    checked = make_site(folder, mkdocs=mkdocs, sources={"memo": {**WIRE, **record}}, texts={"memo": text}).check()
    assert checked.ok, [str(p) for p in checked.problems]
    pages, _ = render(checked.site)
    return next(p.markdown for p in pages if p.path == "sources/memo.md")


def test_the_section_is_off_by_default(make_site, tmp_path) -> None:
    assert "Not yet checked" not in source_page(make_site, tmp_path, option=False)


def test_the_section_lists_what_no_claim_quotes_and_no_entry_lists(make_site, tmp_path) -> None:
    entry = {"passage": "The talks are “a bit stalled,” Bessent said.", "reason": "checked elsewhere"}
    page = source_page(make_site, tmp_path, option=True, not_checked=[entry])
    section = page.split("## Not yet checked", 1)[1]
    assert "Line 2: The port handled 4,000 ships in 2024." in section
    assert "figure: 4,000" in section
    assert "a bit stalled" not in section


def test_a_not_checked_passage_missing_from_the_text_is_a_located_problem(make_site, tmp_path) -> None:
    entry = {"passage": "words the memo never had", "reason": "opinion"}
    site = make_site(tmp_path, sources={"memo": {**WIRE, "not_checked": [entry]}}, texts={"memo": "The port handled 4,000 ships.\n"})
    problems = [p for p in site.check().problems if "not_checked" in p.field]
    assert len(problems) == 1
    assert problems[0].path == "sources/memo.yaml" and "not in the archived text sources/memo.txt" in problems[0].message
