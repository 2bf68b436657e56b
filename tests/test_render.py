"""The generated Markdown pages of the fixture site (factcheck.render)."""

from __future__ import annotations

import posixpath
import re

import pytest

from factcheck.core.pipeline import render
from factcheck.core.quotes import anchor

LINK = re.compile(r"\]\(([^)\s]+)\)")
IDS = re.compile(r"\{:[^}]*#([\w-]+)|\bid=\"([\w-]+)\"")


@pytest.fixture(scope="module")
def pages(mini_site):
    rendered, _ = render(mini_site)
    return {page.path: page for page in rendered}


@pytest.fixture(scope="module")
def assets(mini_site):
    _, rendered = render(mini_site)
    return {asset.path: asset for asset in rendered}


def body(pages, path: str) -> str:
    return pages[path].markdown


CELL_LABEL = re.compile(r'<span class="fc-cell-label"[^>]*>.*?</span>')


def unlabelled(page: str) -> str:
    """A page without the names a card table's cells carry for phones (render/cards.py)."""
    return CELL_LABEL.sub("", page)


STUDENTS_QUOTE = "more than 270,000 Chinese students studied in the US"
RUBIO_QUOTE = 'Marco Rubio said the US would "aggressively revoke visas for Chinese students."'


def test_every_page_is_generated(pages):
    expected = {
        "claims/index.md", "verdicts/index.md", "topics/index.md", "people/index.md", "sources/index.md",
        "disagreements.md", "corrections.md",
        "claims/students-270000.md", "claims/rubio-revoke.md", "sources/newsletter.md", "sources/wire.md",
        "topics/student-visas.md", "topics/education.md", "people/marco-rubio.md",
        *(f"verdicts/{key}.md" for key in ("true", "mostly-true", "half-true", "mostly-false", "false", "unverifiable")),
    }
    assert expected <= set(pages)
    # scott-bessent is in people.yaml but no claim names him: no page
    assert "people/scott-bessent.md" not in pages


def test_only_index_pages_go_in_the_navigation(pages):
    in_nav = {path for path, page in pages.items() if page.in_nav}
    assert {"claims/index.md", "verdicts/index.md", "topics/index.md", "people/index.md", "sources/index.md"} <= in_nav
    for prefix in ("claims/", "sources/", "verdicts/", "topics/", "people/"):
        assert all(path.endswith("/index.md") for path in in_nav if path.startswith(prefix)), prefix


def test_every_page_is_made_as_html_with_no_markdown_link_left(pages):
    """Every generated page, the disagreements and corrections pages too, is headings and HTML blocks
    (render/html.py): MkDocs converts no link of theirs (their links are checked below, as HTML)."""
    for path, page in pages.items():
        assert page.html, f"{path} is Markdown, not made as HTML"
        assert not LINK.findall(page.source), f"{path} has a Markdown link"


def test_claim_page_shows_the_claim_verdict_and_conclusion(pages):
    page = body(pages, "claims/students-270000.md")
    assert "# More than 270,000 Chinese students studied in the US in 2023\\-24" in page
    assert '<p class="fc-claim-text">In the 2023-2024 school year, more than 270,000 Chinese students studied in the US.</p>' in page
    assert '<span class="fc-badge__prefix">Verdict:</span> True</span>' in page
    assert '<p class="fc-verdict__conclusion">The figure matches the Open Doors count for 2023-24.</p>' in page
    assert "Rated on the evidence available on 2 June 2025." in page
    assert 'Claimed by <a href="../../sources/newsletter/">Example Newsletter</a> · claimed on 30 May 2025' in page
    assert "<em>277,398</em>" in page and "<li>one point</li>" in page  # the explanation, as Markdown
    assert "Published 2 June 2025." in page


