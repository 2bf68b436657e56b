"""Index pages: all claims, the rating scale and each verdict, topics, people, sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..core.analyse import ClaimView, Site, SiteView
from ..core.model import Claim
from ..core.reuse import kept_results
from . import html as h
from . import markup
from .cards import card_table
from .charts import timeline
from .claim_page import claimant_html
from .claims_filter import filter_form, row_data
from .labels import label, written_date
from .output import Page
from .search_meta import listing_search, unindexed
from .source_page import verdict_counts


def claims_table(site: Site | SiteView, claims: Sequence[Claim], from_page: str, filterable: bool = False) -> str:
    """The table of claims used on every index (HTML): claim, claimant, verdict, date, sources.

    ``filterable`` adds each row's facts for the claims filter (render/claims_filter.py).
    """
    if not claims:
        return h.p(h.esc(label("no_claims")))
    rows = [_claim_row(ClaimRowView(*site.parts(), claim, from_page, filterable)) for claim in claims]
    table = h.table([h.esc(label(key)) for key in ("claim", "claimant", "verdict", "date", "sources")], rows)
    # A table on a desktop; on a phone each row is a card (style.py: .fc-cards), so nothing scrolls sideways.
    return f'<div class="fc-cards fc-claims">\n{table}\n</div>'


@dataclass(frozen=True)
class ClaimRowView(ClaimView):
    """What a claim's row in a claims table shows (reuse.py: kept while this is equal)."""

    from_page: str
    filterable: bool


@kept_results.per_item(lambda site: (site.claim.id, site.from_page, site.filterable))
def _claim_row(site: ClaimRowView) -> list[str]:
    claim, from_page, filterable = site.claim, site.from_page, site.filterable
    urls = site.urls
    sources = ", ".join(h.a(h.esc(site.corpus.name_of(s)), urls.href(from_page, urls.source(s))) for s in claim.sources)
    return [
        (row_data(site, claim) if filterable else "") + h.a(h.esc(claim.short), urls.href(from_page, urls.claim(claim.id))),
        claimant_html(site, claim.claimant, from_page),
        h.a(markup.badge(site.rating(claim)), urls.href(from_page, urls.verdict(claim.verdict))),
        written_date(claim.claimed or claim.published),
        sources,
    ]


@dataclass(frozen=True)
class ListingView(SiteView):
    """What a page listing some claims shows: the claims, the rating, topic or person it is about
    (its key) and what any page may show (reuse.py: the page is kept while this is equal)."""

    path: str
    claims: tuple[Claim, ...]
    about: str = ""


@dataclass(frozen=True)
class PersonPageView(ListingView):
    claims_about: tuple[Claim, ...] = ()  # ``claims`` are those the person made


@dataclass(frozen=True)
class AllClaimsView(ListingView):
    filter_form: str = ""
    timeline: tuple = ()


def _page(path: str, title: str, body: Iterable, kind: str, in_nav: bool = True, extra: dict | None = None) -> Page:
    """A listing page: its title, then ``body``, headings (``h.Heading``) and HTML blocks."""
    meta = {"title": title, "factcheck": {"type": kind, **(extra or {})}, **listing_search()}
    return h.page(path, meta, [h.Heading(f"# {markup.text(title)}"), *body], in_nav=in_nav, title=title)


def all_claims(site: Site) -> Page:
    path = site.urls.claims_index()
    return _all_claims(AllClaimsView(*site.parts(), path, site.claims, "", filter_form(site), tuple(timeline(site, path))))


@kept_results.per_item(lambda site: site.path)
def _all_claims(site: AllClaimsView) -> Page:
    path = site.path
    intro = h.p(h.esc(f"{markup.plural(len(site.claims), 'claim')} checked, newest first."))
    body = [
        intro, h.Heading(unindexed(f"## {label('claims')}")), site.filter_form, claims_table(site, site.claims, path, filterable=True),
        *verdict_counts(site, site.claims, path, label("site_verdicts")), *site.timeline,
    ]
    return _page(path, label("all_claims"), body, "claims-index")


def rating_scale(site: Site) -> Page:
    path = site.urls.verdicts_index()
    rows = []
    for rating in site.corpus.scale.ratings:
        rows.append([
            h.a(markup.badge(rating), site.urls.href(path, site.urls.verdict(rating.key))),
            h.esc(rating.definition),
            str(len(site.claims_by_verdict.get(rating.key, []))),
        ])
    headers = [h.esc(label(key)) for key in ("verdict", "definition", "claims")]
    body = [h.p(h.esc(label("rating_scale_intro"))), h.table(headers, rows)]
    return _page(path, label("rating_scale"), body, "verdicts-index")


def verdict_pages(site: Site) -> list[Page]:
    return [
        _verdict_page(ListingView(*site.parts(), site.urls.verdict(r.key), tuple(site.claims_by_verdict.get(r.key, ())), r.key))
        for r in site.corpus.scale.ratings
    ]


@kept_results.per_item(lambda site: site.path)
def _verdict_page(site: ListingView) -> Page:
    rating, path, claims = site.corpus.scale.get(site.about), site.path, site.claims
    body = [
        h.p(markup.badge(rating)), h.p(h.esc(rating.definition)),
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
    return [
        _topic_page(ListingView(*site.parts(), site.urls.topic(slug), tuple(site.claims_by_topic[slug]), slug)) for slug in site.topics
    ]


@kept_results.per_item(lambda site: site.path)
def _topic_page(site: ListingView) -> Page:
    topic, path, claims = site.topic(site.about), site.path, site.claims
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
    return [
        _person_page(PersonPageView(
            *site.parts(), site.urls.person(key), tuple(site.claims_by_claimant.get(key, ())), key, tuple(site.claims_about.get(key, ())),
        ))
        for key in site.person_keys()
    ]


@kept_results.per_item(lambda site: site.path)
def _person_page(site: PersonPageView) -> Page:
    key, path, made, about = site.about, site.path, site.claims, site.claims_about
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
    checked = markup.safe_url(url)
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
