"""Index pages: all claims, the rating scale and each verdict, topics, people, sources."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable, Optional, Sequence

from ..analyse import Site, Topic
from ..model import Claim, Rating
from ..reuse import reused
from . import markup as md
from .charts import timeline
from .claim_page import claimant_link
from .claims_filter import filter_form, row_data
from .labels import label, written_date
from .output import Page
from .search_meta import listing_search, unindexed
from .source_page import verdict_counts


def claims_table(site: Site, claims: Sequence[Claim], from_page: str, filterable: bool = False) -> str:
    """The table of claims used on every index: claim, claimant, verdict, date, sources.

    ``filterable`` adds each row's facts for the claims filter (render/claims_filter.py).
    """
    if not claims:
        return label("no_claims")
    rows = [
        reused("claims row", (claim.id, from_page, filterable), (claim, site.shared), lambda: _claim_row(site, claim, from_page, filterable))
        for claim in claims
    ]
    table = md.table([label("claim"), label("claimant"), label("verdict"), label("date"), label("sources")], rows)
    # A table on a desktop; on a phone each row is a card (style.py: .fc-cards), so nothing scrolls sideways.
    return f'<div class="fc-cards fc-claims" markdown>\n\n{table}\n\n</div>'


def card_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table on a desktop, a card per row on a phone (style.py: .fc-cards): every cell after the
    first carries its column's name, shown only where the header row is not."""
    labelled = [
        [row[0]] + [f'<span class="fc-cell-label">{md.html_text(header)}: </span>{cell}' for header, cell in zip(headers[1:], row[1:])]
        for row in rows
    ]
    return f'<div class="fc-cards" markdown>\n\n{md.table(headers, labelled)}\n\n</div>'


def _claim_row(site: Site, claim: Claim, from_page: str, filterable: bool) -> list[str]:
    urls = site.urls
    sources = ", ".join(md.link(md.text(site.corpus.name_of(s)), urls.link(from_page, urls.source(s))) for s in claim.sources)
    return [
        (row_data(site, claim) if filterable else "") + md.link(md.text(claim.short), urls.link(from_page, urls.claim(claim.id))),
        claimant_link(site, claim.claimant, from_page),
        md.link(md.badge(site.rating(claim)), urls.link(from_page, urls.verdict(claim.verdict))),
        written_date(claim.claimed or claim.published),
        sources,
    ]


def _listing(site: Site, path: str, claims: Sequence[Optional[Claim]], make: Callable[[], Page]) -> Page:
    """A page listing some claims, made from them and what every page shares; kept while serving (reuse.py)."""
    return reused("listing page", path, (site.shared, tuple(claims)), make)


def _page(path: str, title: str, body: Iterable[str], kind: str, in_nav: bool = True, extra: dict | None = None) -> Page:
    meta = {"title": title, "factcheck": {"type": kind, **(extra or {})}, **listing_search()}
    return Page(path, md.join_blocks([md.front_matter(meta), f"# {md.text(title)}", *body]), in_nav=in_nav, title=title)


def all_claims(site: Site) -> Page:
    path = site.urls.claims_index()
    return _listing(site, path, site.claims, partial(_all_claims, site, path))


def _all_claims(site: Site, path: str) -> Page:
    intro = f"{md.plural(len(site.claims), 'claim')} checked, newest first."
    body = [
        intro, unindexed(f"## {label('claims')}"), filter_form(site), claims_table(site, site.claims, path, filterable=True),
        verdict_counts(site, site.claims, path, label("site_verdicts")), timeline(site, path),
    ]
    return _page(path, label("all_claims"), body, "claims-index")


def rating_scale(site: Site) -> Page:
    path = site.urls.verdicts_index()
    rows = []
    for rating in site.corpus.scale.ratings:
        rows.append([
            md.link(md.badge(rating), site.urls.link(path, site.urls.verdict(rating.key))),
            md.text(rating.definition),
            str(len(site.claims_by_verdict.get(rating.key, []))),
        ])
    body = [label("rating_scale_intro"), md.table([label("verdict"), label("definition"), label("claims")], rows)]
    return _page(path, label("rating_scale"), body, "verdicts-index")


def verdict_pages(site: Site) -> list[Page]:
    pages = []
    for rating in site.corpus.scale.ratings:
        path = site.urls.verdict(rating.key)
        claims = site.claims_by_verdict.get(rating.key, [])
        pages.append(_listing(site, path, claims, partial(_verdict_page, site, rating, path, claims)))
    return pages


def _verdict_page(site: Site, rating: Rating, path: str, claims: Sequence[Claim]) -> Page:
    body = [f"{md.badge(rating)}\n\n{md.text(rating.definition)}", unindexed(f"## {label('claims')}"), claims_table(site, claims, path)]
    return _page(path, rating.label, body, "verdict", in_nav=False, extra={"verdict": rating.key})


def topics_index(site: Site) -> Page:
    path = site.urls.topics_index()
    rows = [
        [md.link(md.text(topic.name), site.urls.link(path, site.urls.topic(topic.slug))), str(len(site.claims_by_topic[topic.slug]))]
        for topic in sorted(site.topics.values(), key=lambda t: t.name.casefold())
    ]
    return _page(path, label("topics"), [md.table([label("topics"), label("claims")], rows) if rows else label("no_claims")], "topics-index")


def topic_pages(site: Site) -> list[Page]:
    pages = []
    for topic in site.topics.values():
        path = site.urls.topic(topic.slug)
        claims = site.claims_by_topic[topic.slug]
        pages.append(_listing(site, path, claims, partial(_topic_page, site, topic, path, claims)))
    return pages


def _topic_page(site: Site, topic: Topic, path: str, claims: Sequence[Claim]) -> Page:
    body = [verdict_counts(site, claims, path), unindexed(f"## {label('claims')}"), claims_table(site, claims, path)]
    return _page(path, topic.name, body, "topic", in_nav=False)


def people_index(site: Site) -> Page:
    path = site.urls.people_index()
    rows = []
    for key in site.person_keys():
        person = site.corpus.person_by_key[key]
        rows.append([
            md.link(md.text(person.name), site.urls.link(path, site.urls.person(key))),
            md.text(person.role),
            str(len(site.claims_by_claimant.get(key, []))),
            str(len(site.claims_about.get(key, []))),
        ])
    table = card_table([label("people"), label("role"), label("claims_by"), label("claims_about")], rows) if rows else label("no_claims")
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
    body = [md.text(person.role)]
    if person.same_as:
        body.append(" · ".join(md.external(md.text(url), url) for url in person.same_as))
    if made:
        body += [verdict_counts(site, made, path), unindexed(f"## {label('claims_by')}"), claims_table(site, made, path)]
    if about:
        body += [unindexed(f"## {label('claims_about')}"), claims_table(site, about, path)]
    return _page(path, person.name, body, "person", in_nav=False)


def sources_index(site: Site) -> Page:
    path = site.urls.sources_index()
    rows = []
    for source in sorted(site.corpus.sources, key=lambda s: (s.published, s.id), reverse=True):
        rows.append([
            md.link(md.text(source.title), site.urls.link(path, site.urls.source(source.id))),
            md.text(source.publisher),
            written_date(source.published, source.date_precision == "approximate"),
            str(len(site.claims_by_source.get(source.id, []))),
            str(len(site.disagreements_by_source.get(source.id, []))),
        ])
    table = card_table([label("source"), label("publisher"), label("published"), label("claims"), label("disagreements")], rows)
    return _page(path, label("sources"), [table if rows else label("no_claims")], "sources-index")