def test_claim_page_links_each_quote_to_its_passage_on_the_source_page(pages):
    page = body(pages, "claims/students-270000.md")
    assert f'Source: <a href="../../sources/newsletter/#{anchor("newsletter", STUDENTS_QUOTE)}">Weekly recap</a>' in page
    wire_quote = "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024"
    assert f'Source: <a href="../../sources/wire/#{anchor("wire", wire_quote)}">Talks stall</a>' in page
    assert "Another source gives a higher figure for a different period." in page
    assert '<a href="https://example.org/recap#:~:text=' in page and ">See it in the original</a>" in page


def test_claim_page_lists_its_sources_with_approximate_dates(pages):
    page = unlabelled(body(pages, "claims/students-270000.md"))
    assert '<td><a href="../../sources/newsletter/">Weekly recap</a></td>\n<td>Example Newsletter</td>\n<td>30 May 2025</td>' in page
    assert '<td><a href="../../sources/wire/">Talks stall</a></td>\n<td>Unidentified outlet</td>\n<td>31 May 2025 (approximate)</td>' in page


def test_an_attribution_with_a_correction(pages):
    page = body(pages, "claims/rubio-revoke.md")
    assert "attribution" in page
    assert "<strong>3 June 2025, correction:</strong> The first version gave the wrong date of the statement. The verdict was True." in page
    assert "Verdict history: True (since 2 June 2025) → Mostly true (since 3 June 2025)" in page
    corrections = body(pages, "corrections.md")
    assert ("<li><strong>3 June 2025, correction:</strong> <a href=\"../claims/rubio-revoke/\">Rubio said the US would aggressively "
            "revoke Chinese students' visas</a>: The first version gave the wrong date of the statement. The verdict was True; "
            'now <span class="fc-badge fc-badge--mostly-true" data-verdict="mostly-true">Mostly true</span>.</li>') in corrections


def test_source_page_shows_its_record_and_passages_with_anchors(pages):
    page = body(pages, "sources/newsletter.md")
    assert "<td>Publisher</td>\n<td>Example Newsletter</td>" in page
    assert "<td>Authors</td>\n<td>Ann Editor</td>" in page
    assert "<li>Mixes reporting with opinion.</li>" in page
    assert "In the 2023-2024 school year, <strong>more than 270,000 Chinese students studied in the US</strong>, accounting for" in page
    assert f'<p class="fc-passage" id="{anchor("newsletter", STUDENTS_QUOTE)}">' in page
    assert f'<p class="fc-passage" id="{anchor("newsletter", RUBIO_QUOTE)}">' in page
    assert "Secretary of State <strong>Marco Rubio said the US would “aggressively revoke visas for Chinese students.”</strong>" in page
    assert "The full text is not published here" in page
    assert "## Full text" not in page


def test_source_page_links_back_to_every_claim_with_its_verdict(pages):
    page = body(pages, "sources/newsletter.md")
    assert 'Quoted by: <a href="../../claims/students-270000/">More than 270,000 Chinese students studied in the US in 2023-24</a>' in page
    assert ("<td><a href=\"../../claims/rubio-revoke/\">Rubio said the US would aggressively revoke Chinese students' visas</a></td>\n"
            '<td><span class="fc-cell-label" data-search-exclude>Verdict: </span><span class="fc-badge fc-badge--mostly-true"') in page
    assert '<div class="fc-cards">' in page  # the claims quoting the source are cards on a phone
    # the count by verdict links each verdict's page
    assert re.search(r'<td><a href="\.\./\.\./verdicts/true/"><span class="fc-badge fc-badge--true"[^\n]*</a></td>\n<td>1</td>', page)


def test_approximate_date_and_its_note_on_the_source_page(pages):
    page = body(pages, "sources/wire.md")
    assert "<td>Published</td>\n<td>31 May 2025 (approximate)</td>" in page
    assert 'reports events of 29 May as "recent".' in page


