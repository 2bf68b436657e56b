"""The files the plugin hands MkDocs, as MkDocs sees them: how each is written, kept or skipped.

MkDocs writes the site's data files before it renders the pages and keeps every ``File`` to
the end of the build, when its memory peaks; under ``mkdocs serve --dirty`` it asks each file
whether it changed. These classes answer for the generated files (and the hand-written pages
a dirty serve must rebuild); the plugin decides which class each file gets.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..core.safe_files import LinkRefused, refuse_links
from ..render import DataFile


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
