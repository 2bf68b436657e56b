"""`factcheck init DIR`: a new fact-check site from the starter files shipped in the package."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path, PurePosixPath
from string import Template

from .. import __version__
from ..core.safe_files import refuse_links_among, write_file

STARTER = "starter"
# Packaged under names without a leading dot (packaging tools skip hidden files); renamed on copy.
RENAMED = {"github": ".github"}
SCHEMAS = ("claim", "source", "people", "subjects")


@dataclass(frozen=True)
class Planned:
    """One file `init` writes: its path inside the new site and its text."""

    path: PurePosixPath
    text: str


def _walk(folder: Traversable, prefix: PurePosixPath) -> list[tuple[PurePosixPath, Traversable]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = RENAMED.get(entry.name, entry.name) if prefix == PurePosixPath(".") else entry.name
        if entry.is_dir():
            found += _walk(entry, prefix / name)
        else:
            found.append((prefix / name, entry))
    return found


def plan(site_name: str, site_url: str = "", today: dt.date | None = None) -> list[Planned]:
    """Every file of a new site, with the placeholders filled in."""
    values = {"site_name": site_name, "site_url": site_url or "https://example.org/", "today": (today or dt.date.today()).isoformat(),
              "version": __version__}  # the starter workflows install the version that wrote them
    package = resources.files("factcheck")
    planned = [
        Planned(path, Template(entry.read_text("utf-8")).substitute(values))
        for path, entry in _walk(package.joinpath(STARTER), PurePosixPath("."))
    ]
    planned += [
        Planned(PurePosixPath("schemas") / f"{name}.schema.json", package.joinpath("schemas", f"{name}.schema.json").read_text("utf-8"))
        for name in SCHEMAS
    ]
    return planned


def init_site(target: Path, site_name: str, site_url: str = "", force: bool = False) -> tuple[list[Path], list[Path]]:
    """Write a new site into ``target``; returns (written, refused). Nothing is overwritten unless ``force``.

    When any file exists and ``force`` is false, nothing at all is written.
    """
    planned = plan(site_name, site_url)
    refuse_links_among([target / item.path for item in planned], target)  # before any is written, forced or not
    existing = [target / item.path for item in planned if (target / item.path).exists() or (target / item.path).is_symlink()]
    if existing and not force:
        return [], existing
    written = []
    for item in planned:
        path = target / item.path
        write_file(path, item.text, replace=force, root=target)  # never through a link (issue 24)
        written.append(path)
    for folder in ("claims", "sources"):
        (target / folder).mkdir(exist_ok=True)
    return written, []
