"""The repository's own site: its claims and sources are clean, and it builds with --strict."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from factcheck.commands.cli import settings_from_mkdocs_yml
from factcheck.core.pipeline import check

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.slow


def test_the_repository_data_has_no_errors():
    checked = check(settings_from_mkdocs_yml(ROOT / "mkdocs.yml"))
    problems = [str(p) for p in checked.problems if p.is_error]
    assert problems == [], "\n".join(problems)
    assert len(checked.site.claims) >= 1 and len(checked.site.corpus.sources) >= 5


def test_the_repository_site_builds_strict(tmp_path, caplog):
    out = tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
    with caplog.at_level(logging.WARNING):
        try:
            build(config)
        except SystemExit as stop:  # mkdocs.exceptions.Abort is a SystemExit
            warnings = "\n".join(f"{r.levelname}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.WARNING)
            pytest.fail(f"the site did not build with --strict ({stop}):\n{warnings}")
    assert (out / "index.html").exists()
    assert (out / "claims" / "index.html").exists()
    claims = list((out / "claims").glob("*/index.html"))
    assert len(claims) == len(list((ROOT / "claims").glob("*.yaml")))
    assert (out / "sources" / "cnn-2025-05-29-china-punitive-measures" / "index.html").exists()
