"""A reader filters the all-claims table by verdict, topic, source and person, sorts it, and shares the view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from factcheck.core.validate import slug

pytestmark = pytest.mark.browser

ROWS = "tr:has(span.fc-row)"


def visible_claims(reader) -> list[str]:
    """Ids of the claims whose rows are shown, top to bottom."""
    hrefs = reader.page.eval_on_selector_all(
        ROWS, "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('td a').getAttribute('href'))")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def expected_by_filter(model) -> dict[str, dict[str, set[str]]]:
    """For each filter, each value it offers -> the ids of the claims it should keep, from the data."""
    people: dict[str, set[str]] = {}
    for claim in model.claims:
        for key in {claim.claimant, *claim.people}:
            if key in model.corpus.person_by_key:
                people.setdefault(key, set()).add(claim.id)
    return {
        "verdict": {key: {c.id for c in claims} for key, claims in model.claims_by_verdict.items()},
        "topic": {key: {c.id for c in claims} for key, claims in model.claims_by_topic.items()},
        "source": {key: {c.id for c in claims} for key, claims in model.claims_by_source.items()},
        "person": people,
    }


def most_telling(values: dict[str, set[str]], total: int) -> str:
    """The value that keeps the most claims while still hiding some (else the one that keeps most)."""
    partial = {k: v for k, v in values.items() if len(v) < total} or values
    return max(partial, key=lambda k: (len(partial[k]), k))


@pytest.fixture
def claims_page(reader, served):
    reader.open(served.url(served.model.urls.claims_index()))
    assert reader.page.locator("form[data-fc-filters]").is_visible()
    return reader


def test_each_filter_keeps_exactly_the_matching_claims_and_the_address_says_so(claims_page, served) -> None:
    reader, model = claims_page, served.model
    total = len(model.claims)
    assert reader.page.locator("[data-fc-status]").inner_text() == f"Showing {total} of {total} claims."
    for name, values in expected_by_filter(model).items():
        value = most_telling(values, total)
        reader.page.select_option(f"select[name={name}]", value)
        assert set(visible_claims(reader)) == values[value], name
        assert parse_qs(urlsplit(reader.page.url).query) == {name: [value]}
        assert reader.page.locator("[data-fc-status]").inner_text() == f"Showing {len(values[value])} of {total} claims."
        reader.page.click("form[data-fc-filters] button[type=reset]")
        reader.page.wait_for_function(f"document.querySelectorAll('{ROWS}:not([hidden])').length === {total}")
        assert urlsplit(reader.page.url).query == ""
    assert reader.console_errors == []


def test_a_shared_address_opens_the_same_view_and_reload_keeps_it(claims_page, served) -> None:
    reader, model = claims_page, served.model
    expected = expected_by_filter(model)
    verdict = most_telling(expected["verdict"], len(model.claims))
    keep = expected["verdict"][verdict]
    topic = next((t for t, ids in sorted(expected["topic"].items()) if ids & keep), None)
    reader.page.select_option("select[name=verdict]", verdict)
    if topic:
        reader.page.select_option("select[name=topic]", topic)
        keep = keep & expected["topic"][topic]
    reader.page.select_option("select[name=sort]", "oldest")
    shown = visible_claims(reader)
    assert set(shown) == keep
    address = reader.page.url
    assert parse_qs(urlsplit(address).query)["sort"] == ["oldest"]

    reader.page.reload(wait_until="load")
    assert reader.page.url == address
    assert reader.page.input_value("select[name=verdict]") == verdict
    assert visible_claims(reader) == shown

    # The same address in another tab (as when a link is shared) gives the same view.
    other = reader.page.context.new_page()
    other.goto(address, wait_until="load")
    hrefs = other.eval_on_selector_all(ROWS, "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('td a').getAttribute('href'))")
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == shown
    other.close()
    assert reader.console_errors == []


def test_sorting_by_date_both_ways(claims_page, served) -> None:
    reader = claims_page
    date_of = {c.id: (c.claimed or c.published).isoformat() for c in served.model.claims}
    newest = [date_of[i] for i in visible_claims(reader)]
    assert newest == sorted(newest, reverse=True)
    reader.page.select_option("select[name=sort]", "oldest")
    oldest = [date_of[i] for i in visible_claims(reader)]
    assert oldest == sorted(oldest)
    assert len(oldest) == len(served.model.claims)


def test_an_unknown_value_in_the_address_is_ignored(reader, served) -> None:
    reader.open(served.url(served.model.urls.claims_index()) + "?verdict=%3Cscript%3E&topic=" + slug("no such topic at all"))
    assert reader.page.input_value("select[name=verdict]") == ""
    assert len(visible_claims(reader)) == len(served.model.claims)
    assert reader.console_errors == []