def test_claims_index_lists_every_claim_newest_first(pages):
    page = body(pages, "claims/index.md")
    # both were last changed on 2 June 2025: the tie is broken by id, in reverse like the dates
    assert 0 < page.index('"students-270000/"') < page.index('"rubio-revoke/"')
    assert "2 claims checked, newest first." in page
    # a source whose publisher is unknown is named plainly as an unidentified outlet and its
    # date, never by its title (an article's title is not who made a claim)
    assert '<a href="../sources/wire/">Unidentified outlet, 31 May 2025</a>' in page
    assert ">unknown</a>" not in page and '<a href="../sources/wire/">Talks stall</a>' not in page


def test_verdict_pages_hold_their_definition_and_claims(pages):
    page = body(pages, "verdicts/mostly-true.md")
    assert "# Mostly true" in page
    assert "The claim is accurate but needs clarification or additional information." in page
    assert '"../../claims/rubio-revoke/"' in page and "students-270000" not in page
    empty = body(pages, "verdicts/false.md")  # no fixture claim is rated False
    assert "No claims yet." in empty and '"../../claims/' not in empty
    scale = body(pages, "verdicts/index.md")
    for key in ("true", "mostly-true", "half-true", "mostly-false", "false", "unverifiable"):
        assert f'<a href="{key}/">' in scale


def test_topic_pages_and_their_index(pages):
    assert '<td><a href="student-visas/">Student visas</a></td>\n<td>2</td>' in body(pages, "topics/index.md")
    assert '<td><a href="education/">Education</a></td>\n<td>1</td>' in body(pages, "topics/index.md")
    topic = body(pages, "topics/education.md")
    assert "# Education" in topic and '"../../claims/students-270000/"' in topic and "rubio-revoke" not in topic


def test_person_page_lists_the_claims_about_them(pages):
    page = body(pages, "people/marco-rubio.md")
    assert "# Marco Rubio" in page and "US Secretary of State" in page
    assert "## Claims about them" in page
    assert '"../../claims/rubio-revoke/"' in page and '"../../claims/students-270000/"' in page
    index = unlabelled(body(pages, "people/index.md"))
    assert '<td><a href="marco-rubio/">Marco Rubio</a></td>\n<td>US Secretary of State</td>\n<td>0</td>\n<td>2</td>' in index
    # On a phone, where the header row is hidden, each cell says what it is.
    assert '<td><span class="fc-cell-label" data-search-exclude>Claims about them: </span>2</td>' in body(pages, "people/index.md")


def test_sources_index_marks_approximate_dates(pages):
    page = unlabelled(body(pages, "sources/index.md"))
    assert '<td><a href="wire/">Talks stall</a></td>\n<td>unknown</td>\n<td>around 31 May 2025</td>' in page
    assert '<td><a href="newsletter/">Weekly recap</a></td>\n<td>Example Newsletter</td>\n<td>30 May 2025</td>' in page


def test_the_stylesheet_colours_each_verdict(assets):
    css = assets["assets/factcheck.css"].content
    assert ".fc-badge--mostly-true, .md-typeset .md-tag.md-tag--fc-mostly-true {" in css and ".fc-verdict--unverifiable {" in css


def site_of(make_site, folder, **kw):
    checked = make_site(folder, **kw).check()
    assert checked.ok, [str(p) for p in checked.problems]
    pages, _ = render(checked.site)
    return {page.path: page.markdown for page in pages}


def test_a_passage_inside_a_figure_keeps_its_spacing(make_site, tmp_path, claim_data):
    quote = {"source": "wire", "quote": "15 billion"}
    pages = site_of(make_site, tmp_path, claims={"money": claim_data(appeared=[quote], claimant="wire")})
    assert "contributing nearly $<strong>15 billion</strong> annually to the U.S. economy." in pages["sources/wire.md"]


def test_a_passage_ending_before_punctuation_keeps_it_attached(make_site, tmp_path, claim_data):
    quote = {"source": "wire", "quote": "a bit stalled"}
    pages = site_of(make_site, tmp_path, claims={"stalled": claim_data(appeared=[quote], claimant="wire")})
    assert "The talks are “<strong>a bit stalled</strong>,” Bessent said." in pages["sources/wire.md"]


