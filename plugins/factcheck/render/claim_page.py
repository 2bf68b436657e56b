"""The page of one claim, in the order a reader can rely on.

The claim and who made it, the verdict with its conclusion, what is right and what is wrong,
the explanation, where it appeared, the evidence, the sources, where the sources differ,
and the corrections and updates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.analyse import QuotedClaimView, Site, SiteView
from ..core.disagree import Disagreement
from ..core.model import Claim, QuoteUse
from ..core.quotes import text_fragment
from ..core.reuse import kept_results
from ..core.validate import topic_slug
from . import html as h
from . import markup
from .cards import card_table
from .charts import verdict_meter
from .corrections_page import correction_html, verdict_label
from .disagreements_page import status_badges, supports_sentence
from .head import TEMPLATE, claim_head
from .labels import label
from .output import Page
from .search_meta import claim_search, unindexed
from .source_page import reliability_html


@dataclass(frozen=True)
class ClaimPageView(QuotedClaimView):
    """What a claim's page (its ClaimReview included) shows: the claim, its verified quotes, its
    disagreements and what any page may show (reuse.py: the page is kept while this is equal)."""

    disagreements: tuple[Disagreement, ...]


def claim_page_view(site: Site, claim: Claim) -> ClaimPageView:
    return ClaimPageView(*site.parts(), claim, tuple(site.uses_by_claim.get(claim.id, ())),
                         tuple(site.disagreements_by_claim.get(claim.id, ())))


def render_claim(site: Site, claim: Claim) -> Page:
    return render_claim_page(claim_page_view(site, claim))


@kept_results.per_item(lambda site: site.claim.id)
def render_claim_page(site: ClaimPageView) -> Page:
    claim = site.claim
    path = site.urls.claim(claim.id)
    rating = site.rating(claim)
    front_matter = {
        "title": claim.short,
        "description": f"{rating.label}: {claim.conclusion}",
        "template": TEMPLATE,
        "factcheck": {"type": "claim", "id": claim.id, "verdict": rating.key, "verdict_label": rating.label,
                      "head": claim_head(site, claim)},
        **claim_search(rating),
    }
    return h.page(path, front_matter, [
        h.Heading(f"# {markup.text(claim.short)}"),
        _claim_as_made(site, claim, path),
        _verdict(site, claim),
        _filed_under(site, claim, path),
        *_right_and_wrong(claim),
        *_explanation(claim),
        *_appeared(site, claim, path),
        *_evidence(site, claim, path),
        *_references(claim),
        *_sources(site, claim, path),
        *_differences(site, claim, path),
        *_updates(site, claim),
    ])


def _claim_as_made(site: SiteView, claim: Claim, path: str) -> str:
    who = claimant_html(site, claim.claimant, path)
    kind = label("kind_attribution") if claim.kind == "attribution" else label("kind_fact")
    when = f" · {h.esc(label('claimed_on'))} {markup.human_date(claim.claimed)}" if claim.claimed else ""
    return (
        f'<blockquote>\n{h.p(h.esc(claim.claim), "fc-claim-text")}\n</blockquote>\n'
        + h.p(f"{h.esc(label('claimed_by'))} {who}{when} · {h.esc(kind)}", "fc-claimant")
    )


def claimant_html(site: SiteView, key: str, from_page: str) -> str:
    """The claimant as an HTML link to their page (a person's or a source's), or their name."""
    name = h.esc(site.corpus.name_of(key))
    target = _claimant_page(site, key)
    return h.a(name, site.urls.href(from_page, target)) if target else name


def _claimant_page(site: SiteView, key: str) -> str:
    if key in site.corpus.person_by_key:
        return site.urls.person(key)
    if key in site.corpus.source_by_id:
        return site.urls.source(key)
    return ""


def _verdict(site: SiteView, claim: Claim) -> str:
    rating = site.rating(claim)
    rated = markup.html_text(f"{label('rated_on')} {markup.human_date(claim.evidence_date)}.")
    checked = f" {markup.html_text(label('checked_by'))} {markup.html_text(claim.checked_by)}." if claim.checked_by else ""
    only = f'\n<p class="fc-verdict__scope">{markup.html_text(label("documents_only"))}</p>' if claim.documents_only else ""
    return (
        f'<div class="fc-verdict fc-verdict--{rating.key}" role="note" aria-label="{markup.html_text(label("verdict"))}">\n'
        f'<p class="fc-verdict__label">{markup.badge(rating, label("verdict") + ":")}</p>\n'
        f'{verdict_meter(site, rating.key)}\n'
        f'<p class="fc-verdict__conclusion">{markup.html_text(claim.conclusion)}</p>\n'
        f'<p class="fc-verdict__meta">{rated}{checked}</p>{only}\n'
        "</div>"
    )


def _filed_under(site: SiteView, claim: Claim, path: str) -> str:
    """Links to the pages that list this claim: its verdict, its topics, the people it is about."""
    urls = site.urls
    rating = site.rating(claim)
    parts = [f"{h.esc(label('verdict'))}: {h.a(h.esc(rating.label), urls.href(path, urls.verdict(rating.key)))}"]
    topics = [site.topic(topic_slug(name)) for name in dict.fromkeys(claim.topics)]
    if topics:
        parts.append(f"{h.esc(label('topics'))}: " + ", ".join(h.a(h.esc(t.name), urls.href(path, urls.topic(t.slug))) for t in topics))
    people = [key for key in dict.fromkeys(claim.people) if key in site.corpus.person_by_key]
    if people:
        parts.append(f"{h.esc(label('about'))}: " + ", ".join(
            h.a(h.esc(site.corpus.person_by_key[key].name), urls.href(path, urls.person(key))) for key in people
        ))
    return h.p(" · ".join(parts), "fc-filed")


def _right_and_wrong(claim: Claim) -> list:
    parts: list = []
    if claim.right:
        parts += [h.Heading(f"## {label('what_is_right')}"), h.ul(h.esc(item) for item in claim.right)]
    if claim.wrong:
        parts += [h.Heading(f"## {label('what_is_wrong')}"), h.ul(h.esc(item) for item in claim.wrong)]
    return parts


def _explanation(claim: Claim) -> list:
    return [h.Heading(unindexed(f"## {label('explanation')}")), markup.rich_block(claim.explanation, "fc-explanation")]


def _quote(site: SiteView, use: QuoteUse, from_page: str) -> str:
    source = site.source(use.quote.source)
    to_passage = h.a(h.esc(source.title), site.urls.href(from_page, site.urls.source(source.id), use.anchor))
    where = f"{h.esc(label('source_colon'))} {to_passage}"
    original = markup.safe_url(text_fragment(source.url, use.exact)) if source.url else None
    if original:
        where += f" · {h.a(h.esc(label('see_original')), original)}"
    lines = [h.quote(use.exact), h.p(where)]
    if use.quote.note:
        lines.append(h.p(h.esc(use.quote.note)))
    if use.role == "evidence" and not source.corroborates:
        lines.append(h.p(f"<em>{h.esc(label('reliability_low_evidence'))}</em>"))
    return "\n".join(lines)


def _appeared(site: SiteView, claim: Claim, path: str) -> list:
    uses = [u for u in site.uses if u.role == "appeared"]
    return [h.Heading(f"## {label('where_it_appeared')}"), *(_quote(site, u, path) for u in uses)]


def _evidence(site: SiteView, claim: Claim, path: str) -> list:
    uses = [u for u in site.uses if u.role == "evidence"]
    if not uses:
        return []
    return [h.Heading(f"## {label('evidence')}"), *(_quote(site, u, path) for u in uses)]


def _references(claim: Claim) -> list:
    if not claim.references:
        return []
    items = []
    for ref in claim.references:
        accessed = f" ({h.esc(label('accessed'))} {markup.human_date(ref.accessed)})" if ref.accessed else ""
        note = f": {h.esc(ref.note)}" if ref.note else ""
        title = h.esc(ref.title)
        url = markup.safe_url(ref.url)
        items.append(f"{h.a(title, url) if url else title}, {h.esc(ref.publisher)}{accessed}{note}")
    return [h.Heading(unindexed(f"## {label('references')}")), h.ul(items)]


def _sources(site: SiteView, claim: Claim, path: str) -> list:
    rows = []
    for source_id in claim.sources:
        source = site.source(source_id)
        rows.append([
            h.a(h.esc(source.title), site.urls.href(path, site.urls.source(source_id))),
            h.esc(source.publisher if source.publisher_known else "Unidentified outlet"),
            markup.human_date(source.published) + (" (" + h.esc(label("approximate")) + ")" if source.date_precision == "approximate" else ""),
            reliability_html(source),
        ])
    headers = [label(key) for key in ("source", "publisher", "published", "reliability_rating")]
    return [h.Heading(unindexed(f"## {label('sources')}")), card_table(headers, rows)]  # cards on a phone


def _differences(site: SiteView, claim: Claim, path: str) -> list:
    disagreements = site.disagreements
    if not disagreements:
        return []
    items = []
    for disagreement in disagreements:
        target = site.urls.href(path, site.urls.disagreements(), disagreement.id)
        sides = "; ".join(
            f"{h.esc(side.source_title)}: {h.esc(side.value_text or side.quote)}" + (f" ({h.esc(side.period)})" if side.period else "")
            for side in disagreement.sides
        ) + (f"; {h.esc(label('more_sides').format(count=f'{disagreement.sides_left_out:,}'))}" if disagreement.sides_left_out else "")
        items.append(
            f"<strong>{h.esc(disagreement.title)}</strong> {status_badges(site, disagreement)}<br>\n{sides}. "
            f"{supports_sentence(site, disagreement)} {h.a(h.esc(label('see_side_by_side')), target)}"
        )
    return [h.Heading(unindexed(f"## {label('sources_differ')}")), f'<div class="fc-differ">\n{h.ul(items)}\n</div>']


def _updates(site: SiteView, claim: Claim) -> list:
    parts: list = [h.Heading(unindexed(f"## {label('updates')}"))]
    corrections = sorted(claim.corrections, key=lambda c: c.date, reverse=True)
    parts.append(h.ul(correction_html(site, claim, c) for c in corrections) if corrections else h.p(h.esc(label("no_updates"))))
    published = f"{h.esc(label('published_on'))} {markup.human_date(claim.published)}"
    if claim.updated:
        published += f" · {h.esc(label('updated_on'))} {markup.human_date(claim.updated)}"
    parts.append(h.p(published + "."))
    history = verdict_history(site, claim, h.esc)
    if history:
        parts.append(h.p(f"{h.esc(label('verdict_history'))}: " + " → ".join(history)))
    return parts


def verdict_history(site: SiteView, claim: Claim, escape: Callable[[str], str] = markup.text) -> list[str]:
    """The verdicts the claim has had, oldest first, each with the date it took effect; empty when it never changed.

    The first verdict holds from publication; each correction with a ``previous_verdict``
    ends the verdict before it and starts the next one (the last is the current verdict).
    """
    changes = sorted((c for c in claim.corrections if c.previous_verdict), key=lambda c: c.date)
    if not changes:
        return []
    verdicts = [change.previous_verdict for change in changes] + [claim.verdict]
    starts = [claim.published] + [change.date for change in changes]
    return [
        f"{escape(verdict_label(site, key))} ({escape(label('since'))} {markup.human_date(start)})" for key, start in zip(verdicts, starts)
    ]
