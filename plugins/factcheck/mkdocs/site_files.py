"""The files the plugin hands MkDocs, as MkDocs sees them: how each is written, kept or skipped.

MkDocs writes the site's data files before it renders the pages and keeps every ``File`` to
the end of the build, when its memory peaks; under ``mkdocs serve --dirty`` it asks each file
whether it changed. These classes answer for the generated files (and the hand-written pages
a dirty serve must rebuild); ``page_files`` and ``data_files`` decide which class each file
gets, and ``ServedFiles`` is what a dirty serve remembers of them from run to run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ..core.safe_files import LinkRefused, refuse_links
from ..render import Asset, DataFile, Page
from . import generated_page
from .generated_page import GeneratedPage, Headings


class WrittenOnceFile(File):
    """A generated data file (JSON, CSV, Atom, search shards) that lets go of its content once written.

    MkDocs writes such files before it renders the pages and keeps each File to the end of the
    build; their content, the largest part of the plugin's memory on a large site, is not kept.
    """

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        self.content_bytes = b""


class DeferredFile(File):
    """A generated data file (an export, the feed) made when MkDocs writes it, a piece at a time,
    and never held: not while MkDocs renders the pages (when the build's memory peaks), nor whole
    when written."""

    pieces: Callable[[], Iterable[bytes]]

    @classmethod
    def deferred(cls, config: MkDocsConfig, data: DataFile) -> "DeferredFile":
        file = cls.generated(config, data.path, content=b"")  # content: what MkDocs asks of a generated file
        file.pieces = lambda: (piece.encode("utf-8") for piece in data.pieces())
        return file

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:  # for a plugin that reads the file: made whole, then
        return b"".join(self.pieces())

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.pieces = lambda: (value,)

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.content_bytes = value.encode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        try:
            refuse_links(self.abs_dest_path)  # never written through a link (issue 24)
        except LinkRefused as refused:  # a clean stop of the build, not a traceback
            from mkdocs.exceptions import PluginError

            raise PluginError(f"factcheck: {refused.described()}") from None
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(self.abs_dest_path, flags, 0o644), "wb") as output:
            output.writelines(self.pieces())


class UnchangedFile(WrittenOnceFile):
    """A generated data file whose content is what the previous build of this ``mkdocs serve --dirty``
    wrote: MkDocs' dirty build asks ``is_modified`` and leaves it as it is (it is handed over
    empty: MkDocs does not read it)."""

    def is_modified(self) -> bool:
        return False


class ServedPage(File):
    """A generated page's file in a ``mkdocs serve --dirty``, kept with its page from run to run
    while the page stays as it was: MkDocs makes neither again, and its dirty build asks
    ``is_modified`` (``changed``) whether to read and write the page. It does not read a page it
    skips, so a page in the sidebar carries its title here (``on_nav`` gives it back)."""

    changed: bool = True
    title: str = ""

    def is_modified(self) -> bool:
        return self.changed


class RebuiltPage(File):
    """A hand-written page rebuilt by every ``mkdocs serve --dirty`` run, edited or not: its live lists
    follow the data, and Material's search index, written anew by each run, must hold it."""

    def is_modified(self) -> bool:
        return True


def already_in_docs(docs_dir: str, paths: Iterable[str]) -> list[str]:
    """The generated ``paths`` (``/``-separated) that the docs folder already has a file or folder at.

    One walk of the docs folder, following links as MkDocs does when it collects the pages,
    instead of asking the file system about each of 12,000 generated paths on every build.
    """
    present: set[str] = set()
    for folder, folders, names in os.walk(docs_dir, followlinks=True):
        within = os.path.relpath(folder, docs_dir)
        prefix = "" if within == os.curdir else within.replace(os.sep, "/") + "/"
        present.update(prefix + name for name in [*folders, *names])
    return [path for path in paths if path in present]


