"""Write a file without following a symbolic link, and without writing into what is already there.

Every file the generator or a command writes goes through ``write_file``. A pull request can
commit a link, dangling or not (``sources/<id>.txt -> ~/.bashrc``): checking ``exists()`` and
then writing follows it. Here the file is opened with ``O_NOFOLLOW`` and ``O_EXCL``: a link at
the path, or a folder between ``root`` and it that is a link, is refused (``LinkRefused``); a
file that must be replaced is written beside it under a new name and renamed over it, which
replaces the directory entry and never writes through it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional, Union

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class LinkRefused(OSError):
    """A path to be written is, or passes through, a symbolic link: ``link`` is the link itself.

    Its text names the link (from ``root`` when given), where it leads, what was refused and the
    fix, so a command prints it as it is (cli.main) and the build as a clean error."""

    def __init__(self, link: Union[Path, str], root: Optional[Union[Path, str]] = None):
        self.link = Path(link)
        self.root = Path(root) if root is not None else None
        super().__init__(self.described())

    def described(self) -> str:
        from .unsafe_text import visible  # contributor-made: the link's name and target

        shown = self.link
        if self.root is not None:
            try:
                shown = Path(os.path.abspath(self.link)).relative_to(os.path.abspath(self.root))
            except ValueError:
                pass
        try:
            target = f" (it leads to {visible(os.readlink(self.link))})"
        except OSError:
            target = ""
        return (
            f"{visible(shown.as_posix())} is a symbolic link{target}; nothing is written through a link, and nothing was "
            "written. Remove the link, or put the file itself in its place, and run the command again"
        )


def refuse_links_under(folder: Union[Path, str]) -> None:
    """``LinkRefused`` for the first link in ``folder`` (the folder itself included), links not
    followed: an output folder is checked once before a command writes into it."""
    refuse_links(folder)
    for current, folders, files in os.walk(folder):
        for name in folders + files:
            if os.path.islink(os.path.join(current, name)):
                raise LinkRefused(os.path.join(current, name), os.path.dirname(os.path.abspath(folder)))


def refuse_links_among(paths: "list[Union[Path, str]]", root: Union[Path, str]) -> None:
    """``refuse_links`` for every path a command is about to write, before it writes any: a
    link found halfway through left the files before it written (import-claimreview --force)."""
    for path in paths:
        refuse_links(path, root)


def refuse_links(path: Union[Path, str], root: Optional[Union[Path, str]] = None) -> None:
    """Raise ``LinkRefused`` when ``path``, or a folder between ``root`` and it, is a symbolic link."""
    path = Path(os.path.abspath(path))
    stop = Path(os.path.abspath(root)) if root is not None else path.parent
    current = path
    while True:
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                raise LinkRefused(current, root)
        except FileNotFoundError:
            pass
        if current == stop or current.parent == current or stop not in current.parents:
            return
        current = current.parent


def write_file(path: Union[Path, str], content: Union[str, bytes], replace: bool = False,
               root: Optional[Union[Path, str]] = None) -> None:
    """Write ``content`` (text as UTF-8) to ``path``, its folders made as needed.

    Without ``replace`` an existing file is an error (``FileExistsError``); with it, the file is
    replaced by a new one renamed over it. A link at the path or on the way from ``root`` is refused.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path)
    refuse_links(path, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_links(path, root)  # a folder made meanwhile is checked again
    if not replace:
        _write_new(path, data)
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_new(temporary, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _write_new(path: Path, data: bytes) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o644)
    except FileExistsError:
        if os.path.islink(path):
            raise LinkRefused(path) from None
        raise
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
