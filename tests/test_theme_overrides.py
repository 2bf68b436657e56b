"""The plugin's fixes to Material's partials: no repository facts fetched from the code host unless
a desk turns them on, and a name for the search dialog."""

import re

import pytest

from site_build import build_site

CONFIG = """site_name: Mini fact check
site_url: https://example.org/mini/
repo_url: https://github.com/example/mini
theme:
  name: material
plugins:
  - search
  - factcheck:
      publisher_name: Mini Desk
{extra}"""


def _home(tmp_path, make_site, extra: str) -> str:
    site = make_site(tmp_path / "repo", mkdocs=CONFIG.format(extra=extra))
    build_site(site.root, tmp_path / "site")
    return (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_repository_link_fetches_no_facts_by_default(tmp_path, make_site):
    home = _home(tmp_path, make_site, "")
    assert 'href="https://github.com/example/mini"' in home and 'class="md-source"' in home
    # Material's script asks api.github.com for stars and forks only for this marked link.
    assert 'data-md-component="source"' not in home


def test_a_desk_can_turn_repository_facts_on(tmp_path, make_site):
    home = _home(tmp_path, make_site, "      repository_facts: true\n")
    assert 'data-md-component="source"' in home


@pytest.mark.parametrize("extra", ["", "      repository_facts: true\n"])
def test_the_search_dialog_has_a_name(tmp_path, make_site, extra):
    home = _home(tmp_path, make_site, extra)
    dialog = re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*>', home)
    assert dialog and 'aria-label="Search"' in dialog.group(0)
