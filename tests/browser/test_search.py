"""A reader searches with Material's search: a phrase, a quote, a figure; claims come first and show their verdict."""

from __future__ import annotations

import re

import pytest

from pages import claims_with_figures, richest_claim

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"
# lunr's default English stop words of four letters or more: never in the index, so never required.
LUNR_STOP_WORDS = set("""able about across after almost also among because been cannot could dear does either else ever
every from have hers however into just least like likely might most must neither often only other rather said says
should since some than that their them then there these they this twas wants were what when where which while whom
will with would your""".split())


def search(reader, served, query: str) -> list[dict]:
    """Type ``query`` in the search box; the results as {href, title, tags}, best first (one per page)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    reader.open(served.url())
    reader.page.wait_for_load_state("networkidle")  # the search worker has fetched the index
    box = reader.page.locator('input[data-md-component="search-query"]')
    box.click()
    box.fill(query)
    # What is typed while Material's worker is still building the index is not searched; the
    # next keystroke is. So a reader who sees nothing types on: here a space, then deletes it.
    for attempt in range(8):
        try:
            reader.page.wait_for_selector(RESULT, timeout=2_000)
            break
        except PlaywrightTimeout:
            if attempt == 7:
                raise
            box.press("End")
            box.press(" ")
            box.press("Backspace")
    return reader.page.eval_on_selector_all(f"{RESULT} > a.md-search-result__link", """links => links.map(a => ({
        href: a.href,
        title: a.querySelector('h1, h2').textContent.trim(),
        tags: Array.from(a.querySelectorAll('.md-tag')).map(t => t.textContent.trim()),
        chips: Array.from(a.querySelectorAll('.md-tag')).map(t => getComputedStyle(t).backgroundColor),
    }))""")


def page_path(served, href: str) -> str:
    return served.path_of(href.split("?", 1)[0].split("#", 1)[0])


def test_a_claims_title_finds_the_claim_first_with_its_verdict(reader, served) -> None:
    model = served.model
    claim = richest_claim(model)
    results = search(reader, served, claim.short)
    assert page_path(served, results[0]["href"]) == model.urls.url(model.urls.claim(claim.id)), results[:3]
    assert results[0]["tags"] == [model.rating(claim).label], "the result shows the claim's verdict"
    # The listings that repeat the title (all claims, verdict, topic pages) rank below the claim.
    listing = model.urls.url(model.urls.claims_index())
    assert all(page_path(served, r["href"]) != listing for r in results[:1])
    reader.page.locator(f"{RESULT} > a").first.click()
    reader.page.wait_for_load_state("load")
    assert reader.heading() == claim.short
    assert reader.console_errors == []


def test_words_of_a_quote_find_the_claim(reader, served) -> None:
    model = served.model
    claim = richest_claim(model)
    use = model.uses_by_claim[claim.id][0]
    words = [w for w in re.findall(r"[A-Za-z]{4,}", use.exact) if w.casefold() not in LUNR_STOP_WORDS][:3]
    # Material's search ranks any word's match in a title high; "+" asks for pages with every word.
    results = search(reader, served, " ".join(f"+{word}" for word in words))
    found = [page_path(served, r["href"]) for r in results]
    assert model.urls.url(model.urls.claim(claim.id)) in found, (words, found)


def test_every_figure_finds_a_claim_that_states_it_first(reader, served) -> None:
    model = served.model
    figures = claims_with_figures(model)
    assert figures, "the site's claims state at least one figure with thousands separators"
    for figure, claims in figures.items():
        results = search(reader, served, figure)
        first = page_path(served, results[0]["href"])
        assert first in {model.urls.url(model.urls.claim(c.id)) for c in claims}, (figure, results[:3])
        reader.page.locator(f"{RESULT} > a").first.click()
        reader.page.wait_for_load_state("load")
        assert figure in reader.page.locator("article").inner_text()
    assert reader.console_errors == []


def test_a_verdict_label_finds_claims_with_that_verdict(reader, served) -> None:
    model = served.model
    rating = max(model.corpus.scale.ratings, key=lambda r: (len(model.claims_by_verdict.get(r.key, [])), r.key))
    results = search(reader, served, rating.label)
    tagged = [r for r in results if r["tags"]]
    assert tagged, "claims come up for their verdict's label"
    assert all(rating.label.casefold() in r["tags"][0].casefold() for r in tagged[:3]), tagged[:3]


# ----------------------------------------------------------------------------- the site's search worker


def worker_in_page(reader, served):
    """The worker's script loaded into a page, where its functions can be called."""
    reader.open(served.url())
    script = (served.site_dir / "assets" / "factcheck-search.js").read_text(encoding="utf-8")
    reader.page.add_script_tag(content=script.replace("const FactcheckSearch =", "window.FactcheckSearch ="))
    return reader.page


