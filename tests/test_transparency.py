"""The IFCN transparency pages: missing ones are warnings, so a strict build fails."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mkdocs.exceptions import Abort

from factcheck.core.transparency import ROLES, transparency_pages, transparency_problems
from site_build import build_site

ALL_PAGES = {"methodology.md", "corrections-policy.md", "verdicts/index.md", "contribute.md", "about.md"}


def test_defaults_cover_every_role(mini_site):
    pages = transparency_pages(mini_site.settings, mini_site.urls)
    assert pages == {"methodology": "methodology.md", "corrections_policy": "corrections-policy.md",
                     "rating_definitions": "verdicts/index.md", "submit_claim": "contribute.md", "about": "about.md"}
    assert set(pages) == set(ROLES)


def test_each_missing_page_is_one_warning(mini_site):
    assert transparency_problems(mini_site.settings, mini_site.urls, ALL_PAGES) == []
    found = transparency_problems(mini_site.settings, mini_site.urls, ALL_PAGES - {"about.md", "contribute.md"})
    assert [(p.field, p.severity) for p in found] == [
        ("plugins.factcheck.transparency_pages.submit_claim", "warning"), ("plugins.factcheck.transparency_pages.about", "warning")]
    assert "docs/about.md does not exist" in found[1].message


def test_configured_pages_replace_the_defaults_and_unknown_roles_are_reported(mini_site):
    settings = replace(mini_site.settings, transparency_pages=(("about", "team.md"), ("submit_claim", ""), ("methodolgy", "how.md")))
    found = transparency_problems(settings, mini_site.urls, ALL_PAGES | {"team.md"})
    assert [p.field for p in found] == ["plugins.factcheck.transparency_pages.methodolgy"]
    assert "did you mean 'methodology'?" in found[0].hint
    found = transparency_problems(settings, mini_site.urls, ALL_PAGES)
    assert "docs/team.md does not exist" in found[0].message  # about now points at team.md


def test_the_rating_definitions_follow_url_prefix(mini_site):
    urls = replace(mini_site.urls, prefix="factcheck")
    assert transparency_pages(mini_site.settings, urls)["rating_definitions"] == "factcheck/verdicts/index.md"


@pytest.fixture
def site_without_pages(tmp_path, make_site):
    return make_site(tmp_path / "repo")


def test_a_build_warns_and_a_strict_build_fails(tmp_path, site_without_pages):
    warnings = build_site(site_without_pages.root, tmp_path / "site")
    missing = [w for w in warnings if "transparency_pages" in w]
    assert len(missing) == 4  # everything but the generated rating scale
    with pytest.raises(Abort):
        build_site(site_without_pages.root, tmp_path / "strict", strict=True)


def test_a_site_with_the_pages_builds_strictly(tmp_path, make_site):
    pages = {name: f"# {name}\n\nText.\n" for name in ("methodology.md", "corrections-policy.md", "contribute.md")}
    pages["team.md"] = "# Who we are\n\nContact: desk@example.org\n"
    site = make_site(tmp_path / "repo", docs=pages)
    text = site.read("mkdocs.yml").replace("      publisher_name: Mini Desk\n",
                                           "      publisher_name: Mini Desk\n      transparency_pages:\n        about: team.md\n")
    site.write("mkdocs.yml", text)
    warnings = build_site(site.root, tmp_path / "site", strict=True)
    assert not [w for w in warnings if "transparency_pages" in w]
    assert (tmp_path / "site" / "team" / "index.html").exists()
