"""The Atom feed (RFC 4287), parsed with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import posixpath

import pytest

from site_factory import MINI, synthetic_site
from factcheck.render.feed import atom_feed
from factcheck.render.head import add_to_head, feed_link
from site_build import build_site

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def feed(tmp_path_factory, make_site, claim_data):
    folder = tmp_path_factory.mktemp("feed")
    site = make_site(folder / "repo", claims={
        "newest": claim_data(short="Claim with <b>markup</b> & an ampersand", published="2025-06-10",
                             conclusion="Verdict text </summary> stays text."),
    })
    build_site(site.root, folder / "site")
    return ET.parse(folder / "site" / "feed.xml").getroot()


def when(element: ET.Element, tag: str) -> datetime:
    return datetime.fromisoformat(element.findtext(A + tag).replace("Z", "+00:00"))


def test_feed_has_the_elements_rfc_4287_requires(feed):
    assert feed.tag == A + "feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(A + tag)) == 1 and feed.findtext(A + tag).strip()
    self_links = [link for link in feed.findall(A + "link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == ["https://example.org/mini/feed.xml"]
    assert feed.find(A + "author/" + A + "name").text == "Mini Desk"
    entries = feed.findall(A + "entry")
    assert len(entries) == 4  # three checks and one correction
    for entry in entries:
        for tag in ("id", "title", "updated", "published", "summary"):
            assert len(entry.findall(A + tag)) == 1 and entry.findtext(A + tag).strip(), tag
        assert [link.get("rel") for link in entry.findall(A + "link")] == ["alternate"]
        assert entry.find(A + "author/" + A + "name").text == "Mini Desk"
        assert when(entry, "published") <= when(entry, "updated") <= when(feed, "updated")
    ids = [entry.findtext(A + "id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("https://example.org/mini/") for i in ids)


def test_entries_are_newest_first_with_verdicts_and_marked_corrections(feed):
    entries = feed.findall(A + "entry")
    published = [when(e, "published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert when(feed, "updated") == max(when(e, "updated") for e in entries)
    titles = [e.findtext(A + "title") for e in entries]
    assert titles[0] == "Claim with <b>markup</b> & an ampersand"  # escaped in the XML, the same text after parsing
    assert entries[0].findtext(A + "summary") == "Verdict: Half true. Verdict text </summary> stays text."
    corrections = [e for e in entries if [c.get("term") for c in e.findall(A + "category")] == ["correction"]]
    assert len(corrections) == 1
    correction = corrections[0]
    assert correction.findtext(A + "title").startswith("Correction: Rubio said")
    assert "The verdict was True; now Mostly true." in correction.findtext(A + "summary")
    assert correction.find(A + "link").get("href") == "https://example.org/mini/claims/rubio-revoke/"
    checks = [e for e in entries if e not in corrections]
    assert {c.get("term") for e in checks for c in e.findall(A + "category")} == {"true", "mostly-true", "half-true"}


def test_without_site_url_links_are_relative_to_the_feed(mini_site):
    site = replace(mini_site, settings=replace(mini_site.settings, site_url=""), urls=replace(mini_site.urls, site_url=""))
    root = ET.fromstring(atom_feed(site))
    links = {link.get("rel"): link.get("href") for link in root.findall(A + "link")}
    assert links["self"] == "feed.xml"
    hrefs = {e.find(A + "link").get("href") for e in root.findall(A + "entry")}
    assert hrefs == {"claims/rubio-revoke/", "claims/students-270000/"}
    assert root.findtext(A + "id").startswith("urn:uuid:")


def test_characters_xml_forbids_are_dropped(mini_site):
    claim = mini_site.claim_by_id["students-270000"]
    site = replace(mini_site, claims=(replace(claim, short="bell\x07 and nul\x00"),))
    root = ET.fromstring(atom_feed(site))  # would raise on an invalid character
    assert root.find(A + "entry").findtext(A + "title") == "bell and nul"


# ---------------------------------------------------------------------------
# Discovery: every page announces the feed in its head


class AtomLinks(HTMLParser):
    """The feed links of a page's head, and whether each was inside <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.links: list[tuple[dict[str, str], bool]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "link" and a.get("type") == "application/atom+xml":
            self.links.append((a, self.in_head))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_links_to_the_feed_once_in_its_head(tmp_path, make_site, directory_urls):
    mkdocs = (MINI / "mkdocs.yml").read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    mkdocs += f"use_directory_urls: {str(directory_urls).lower()}\n"
    site = make_site(tmp_path / "repo", mkdocs=mkdocs)
    # A site's own main.html, with its own extrahead, stays in charge of its pages.
    site.write("overrides/main.html", '{% extends "base.html" %}\n{% block extrahead %}<meta name="site-own" content="yes">{% endblock %}\n')
    out = tmp_path / "site"
    build_site(site.root, out)
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 10 and (out / "feed.xml").is_file()
    for page in pages:
        text = page.read_text("utf-8")
        parser = AtomLinks()
        parser.feed(text)
        assert len(parser.links) == 1, page
        link, in_head = parser.links[0]
        assert in_head and link["rel"] == "alternate" and link["title"] == "Mini fact check: fact checks and corrections"
        assert (page.parent / link["href"]).resolve() == (out / "feed.xml").resolve(), (page, link["href"])
        assert '<meta name="site-own" content="yes">' in text