def test_full_text_is_published_when_the_source_allows_it(make_site, tmp_path):
    record = {"title": "Talks stall", "publisher": "Wire", "published": "2025-05-31", "type": "news-article", "publish_full_text": True}
    pages = site_of(make_site, tmp_path, sources={"wire": record})
    page = pages["sources/wire.md"]
    assert "## Full text" in page
    assert "The talks are “a bit stalled,” Bessent said." in page
    assert "The full text is not published here" not in page


def test_ordinary_punctuation_in_contributor_text_is_shown_as_written(make_site, tmp_path, claim_data):
    data = claim_data(
        short="1986. C++ *stars* and [brackets]", right=["Half of it: 50% | more"], wrong=["# not a heading"],
        references=[{"url": "https://www.iie.org/opendoors", "title": "Open Doors 2024", "publisher": "IIE", "accessed": "2025-06-03"}],
        checked_by="Mini Desk",
    )
    page = site_of(make_site, tmp_path, claims={"odd": data})["claims/odd.md"]
    assert "# 1986\\. C\\+\\+ \\*stars\\* and \\[brackets\\]" in page
    assert "<li>Half of it: 50% | more</li>" in page
    assert "<li># not a heading</li>" in page
    assert '<a href="https://www.iie.org/opendoors">Open Doors 2024</a>, IIE (accessed 3 June 2025)' in page
    assert "Checked by Mini Desk." in page


def test_topics_without_latin_letters_get_pages_of_their_own(make_site, tmp_path, claim_data):
    repo = make_site(tmp_path, claims={
        "china-topic": claim_data(topics=["中国"]),
        "japan-topic": claim_data(topics=["日本"]),
    })
    site = repo.check().site
    assert site is not None
    names = sorted(topic.name for topic in site.topics.values())
    assert "中国" in names and "日本" in names
    china = next(t for t in site.topics.values() if t.name == "中国")
    japan = next(t for t in site.topics.values() if t.name == "日本")
    assert china.slug != japan.slug and china.slug.startswith("topic-")


def test_every_page_in_the_sidebar_carries_the_title_of_its_front_matter(pages):
    """The title a dirty serve gives a sidebar entry it did not read (plugin.on_nav) is the page's own."""
    from mkdocs.utils.meta import get_data as front_matter

    in_nav = [page for page in pages.values() if page.in_nav]
    assert len(in_nav) >= 5
    for page in in_nav:
        assert page.title and page.title == front_matter(page.markdown)[1]["title"], page.path


def test_reliability_rating_on_the_source_page_and_beside_the_source_on_claim_pages(pages):
    source = body(pages, "sources/wire.md")
    assert "<td>Reliability</td>\n<td><strong>Low</strong>: No outlet, byline or date.</td>" in source
    assert "does not count as corroboration by itself" in source
    claim = body(pages, "claims/students-270000.md")
    # the sources table names an unknown publisher plainly and gives the rating next to the source,
    # each cell named for the card it is on a phone
    assert ('<td><span class="fc-cell-label" data-search-exclude>Publisher: </span>Unidentified outlet</td>\n'
            '<td><span class="fc-cell-label" data-search-exclude>Published: </span>31 May 2025 (approximate)</td>\n'
            '<td><span class="fc-cell-label" data-search-exclude>Reliability: </span><strong>Low</strong>: No outlet, byline or date.</td>') in claim
    # a source without a rating shows an empty cell, which its card leaves out (the newsletter is not rated in this fixture)
    assert "<td>Example Newsletter</td>\n<td>30 May 2025</td>\n<td></td>" in unlabelled(claim)
    # evidence quoted from a low-reliability document says it does not corroborate alone
    assert "<em>This document is of low reliability: it does not count as corroboration by itself.</em>" in claim


