"""Index pages: all claims, the rating scale and each verdict, topics, people, sources."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable, Optional, Sequence

from ..analyse import Site, Topic
from ..model import Claim, Rating
from ..reuse import reused
from . import html as h
from . import markup as md
from .cards import card_table
from .charts import timeline
from .claim_page import claimant_html
from .claims_filter import filter_form, row_data
from .labels import label, written_date
from .output import Page
from .search_meta import listing_search, unindexed
from .source_page import verdict_counts


def claims_table(site: Site, claims: Sequence[Claim], from_page: str, filterable: bool = False) -> str:
    """The table of claims used on every index (HTML): claim, claimant, verdict, date, sources.

    ``filterable`` adds each row's facts for the claims filter (render/claims_filter.py).
    """
    if not claims:
        return h.p(h.esc(label("no_claims")))
    rows = [
        reused("claims row", (claim.id, from_page, filterable), (claim, site.shared), lambda: _claim_row(site, claim, from_page, filterable))
        for claim in claims
    ]
    table = h.table([h.esc(label(key)) for key in ("claim", "claimant", "verdict", "date", "sources")], rows)
    # A table on a desktop; on a phone each row is a card (style.py: .fc-cards), so nothing scrolls sideways.
    return f'<div class="fc-cards fc-claims">\n{table}\n</div>'


def _claim_row(site: Site, claim: Claim, from_page: str, filterable: bool) -> list[str]:
    urls = site.urls
    sources = ", ".join(h.a(h.esc(site.corpus.name_of(s)), urls.href(from_page, urls.source(s))) for s in claim.sources)
    return [
        (row_data(site, claim) if filterable else "") + h.a(h.esc(claim.short), urls.href(from_page, urls.claim(claim.id))),
        claimant_html(site, claim.claimant, from_page),
        h.a(md.badge(site.rating(claim)), urls.href(from_page, urls.verdict(claim.verdict))),
        written_date(claim.claimed or claim.published),
        sources,
    ]


def _listing(site: Site, path: str, claims: Sequence[Optional[Claim]], make: Callable[[], Page]) -> Page:
    """A page listing some claims, made from them and what every page shares; kept while serving (reuse.py)."""
    return reused("listing page", path, (site.shared, tuple(claims)), make)


def _page(path: str, title: str, body: Iterable, kind: str, in_nav: bool = True, extra: dict | None = None) -> Page:
    """A listing page: its title, then ``body``, headings (``h.Heading``) and HTML blocks."""
    meta = {"title": title, "factcheck": {"type": kind, **(extra or {})}, **listing_search()}
    return h.page(path, md.front_matter(meta), [h.Heading(f"# {md.text(title)}"), *body], in_nav=in_nav, title=title)


def all_claims(site: Site) -> Page:
    path = site.urls.claims_index()
    return _listing(site, path, site.claims, partial(_all_claims, site, path))


def _all_claims(site: Site, path: str) -> Page:
    intro = h.p(h.esc(f"{md.plural(len(site.claims), 'claim')} checked, newest first."))
    body = [
        intro, h.Heading(unindexed(f"## {label('claims')}")), filter_form(site), claims_table(site, site.claims, path, filterable=True),
        *verdict_counts(site, site.claims, path, label("site_verdicts")), *timeline(site, path),
    ]
    return _page(path, label("all_claims"), body, "claims-index")


def rating_scale(site: Site) -> Page:
    path = site.urls.verdicts_index()
    rows = []
    for rating in site.corpus.scale.ratings:
        rows.append([
            h.a(md.badge(rating), site.urls.href(path, site.urls.verdict(rating.key))),
            h.esc(rating.definition),
            str(len(site.claims_by_verdict.get(rating.key, []))),
        ])
    headers = [h.esc(label(key)) for key in ("verdict", "definition", "claims")]
    body = [h.p(h.esc(label("rating_scale_intro"))), h.table(headers, rows)]
    return _page(path, label("rating_scale"), body, "verdicts-index")


def verdict_pages(site: Site) -> list[Page]:
    pages = []
    for rating in site.corpus.scale.ratings:
        path = site.urls.verdict(rating.key)
        claims = site.claims_by_verdict.get(rating.key, [])
        pages.append(_listing(site, path, claims, partial(_verdict_page, site, rating, path, claims)))
    return pages


def _verdict_page(site: Site, rating: Rating, path: str, claims: Sequence[Claim]) -> Page:
    body = [
        h.p(md.badge(rating)), h.p(h.esc(rating.definition)),
        h.Heading(unindexed(f"## {label('claims')}")), claims_table(site, claims, path),
    ]
    return _page(path, rating.label, body, "verdict", in_nav=False, extra={"verdict": rating.key})


def topics_index(site: Site) -> Page:
    path = site.urls.topics_index()
    rows = [
        [h.a(h.esc(topic.name), site.urls.href(path, site.urls.topic(topic.slug))), str(len(site.claims_by_topic[topic.slug]))]
        for topic in sorted(site.topics.values(), key=lambda t: t.name.casefold())
    ]
    table = h.table([h.esc(label("topics")), h.esc(label("claims"))], rows) if rows else h.p(h.esc(label("no_claims")))
    return _page(path, label("topics"), [table], "topics-index")


def topic_pages(site: Site) -> list[Page]:
    pages = []
    for topic in site.topics.values():
        path = site.urls.topic(topic.slug)
        claims = site.claims_by_topic[topic.slug]
        pages.append(_listing(site, path, claims, partial(_topic_page, site, topic, path, claims)))
    return pages


def _topic_page(site: Site, topic: Topic, path: str, claims: Sequence[Claim]) -> Page:
    body = [*verdict_counts(site, claims, path), h.Heading(unindexed(f"## {label('claims')}")), claims_table(site, claims, path)]
    return _page(path, topic.name, body, "topic", in_nav=False)


def people_index(site: Site) -> Page:
    path = site.urls.people_index()
    rows = []
    for key in site.person_keys():
        person = site.corpus.person_by_key[key]
        rows.append([
            h.a(h.esc(person.name), site.urls.href(path, site.urls.person(key))),
            h.esc(person.role),
            str(len(site.claims_by_claimant.get(key, []))),
            str(len(site.claims_about.get(key, []))),
        ])
    table = card_table([label("people"), label("role"), label("claims_by"), label("claims_about")], rows) if rows else h.p(h.esc(label("no_claims")))
    return _page(path, label("people"), [table], "people-index")


def person_pages(site: Site) -> list[Page]:
    pages = []
    for key in site.person_keys():
        path = site.urls.person(key)
        made, about = site.claims_by_claimant.get(key, []), site.claims_about.get(key, [])
        # the claims twice, as the page lists them: by the person, then about them
        pages.append(_listing(site, path, [*made, None, *about], partial(_person_page, site, key, path, made, about)))
    return pages


def _person_page(site: Site, key: str, path: str, made: Sequence[Claim], about: Sequence[Claim]) -> Page:
    person = site.corpus.person_by_key[key]
    body: list = [h.p(h.esc(person.role)) if str(person.role or "").strip() else ""]
    if person.same_as:
        body.append(h.p(" · ".join(_external(url) for url in person.same_as)))
    if made:
        body += [*verdict_counts(site, made, path), h.Heading(unindexed(f"## {label('claims_by')}")), claims_table(site, made, path)]
    if about:
        body += [h.Heading(unindexed(f"## {label('claims_about')}")), claims_table(site, about, path)]
    return _page(path, person.name, body, "person", in_nav=False)


def _external(url: str) -> str:
    """An address shown as text, linked when it is plain http(s)."""
    checked = md.safe_url(url)
    return h.a(h.esc(url), checked) if checked else h.esc(url)


def sources_index(site: Site) -> Page:
    path = site.urls.sources_index()
    rows = []
    for source in sorted(site.corpus.sources, key=lambda s: (s.published, s.id), reverse=True):
        rows.append([
            h.a(h.esc(source.title), site.urls.href(path, site.urls.source(source.id))),
            h.esc(source.publisher),
            written_date(source.published, source.date_precision == "approximate"),
            str(len(site.claims_by_source.get(source.id, []))),
            str(len(site.disagreements_by_source.get(source.id, []))),
        ])
    table = card_table([label("source"), label("publisher"), label("published"), label("claims"), label("disagreements")], rows)
    return _page(path, label("sources"), [table if rows else h.p(h.esc(label("no_claims")))], "sources-index")
