"""Tables that are cards on a phone: a table on a desktop, a card per row on a narrow screen, so
that nothing scrolls sideways (the stylesheet's ``.fc-cards``, render/style.py).

Used by the listings (sources, people), a claim's sources and the disagreements page's matrix.
"""

from __future__ import annotations

from typing import Sequence

from . import html as h


def card_table(headers: Sequence[str], rows: Sequence[Sequence[str]], links: Sequence[str] = ()) -> str:
    """A table of HTML cells under text ``headers``; on a phone each row is a card headed by its first cell.

    Every other cell carries its column's name, shown only where the header row is not (and left out of
    the search index: the header row is there); an empty cell gets no name, and a card leaves it out.
    ``links``: an address per column (or "") to which its header and its names link.
    """
    targets = list(links) + [""] * (len(headers) - len(links))
    names = [h.a(h.esc(name), target) if target else h.esc(name) for name, target in zip(headers, targets)]
    labelled = [
        [row[0]] + [f'<span class="fc-cell-label" data-search-exclude>{name}: </span>{cell}' if cell else ""
                    for name, cell in zip(names[1:], row[1:])]
        for row in rows
    ]
    return f'<div class="fc-cards">\n{h.table(names, labelled)}\n</div>'
