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
    """A path to be written is, or passes through, a symbolic link."""


def refuse_links(path: Union[Path, str], root: Optional[Union[Path, str]] = None) -> None:
    """Raise ``LinkRefused`` when ``path``, or a folder between ``root`` and it, is a symbolic link."""
    path = Path(os.path.abspath(path))
    stop = Path(os.path.abspath(root)) if root is not None else path.parent
    current = path
    while True:
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                raise LinkRefused(f"{current} is a symbolic link; nothing is written through a link")
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
            raise LinkRefused(f"{path} is a symbolic link; nothing is written through a link") from None
        raise
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
