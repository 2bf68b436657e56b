"""The plugin added to an existing MkDocs + Material site with its own pages and navigation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

MINI = Path(__file__).parent / "fixtures" / "mini"

EXISTING_MKDOCS_YML = """\
site_name: Our handbook
site_url: https://example.org/handbook/
theme:
  name: material
nav:
  - Welcome: index.md
  - Guides:
      - guides/install.md
  - Our claims policy: claims.md
plugins:
  - search
  - factcheck:
      url_prefix: checks
      publisher_name: Handbook Desk
"""


def build_existing(tmp_path: Path) -> Path:
    for folder in ("claims", "sources"):
        shutil.copytree(MINI / folder, tmp_path / folder)
    shutil.copy(MINI / "people.yaml", tmp_path / "people.yaml")
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "index.md").write_text("# Welcome\n\nOur handbook.\n", encoding="utf-8")
    (docs / "guides" / "install.md").write_text("# Install\n\nSteps.\n", encoding="utf-8")
    # A page of the site's own at claims.md: the prefix keeps the generated pages apart.
    (docs / "claims.md").write_text("# Claims policy\n\nHow we pick claims.\n", encoding="utf-8")
    (docs / "methodology.md").write_text("# Methodology\n", encoding="utf-8")
    (docs / "corrections-policy.md").write_text("# Corrections\n", encoding="utf-8")
    (docs / "contribute.md").write_text("# Contribute\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(EXISTING_MKDOCS_YML, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=False)
    build(config)
    return tmp_path / "site"


def sidebar_links(html: str) -> list[str]:
    """Every address in the primary (left) sidebar, nested sections included."""
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    return re.findall(r'href="([^"]+)"', nav)


def test_generated_pages_live_under_the_prefix(tmp_path: Path) -> None:
    site = build_existing(tmp_path)
    claim = site / "checks" / "claims" / "students-270000" / "index.html"
    assert claim.exists()
    assert (site / "checks" / "sources" / "newsletter" / "index.html").exists()
    assert (site / "checks" / "disagreements" / "index.html").exists()
    html = claim.read_text("utf-8")
    assert 'href="../../sources/newsletter/#q-' in html, "quotes link to the passage on the source page"
    # The site's own page at claims.md is untouched by the plugin.
    assert "How we pick claims." in (site / "claims" / "index.html").read_text("utf-8")


def test_the_sites_own_navigation_is_kept(tmp_path: Path) -> None:
    site = build_existing(tmp_path)
    links = sidebar_links((site / "index.html").read_text("utf-8"))
    assert any("guides/install/" in link for link in links)
    assert any(link.rstrip("/").endswith("claims") for link in links)
    assert not any("checks/claims/students-270000" in link for link in links), "claim pages stay out of the sidebar"
