"""The disagreements page's summary table as a reader sees it, on a phone (390 px) and a desktop."""

from __future__ import annotations

import pytest

from conftest import DESKTOP

PHONE_390 = {"width": 390, "height": 844}


def summary_cells(reader) -> list[dict]:
    """Each cell of the summary table's first row: its label, text, box and font size."""
    return reader.page.evaluate("""() => Array.from(document.querySelectorAll('table.fc-summary tbody tr:first-child td'))
        .map(td => { const box = td.getBoundingClientRect();
                     return {label: td.dataset.label, text: td.innerText.trim(), left: box.left, right: box.right,
                             width: box.width, font: parseFloat(getComputedStyle(td).fontSize),
                             before: getComputedStyle(td, '::before').content}; })""")


@pytest.mark.parametrize("name, viewport", [("phone", PHONE_390), ("desktop", DESKTOP)])
def test_the_summary_table_reads_on_a_phone_and_a_desktop(reader_factory, served, name, viewport) -> None:
    reader = reader_factory(viewport)
    reader.open(served.url(served.model.urls.disagreements()))
    assert reader.horizontal_overflow() <= 0, f"the disagreements page scrolls sideways on the {name}"
    table = reader.page.locator("table.fc-summary")
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"the summary table is wider than the {name}"
    # the table comes first: before the first subject's section
    first_section = reader.page.locator(".md-content h2").nth(1)
    assert box["y"] < first_section.bounding_box()["y"]
    cells = summary_cells(reader)
    assert [c["label"] for c in cells] == ["Subject", "Sources", "Kind", "Severity", "Evidence supports"]
    top = served.model.disagreements[0]
    assert cells[0]["text"] == top.title and cells[3]["text"] == top.severity
    for cell in cells:
        assert cell["font"] >= 12, f"{cell['label']} is set in {cell['font']}px on the {name}"
        assert cell["left"] >= 0 and cell["right"] <= viewport["width"] + 0.5, f"{cell['label']} runs off the {name}"
    if name == "phone":
        # each row is a card: cells stacked full width, each saying what it is
        assert all(c["width"] > viewport["width"] * 0.6 for c in cells), cells
        assert all(c["before"].strip('"').startswith(c["label"]) for c in cells[1:]), cells
    else:
        # a row of five columns side by side
        assert all(a["right"] <= b["left"] + 1 for a, b in zip(cells, cells[1:])), cells
    # no word is broken across lines: the severity badge and the headers' words each hold on one line
    broken = reader.page.evaluate("""() => Array.from(document.querySelectorAll(
            'table.fc-summary .fc-severity, table.fc-summary th'))
        .filter(el => !el.closest('thead') || el.closest('thead').getBoundingClientRect().height > 1)
        .filter(el => { const range = document.createRange(); range.selectNodeContents(el);
                        const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
                        return el.textContent.trim().split(/\\s+/).length === 1 && lines.size > 1; })
        .map(el => el.textContent.trim())""")
    assert broken == [], f"words broken across lines on the {name}: {broken}"
    reader.shot(f"disagreements-summary-{name}", full_page=False)
    assert reader.console_errors == []


def test_a_row_of_the_summary_leads_to_its_section(reader_factory, served) -> None:
    reader = reader_factory(PHONE_390)
    reader.open(served.url(served.model.urls.disagreements()))
    top = served.model.disagreements[0]
    reader.page.locator("table.fc-summary tbody tr").first.locator("a").click()
    reader.page.wait_for_function(f"location.hash === '#{top.id}'")
    heading = reader.page.locator(f"[id='{top.id}']")
    box = heading.bounding_box()
    assert 0 <= box["y"] < PHONE_390["height"], "the section is not on screen after following its row"
