"""What rendering produces: pages and other files of the site."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from ..core.unsafe_text import UNSAFE

# A paragraph of its own in a page's ``body``, standing for ``html[N]``: a word no Markdown
# extension changes, which no contributor text can make (their text is never a paragraph of its own
# beside the page's headings: it is inside the HTML blocks, escaped). MkDocs never reads the
# markers (``headings``): they are for the exported pages (``markdown``).
_MARK = "FACTCHECKHTML"
_MARK_LINE = re.compile(rf"^{_MARK}(\d+)$", re.MULTILINE)
_MARK_LINES = re.compile(rf"\n\n{_MARK}\d+(?=\n)")
# The end of a heading as Python-Markdown writes it (its text is escaped: no contributor text makes one).
_HEADING_END = re.compile(r"</h[1-6]>")


def mark(index: int) -> str:
    """The paragraph of a page's ``body`` that stands for its ``html[index]``."""
    return f"{_MARK}{index}"


# Front-matter fields the theme writes into the HTML as they are (MkDocs' Jinja does not
# autoescape): ``title`` into <title>, the header, the navigation and the search index;
# ``description`` into <meta name="description" content="...">. Our own templates read
# the ``factcheck`` mapping and escape it themselves.
_THEME_HTML_FIELDS = ("title", "description")


def page_meta(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A page's front matter as MkDocs reads it (``page.meta``): plain JSON values, with ``title``
    and ``description`` HTML-escaped (``&``, ``<``, ``>`` and ``"``; apostrophes stay readable),
    since the theme writes them into pages unescaped."""
    return {
        key: html.escape(value, quote=False).replace('"', "&quot;") if key in _THEME_HTML_FIELDS and isinstance(value, str) else value
        for key, value in fields.items()
    }


def front_matter_text(meta: Mapping[str, Any]) -> str:
    """YAML front matter that reads back as ``meta`` (a ``page_meta``): each value written as JSON,
    which is valid YAML."""
    lines = ["---"]
    lines.extend(f"{key}: {_escaped_for_yaml(json.dumps(value, ensure_ascii=False))}" for key, value in meta.items())
    lines.append("---")
    return "\n".join(lines)


_UNPRINTABLE = re.compile(r"[^\x20-\x7e]")


def _escaped_for_yaml(written: str) -> str:
    """JSON text with every character that is not printable (NEL, the line and paragraph
    separators, direction and zero-width characters, unassigned ones) escaped as YAML reads it:
    written raw, a line separator ended the front matter (the page lost title, template and
    verdict). Escaped one character at a time, ``\\U`` beyond the first plane (PyYAML does not
    read the surrogate pairs ``json.dumps`` would write)."""
    def escape(match: "re.Match[str]") -> str:
        character = match.group()
        if character.isprintable() and not UNSAFE.match(character):
            return character
        code = ord(character)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return _UNPRINTABLE.sub(escape, written)


@dataclass(frozen=True)
class Page:
    """A generated page at a docs-relative source path.

    ``meta`` is its front matter as MkDocs reads it (``page_meta``); ``body`` is the page's
    headings in Markdown (so that the table of contents, the anchors, the permalinks and the
    search sections are MkDocs' own, under the site's ``toc`` options) and, between them, one
    marker paragraph per block of ``html``, the body made straight from the records
    (render/html.py). MkDocs converts only the headings (``headings``); the plugin puts each
    block after the heading it follows (``fill``, from ``places``). Exported, the page is one
    Markdown file with the blocks in place (``markdown``).
    """

    path: str
    meta: Mapping[str, Any]
    body: str
    in_nav: bool = False  # index pages go in the sidebar; claim and source pages do not
    title: str = ""  # of a page in the sidebar: named there even when MkDocs does not read it (serve --dirty)
    html: tuple[str, ...] = ()
    places: tuple[int, ...] = ()  # for each block of ``html``: how many of the page's headings come before it

    @property
    def source(self) -> str:
        """The page as a file: front matter, then the body with its markers."""
        return front_matter_text(self.meta) + "\n\n" + self.body

    @property
    def markdown(self) -> str:
        """The page as one Markdown file (HTML blocks inside), for engines without the plugin (build-pages)."""
        if not self.html:
            return self.source
        return _MARK_LINE.sub(lambda m: self.html[int(m.group(1))], self.source)

    @property
    def headings(self) -> str:
        """What MkDocs converts: the body without its markers (each would be a paragraph for
        Python-Markdown's inline patterns to try, for nothing)."""
        return _MARK_LINES.sub("", "\n\n" + self.body)[2:] if self.html else self.body  # a marker may come first

    @property
    def read_by_mkdocs(self) -> str:
        """The page as a file MkDocs would read: front matter and headings."""
        return front_matter_text(self.meta) + "\n\n" + self.headings

    def fill(self, converted: str) -> str:
        """The page's converted ``headings`` with its HTML blocks in place, each after the
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
