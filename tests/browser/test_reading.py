"""A reader opens the site, follows a claim to its source and back, and reads on a phone."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE
from pages import page_types, richest_claim

pytestmark = pytest.mark.browser


def test_home_page_opens_and_leads_to_the_claims(reader, served) -> None:
    reader.open(served.url())
    assert served.model.settings.site_name in reader.page.title()
    reader.page.locator(f'a[href$="{served.model.urls.url(served.model.urls.claims_index())}"]').first.click()
    reader.page.wait_for_load_state("load")
    assert served.path_of(reader.page.url) == served.model.urls.url(served.model.urls.claims_index())
    rows = reader.page.locator("tr:has(span.fc-row)")
    assert rows.count() == len(served.model.claims)
    assert reader.console_errors == []


def test_follow_a_claim_to_its_source_and_back(reader, served) -> None:
    model, urls = served.model, served.model.urls
    claim = richest_claim(model)
    reader.open(served.url(urls.claims_index()))
    reader.page.locator(f'tr:has(span.fc-row) a[href$="{urls.url(urls.claim(claim.id)).split("/", 1)[1]}"]').first.click()
    reader.page.wait_for_load_state("load")
    assert reader.heading() == claim.short

    # The first quote's source link goes to the passage on the source page, which is highlighted.
    use = model.uses_by_claim[claim.id][0]
    reader.page.locator(f'a[href*="#{use.anchor}"]').first.click()
    reader.page.wait_for_load_state("load")
    assert served.path_of(reader.page.url) == urls.url(urls.source(use.quote.source))
    assert reader.page.url.endswith(f"#{use.anchor}")
    passage = reader.page.locator(f"#{use.anchor}")
    assert passage.is_visible()
    assert passage.evaluate("element => element.matches(':target')")
    assert reader.heading() == model.source(use.quote.source).title

    # The passage lists the claims quoting it; the reader goes back to the claim from there.
    back = reader.page.locator(f'p:has-text("Quoted by") a[href$="{claim.id}/"]').first
    back.click()
    reader.page.wait_for_load_state("load")
    assert served.path_of(reader.page.url) == urls.url(urls.claim(claim.id))
    assert reader.console_errors == []


def longest_claims(model, count: int):
    """The claims whose first screen is fullest on a phone: the longest title, claim and conclusion."""
    return sorted(model.claims, key=lambda c: (-(len(c.short) + len(c.claim) + len(c.conclusion)), c.id))[:count]


def test_the_longest_claim_pages_read_on_a_phone(reader_factory, served) -> None:
    """No sideways scrolling; the verdict, and at least the first line of its conclusion, in the first screenful.

    (A claim quoted at great length can push the end of a long conclusion below the fold.)
    """
    reader = reader_factory(PHONE)
    urls = served.model.urls
    for claim in longest_claims(served.model, 6):
        reader.open(served.url(urls.claim(claim.id)))
        assert reader.horizontal_overflow() <= 0, f"{claim.id}: the page scrolls sideways on a 375px phone"
        label = reader.page.locator(".fc-verdict__label").bounding_box()
        assert label["y"] + label["height"] <= PHONE["height"], f"{claim.id}: the verdict is below the first screen ({label})"
        conclusion = reader.page.locator(".fc-verdict__conclusion")
        first_line = float(conclusion.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)"))
        assert conclusion.bounding_box()["y"] + first_line <= PHONE["height"], f"{claim.id}: the conclusion starts below the first screen"
        badge = reader.page.locator(".fc-verdict .fc-badge")
        assert badge.inner_text().strip().endswith(served.model.rating(claim).label), "the verdict is written out, not only coloured"
    reader.open(served.url(urls.claim(richest_claim(served.model).id)))
    reader.shot("claim-phone-first-screen", full_page=False)
    assert reader.console_errors == []


def test_claim_page_keeps_its_reading_order(reader, served) -> None:
    """Claim and claimant, verdict and conclusion, right and wrong, evidence, sources, differences, updates."""
    claim = richest_claim(served.model)
    reader.open(served.url(served.model.urls.claim(claim.id)))
    order = reader.page.evaluate("""() => {
        const marks = ['.fc-claim-text', '.fc-claimant', '.fc-verdict', 'h2'];
        return Array.from(document.querySelectorAll('.md-content__inner > *'))
          .map(el => el.matches('h2') ? 'h2:' + el.id : (marks.find(m => el.matches(m) || el.querySelector(':scope > ' + m)) || ''))
          .filter(Boolean);
    }""")
    headings = [item.split(":", 1)[1] for item in order if item.startswith("h2:")]
    assert order[:3] == [".fc-claim-text", ".fc-claimant", ".fc-verdict"], order
    expected = [h for h in ("what-is-right", "what-is-wrong", "evidence", "sources", "where-the-sources-differ", "updates-and-corrections")
                if h in headings]
    assert [h for h in headings if h in expected] == expected, headings
    assert "sources" in headings and "updates-and-corrections" in headings


@pytest.mark.parametrize("name, viewport, scheme", [
    ("phone", PHONE, "light"), ("desktop", DESKTOP, "light"), ("phone", PHONE, "dark"), ("desktop", DESKTOP, "dark"),
])
def test_every_page_type_on_phone_and_desktop(reader_factory, served, name, viewport, scheme) -> None:
    """Each page type loads in the palette asked for, without console errors or sideways scrolling.

    A screenshot of each is saved as screenshots/<type>-<phone|desktop>-<light|dark>.png (the whole
    page in the light palette, the first screen in the dark one).
    """
    reader = reader_factory(viewport, color_scheme=scheme)
    for kind, page in page_types(served.model).items():
        reader.open(served.url(page))
        expected = "slate" if scheme == "dark" else "default"
        assert reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        assert reader.horizontal_overflow() <= 0, f"{kind} scrolls sideways on the {name}"
        reader.shot(f"{kind}-{name}-{scheme}", full_page=scheme == "light")  # dark: the first screen is enough
    assert reader.console_errors == [], f"{name}, {scheme}: {reader.console_errors}"


def test_the_claims_table_works_without_javascript(reader_factory, served) -> None:
    reader = reader_factory(javascript=False)
    reader.open(served.url(served.model.urls.claims_index()))
    assert reader.page.locator("form[data-fc-filters]").is_hidden()
    assert reader.page.locator("tr:has(span.fc-row)").count() == len(served.model.claims)
    assert reader.page.locator("tr:has(span.fc-row):visible").count() == len(served.model.claims)


def test_chart_text_reads_at_12_px_on_a_phone(reader_factory, served) -> None:
    """Every word inside a chart (the timeline's event labels, the verdict chart's) as rendered on a
    360-pixel phone: its font size times the picture's scale is 12 px or more."""
    reader = reader_factory(PHONE)
    reader.open(served.url(served.model.urls.claims_index()))
    sizes = reader.page.eval_on_selector_all(".fc-chart svg text", """texts => texts.map(t =>
        [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])""")
    assert sizes, "the claims index has a chart with text"
    small = [(text, round(size, 1)) for text, size in sizes if size < 12]
    assert small == [], small