def test_feed_link_is_added_before_the_end_of_the_head_once(mini_site):
    hostile = replace(mini_site, settings=replace(mini_site.settings, site_name='Desk "><script>x</script>'))
    element = feed_link(hostile, "claims/rubio-revoke/")
    assert 'href="../../feed.xml"' in element and "<script>" not in element and "&quot;&gt;&lt;script&gt;" in element
    assert 'href="feed.xml"' in feed_link(mini_site, "")
    assert 'href="../feed.xml"' in feed_link(mini_site, "claims/rubio-revoke.html")
    page = "<html><HEAD><title>t</title></HEAD ><body></head></body></html>"
    once = add_to_head(page, element)
    assert once.index(element) < once.index("</HEAD >") and once.count(element) == 1
    assert add_to_head(once, element) == once  # a second run adds nothing
    assert add_to_head("<p>a fragment</p>", element) == "<p>a fragment</p>"


def test_the_feed_holds_the_newest_entries_it_is_told_to(mini_site):
    def entries(limit: int) -> list[str]:
        site = replace(mini_site, settings=replace(mini_site.settings, feed_entries=limit))
        return [e.findtext(A + "id") for e in ET.fromstring(atom_feed(site)).findall(A + "entry")]

    every = entries(0)
    assert len(every) >= 3 and entries(100) == every  # the default holds a small site whole
    assert entries(2) == every[:2]


def test_the_newest_entries_are_those_of_the_whole_list_whatever_the_limit(tmp_path):
    """Only the claims changed lately make entries; with corrections and days shared by many
    claims, the first n entries are still the first n of every entry."""
    checked = synthetic_site(tmp_path / "site", 300).check()
    assert checked.site is not None
    site = checked.site
    assert sum(len(c.corrections) for c in site.claims) >= 5  # corrections make entries of their own

    def entries(limit: int) -> list[str]:
        limited = replace(site, settings=replace(site.settings, feed_entries=limit))
        return [e.findtext(A + "id") for e in ET.fromstring(atom_feed(limited)).findall(A + "entry")]

    every = entries(0)
    assert len(every) > 300
    for limit in (1, 2, 3, 7, 25, 100, 299, 300, 301, len(every)):
        assert entries(limit) == every[:limit], limit


def test_the_feed_lists_checks_in_the_home_pages_order(mini_site):
    """One order for "latest checks": publication date, then the claim's date, newest first."""
    from factcheck.render.order import newest_first

    entries = ET.fromstring(atom_feed(mini_site)).findall(A + "entry")
    checks = [e.find(A + "link").get("href") for e in entries if "#" not in e.findtext(A + "id")]
    expected = [mini_site.urls.claim(c.id) for c in newest_first(mini_site.claims)]
    assert [posixpath.normpath(h.split("example.org/mini/")[-1]) for h in checks] == [
        posixpath.normpath(posixpath.splitext(u)[0].removesuffix("/index")) for u in expected]
