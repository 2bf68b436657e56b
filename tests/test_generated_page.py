"""The generated pages as MkDocs builds them (factcheck.mkdocs.generated_page): the same page as
MkDocs' own ``Page`` makes from the file, whatever the site's Markdown extensions and toc options."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.meta import get_data

from factcheck.core.pipeline import render
from factcheck.mkdocs import generated_page
from factcheck.mkdocs.generated_page import GeneratedPage, Headings
from factcheck.render import html as h

REQUIRED = ["attr_list", "md_in_html", "tables"]

CONFIGS = {
    "permalinks": {"markdown_extensions": [*REQUIRED, {"toc": {"permalink": True}}]},
    "no permalinks": {"markdown_extensions": [*REQUIRED, "toc"]},
    "own permalink, no h1 in the toc": {"markdown_extensions": [
        *REQUIRED, {"toc": {"permalink": "#", "permalink_title": "Link here", "toc_depth": "2-6", "permalink_leading": True}}]},
    "anchor links, lower base level": {"markdown_extensions": [*REQUIRED, {"toc": {"anchorlink": True, "baselevel": 2}}]},
    "typography extensions": {"markdown_extensions": [
        *REQUIRED, "smarty", "admonition", "pymdownx.smartsymbols", "pymdownx.superfences", {"toc": {"permalink": True}}]},
}


def _site_config(tmp_path, options: dict):
    import yaml

    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "Test", "site_url": "https://example.org/", **options}), "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "factcheck"  # as while MkDocs runs the plugin's on_files, where pages are generated
    return config


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _as_mkdocs_makes_it(page, config, files):
    built = MkDocsPage(None, files.get_file_from_path(page.path), config)
    built.read_source(config)
    built.render(config, files)
    return built


def _as_we_make_it(page, config, files, headings):
    built = GeneratedPage(files.get_file_from_path(page.path), config, page.meta, page.headings, headings)
    built.read_source(config)
    built.render(config, files)
    return built


def _same(ours, theirs) -> None:
    where = theirs.file.src_uri
    assert ours.meta == theirs.meta, where
    assert ours.markdown == theirs.markdown, where
    assert ours.content == theirs.content, where
    assert _toc(ours.toc) == _toc(theirs.toc), where
    assert ours.title == theirs.title, where
    assert ours.present_anchor_ids == theirs.present_anchor_ids, where
    assert {f.src_uri: v for f, v in (ours.links_to_anchors or {}).items()} == {f.src_uri: v for f, v in (theirs.links_to_anchors or {}).items()}, where


# Pages that take the whole-page path: a title whose id is one of the later headings', a link in a
# later heading, and no later headings at all.
EDGE_PAGES = [
    h.page("claims/evidence.md", {"title": "Evidence"}, [h.Heading("# Evidence"), "<p>a</p>", h.Heading("## Evidence"), "<p>b</p>"]),
    h.page("claims/sources-1.md", {"title": "Sources 1"}, [h.Heading("# Sources 1"), h.Heading("## Sources"), h.Heading("## Sources")]),
    h.page("claims/linked.md", {"title": "Linked"}, [h.Heading("# Linked"), h.Heading("## See [the evidence](evidence.md#evidence)")]),
    h.page("claims/alone.md", {"title": "Alone & <b>bold</b> \u201cquoted\u201d -- dashed"}, [
        h.Heading("# Alone &amp; \\<b\\>bold\\</b\\> \u201cquoted\u201d -- dashed"), "<p>only the title</p>"]),
]


@pytest.mark.parametrize("options", CONFIGS.values(), ids=list(CONFIGS))
def test_every_generated_page_is_what_mkdocs_makes_of_its_file(mini_site, tmp_path, options):
    config = _site_config(tmp_path, options)
    pages, _ = render(mini_site)
    pages = [*pages, *EDGE_PAGES]
    files = Files([File.generated(config, page.path, content=page.read_by_mkdocs) for page in pages])
    headings = Headings(config)
    for page in pages:
        _same(_as_we_make_it(page, config, files, headings), _as_mkdocs_makes_it(page, config, files))
    assert len(pages) > 20


def test_mkdocs_has_the_per_page_processors_the_generated_pages_use():
    """Without them the plugin leaves every page to MkDocs (slower, the same site): a new MkDocs
    that drops them fails here rather than quietly."""
    assert generated_page.SUPPORTED


def test_the_record_holds_what_mkdocs_reads_from_the_file(mini_site):
    """No YAML is parsed for a generated page: its front matter mapping and headings are the file's."""
    pages, _ = render(mini_site)
    for page in [*pages, *EDGE_PAGES]:
        assert get_data(page.read_by_mkdocs) == (page.headings, dict(page.meta)), page.path


def test_later_headings_are_converted_once_for_the_pages_that_share_them(mini_site, tmp_path, monkeypatch):
    config = _site_config(tmp_path, CONFIGS["permalinks"])
    pages, _ = render(mini_site)
    files = Files([File.generated(config, page.path, content=page.read_by_mkdocs) for page in pages])
    headings = Headings(config)
    converted: list[str] = []
    convert = headings._convert
    monkeypatch.setattr(headings, "_convert", lambda text, file, files: converted.append(text) or convert(text, file, files))
    for page in pages:
        _as_we_make_it(page, config, files, headings)
    later = [text for text in converted if not text.startswith("# ")]
    assert len(later) == len(set(later)) and len(later) < len(pages) / 2
    assert sum(text.startswith("# ") for text in converted) == len(pages)


def test_a_plugin_that_changes_the_markdown_gets_the_page_converted_whole(mini_site, tmp_path):
    config = _site_config(tmp_path, CONFIGS["permalinks"])
    pages, _ = render(mini_site)
    files = Files([File.generated(config, page.path, content=page.read_by_mkdocs) for page in pages])
    page = next(page for page in pages if page.path.startswith("claims/") and page.path != "claims/index.md")
    ours = GeneratedPage(files.get_file_from_path(page.path), config, page.meta, page.headings, Headings(config))
    ours.read_source(config)
    ours.markdown += "\nA paragraph another plugin added, with a [link](https://example.org/).\n"
    ours.render(config, files)
    assert '<p>A paragraph another plugin added, with a <a href="https://example.org/">link</a>.</p>' in ours.content
    assert [item.level for item in ours.toc] == [1]
