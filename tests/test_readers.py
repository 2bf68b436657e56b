"""What readers see without a browser: badge contrast, the charts' markup, the filter's data, search front matter."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from factcheck.core.scale import DEFAULT_SCALE
from factcheck.core.values import date_value
from factcheck.render import charts
from factcheck.render.claim_page import render_claim
from factcheck.render.claims_filter import filter_form, row_data, script
from factcheck.render.index_pages import all_claims, verdict_pages
from factcheck.render.search_meta import CLAIM_BOOST, LISTING_BOOST
from factcheck.render.style import PALETTES, TEXT_CONTRAST, contrast, needs_outline, stylesheet, text_colour


@pytest.mark.parametrize("rating", DEFAULT_SCALE.ratings, ids=lambda r: r.key)
def test_every_default_badge_reaches_wcag_aa(rating) -> None:
    assert contrast(rating.colour, text_colour(rating.colour)) >= TEXT_CONTRAST


def test_chart_bars_too_faint_on_a_palette_get_an_outline_there() -> None:
    css = stylesheet(DEFAULT_SCALE)
    for rating in DEFAULT_SCALE.ratings:
        for scheme, backgrounds in PALETTES.items():
            rule = f'[data-md-color-scheme="{scheme}"] .fc-chart .fc-bar--{rating.key} {{ stroke'
            faint = any(contrast(rating.colour, b) < 3 for b in backgrounds)
            assert needs_outline(rating.colour, backgrounds) == faint
            assert (rule in css) == faint, (rating.key, scheme)
    # The dark palette is where the default colours are faint: unverifiable grey on slate is about 2:1.
    assert needs_outline("#52525b", PALETTES["slate"]) and not needs_outline("#52525b", PALETTES["default"])


def test_verdict_chart_has_a_text_alternative_with_the_numbers(mini_site) -> None:
    tally = charts.verdict_tally(mini_site, mini_site.claims)
    figure = charts.verdict_chart(tally, "Verdicts")
    assert figure.startswith("<figure") and "\n\n" not in figure, "one raw HTML block"
    assert 'role="img"' in figure and "data-search-exclude" in figure
    label = re.search(r'aria-label="([^"]*)"', figure).group(1)
    title = re.search(r"<title>(.*?)</title>", figure).group(1)
    assert label == title
    for item in tally:
        assert f"{item.label}: {item.count}" in label
    assert sum(item.count for item in tally) == len(mini_site.claims)
    assert figure.count("<rect") == len(DEFAULT_SCALE.ratings)


def test_chart_text_is_escaped(mini_site) -> None:
    tally = [charts.VerdictCount("true", '<script>alert("x")</script>', 2)]
    figure = charts.verdict_chart(tally, "A & B")
    assert "<script" not in figure and "&lt;script&gt;" in figure and "A &amp; B" in figure


def _with_dates(site):
    """The mini site with date values on its quotes: two sources dating one event, one claim another."""
    spans = [(date(2025, 5, 12), date(2025, 5, 12)), (date(2025, 1, 1), date(2025, 1, 31))]
    uses = []
    for index, use in enumerate(site.uses):
        start, end = spans[0] if index < 2 else spans[1]
        quote = dataclasses.replace(use.quote, subject="" if index >= 2 else "deal-day")
        uses.append(dataclasses.replace(use, quote=quote, value=date_value(start, end, "as written")))
    return dataclasses.replace(site, uses=tuple(uses))


def test_timeline_groups_dated_values_by_subject_and_span(mini_site) -> None:
    assert charts.dated_events(mini_site) == [], "the fixture's quotes state figures, not dates"
    assert charts.timeline(mini_site, mini_site.urls.claims_index()) == []
    site = _with_dates(mini_site)
    events = charts.dated_events(site)
    assert [(e.start, e.end) for e in events] == sorted((e.start, e.end) for e in events)
    deal = [e for e in events if e.title == site.corpus.subject("deal-day").title]
    assert len(deal) == 1 and deal[0].start == date(2025, 5, 12)
    assert deal[0].sources == tuple(dict.fromkeys(u.quote.source for u in site.uses[:2]))
    section = "\n".join(str(part) for part in charts.timeline(site, site.urls.claims_index()))
    assert section.count("<li><strong>") == len(events)
    svg = re.search(r"<svg.*?</svg>", section, re.S).group(0)
    assert svg.count('class="fc-mark"') == len(events)
    assert "12 May 2025" in section and "January 2025" in section
    # Each row names its event in the picture, not only by its date.
    labels = re.findall(r'<text class="fc-chart__label"[^>]*font-size="(\d+)">([^<]*)</text>', svg)
    assert len(labels) == len(events)
    for number, ((size, text), event) in enumerate(zip(labels, events), start=1):
        assert text.startswith(f"{number}. {charts.short_span(event.start, event.end)} \u00b7 {event.title[:10]}")
        assert int(size) >= 12
    # One unit of the picture is at most one pixel on a 360-pixel phone: 13 units read at 12 px or more.
    assert 'viewBox="0 0 328 ' in svg


@pytest.mark.parametrize("start, end, expected", [
    (date(2025, 6, 5), date(2025, 6, 5), "5 Jun 2025"),
    (date(2025, 1, 1), date(2025, 1, 31), "Jan 2025"),
    (date(2025, 8, 11), date(2025, 8, 20), "11\u201320 Aug 2025"),
    (date(2025, 5, 28), date(2025, 6, 2), "28 May\u20132 Jun 2025"),
    (date(2024, 1, 1), date(2024, 12, 31), "2024"),
])
def test_short_span(start, end, expected) -> None:
    assert charts.short_span(start, end) == expected


def test_filter_rows_carry_the_claims_facts(mini_site) -> None:
    claim = mini_site.claim_by_id["students-270000"]
    span = row_data(mini_site, claim)
    assert span.startswith('<span class="fc-row" hidden ')
    assert 'data-verdict="true"' in span and 'data-topic="student-visas education"' in span
    assert 'data-source="newsletter wire"' in span and 'data-person="marco-rubio"' in span
    assert 'data-date="2025-05-30"' in span


def test_filter_form_is_hidden_without_javascript_and_offers_what_the_site_has(mini_site) -> None:
    form = filter_form(mini_site)
    assert re.match(r'<form class="fc-filters" data-fc-filters data-search-exclude hidden', form)
    for name in ("verdict", "topic", "source", "person", "sort"):
        assert f'name="{name}"' in form
    assert '<option value="mostly-true">Mostly true</option>' in form
    assert '<option value="false">' not in form, "verdicts no claim has are not offered"
    page = all_claims(mini_site).markdown
    assert page.count('<span class="fc-row"') == len(mini_site.claims)
    code = script()
    assert "span.fc-row" in code and "history.replaceState" in code
    assert "innerHTML" not in code, "the script writes text only"


def test_search_front_matter_ranks_claims_above_listings(mini_site) -> None:
    claim = mini_site.claims[0]
    page = render_claim(mini_site, claim).markdown
    assert f'search: {{"boost": {CLAIM_BOOST}}}' in page
    assert f'tags: ["{mini_site.rating(claim).label}"]' in page
    for listing in [all_claims(mini_site), *verdict_pages(mini_site)]:
        assert f'search: {{"boost": {LISTING_BOOST}}}' in listing.markdown
    assert CLAIM_BOOST > 1 > LISTING_BOOST
