"""Tables that are cards on a phone (factcheck.render.cards)."""

from __future__ import annotations

import re

from factcheck.render.cards import card_table


def cells(table: str) -> list[list[str]]:
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>"):], re.S)]


def test_a_card_table_is_a_table_whose_cells_after_the_first_name_their_column():
    table = card_table(["Source", "Publisher", "Published"], [["<a href=\"a/\">A</a>", "CNN", "2 June 2025"]])
    assert table.startswith('<div class="fc-cards">\n<table>') and table.endswith("</table>\n</div>")
    assert re.findall(r"<th>(.*?)</th>", table) == ["Source", "Publisher", "Published"]
    assert cells(table) == [[
        '<a href="a/">A</a>',
        '<span class="fc-cell-label" data-search-exclude>Publisher: </span>CNN',
        '<span class="fc-cell-label" data-search-exclude>Published: </span>2 June 2025',
    ]]


def test_an_empty_cell_gets_no_name_so_its_card_leaves_it_out():
    table = card_table(["Source", "Reliability", "Notes"], [["A", "", "x"]])
    assert cells(table) == [["A", "", '<span class="fc-cell-label" data-search-exclude>Notes: </span>x']]


def test_headers_are_text_escaped_and_linked_where_an_address_is_given():
    table = card_table(["Source", "<b>Tariffs</b> & trade", "Visas"], [["A", "145%", "1"]], links=["", "#subject-tariffs"])
    assert re.findall(r"<th>(.*?)</th>", table) == [
        "Source", '<a href="#subject-tariffs">&lt;b&gt;Tariffs&lt;/b&gt; &amp; trade</a>', "Visas"]
    assert cells(table)[0][1] == (
        '<span class="fc-cell-label" data-search-exclude><a href="#subject-tariffs">&lt;b&gt;Tariffs&lt;/b&gt; &amp; trade</a>: </span>145%')
    assert "<b>" not in table
