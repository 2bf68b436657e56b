"""What rendering produces: pages and other files of the site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

# A paragraph of its own in a page's ``source``, standing for ``html[N]``: a word no Markdown
# extension changes, which no contributor text can make (their text is never a paragraph of its own
# beside the page's headings: it is inside the HTML blocks, escaped).
_MARK = "FACTCHECKHTML"
_MARK_LINE = re.compile(rf"^{_MARK}(\d+)$", re.MULTILINE)
_MARK_PARAGRAPH = re.compile(rf"<p>{_MARK}(\d+)</p>")


def mark(index: int) -> str:
    """The paragraph of a page's ``source`` that stands for its ``html[index]``."""
    return f"{_MARK}{index}"


@dataclass(frozen=True)
class Page:
    """A generated page at a docs-relative source path.

    ``source`` is what MkDocs reads: the front matter, the page's headings in Markdown (so that
    the table of contents, the anchors, the permalinks and the search sections are MkDocs' own,
    under the site's ``toc`` options) and, between them, one marker paragraph per block of
    ``html``, the body made straight from the records (render/html.py). Converting that is
    trivial; the plugin puts the blocks in place of their markers in the converted page
    (``fill``). A page with no ``html`` is Markdown through and through.
    """

    path: str
    source: str
    in_nav: bool = False  # index pages go in the sidebar; claim and source pages do not
    title: str = ""  # of a page in the sidebar: named there even when MkDocs does not read it (serve --dirty)
    html: tuple[str, ...] = ()

    @property
    def markdown(self) -> str:
        """The page as one Markdown file (HTML blocks inside), for engines without the plugin (build-pages)."""
        if not self.html:
            return self.source
        return _MARK_LINE.sub(lambda m: self.html[int(m.group(1))], self.source)

    def fill(self, converted: str) -> str:
        """The page's converted ``source`` with its HTML blocks in place of their markers."""
        if not self.html:
            return converted
        filled, count = _MARK_PARAGRAPH.subn(lambda m: self.html[int(m.group(1))], converted)
        if count != len(self.html):
            raise ValueError(f"{self.path}: {count} of the {len(self.html)} HTML blocks were placed (a Markdown extension changed their markers)")
        return filled


@dataclass(frozen=True)
class Asset:
    """A generated file copied to the site as it is: JSON, CSV, Atom, CSS."""

    path: str
    content: str


@dataclass(frozen=True)
class DataFile:
    """A generated file made only when it is written, a piece at a time: the exports of a large
    site run to tens of MB each (claims.json: 67 MB at 10,000 claims), and a build need not hold
    them, whole or all at once."""

    path: str
    pieces: Callable[[], Iterable[str]]  # the text in pieces, each made as it is wanted

    def made(self) -> Asset:
        return Asset(self.path, "".join(self.pieces()))


def whole(make: Callable[[], str]) -> Callable[[], Iterable[str]]:
    """The ``pieces`` of a file made in one piece."""
    return lambda: (make(),)
