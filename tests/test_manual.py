"""Two sites from one repository: the fact-check site for readers and the tool's manual, apart."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]
MANUAL_PAGES = {"getting-started.md", "reference/format.md", "reference/options.md", "reference/data.md",
                "reference/commands.md", "reference/search.md", "architecture.md"}


class _Lenient(yaml.SafeLoader):
    pass


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages.extend(_nav_pages(value) if isinstance(value, list) else [value])
    return pages


def test_the_manual_builds_as_its_own_site_with_strict_checks(tmp_path):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "manual" / "mkdocs.yml"), site_dir=str(tmp_path / "manual"), strict=True)
    build(config)  # strict: a broken link, an unlisted page or a missing anchor aborts
    built = {str(p.relative_to(tmp_path / "manual")) for p in (tmp_path / "manual").rglob("index.html")}
    assert {"index.html", "getting-started/index.html", "reference/format/index.html",
            "reference/commands/index.html"} <= built
    assert set(_nav_pages(config.nav)) >= MANUAL_PAGES
    # The search dialog has an accessible name (axe-core's aria-dialog-name), as on the fact-check site.
    home = (tmp_path / "manual" / "index.html").read_text("utf-8")
    assert 'role="dialog" aria-label="Search"' in home
    # The manual ships no fact-check data and no plugin of the fact-check site.
    assert "factcheck" not in config.plugins and not (tmp_path / "manual" / "claims").exists()


def test_the_fact_check_sites_navigation_holds_only_reader_pages():
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_Lenient)
    pages = _nav_pages(config["nav"])
    assert not set(pages) & MANUAL_PAGES and not any(p.startswith("reference/") for p in pages)
    assert {"index.md", "claims/index.md", "disagreements.md", "sources/index.md", "topics/index.md",
            "people/index.md", "verdicts/index.md", "methodology.md", "corrections.md", "about.md",
            "contribute.md"} <= set(pages)
    assert not (REPO / "docs" / "reference").exists() and not (REPO / "docs" / "getting-started.md").exists()
    # No edit pencil on reader pages.
    assert "content.action.edit" not in config["theme"].get("features", []) and config.get("edit_uri") == ""
