"""What rendering produces: Markdown pages and other files of the site."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A generated Markdown page (front matter included), at a docs-relative source path."""

    path: str
    markdown: str
    in_nav: bool = False  # index pages go in the sidebar; claim and source pages do not


@dataclass(frozen=True)
class Asset:
    """A generated file copied to the site as it is: JSON, CSV, Atom, CSS."""

    path: str
    content: str
