"""Where every generated page lives. The one place that decides addresses."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Urls:
    """Source paths (``.md``, as MkDocs sees them) of every generated page, and links between them."""

    prefix: str = ""  # folder inside the docs for generated pages, "" for the top
    directory_urls: bool = True
    site_url: str = ""

    def _at(self, *parts: str) -> str:
        return "/".join((self.prefix, *parts) if self.prefix else parts)  # the prefix is stripped of "/"

    # pages -----------------------------------------------------------------
    def claim(self, claim_id: str) -> str:
        return self._at("claims", f"{claim_id}.md")

    def source(self, source_id: str) -> str:
        return self._at("sources", f"{source_id}.md")

    def verdict(self, key: str) -> str:
        return self._at("verdicts", f"{key}.md")

    def topic(self, topic_slug: str) -> str:
        return self._at("topics", f"{topic_slug}.md")

    def person(self, key: str) -> str:
        return self._at("people", f"{key}.md")

    def claims_index(self) -> str:
        return self._at("claims", "index.md")

    def sources_index(self) -> str:
        return self._at("sources", "index.md")

    def verdicts_index(self) -> str:
        return self._at("verdicts", "index.md")

    def topics_index(self) -> str:
        return self._at("topics", "index.md")

    def people_index(self) -> str:
        return self._at("people", "index.md")

    def disagreements(self) -> str:
        return self._at("disagreements.md")

    def corrections(self) -> str:
        return self._at("corrections.md")

    def data_file(self, name: str) -> str:
        """Non-page outputs: ``api/claims.json``, ``feed.xml``, the stylesheet."""
        return self._at(name)

    # links -----------------------------------------------------------------
    def link(self, from_page: str, to_page: str, anchor: str = "") -> str:
        """Relative link from one page's source to another's, as written in Markdown."""
        target = relative(to_page, posixpath.dirname(from_page))
        return f"{target}#{anchor}" if anchor else target

    def href(self, from_page: str, to_page: str, anchor: str = "") -> str:
        """Relative link from one page to another, as it is in the built page (between their
        addresses, as MkDocs writes the Markdown links of ``link``): for pages made as HTML."""
        base, target = self.url(from_page), self.url(to_page)
        folder = base[:-1] if base.endswith("/") else posixpath.dirname(base)
        stem = target[:-1] if target.endswith("/") else target
        if stem:
            found = relative(stem, folder)
        else:  # the site's home
            found = "/".join([".."] * len(folder.split("/"))) if folder else "."
        if target.endswith("/") or not stem:
            found = "./" if found == "." else found + "/"
        return f"{found}#{anchor}" if anchor else found

    def url(self, page: str) -> str:
        """The address of a page relative to the site's root, as MkDocs builds it."""
        stem = page[:-3] if page.endswith(".md") else page
        if not page.endswith(".md"):
            return page
        if not self.directory_urls:
            return f"{stem}.html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/"

    def absolute(self, page: str, anchor: str = "") -> str:
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        address = base + self.url(page)
        return f"{address}#{anchor}" if anchor else address


_ODD_PARTS = frozenset(("", ".", ".."))


def relative(to_page: str, from_folder: str) -> str:
    """``posixpath.relpath(to_page, from_folder or ".")``, without making both paths absolute
    against the working folder first (two getcwd calls per link: relpath is several times slower
    over a large site's links, figures in CHANGELOG). mkdocs.utils.get_relative_url gives the
    same for these paths but would make the core import MkDocs."""
    target = to_page.split("/")
    base = from_folder.split("/") if from_folder else []
    if not (_ODD_PARTS.isdisjoint(target) and _ODD_PARTS.isdisjoint(base)):
        return posixpath.relpath(to_page, from_folder or ".")  # not made by Urls: the general case
    common = 0
    while common < len(base) and common < len(target) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."
