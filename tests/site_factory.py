"""Small fact-check repositories written into temporary folders, for the tests.

Import from here (``from site_factory import MINI, make_site, claim_data, run_cli``), not from
``conftest``: several conftest.py files exist under tests/, and ``import conftest`` gets
whichever pytest loaded last. tests/conftest.py documents the helpers and offers them as
fixtures too.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

from factcheck.commands.cli import main, settings_from_mkdocs_yml
from factcheck.core.pipeline import Checked, check
from factcheck.core.settings import Settings

# MkDocs 1.6 prints a banner about MkDocs 2 on every build; it is noise in the tests' output.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

MINI = Path(__file__).parent / "fixtures" / "mini"


@dataclass(frozen=True)
class SiteDir:
    """A fact-check repository in a temporary folder."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def settings(self) -> Settings:
        """The settings the command line would read from this repository's mkdocs.yml."""
        return settings_from_mkdocs_yml(self.config_file)

    def check(self) -> Checked:
        return check(self.settings())

    def write(self, relative: str, content: Any) -> Path:
        """Write (or, with ``None``, delete) one file of the repository."""
        path = self.root / relative
        if content is None:
            if path.exists():
                path.unlink()
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        if not isinstance(content, str):
            content = yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(content, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")


def run_cli(site: SiteDir, *args: str) -> int:
    """The ``factcheck`` command, in this process, on ``site``'s mkdocs.yml; its exit code."""
    return main(["-f", str(site.config_file), *args])


def make_site(
    folder: Path,
    claims: Optional[dict[str, Any]] = None,
    sources: Optional[dict[str, Any]] = None,
    texts: Optional[dict[str, Optional[str]]] = None,
    people: Any = ...,
    subjects: Any = ...,
    mkdocs: Any = ...,
    docs: Optional[dict[str, Optional[str]]] = None,
    base: Optional[Path] = MINI,
) -> SiteDir:
    """Write a small fact-check repository into ``folder`` (see the module's docstring)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if base is not None:
        shutil.copytree(base, folder, dirs_exist_ok=True)
    else:
        shutil.copy(MINI / "mkdocs.yml", folder / "mkdocs.yml")
        (folder / "docs").mkdir(exist_ok=True)
        (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    site = SiteDir(folder)
    for key, content in (claims or {}).items():
        site.write(f"claims/{key}.yaml", content)
    for key, content in (sources or {}).items():
        site.write(f"sources/{key}.yaml", content)
    for key, text in (texts or {}).items():
        site.write(f"sources/{key}.txt", text)
    if people is not ...:
        site.write("people.yaml", people)
    if subjects is not ...:
        site.write("subjects.yaml", subjects)
    if mkdocs is not ...:
        site.write("mkdocs.yml", mkdocs)
    for relative, text in (docs or {}).items():
        site.write(f"docs/{relative}", text)
    return site


def claim_data(**fields: Any) -> dict[str, Any]:
    """A valid claim quoting the fixture's newsletter, with ``fields`` replacing its own."""
    import datetime as dt

    data: dict[str, Any] = {
        "claim": "Chinese students were about a quarter of all foreign students in the US.",
        "short": "Chinese students were a quarter of foreign students in the US",
        "claimant": "newsletter",
        "appeared": [{"source": "newsletter", "quote": "accounting for about a quarter of all foreign students in the country"}],
        "verdict": "half-true",
        "conclusion": "Close, but the share was nearer a fifth.",
        "explanation": "Open Doors counts put the share at about 24 per cent.",
        "topics": ["Education"],
        "published": dt.date(2025, 6, 4),
    }
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def synthetic_site(folder: Path, claims: int) -> SiteDir:
    """The benchmark's synthetic desk of ``claims`` claims (benchmarks/corpus.py), written into ``folder``."""
    import sys

    benchmarks = str(Path(__file__).resolve().parent.parent / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    import corpus

    return SiteDir(corpus.write(claims, Path(folder)).parent)
