"""What rendering produces: Markdown pages and other files of the site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class Page:
    """A generated Markdown page (front matter included), at a docs-relative source path."""

    path: str
    markdown: str
    in_nav: bool = False  # index pages go in the sidebar; claim and source pages do not
    title: str = ""  # of a page in the sidebar: named there even when MkDocs does not read it (serve --dirty)


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