def test_dates_are_written_for_people_with_their_precision_in_words():
    from datetime import date

    from factcheck.render.labels import written_date

    assert written_date(date(2025, 6, 7)) == "7 June 2025"
    assert written_date(date(2025, 6, 7), approximate=True) == "around 7 June 2025"
    assert written_date(None) == ""


def test_claim_page_shows_the_verdicts_place_on_the_scale(pages, mini_site):
    page = body(pages, "claims/students-270000.md")
    steps = sorted(mini_site.corpus.scale.numeric, key=lambda r: r.value)
    place = [r.key for r in steps].index("true") + 1
    meter = re.search(r'<div class="fc-meter fc-chart">(.*?)</div>', page, re.DOTALL).group(1)
    # One segment per rating on the scale, in its colour class, the claim's own marked.
    assert re.findall(r'class="fc-bar--([\w-]+)', meter) == [r.key for r in steps]
    assert 'class="fc-bar--true fc-meter__own"' in meter
    # The text equivalent says the same in words.
    assert f"True: {place} of {len(steps)} on the rating scale, from {steps[0].label} to {steps[-1].label}." in meter


def test_a_rating_off_the_scale_says_so_instead_of_a_meter(mini_site):
    from factcheck.render.charts import verdict_meter

    off = [r for r in mini_site.corpus.scale.ratings if r.value is None]
    assert off, "the fixture's scale has a rating off the scale"
    shown = verdict_meter(mini_site, off[0].key)
    assert "<svg" not in shown and f"{off[0].label} is not a place on the rating scale." in shown


HREF = re.compile(r'href="([^"#]*)(?:#([^"]*))?"')


def test_links_of_pages_made_as_html_lead_to_the_address_of_a_page_and_anchor_that_exist(pages, mini_site):
    """The HTML blocks link between built addresses (``../../sources/wire/``), as MkDocs writes the Markdown links."""
    urls = mini_site.urls
    path_at = {urls.url(path): path for path in pages}
    ids = {path: {a or b for a, b in IDS.findall(page.markdown)} for path, page in pages.items()}
    checked = 0
    for path, page in pages.items():
        base = urls.url(path)
        folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
        for block in page.html:
            for target, fragment in HREF.findall(block):
                if target.startswith(("http://", "https://", "mailto:")):
                    continue
                if not target:  # an anchor of the page itself
                    address = base
                else:
                    address = posixpath.normpath(folder + target)
                    address = "" if address == "." else address + ("/" if target.endswith("/") else "")
                assert address in path_at, f"{path} links to {target}, which is no generated page's address"
                if fragment:
                    assert fragment in ids[path_at[address]], f"{path} links to {target}, whose anchor is not on the page"
                checked += 1
    assert checked > 50


def test_mkdocs_reads_headings_only_and_each_block_goes_after_its_heading():
    """MkDocs converts the front matter and the headings; every HTML block is put back after the
    heading it follows in ``source``, as a marker paragraph in its place would have put it."""
    import markdown

    from factcheck.render import html as h

    page = h.page("claims/x.md", {"title": "X"}, [
        "<p>before any heading</p>", h.Heading("# X"), "<p>one</p>", "<div>two</div>",
        h.Heading("## Evidence {: data-search-exclude }"), h.Heading("## Empty"), "<p>last</p>",
    ])
    assert "FACTCHECKHTML" not in page.headings and "## Evidence" in page.headings
    assert page.places == (0, 1, 3)
    as_markers = markdown.markdown(page.source.split("---\n", 2)[2], extensions=["attr_list", "toc"])
    for index, block in enumerate(page.html):
        as_markers = as_markers.replace(f"<p>FACTCHECKHTML{index}</p>", block)
    converted = markdown.markdown(page.headings, extensions=["attr_list", "toc"])
    assert page.fill(converted) == as_markers
    assert page.fill(converted).index("<p>one</p>\n<div>two</div>") < page.fill(converted).index("Evidence")
    with pytest.raises(ValueError, match="headings"):
        page.fill("<p>a Markdown extension took the headings away</p>")
