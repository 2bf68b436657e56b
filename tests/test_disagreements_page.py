"""The disagreements page and the home page's top disagreements (factcheck.render.disagreements_page),
on small sites and on the repository's own site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from factcheck.core.pipeline import render
from factcheck.render.disagreements_page import top_disagreements
from site_build import build_site

ROOT = Path(__file__).parent.parent
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
OPEN_DOORS = {"name": "Open Doors 2024", "same": ["2023-24 school year", "as of 2024"]}


def pages_of(make_site, folder, **kw) -> dict[str, str]:
    """The generated pages' Markdown, and the home page's top-disagreements block as "index.md"."""
    checked = make_site(folder, **kw).check()
    assert checked.ok, [str(p) for p in checked.problems]
    pages, _ = render(checked.site)
    return {page.path: page.markdown for page in pages} | {"index.md": top_disagreements(checked.site, "index.md", 5)}


def test_the_page_opens_with_a_summary_table_linking_to_each_section(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {"title": "Chinese students", "periods": [OPEN_DOORS],
                                           "record": {"value": 277398, "source": "IIE, Open Doors 2024"}}}
    page = pages_of(make_site, tmp_path, subjects=subjects)["disagreements.md"]
    table = page[page.index("## At a glance"):page.index("## Chinese students")]
    headers = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert headers == ["Subject", "Sources", "Kind", "Severity", "Evidence supports"]
    rows = re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>"):])
    row = next(r for r in rows if "Chinese students" in r)
    assert '<td data-label="Subject"><a href="#chinese-students-in-us-contradiction">Chinese students</a></td>' in row
    assert "more than 270,000" in row and "more than 300,000" in row and "contradiction" in row and ">high<" in row
    assert "{: #chinese-students-in-us-contradiction }" in page


def test_the_record_refutes_a_side_the_supported_side_comes_first_with_its_verdict(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {"title": "Chinese students", "periods": [OPEN_DOORS],
                                           "record": {"value": 277398, "source": "IIE, Open Doors 2024"}}}
    page = pages_of(make_site, tmp_path, subjects=subjects)["disagreements.md"]
    section = page[page.index("## Chinese students"):]
    assert "<strong>On record:</strong> 277,398, IIE, Open Doors 2024" in section
    supported, refuted = section.index("fc-side fc-side--supported"), section.index("fc-side fc-side--refuted")
    assert supported < refuted
    first_side = section[supported:refuted]
    assert "The evidence supports this side" in first_side and 'data-verdict="true"' in first_side
    assert "Its claims:" in first_side
    # the 30 May article's side makes no claim in this fixture: it is only cited as evidence
    second_side = section[refuted:]
    assert "No claim made by this passage is rated here." in second_side and "Cited as evidence by" in second_side


def test_without_evidence_the_page_says_nothing_settles_it(make_site, tmp_path):
    page = pages_of(make_site, tmp_path, subjects={"chinese-students-in-us": {"title": "Chinese students"}})["disagreements.md"]
    assert "<p><strong>Nothing settles it:</strong> Nothing on record settles which side is right.</p>" in page
    assert "fc-side--supported" not in page


def test_a_consistent_subject_is_listed_as_checked_and_not_as_a_disagreement(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {"title": "Chinese students", "status": "consistent",
                                           "note": "The documents agree once read together."}}
    pages = pages_of(make_site, tmp_path, subjects=subjects)
    page = pages["disagreements.md"]
    assert "## At a glance" not in page and "No disagreements found." in page
    checked = page[page.index("## Checked, no conflict"):]
    assert "<strong>Chinese students</strong>" in checked and "The documents agree once read together." in checked
    assert pages["index.md"] == "No disagreements found."


def test_contributor_text_is_escaped_everywhere_on_the_page(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {
        "title": HOSTILE, "note": HOSTILE, "periods": [OPEN_DOORS], "severity": "low", "severity_reason": HOSTILE,
        "record": {"value": 277398, "source": HOSTILE, "url": "javascript:alert(1)", "period": HOSTILE}}}
    checked = make_site(tmp_path, subjects=subjects).check()
    # the schema refuses a record address that is not http(s)
    assert not checked.ok and any("record" in p.field for p in checked.problems)
    subjects["chinese-students-in-us"]["record"]["url"] = "https://example.org/"
    pages = pages_of(make_site, tmp_path / "ok", subjects=subjects)
    for text in (pages["disagreements.md"], pages["index.md"]):
        assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in pages["disagreements.md"]


def test_the_matrix_gives_every_value_a_source_states_on_a_subject_and_is_cards_on_a_phone(make_site, claim_data, tmp_path):
    # the newsletter speaks twice of the subject: its 270,000 (the fixture's claim) and a quarter of foreign students
    share = claim_data(appeared=[{"source": "newsletter", "quote": "accounting for about a quarter of all foreign students in the country",
                                  "subject": "chinese-students-in-us", "period": "2023-24 school year"}])
    page = pages_of(make_site, tmp_path, claims={"share": share}, subjects={"chinese-students-in-us": {"title": "Chinese students"}})["disagreements.md"]
    matrix = page[page.index("## Sources and subjects"):]
    assert '<div class="fc-cards">' in matrix
    assert '<th><a href="#subject-chinese-students-in-us">Chinese students</a></th>' in matrix
    rows = re.findall(r"<tr>\n<td>(.*?)</td>\n<td>(.*?)</td>\n</tr>", matrix)
    label = '<span class="fc-cell-label" data-search-exclude><a href="#subject-chinese-students-in-us">Chinese students</a>: </span>'
    assert rows == [
        ('<a href="../sources/newsletter/">Example Newsletter</a>', f"{label}more than 270,000; about 25%"),
        ('<a href="../sources/wire/">Unidentified outlet, 31 May 2025</a>', f"{label}more than 300,000"),
    ]


def test_the_page_is_markdown_headings_around_html_blocks(make_site, tmp_path):
    """Made like the claim pages (render/html.py): MkDocs converts only the headings, with their ids."""
    checked = make_site(tmp_path, subjects={"chinese-students-in-us": {"title": "Chinese students", "note": "Two figures."}}).check()
    pages, _ = render(checked.site)
    page = {p.path: p for p in pages}["disagreements.md"]
    body = page.source.split("---\n", 2)[2]
    headings = [block.strip() for block in body.split("\n\n") if block.strip() and not block.startswith("FACTCHECKHTML")]
    assert headings == [
        "# Where the sources disagree", "## At a glance {: #at-a-glance }",
        "## Chinese students {: #subject-chinese-students-in-us }",
        "### Different reference periods {: #chinese-students-in-us-reference-period }", "## Sources and subjects",
    ]
    assert "<p><strong>Editor's note:</strong> Two figures.</p>" in page.markdown


def differences_item(page: str, heading: str) -> list[str]:
    """The items of the list under a claim's or a source's heading on its disagreements."""
    section = page[page.index(heading):]
    return re.findall(r"<li>(.*?)</li>", section[:section.index("</ul>")], re.S)


CLAIM_HEADING, SOURCE_HEADING = "## Where the sources differ", "## Where this source disagrees with others"
BADGES = ('<span class="fc-kind">contradiction</span> '
          '<span class="fc-severity fc-severity--high">Severity: high</span><br>\n')


def test_claim_and_source_pages_give_each_disagreement_s_status_severity_and_supported_side(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {"title": "Chinese students", "periods": [OPEN_DOORS],
                                           "record": {"value": 277398, "source": "IIE, Open Doors 2024"}}}
    pages = pages_of(make_site, tmp_path, subjects=subjects)
    supports = '<span class="fc-supports">Evidence supports: more than 270,000 (Example Newsletter).</span>'
    (claim_item,) = differences_item(pages["claims/students-270000.md"], CLAIM_HEADING)
    assert claim_item == (
        f"<strong>Chinese students</strong> {BADGES}"
        "Weekly recap: more than 270,000 (2023-24 school year); Talks stall: more than 300,000 (as of 2024). "
        f'{supports} <a href="../../disagreements/#chinese-students-in-us-contradiction">See both sides</a>')
    # both sources' pages: the same status, whichever side the source is on
    for source, other in (("newsletter", "Talks stall"), ("wire", "Weekly recap")):
        (item,) = differences_item(pages[f"sources/{source}.md"], SOURCE_HEADING)
        assert item == (f'<a href="../../disagreements/#chinese-students-in-us-contradiction">Chinese students</a> {BADGES}'
                        f"with {other}. {supports}")
    # the same words as the disagreements page's summary
    summary = pages["disagreements.md"]
    assert '<td data-label="Evidence supports">more than 270,000 (Example Newsletter)</td>' in summary


def test_without_evidence_the_lists_say_nothing_settles_it_with_the_kind_and_severity(make_site, tmp_path):
    pages = pages_of(make_site, tmp_path, subjects={"chinese-students-in-us": {
        "title": "Chinese students", "severity": "low", "severity_reason": "Different periods."}})
    (claim_item,) = differences_item(pages["claims/students-270000.md"], CLAIM_HEADING)
    (source_item,) = differences_item(pages["sources/wire.md"], SOURCE_HEADING)
    for item in (claim_item, source_item):
        assert ('<span class="fc-kind">different reference periods</span> '
                '<span class="fc-severity fc-severity--low">Severity: low</span><br>') in item
        assert '<span class="fc-supports">Nothing settles it.</span>' in item and "Evidence supports" not in item


def test_the_lists_escape_the_subject_s_title(make_site, tmp_path):
    pages = pages_of(make_site, tmp_path, subjects={"chinese-students-in-us": {"title": HOSTILE}})
    for path, heading in (("claims/students-270000.md", CLAIM_HEADING), ("sources/newsletter.md", SOURCE_HEADING)):
        (item,) = differences_item(pages[path], heading)
        assert "<script" not in item and "<img" not in item and "&lt;script&gt;" in item, path


# ---------------------------------------------------------------------------
# The repository's own site, built with MkDocs


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "site"
    build_site(ROOT, out)
    return out


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def summary_rows(page: str) -> list[str]:
    table = page[page.index('id="at-a-glance"'):]
    table = table[table.index("<tbody>"):table.index("</tbody>")]
    return [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


@pytest.mark.slow
def test_the_headline_case_is_a_high_contradiction_at_the_top_of_the_summary_table(shipped):
    page = (shipped / "disagreements" / "index.html").read_text("utf-8")
    first = summary_rows(page)[0]
    assert first.startswith("Number of Chinese students in the United States")
    assert "more than 270,000 students (Trivium China)" in first and "more than 300,000 students" in first
    assert " contradiction " in f" {first} " and " high " in f" {first} "
    assert first.endswith("more than 270,000 students (Trivium China)")  # the side the evidence supports
    section = page[page.index('id="chinese-students-in-us-contradiction"'):]
    assert "277,398" in text_of(section[:section.index('class="fc-sides"')])


@pytest.mark.slow
def test_the_home_page_shows_the_top_disagreements_with_their_figures(shipped):
    home = (shipped / "index.html").read_text("utf-8")
    block = home[home.index("fc-top-disagreements"):]
    items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", block[:block.index("</div>")], re.S)]
    assert items[0].startswith("Number of Chinese students in the United States")
    assert "270,000" in items[0] and "300,000" in items[0] and "Severity: high" in items[0]
    assert 'href="disagreements/#chinese-students-in-us-contradiction"' in block
    titles = [item.split(":")[0] for item in items]
    assert len(titles) == len(set(titles)), "a subject is shown once on the home page"


@pytest.mark.slow
def test_no_subject_whose_note_says_the_documents_agree_is_shown_as_a_disagreement(shipped):
    page = (shipped / "disagreements" / "index.html").read_text("utf-8")
    data = json.loads((shipped / "api" / "disagreements.json").read_text("utf-8"))
    agree = {"trump-violation-post", "trump-xi-call-status", "us-china-tariff-escalation", "china-response-to-us-measures",
             # their notes: "a change over time", "do not contradict each other", "consistent with each other"
             "next-round-timing", "commerce-ministry-stance", "rare-earth-licence-status"}
    shown = {entry["subject"] for entry in data if entry["status"] != "consistent"}
    assert not agree & shown
    assert {entry["subject"] for entry in data if entry["status"] == "consistent"} == agree
    rows = " ".join(summary_rows(page))
    for title in ("Trump's post accusing China", "Whether Trump and Xi had spoken", "How high the tariffs went"):
        assert title not in rows
    checked = text_of(page[page.index('id="checked-no-conflict"'):])
    assert "Trump's post accusing China of violating the agreement" in checked


@pytest.mark.slow
def test_every_side_card_shows_its_own_claims_with_their_verdicts(shipped):
    page = (shipped / "disagreements" / "index.html").read_text("utf-8")
    data = json.loads((shipped / "api" / "disagreements.json").read_text("utf-8"))
    entries = [entry for entry in data if entry["status"] != "consistent"]
    assert len(re.findall(r'<div class="fc-side[ "]', page)) == sum(len(entry["sides"]) for entry in entries)
    for entry in entries:
        section = page[page.index(f'id="{entry["id"]}"'):]
        section = re.split(r"<h[23]", section[1:], maxsplit=1)[0]
        cards = re.findall(r'<div class="fc-side[^"]*">(.*?)</div>', section, re.S)
        assert len(cards) == len(entry["sides"]), entry["id"]
        for card, side in zip(cards, entry["sides"]):
            verdicts = re.findall(r'data-verdict="([\w-]+)"', card.split("Cited as evidence by")[0])
            assert verdicts == [claim["verdict"] for claim in side["claims"]], entry["id"]
            assert side["claims"] or "No claim made by this passage is rated here." in card


@pytest.mark.slow
def test_the_ft_dates_are_an_internal_inconsistency_not_a_contradiction_between_documents(shipped):
    data = json.loads((shipped / "api" / "disagreements.json").read_text("utf-8"))
    entry = next(e for e in data if e["subject"] == "geneva-deal-date")
    assert (entry["status"], entry["internal_source"]) == ("internal", "ft-2025-06-02-china-accuses-us-violating-truce")
    assert entry["severity"] != "high" and entry["severity_reason"]
