"""Integration: build small sites with MkDocs in-process (strict) and look at the HTML.

In the style of mkdocstrings' tests: the repository is written into a temporary folder
(tests/conftest.py's ``make_site``), MkDocs' own ``load_config`` and ``build`` run it, and
the assertions read the files MkDocs wrote.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from factcheck.core.quotes import anchor

STUDENTS_QUOTE = "more than 270,000 Chinese students studied in the US"

# The transparency pages the plugin warns about when missing (a warning fails --strict).
TRANSPARENCY = {
    "methodology.md": "# Methodology\n\nHow claims are chosen and checked.\n",
    "corrections-policy.md": "# Corrections policy\n\nHow errors are corrected.\n",
    "contribute.md": "# Submit a claim\n\nWrite to us.\n",
}


def docs(**pages: str) -> dict[str, str]:
    return {**TRANSPARENCY, **{name.replace("__", "/") + ".md": text for name, text in pages.items()}}


def mkdocs_build(site, out: Path) -> None:
    config = load_config(str(site.config_file), site_dir=str(out), strict=True)
    build(config)


@pytest.fixture(scope="module")
def built(make_site, tmp_path_factory):
    """The fixture site, built once for the module."""
    root = tmp_path_factory.mktemp("mini")
    site = make_site(root / "repo", docs=docs(about="# About\n\nSee [all claims](claims/index.md), [one](claims/rubio-revoke.md), [the scale](verdicts/index.md).\n"))
    out = root / "site"
    mkdocs_build(site, out)
    return out


def html(out: Path, page: str) -> str:
    return (out / page / "index.html").read_text(encoding="utf-8")


def hrefs(text: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', text))


def nav(text: str) -> str:
    """The primary sidebar of a Material page."""
    start = text.index('class="md-nav md-nav--primary"')
    return text[start:text.index("md-sidebar--secondary", start)]


def test_claim_page_shows_the_verdict_badge_and_conclusion(built):
    page = html(built, "claims/students-270000")
    assert re.search(r'<span class="fc-badge fc-badge--true"[^>]*><span class="fc-badge__prefix">Verdict:</span> True</span>', page)
    assert '<p class="fc-verdict__conclusion">The figure matches the Open Doors count for 2023-24.</p>' in page
    assert "Rated on the evidence available on 2 June 2025." in page


def test_claim_links_to_the_quoted_passage_and_the_source_links_back(built):
    claim = html(built, "claims/students-270000")
    passage = anchor("newsletter", STUDENTS_QUOTE)
    assert f"../../sources/newsletter/#{passage}" in hrefs(claim)
    source = html(built, "sources/newsletter")
    assert f'id="{passage}"' in source
    assert "../../claims/students-270000/" in hrefs(source)
    assert "../../claims/rubio-revoke/" in hrefs(source)


def test_claim_and_verdict_topic_person_pages_link_both_ways(built):
    claim = hrefs(html(built, "claims/students-270000"))
    assert {"../../verdicts/true/", "../../topics/student-visas/", "../../topics/education/", "../../people/marco-rubio/"} <= claim
    for page in ("verdicts/true", "topics/student-visas", "topics/education", "people/marco-rubio"):
        assert "../../claims/students-270000/" in hrefs(html(built, page)), page


def test_index_pages_list_the_claims(built):
    assert {"students-270000/", "rubio-revoke/"} <= hrefs(html(built, "claims"))
    # each claim is also listed on its verdict's page
    assert "../../claims/students-270000/" in hrefs(html(built, "verdicts/true"))
    assert "../../claims/rubio-revoke/" in hrefs(html(built, "verdicts/mostly-true"))
    assert {"newsletter/", "wire/"} <= hrefs(html(built, "sources"))
    assert {"true/", "mostly-true/", "unverifiable/"} <= hrefs(html(built, "verdicts"))
    assert {"student-visas/", "education/"} <= hrefs(html(built, "topics"))
    assert "marco-rubio/" in hrefs(html(built, "people"))


def test_claim_and_source_pages_stay_out_of_the_sidebar(built):
    sidebar = nav(html(built, "about"))
    for index in ("claims/", "sources/", "verdicts/", "topics/", "people/"):
        assert f'href="{index}"' in sidebar or f'href="../{index}"' in sidebar, index
    assert "students-270000" not in sidebar and "newsletter/" not in sidebar and "verdicts/true/" not in sidebar
    # They are built all the same.
    assert (built / "claims" / "students-270000" / "index.html").exists()


def test_the_stylesheet_is_linked_and_written(built):
    assert "assets/factcheck.css" in html(built, "claims")
    assert ".fc-badge--true" in (built / "assets" / "factcheck.css").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- a malformed claim

MALFORMED = {
    "typo-field": "claim: a\nshort: b\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recap\n"
                  "verdict: \"true\"\nconclusoin: c\nexplanation: e\npublished: 2025-06-04\n",
    "typo-verdict": "claim: a\nshort: b\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recap\n"
                    "verdict: mostly-ture\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n",
    "bool-verdict": "claim: a\nshort: b\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recap\n"
                    "verdict: False\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n",
    "missing-source": "claim: a\nshort: b\nclaimant: newsletter\nappeared:\n  - source: newsleter\n    quote: Weekly recap\n"
                      "verdict: \"true\"\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n",
    "changed-quote": "claim: a\nshort: b\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recep\n"
                     "verdict: \"true\"\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n",
}

EXPECTED_LOCATIONS = [
    "claims/typo-field.yaml:8:1: error: conclusoin: unknown field 'conclusoin' (did you mean 'conclusion'?)",
    "claims/typo-verdict.yaml:7:1: error: verdict: expected a rating of the scale",
    "claims/bool-verdict.yaml:7:1: error: verdict: the verdict was read as the yes/no value false",
    "claims/missing-source.yaml:5:5: error: appeared[0].source: no source has the id 'newsleter' (did you mean 'newsletter'?)",
    "claims/changed-quote.yaml:6:19: error: appeared[0].quote: the quote is not in the archived text of newsletter",
]


def test_a_malformed_claim_stops_the_build_with_every_error_located_and_writes_nothing(make_site, tmp_path, caplog):
    site = make_site(tmp_path / "repo", claims=MALFORMED, docs=docs())
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the last good build", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        with pytest.raises(Abort):
            mkdocs_build(site, out)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "error(s) in the claims and sources; nothing was built" in logged
    for expected in EXPECTED_LOCATIONS:
        assert expected in logged, expected
    assert "mostly-ture" in logged and "did you mean 'mostly-true'?" in logged
    assert "claims/typo-field.yaml:9:1: error: conclusion: the field 'conclusion' is missing" in logged
    assert f"factcheck: {len(EXPECTED_LOCATIONS) + 1} error(s)" in logged
    # The site folder is as it was: nothing cleaned, nothing written.
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert (out / "previous.html").read_text(encoding="utf-8") == "the last good build"


def test_every_problem_of_the_ratings_option_at_once(make_site, tmp_path, caplog):
    config = (
        "site_name: S\nplugins:\n  - factcheck:\n      ratings:\n"
        "        - {key: Right, label: Right, value: 2, colour: green}\n"
        "        - {key: wrong, label: Wrong, value: 1}\n        - {key: wrong, label: Again, value: 1}\n"
    )
    site = make_site(tmp_path / "repo", mkdocs=config, docs=docs())
    with pytest.raises(Abort):
        mkdocs_build(site, tmp_path / "site")
    message = caplog.text
    assert "share the key 'wrong'" in message and "'Right' is not lower-case" in message and "found 'green'" in message


def test_a_docs_page_where_a_generated_page_goes_is_refused_before_anything_is_written(make_site, tmp_path, caplog):
    site = make_site(tmp_path / "repo", docs=docs(claims__index="# Mine\n"))
    previous = tmp_path / "site" / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("the last good build", encoding="utf-8")
    with pytest.raises(Abort):
        mkdocs_build(site, tmp_path / "site")
    assert "the plugin generates docs/claims/index.md, which the docs already have" in caplog.text
    assert previous.read_text("utf-8") == "the last good build", "the site folder is left as it was"


def test_a_broken_link_in_a_docs_page_fails_strict(make_site, tmp_path):
    site = make_site(tmp_path / "repo", docs=docs(about="[x](claims/no-such-claim.md)\n"))
    with pytest.raises(Abort):
        mkdocs_build(site, tmp_path / "site")


def test_a_docs_page_can_link_to_generated_pages(built):
    assert {"../claims/", "../claims/rubio-revoke/", "../verdicts/"} <= hrefs(html(built, "about"))


# ----------------------------------------------------------------------------- mkdocs serve


class FakeServer:
    """Stands in for MkDocs' LiveReloadServer: records what it is asked to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args, **kwargs) -> None:
        self.watched.append(path)


