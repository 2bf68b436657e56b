"""Page paths and links between them, decided in one place (factcheck.core.urls)."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core import urls as urls_module

from factcheck.core.urls import Urls


def test_page_paths():
    urls = Urls()
    assert urls.claim("a") == "claims/a.md"
    assert urls.source("s") == "sources/s.md"
    assert urls.verdict("false") == "verdicts/false.md"
    assert urls.topic("student-visas") == "topics/student-visas.md"
    assert urls.person("marco-rubio") == "people/marco-rubio.md"
    assert urls.claims_index() == "claims/index.md"
    assert urls.disagreements() == "disagreements.md"
    assert urls.data_file("assets/factcheck.css") == "assets/factcheck.css"


def test_a_prefix_puts_every_generated_page_in_a_folder():
    urls = Urls(prefix="factcheck")
    assert urls.claim("a") == "factcheck/claims/a.md"
    assert urls.corrections() == "factcheck/corrections.md"
    assert urls.data_file("assets/factcheck.css") == "factcheck/assets/factcheck.css"


@pytest.mark.parametrize(
    ("source", "target", "anchor", "link"),
    [
        ("claims/a.md", "sources/s.md", "q-1", "../sources/s.md#q-1"),
        ("sources/s.md", "claims/a.md", "", "../claims/a.md"),
        ("claims/a.md", "claims/b.md", "", "b.md"),
        ("claims/index.md", "verdicts/false.md", "", "../verdicts/false.md"),
        ("disagreements.md", "sources/s.md", "q-2", "sources/s.md#q-2"),
        ("claims/a.md", "disagreements.md", "d-1", "../disagreements.md#d-1"),
    ],
)
def test_links_are_relative_between_markdown_sources(source, target, anchor, link):
    assert Urls().link(source, target, anchor) == link


def test_links_with_a_prefix_stay_inside_it():
    urls = Urls(prefix="fc")
    assert urls.link(urls.claim("a"), urls.source("s")) == "../sources/s.md"
    assert urls.link(urls.disagreements(), urls.claim("a")) == "claims/a.md"


@pytest.mark.parametrize(
    ("page", "directory", "url"),
    [
        ("claims/a.md", True, "claims/a/"),
        ("claims/index.md", True, "claims/"),
        ("index.md", True, ""),
        ("disagreements.md", True, "disagreements/"),
        ("claims/a.md", False, "claims/a.html"),
        ("claims/index.md", False, "claims/index.html"),
        ("assets/factcheck.css", True, "assets/factcheck.css"),
    ],
)
def test_url_as_mkdocs_builds_it(page, directory, url):
    assert Urls(directory_urls=directory).url(page) == url


def test_absolute_addresses():
    assert Urls(site_url="https://example.org/mini").absolute("claims/a.md", "q-1") == "https://example.org/mini/claims/a/#q-1"
    assert Urls(site_url="https://example.org/mini/").absolute("claims/index.md") == "https://example.org/mini/claims/"
    assert Urls().absolute("claims/a.md") == "/claims/a/"


# urls makes relative links itself (a large site makes hundreds of thousands); whatever the parts,
# the result is posixpath's, and MkDocs' own for the paths Urls makes.
_PATH = st.lists(st.sampled_from(["a", "b", "/", ".", "x.md"]), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PATH.filter(bool), _PATH)  # relpath refuses an empty path; so does relative
def test_relative_is_posixpath_relpath(to_page, from_folder):
    assert urls_module.relative(to_page, from_folder) == posixpath.relpath(to_page, from_folder or ".")


def test_relative_links_are_those_mkdocs_makes():
    from mkdocs.utils import get_relative_url

    urls = Urls(prefix="fc")
    pages = [urls.claim("a"), urls.source("s"), urls.claims_index(), urls.disagreements(), urls.data_file("api/claims.json")]
    for from_page in pages:
        for to_page in pages:
            assert urls.link(from_page, to_page) == get_relative_url(to_page, from_page)


def test_href_links_between_built_addresses_as_mkdocs_writes_them():
    from mkdocs.utils import get_relative_url

    for directory_urls in (True, False):
        urls = Urls(directory_urls=directory_urls)
        for from_page, to_page in [
            ("claims/a.md", "sources/b.md"), ("claims/a.md", "claims/index.md"), ("claims/index.md", "claims/a.md"),
            ("claims/a.md", "index.md"), ("disagreements.md", "claims/a.md"), ("index.md", "topics/x.md"),
            ("claims/a.md", "disagreements.md"), ("topics/index.md", "index.md"),
        ]:
            expected = get_relative_url(urls.url(to_page) or ".", urls.url(from_page) or ".")
            if urls.url(to_page).endswith("/") or not urls.url(to_page):
                expected = expected if expected.endswith("/") else expected + "/"
            assert urls.href(from_page, to_page) == expected, (directory_urls, from_page, to_page)
            assert urls.href(from_page, to_page, "q-1") == expected + "#q-1"
