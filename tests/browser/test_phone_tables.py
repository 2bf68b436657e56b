"""Tables on a 360-pixel phone: the claim page's sources (with their reliability) and the disagreements
page's sources × subjects matrix are cards, so no box scrolls sideways, not even inside the page,
and every source, rating, subject and value is still there, on screen."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE
from pages import page_types

pytestmark = pytest.mark.browser

# Every element of the page's content that is wider than the viewport (scrollWidth), reaches past
# its edges, or scrolls sideways inside its own box (a table in a scrolling wrapper), leaving out what
# is not drawn: hidden elements and the header row of a card table, clipped to a pixel for screen readers.
TOO_WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const drawn = el => { for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || (s.position === 'absolute' && s.clip !== 'auto')) return false; }
        return true; };
    return Array.from(document.querySelectorAll('.md-content, .md-content *'))
        .filter(el => { const box = el.getBoundingClientRect();
                        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
                        return el.scrollWidth > width || scrolls && el.scrollWidth > el.clientWidth + 1
                               || box.right > width + 0.5 || box.left < -0.5; })
        .filter(drawn)
        .map(el => `${el.tagName.toLowerCase()}.${el.className} (${el.scrollWidth} px wide, ${el.clientWidth} shown)`);
}"""

# The text of each card (row) of the table that follows the heading with this id, as drawn.
CARDS = """id => { let el = document.getElementById(id).nextElementSibling;
    while (el && !el.querySelector('table') && el.tagName !== 'TABLE') el = el.nextElementSibling;
    return Array.from(el.querySelectorAll('tbody tr')).map(tr => {
        const box = tr.getBoundingClientRect();
        return {text: tr.innerText, left: box.left, right: box.right}; }); }"""


def claim_with_most_sources(model):
    """The claim whose sources table is widest: most sources, then the longest reliability reasons."""
    return max(model.claims, key=lambda c: (
        len(c.sources), sum(len(model.source(s).reliability_reason or "") for s in c.sources), c.id))


def test_the_claim_page_s_sources_are_cards_on_a_phone(reader_factory, served) -> None:
    model = served.model
    claim = claim_with_most_sources(model)
    reader = reader_factory(PHONE)
    reader.open(served.url(model.urls.claim(claim.id)))
    assert reader.horizontal_overflow() <= 0
    assert reader.page.evaluate(TOO_WIDE) == [], f"{claim.id}: boxes wider than the {PHONE['width']} px phone"
    cards = reader.page.evaluate(CARDS, "sources")
    assert len(cards) == len(claim.sources) >= 2
    for card, source_id in zip(cards, claim.sources):
        source = model.source(source_id)
        text = " ".join(card["text"].split())
        assert text.startswith(" ".join(source.title.split())), text
        assert f"Publisher: {source.publisher if source.publisher_known else 'Unidentified outlet'}" in text, text
        assert "Published: " in text
        if source.reliability_rating:
            reason = " ".join((source.reliability_reason or "").split())
            assert f"Reliability: {source.reliability_rating.capitalize()}: {reason}".strip() in text, text
        assert 0 <= card["left"] and card["right"] <= PHONE["width"]
    reader.page.locator("#sources").scroll_into_view_if_needed()
    reader.shot("claim-sources-phone", full_page=False)
    assert reader.console_errors == []


def test_the_disagreements_matrix_is_cards_on_a_phone(reader_factory, served) -> None:
    model = served.model
    reader = reader_factory(PHONE)
    reader.open(served.url(model.urls.disagreements()))
    assert reader.horizontal_overflow() <= 0
    assert reader.page.evaluate(TOO_WIDE) == [], f"boxes wider than the {PHONE['width']} px phone"
    cards = reader.page.evaluate(CARDS, "sources-and-subjects")
    # each source speaking of a disputed subject is a card: its name, then a line per subject it
    # speaks of, naming the subject and every value the source gives it
    expected: dict[str, dict[str, list[str]]] = {}
    for disagreement in model.disagreements:
        subject = " ".join(model.corpus.subject(disagreement.subject).title.split())
        for side in disagreement.sides:
            said = expected.setdefault(model.corpus.name_of(side.source), {}).setdefault(subject, [])
            said.append(" ".join((side.value_text or "✓").split()))
    assert len(cards) == len(expected)
    for card in cards:
        lines = [" ".join(line.split()) for line in card["text"].split("\n") if line.strip()]
        name = lines[0]
        assert name in expected, name
        assert len(lines) == 1 + len(expected[name]), (name, lines)
        for subject, said in expected[name].items():
            line = next((line for line in lines[1:] if line.startswith(f"{subject}: ")), "")
            assert line and all(value in line for value in said), (name, subject, said, lines)
        assert 0 <= card["left"] and card["right"] <= PHONE["width"]
    reader.page.locator("#sources-and-subjects").scroll_into_view_if_needed()
    reader.shot("disagreements-matrix-phone", full_page=False)
    assert reader.console_errors == []


def test_no_page_type_has_a_box_wider_than_a_phone(reader_factory, served) -> None:
    """Every generated page type (the richest of each): at 360 px nothing scrolls sideways inside it either."""
    reader = reader_factory(PHONE)
    found = {}
    for kind, page in page_types(served.model).items():
        reader.open(served.url(page))
        wide = reader.page.evaluate(TOO_WIDE)
        if wide:
            found[kind] = wide[:3]
    assert found == {}, found
    assert reader.console_errors == []


@pytest.mark.parametrize("page", ["claim", "disagreements"])
def test_on_a_desktop_they_stay_tables(reader_factory, served, page) -> None:
    """Columns side by side under one header row, no card labels shown."""
    model = served.model
    address = model.urls.claim(claim_with_most_sources(model).id) if page == "claim" else model.urls.disagreements()
    heading = "sources" if page == "claim" else "sources-and-subjects"
    reader = reader_factory(DESKTOP)
    reader.open(served.url(address))
    shape = reader.page.evaluate("""id => { let el = document.getElementById(id).nextElementSibling;
        while (el && !el.querySelector('table') && el.tagName !== 'TABLE') el = el.nextElementSibling;
        const table = el.querySelector('table') || el;
        const row = Array.from(table.querySelectorAll('tbody tr:first-child td')).map(td => td.getBoundingClientRect());
        return {display: getComputedStyle(table).display, header: table.querySelector('thead').getBoundingClientRect().height,
                labels: Array.from(table.querySelectorAll('.fc-cell-label')).filter(l => l.offsetParent !== null).length,
                tops: row.map(box => Math.round(box.top))}; }""", heading)
    assert shape["display"] == "table" and shape["header"] > 10 and shape["labels"] == 0, shape
    assert len(set(shape["tops"])) == 1 and len(shape["tops"]) >= 4, shape