@dataclass
class ServedFiles:
    """What a ``mkdocs serve --dirty`` remembers of the generated files from one run to the next.

    ``made_from``: what each file was made from last run (the same objects when kept whole, so
    most comparisons are of identity), to tell a file that stays as it was. ``pages``: the File
    of each generated page not in the sidebar, with its page, handed back while the page stays
    as it was, so MkDocs neither makes nor writes it again (kept for the site folder and URLs
    ``made_for``). ``banner``: whether the last run showed the errors banner, which is on every
    page: when it comes or goes, every file is made again. The pages are left as they were only
    when the plugin's search worker indexes them (Material's own index is written anew from the
    pages each run builds).
    """

    made_from: dict[str, Any] = field(default_factory=dict)
    pages: dict[str, "ServedPage"] = field(default_factory=dict)
    made_for: tuple = ()
    banner: bool = False
    with_pages: bool = False  # whether the pages were among the files left as they were

    def start_run(self, banner: bool, with_pages: bool) -> None:
        """A new run; everything is made again if the banner came or went, or the pages join or leave."""
        if (banner, with_pages) != (self.banner, self.with_pages):
            self.banner, self.with_pages = banner, with_pages
            self.made_from.clear()
            self.pages.clear()

    def unchanged(self, path: str, made_from: Any) -> bool:
        """Whether ``made_from`` is what the file at ``path`` was made from last run (and remember it)."""
        before = self.made_from.get(path)
        same = before is made_from or before == made_from
        self.made_from[path] = made_from
        return same

    def let_go_of_html(self) -> None:
        """After a build: the kept pages hold no HTML (each page's is written; the next run writes only changed ones)."""
        for file in self.pages.values():
            if file.page is not None:
                file.page.content = None


def page_files(pages: Iterable[Page], config: MkDocsConfig, served: Optional[ServedFiles]) -> Iterator[File]:
    """A File for each generated page, with the page MkDocs builds it as (``GeneratedPage``) for one
    not in the sidebar: a page in the sidebar is MkDocs' own, which takes a title the nav gives it.

    ``served``: in a dirty serve that may leave pages as they were (``ServedFiles.with_pages``),
    the last run's File of a page that stays as it was comes back, not written again."""
    headings = Headings(config) if generated_page.SUPPORTED else None
    served = served if served is not None and served.with_pages else None
    made_for = (config.site_dir, config.use_directory_urls, config.site_url)
    kept = served.pages if served is not None and served.made_for == made_for else {}
    if served is not None:
        served.pages, served.made_for = {}, made_for
    for page in pages:
        unchanged = served is not None and served.unchanged(page.path, (page.meta, page.body, page.html))
        file = kept.get(page.path) if unchanged else None
        if file is None:
            file = (ServedPage if served is not None else File).generated(
                config, page.path, content=page.read_by_mkdocs,
                inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            if headings is not None and not page.in_nav:
                GeneratedPage(file, config, page.meta, page.headings, headings)
        if isinstance(file, ServedPage):
            file.changed, file.title = not unchanged, page.title
            if served is not None and file.page is not None:
                served.pages[page.path] = file
        yield file


def data_files(assets: Iterable[Asset], deferred: Iterable[DataFile], config: MkDocsConfig, served: Optional[ServedFiles]) -> Iterator[File]:
    """A File for each generated data file: written once (``WrittenOnceFile``), made as it is
    written (``DeferredFile``), or, in a dirty serve, left as it was (``UnchangedFile``)."""
    for asset in assets:
        if served is not None and served.unchanged(asset.path, asset.content):  # left as written: nothing to encode
            yield UnchangedFile.generated(config, asset.path, content=b"")
        else:  # as bytes: MkDocs writes a str by encoding it whole, a second copy of a file of tens of MB at once
            yield WrittenOnceFile.generated(config, asset.path, content=asset.content.encode("utf-8"))
    for data in deferred:
        yield DeferredFile.deferred(config, data)
