"""The generated pages as MkDocs builds them: front matter from the record, headings converted once.

A generated page hands MkDocs only its headings in Markdown (render/output.py); its body comes in
as HTML blocks (``Page.fill``, in the plugin's ``on_page_content``). For each such page MkDocs
would read the file, parse its YAML front matter, make a new Python-Markdown instance with all
the site's extensions and convert the headings: about 1.1 ms a page, as much as the plugin takes
to render the page from its records. ``GeneratedPage`` removes that work:

- its front matter is the record's own mapping (the YAML of the file reads back as it: tested);
- one Python-Markdown instance with the site's extensions and their options converts the headings
  of every generated page of a build, reset between pages as Python-Markdown provides, with
  MkDocs' own per-page tree processors (anchors, relative links, title) registered for each;
- a page's first line, its title heading, is converted on its own, and the headings after it once
  for all the pages that have the same ones (claim pages share a handful of lists); the two are
  put together as one conversion would have made them: ids, permalinks and the table of contents
  are the site's ``toc`` extension's. Where the title's id is also one of the later headings' (one
  conversion would have numbered one of them), where those headings hold a link (written relative
  to a page), or where the Markdown is no longer headings alone (another plugin changed it), the
  page is converted whole.

MkDocs 1.6 lets a plugin set ``File.page`` to a ``Page`` of its own; the tree processors are
MkDocs' private classes (1.6.1 is its last release): without them, pages are left to MkDocs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Mapping, Optional

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

_PER_PAGE_PROCESSORS = ("_RawHTMLPreprocessor", "_ExtractAnchorsTreeprocessor", "_RelativePathTreeprocessor", "_ExtractTitleTreeprocessor")
SUPPORTED = all(hasattr(mkdocs_pages, name) for name in _PER_PAGE_PROCESSORS)


@dataclass(frozen=True)
class _Converted:
    """What converting some headings gave: their HTML, their table-of-contents entries in order
    (without children), the title MkDocs takes from a first ``<h1>``, the ids present, and the
    links to anchors MkDocs checks after the build: those within the page (a permalink's
    ``#id``) apart from those to other pages."""

    html: str
    entries: tuple[dict, ...]
    title: Optional[str]
    ids: frozenset[str]
    own_anchors: dict[str, str]
    other_links: dict[File, dict[str, str]]

    def links_to_anchors(self, file: File) -> dict[File, dict[str, str]]:
        """The links as MkDocs records them for ``file``'s page."""
        links = dict(self.other_links)
        if self.own_anchors:
            links[file] = {**links.get(file, {}), **self.own_anchors}
        return links


_NOTHING = _Converted("", (), None, frozenset(), {}, {})  # no headings after the title


def _entries(tokens: list[dict]) -> list[dict]:
    """The toc extension's nested tokens as the flat list it nested, in document order."""
    flat: list[dict] = []
    for token in tokens:
        flat.append({key: value for key, value in token.items() if key != "children"})
        flat.extend(_entries(token.get("children", [])))
    return flat


def _headings_only(text: str) -> bool:
    return all(line.startswith("#") for line in text.split("\n") if line.strip())


class Headings:
    """Converts the headings of a build's generated pages with one Markdown instance of the site's extensions."""

    def __init__(self, config: MkDocsConfig):
        self._config = config
        self._markdown: Optional[markdown.Markdown] = None
        self._after_title: dict[str, Optional[_Converted]] = {}  # headings after a title -> converted, None if they link out

    def _convert(self, text: str, file: File, files: Files) -> _Converted:
        md = self._markdown
        if md is None:
            config = self._config
            md = self._markdown = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        md.reset()
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(file, files, self._config)
        anchors._register(md)
        relative = mkdocs_pages._RelativePathTreeprocessor(file, files, self._config)
        relative._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        html = md.convert(text)
        other_links = dict(relative.links_to_anchors)
        own_anchors = other_links.pop(file, {})
        return _Converted(html, tuple(_entries(getattr(md, "toc_tokens", []))), title.title,
                          frozenset(anchors.present_anchor_ids | raw_html.present_anchor_ids), own_anchors, other_links)

    def _after(self, text: str, file: File, files: Files) -> Optional[_Converted]:
        if text not in self._after_title:
            converted = self._convert(text, file, files)
            # Kept for other pages unless a link leaves the page (it is written relative to this one).
            self._after_title[text] = None if 'href="' in converted.html.replace('href="#', "") else converted
        return self._after_title[text]

    def _in_parts(self, text: str, file: File, files: Files) -> Optional[_Converted]:
        """``text`` converted as its title heading and the (shared) headings after it, put together;
        None where that would differ from converting it whole."""
        title_line, _, rest = text.partition("\n")
        if not title_line.startswith("# ") or not _headings_only(rest):
            return None
        head = self._convert(title_line, file, files)
        tail = self._after(rest, file, files) if rest.strip() else _NOTHING
        if tail is None or head.ids & tail.ids:  # one conversion would have numbered one of the ids
            return None
        return _Converted(
            head.html + "\n" + tail.html if tail.html else head.html, head.entries + tail.entries, head.title,
            head.ids | tail.ids, {**head.own_anchors, **tail.own_anchors}, head.other_links,
        )

    def render(self, page: "GeneratedPage", files: Files) -> None:
        """Set ``page``'s content, table of contents, title and anchors, as ``Page.render`` does."""
        text = page.markdown or ""
        converted = self._in_parts(text, page.file, files) or self._convert(text, page.file, files)
        page.content, page._title_from_render = converted.html, converted.title
        page.toc = get_toc(nest_toc_tokens([dict(entry) for entry in converted.entries]))  # nesting adds children: copies
        page.present_anchor_ids = set(converted.ids)
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = converted.links_to_anchors(page.file)


class GeneratedPage(mkdocs_pages.Page):
    """A page the plugin generated, not in the sidebar: MkDocs' ``Page`` reading its front matter
    and headings from the record, and converting them through the build's ``Headings``."""

    def __init__(self, file: File, config: MkDocsConfig, meta: Mapping[str, Any], headings_markdown: str, headings: Headings):
        self._meta = meta
        self._headings_markdown = headings_markdown
        self._headings = headings
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:  # another plugin gives the page's text: read as MkDocs reads it
            self.markdown, self.meta = get_data(source)
            return
        # A copy: plugins set keys of page.meta (ours sets "search"), and the record is kept while serving.
        self.markdown, self.meta = self._headings_markdown, dict(self._meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        self._headings.render(self, files)
