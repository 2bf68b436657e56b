"""ClaimReview on the built claim pages: one per page, matching what the page shows, and safe."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import markupsafe
import pytest

from factcheck.render.head import claim_head
from factcheck.render.jsonld import claim_review, claimreview_problems, script_tag
from site_build import build_site, read_page

HOSTILE = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def built(tmp_path_factory, make_site, claim_data):
    folder = tmp_path_factory.mktemp("jsonld")
    site = make_site(folder / "repo", claims={
        "hostile": claim_data(short=HOSTILE, claim=f"A claim with {HOSTILE} in it", conclusion=f'"><img src=x onerror=alert(2)> {HOSTILE}'),
        "open-question": claim_data(short="Chinese students were a quarter of all foreign students",
                                    verdict="unverifiable", published="2025-06-05"),
    })
    build_site(site.root, folder / "site")
    return site, folder / "site"


def claim_pages(out: Path) -> dict[str, Path]:
    return {p.parent.name: p for p in (out / "claims").glob("*/index.html")}


def only_claimreview(page) -> dict:
    assert len(page.jsonld) == 1, page.jsonld
    data = json.loads(page.jsonld[0])
    assert data["@type"] == "ClaimReview"
    return data


def test_every_claim_page_has_exactly_one_claimreview_matching_what_it_shows(built):
    site, out = built
    pages = claim_pages(out)
    assert set(pages) == {"rubio-revoke", "students-270000", "hostile", "open-question"}
    for claim_id, path in pages.items():
        page = read_page(path)
        data = only_claimreview(page)
        assert data["claimReviewed"] == page.h1[0].rstrip("¶").strip()
        assert [data["reviewRating"]["alternateName"]] == page.badges  # the verdict badge shows the same label
        assert data["url"] == page.canonical[0] == f"https://example.org/mini/claims/{claim_id}/"
        assert data["author"]["name"] == "Mini Desk"  # the publisher, never the claimant
        assert data["itemReviewed"]["author"]["name"] == "Example Newsletter"


def test_each_claimreview_is_on_one_page_only(built):
    _, out = built
    urls = []
    for path in out.rglob("*.html"):
        urls += [json.loads(text)["url"] for text in read_page(path).jsonld]
    assert sorted(urls) == sorted(f"https://example.org/mini/claims/{c}/" for c in claim_pages(out))


def test_numeric_scale_and_ratings_off_it(built):
    _, out = built
    pages = claim_pages(out)
    rating = only_claimreview(read_page(pages["rubio-revoke"]))["reviewRating"]
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (4, 1, 5)
    off_scale = only_claimreview(read_page(pages["open-question"]))["reviewRating"]
    assert off_scale["alternateName"] == "Unverifiable"
    assert not {"ratingValue", "bestRating", "worstRating"} & set(off_scale)


def test_claim_is_dated_and_located_where_it_appeared(built):
    _, out = built
    item = only_claimreview(read_page(claim_pages(out)["students-270000"]))["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["datePublished"] == "2025-05-30"  # the claim's `claimed` date
    assert item["firstAppearance"]["url"] == "https://example.org/recap"
    assert item["firstAppearance"]["headline"] == "Weekly recap"


def test_a_source_without_an_address_is_given_by_its_archived_copy_on_this_site(mini_site):
    claim = mini_site.claim_by_id["students-270000"]
    both = replace(claim, appeared=claim.appeared + (replace(claim.appeared[0], source="wire"),))
    item = claim_review(mini_site, both)["itemReviewed"]
    original, archived = item["firstAppearance"], item["appearance"][0]
    assert original["url"] == "https://example.org/recap" and "archivedAt" not in original
    assert archived["headline"] == "Talks stall" and "url" not in archived  # `url` only for a real original address
    assert archived["archivedAt"] == "https://example.org/mini/sources/wire/"


def test_script_in_claim_text_cannot_leave_the_json_ld_block(built):
    _, out = built
    html = (claim_pages(out)["hostile"]).read_text("utf-8")
    page = read_page(claim_pages(out)["hostile"])
    assert only_claimreview(page)["claimReviewed"] == HOSTILE  # the JSON still holds the exact text
    others = [s for s in page.scripts if s not in page.jsonld]
    assert not any("alert(" in s for s in others)  # no script element was opened by the claim's text
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    # the social meta carry the text as text (one og:title, so the check cannot pass for want of it)
    assert [tag.get("content") for tag in page.meta if tag.get("property") == "og:title"] == [HOSTILE]


def test_script_tag_escapes_markup_characters():
    tag = script_tag({"a": "</script><!-- & -->", "b": "\u2028"})
    body = tag[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body
    assert json.loads(body) == {"a": "</script><!-- & -->", "b": "\u2028"}


def test_claim_head_escapes_meta_values_as_the_template_escape_does(mini_site):
    # The head is HTML made in Python (render/head.py) for the template to write as it is; its
    # attribute values must be escaped exactly as Jinja's |e (markupsafe) escapes them.
    claim = replace(mini_site.claim_by_id["students-270000"], short=f"Tom & Jerry's \"<b>\" {HOSTILE}")
    elements = claim_head(mini_site, claim).split("\n  ")
    titles = [e for e in elements if e.startswith('<meta property="og:title"')]
    assert titles == [f'<meta property="og:title" content="{markupsafe.escape(claim.short)}">']
    assert elements[-1] == script_tag(claim_review(mini_site, claim))  # the ClaimReview, once, last
    assert sum(e.startswith("<script") for e in elements) == 1


def test_a_site_with_its_own_main_html_keeps_it_and_gets_the_json_ld(tmp_path, make_site):
    mkdocs = (Path(__file__).parent / "fixtures" / "mini" / "mkdocs.yml").read_text("utf-8")
    mkdocs = mkdocs.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    site = make_site(tmp_path / "repo", mkdocs=mkdocs)
    site.write("overrides/main.html", '{% extends "base.html" %}\n{% block extrahead %}<meta name="site-own" content="yes">{% endblock %}\n')
    build_site(site.root, tmp_path / "site")
    claim = read_page(tmp_path / "site" / "claims" / "rubio-revoke" / "index.html")
    assert only_claimreview(claim)["claimReviewed"].startswith("Rubio said")
    assert {"name": "site-own", "content": "yes"} in claim.meta
    home = read_page(tmp_path / "site" / "index.html")
    assert {"name": "site-own", "content": "yes"} in home.meta and home.jsonld == []


def test_problems_for_required_and_recommended_properties(mini_site):
    claim = mini_site.claim_by_id["rubio-revoke"]
    assert claimreview_problems(mini_site) == []  # the fixture is clean
    long = replace(claim, short="x" * 76)
    as_rating = replace(claim, short="Mostly true")
    empty = replace(claim, short=" ")
    site = replace(mini_site, claims=(long, as_rating, empty))
    found = claimreview_problems(site)
    assert [(p.field, p.severity) for p in found] == [("short", "warning"), ("short", "error"), ("short", "error")]
    assert "76 characters" in found[0].message and "rating" in found[1].message


def test_without_site_url_the_url_is_not_absolute_and_the_build_warns(mini_site):
    settings = replace(mini_site.settings, site_url="")
    site = replace(mini_site, settings=settings, urls=replace(mini_site.urls, site_url=""))
    assert claim_review(site, site.claim_by_id["rubio-revoke"])["url"] == "/claims/rubio-revoke/"
    warnings = [p for p in claimreview_problems(site) if p.field == "site_url"]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