def test_serve_watches_the_claims_and_sources(make_site, tmp_path):
    site = make_site(tmp_path / "repo", subjects={"chinese-students-in-us": {"title": "Chinese students"}})
    config = load_config(str(site.config_file), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)
    server = FakeServer()
    plugin = config.plugins["factcheck"]
    returned = plugin.on_serve(server, config=config, builder=lambda: None)
    try:
        assert returned is server
        root = site.root.resolve()
        watched = {str(Path(p).resolve()) for p in server.watched}
        assert {str(root / "people.yaml"), str(root / "subjects.yaml")} <= watched
        # The folders through native file events, signalled in one small folder MkDocs' server polls.
        signal = plugin.change_signal
        assert signal is not None and str(signal.folder.resolve()) in watched
        for folder in ("claims", "sources"):
            before = signal.marker.read_text()
            (root / folder / "touched.yaml").write_text("x: 1\n", encoding="utf-8")
            deadline = time.monotonic() + 5
            while signal.marker.read_text() == before and time.monotonic() < deadline:
                time.sleep(0.02)
            assert signal.marker.read_text() != before, folder
    finally:
        plugin.on_shutdown()


def test_links_to_the_anchors_inside_generated_blocks_pass_mkdocs_anchor_check(make_site, tmp_path):
    """The ids inside a generated page's HTML blocks (a quoted passage's) are registered with
    MkDocs, so its anchor check (here a warning, under --strict) passes a link to one and flags
    a link to an id no page has."""
    passage = anchor("newsletter", STUDENTS_QUOTE)
    site = make_site(tmp_path / "repo", docs=docs(about=f"# About\n\nThe [passage](sources/newsletter.md#{passage}).\n"))
    config_text = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    (site.root / "mkdocs.yml").write_text(config_text + "\nvalidation:\n  anchors: warn\n", encoding="utf-8")
    mkdocs_build(site, tmp_path / "site")
    (site.root / "docs" / "about.md").write_text("# About\n\nThe [passage](sources/newsletter.md#no-such-passage).\n", encoding="utf-8")
    with pytest.raises(Abort):
        mkdocs_build(site, tmp_path / "site-2")