def test_the_worker_cuts_terms_as_the_build_does(reader, served) -> None:
    from factcheck.render.search_index import terms

    model = served.model
    samples = [claim.claim for claim in model.claims] + [use.exact for uses in model.uses_by_claim.values() for use in uses]
    samples += ["Café NAÏVE Zürich", "270,000 U.S. China's 2023-24", "中国 留学生 Москва", "’quoted’ — dash…"]
    page = worker_in_page(reader, served)
    in_browser = page.evaluate("texts => texts.map(t => FactcheckSearch.terms(t))", samples)
    assert in_browser == [terms(text) for text in samples]


def test_results_show_contributor_text_as_text(reader, served) -> None:
    page = worker_in_page(reader, served)
    hostile = '<img src=x onerror="window.__owned=1"> rare <script>window.__owned=2</script> "earths" & co'
    html = page.evaluate("([text]) => FactcheckSearch.highlight(text, ['rare', 'earth'])", [hostile])
    assert "<img" not in html and "<script" not in html
    assert "<mark>rare</mark>" in html and "<mark>&quot;earths&quot;</mark>" not in html  # the quote mark is not part of the word
    assert "<mark>earths</mark>" in html
    teaser = page.evaluate("([text]) => FactcheckSearch.teaser([text], ['rare'])", [hostile])
    assert teaser.startswith("<p>") and "<img" not in teaser
    page.set_content(f"<div id=r>{html}{teaser}</div>")
    assert page.locator("#r img, #r script").count() == 0
    assert page.evaluate("window.__owned") is None


def test_the_beginning_of_a_name_finds_the_claims_of_that_person(reader, served) -> None:
    model = served.model
    # a person's name (a document claimant may be "Unidentified outlet, 7 June 2025", whose last word is no name)
    people = {c.claimant for c in model.claims if c.claimant in model.corpus.person_by_key}
    claimant = max(people, key=lambda key: (len(model.corpus.name_of(key)), key))
    family = model.corpus.name_of(claimant).split()[-1]
    results = search(reader, served, family[:5])
    found = {page_path(served, r["href"]) for r in results}
    assert {model.urls.url(model.urls.claim(c.id)) for c in model.claims if c.claimant == claimant} & found, (family[:5], found)


def test_a_word_with_minus_leaves_out_the_pages_that_hold_it(reader, served) -> None:
    model = served.model
    claim = richest_claim(model)
    # the claim's most widespread word, so that other pages hold it, and its rarest one
    found = re.findall(r"[A-Za-z]{5,}", claim.short)
    spread = {w: sum(w.lower() in c.claim.lower() for c in model.claims) for w in found}
    words = [max(found, key=lambda w: (spread[w], w)), min(found, key=lambda w: (spread[w], w))]
    assert len(set(words)) == 2, claim.short
    with_both = {page_path(served, r["href"]) for r in search(reader, served, f"+{words[0]} +{words[1]}")}
    assert model.urls.url(model.urls.claim(claim.id)) in with_both
    without = {page_path(served, r["href"]) for r in search(reader, served, f"+{words[0]} -{words[1]}")}
    assert model.urls.url(model.urls.claim(claim.id)) not in without


def test_verdict_chips_in_search_results_are_coloured_per_rating(reader, served) -> None:
    """True and False do not share one grey chip: each verdict's chip has the colour of its rating."""
    model = served.model
    seen: dict[str, str] = {}
    for verdict in ("true", "false"):
        claim = next(c for c in model.claims if c.verdict == verdict)
        results = search(reader, served, claim.short)
        chip = next(r for r in results if r["tags"] == [model.rating(claim).label])
        seen[verdict] = chip["chips"][0]
        red, green, blue = (int(part) for part in re.findall(r"\d+", seen[verdict])[:3])
        assert f"#{red:02x}{green:02x}{blue:02x}" == model.rating(claim).colour.lower(), (verdict, seen[verdict])
    assert seen["true"] != seen["false"]
