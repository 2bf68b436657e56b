"""What rendering produces: pages and other files of the site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

# A paragraph of its own in a page's ``source``, standing for ``html[N]``: a word no Markdown
# extension changes, which no contributor text can make (their text is never a paragraph of its own
# beside the page's headings: it is inside the HTML blocks, escaped). MkDocs never reads the
# markers (``read_by_mkdocs``): they are for the exported pages (``markdown``).
_MARK = "FACTCHECKHTML"
_MARK_LINE = re.compile(rf"^{_MARK}(\d+)$", re.MULTILINE)
_MARK_LINES = re.compile(rf"\n\n{_MARK}\d+(?=\n)")
# The end of a heading as Python-Markdown writes it (its text is escaped: no contributor text makes one).
_HEADING_END = re.compile(r"</h[1-6]>")


def mark(index: int) -> str:
    """The paragraph of a page's ``source`` that stands for its ``html[index]``."""
    return f"{_MARK}{index}"


@dataclass(frozen=True)
class Page:
    """A generated page at a docs-relative source path.

    ``source`` is the front matter, the page's headings in Markdown (so that the table of contents,
    the anchors, the permalinks and the search sections are MkDocs' own, under the site's ``toc``
    options) and, between them, one marker paragraph per block of ``html``, the body made
    straight from the records (render/html.py). MkDocs reads it without the markers
    (``read_by_mkdocs``): converting front matter and headings is all it does; the plugin puts
    each block after the heading it follows (``fill``, from ``places``). A page with no ``html``
    is Markdown through and through.
    """

    path: str
    source: str
    in_nav: bool = False  # index pages go in the sidebar; claim and source pages do not
    title: str = ""  # of a page in the sidebar: named there even when MkDocs does not read it (serve --dirty)
    html: tuple[str, ...] = ()
    places: tuple[int, ...] = ()  # for each block of ``html``: how many of the page's headings come before it

    @property
    def markdown(self) -> str:
        """The page as one Markdown file (HTML blocks inside), for engines without the plugin (build-pages)."""
        if not self.html:
            return self.source
        return _MARK_LINE.sub(lambda m: self.html[int(m.group(1))], self.source)

    @property
    def read_by_mkdocs(self) -> str:
        """What MkDocs converts: the source without its markers (each would be a paragraph for
        Python-Markdown's inline patterns to try, for nothing)."""
        return _MARK_LINES.sub("", self.source) if self.html else self.source

    def fill(self, converted: str) -> str:
        """The page's converted ``read_by_mkdocs`` with its HTML blocks in place, each after the
        heading it follows (as its marker paragraph stood in ``source``)."""
        if not self.html:
            return converted
        ends = [m.end() for m in _HEADING_END.finditer(converted)]
        headings = max(self.places)
        if len(ends) < headings:
            raise ValueError(f"{self.path}: {len(ends)} headings found where the page has at least {headings} (a Markdown extension changed them)")
        pieces, start = [], 0
        for block, place in zip(self.html, self.places):
            if place == 0:  # before the first heading: the converted text starts with that heading
                pieces.append(block + ("\n" if converted else ""))
                continue
            at = ends[place - 1]
            pieces += [converted[start:at], "\n", block]
            start = at
        pieces.append(converted[start:])
        return "".join(pieces)


@dataclass(frozen=True)
class Asset:
    """A generated file copied to the site as it is: JSON, CSV, Atom, CSS."""

    path: str
    content: str


@dataclass(frozen=True)
class DataFile:
    """A generated file made only when it is written, a piece at a time: the exports of a large
    site run to tens of MB each, and a build need not hold
    them, whole or all at once."""

    path: str
    pieces: Callable[[], Iterable[str]]  # the text in pieces, each made as it is wanted

    def made(self) -> Asset:
        return Asset(self.path, "".join(self.pieces()))


def whole(make: Callable[[], str]) -> Callable[[], Iterable[str]]:
    """The ``pieces`` of a file made in one piece."""
    return lambda: (make(),)
