"""The page of one claim, in the order a reader can rely on.

The claim and who made it, the verdict with its conclusion, what is right and what is wrong,
the explanation, where it appeared, the evidence, the sources, where the sources differ,
and the corrections and updates.
"""

from __future__ import annotations

from ..analyse import Site
from ..model import Claim, QuoteUse
from ..quotes import text_fragment
from ..reuse import reused
from ..validate import topic_slug
from . import markup as md
from .charts import verdict_meter
from .corrections_page import correction_item, verdict_label
from .head import TEMPLATE, claim_head
from .labels import label
from .output import Page
from .search_meta import claim_search, unindexed
from .source_page import reliability_text


def render_claim(site: Site, claim: Claim) -> Page:
    """The claim's page; while serving, the last run's when nothing it shows has changed (reuse.py)."""
    return reused("claim page", claim.id, claim_page_inputs(site, claim), lambda: _render_claim(site, claim))


def claim_page_inputs(site: Site, claim: Claim) -> tuple:
    """Everything a claim page (its ClaimReview included) is made from, beside the claim itself.

    Whatever ``_render_claim`` reads from ``site`` must be here: a page kept while serving is
    the last run's page whenever these are equal (tests/test_reuse.py renders after edits of
    every kind and compares with a fresh run).
    """
    return (*site.claim_inputs(claim), tuple(site.disagreements_by_claim.get(claim.id, ())))


def _render_claim(site: Site, claim: Claim) -> Page:
    path = site.urls.claim(claim.id)
    rating = site.rating(claim)
    blocks = [
        md.front_matter({
            "title": claim.short,
            "description": f"{rating.label}: {claim.conclusion}",
            "template": TEMPLATE,
            "factcheck": {"type": "claim", "id": claim.id, "verdict": rating.key, "verdict_label": rating.label,
                          "head": claim_head(site, claim)},
            **claim_search(rating),
        }),
        f"# {md.text(claim.short)}",
        _claim_as_made(site, claim, path),
        _verdict(site, claim),
        _filed_under(site, claim, path),
        _right_and_wrong(claim),
        _explanation(claim),
        _appeared(site, claim, path),
        _evidence(site, claim, path),
        _references(claim),
        _sources(site, claim, path),
        _differences(site, claim, path),
        _updates(site, claim),
    ]
    return Page(path, md.join_blocks(blocks))


def _claim_as_made(site: Site, claim: Claim, path: str) -> str:
    who = claimant_link(site, claim.claimant, path)
    kind = label("kind_attribution") if claim.kind == "attribution" else label("kind_fact")
    when = f" · {label('claimed_on')} {md.human_date(claim.claimed)}" if claim.claimed else ""
    return (
        f"> {md.text(claim.claim)}\n{{: .fc-claim-text }}\n\n"
        f"{label('claimed_by')} {who}{when} · {kind}\n{{: .fc-claimant }}"
    )


def claimant_link(site: Site, key: str, from_page: str) -> str:
    name = md.text(site.corpus.name_of(key))
    if key in site.corpus.person_by_key:
        return md.link(name, site.urls.link(from_page, site.urls.person(key)))
    if key in site.corpus.source_by_id:
        return md.link(name, site.urls.link(from_page, site.urls.source(key)))
    return name


def _verdict(site: Site, claim: Claim) -> str:
    rating = site.rating(claim)
    rated = md.html_text(f"{label('rated_on')} {md.human_date(claim.evidence_date)}.")
    checked = f" {md.html_text(label('checked_by'))} {md.html_text(claim.checked_by)}." if claim.checked_by else ""
    only = f'\n<p class="fc-verdict__scope">{md.html_text(label("documents_only"))}</p>' if claim.documents_only else ""
    return (
        f'<div class="fc-verdict fc-verdict--{rating.key}" role="note" aria-label="{md.html_text(label("verdict"))}">\n'
        f'<p class="fc-verdict__label">{md.badge(rating, label("verdict") + ":")}</p>\n'
        f'{verdict_meter(site, rating.key)}\n'
        f'<p class="fc-verdict__conclusion">{md.html_text(claim.conclusion)}</p>\n'
        f'<p class="fc-verdict__meta">{rated}{checked}</p>{only}\n'
        "</div>"
    )


def _filed_under(site: Site, claim: Claim, path: str) -> str:
    """Links to the pages that list this claim: its verdict, its topics, the people it is about."""
    urls = site.urls
    rating = site.rating(claim)
    parts = [f"{label('verdict')}: {md.link(md.text(rating.label), urls.link(path, urls.verdict(rating.key)))}"]
    topics = [site.topics[topic_slug(name)] for name in dict.fromkeys(claim.topics)]
    if topics:
        parts.append(f"{label('topics')}: " + ", ".join(md.link(md.text(t.name), urls.link(path, urls.topic(t.slug))) for t in topics))
    people = [key for key in dict.fromkeys(claim.people) if key in site.corpus.person_by_key]
    if people:
        parts.append(f"{label('about')}: " + ", ".join(
            md.link(md.text(site.corpus.person_by_key[key].name), urls.link(path, urls.person(key))) for key in people
        ))
    return " · ".join(parts) + "\n{: .fc-filed }"


def _right_and_wrong(claim: Claim) -> str:
    parts = []
    if claim.right:
        parts.append(f"## {label('what_is_right')}\n\n" + "\n".join(f"- {md.text(item)}" for item in claim.right))
    if claim.wrong:
        parts.append(f"## {label('what_is_wrong')}\n\n" + "\n".join(f"- {md.text(item)}" for item in claim.wrong))
    return "\n\n".join(parts)


def _explanation(claim: Claim) -> str:
    return unindexed(f"## {label('explanation')}") + "\n\n" + md.rich_block(claim.explanation, "fc-explanation")


def _quote(site: Site, use: QuoteUse, from_page: str) -> str:
    source = site.source(use.quote.source)
    to_passage = md.link(md.text(source.title), site.urls.link(from_page, site.urls.source(source.id), use.anchor))
    lines = [md.quote_block(use.exact), f"{label('source_colon')} {to_passage}"]
    original = md.safe_url(text_fragment(source.url, use.exact)) if source.url else None
    if original:
        lines[-1] += f" · {md.link(label('see_original'), original)}"
    if use.quote.note:
        lines.append(f"\n{md.text(use.quote.note)}")
    if use.role == "evidence" and not source.corroborates:
        lines.append(f"*{md.text(label('reliability_low_evidence'))}*")
    return "\n\n".join(lines)


def _appeared(site: Site, claim: Claim, path: str) -> str:
    uses = [u for u in site.uses_by_claim[claim.id] if u.role == "appeared"]
    return f"## {label('where_it_appeared')}\n\n" + "\n\n".join(_quote(site, u, path) for u in uses)


def _evidence(site: Site, claim: Claim, path: str) -> str:
    uses = [u for u in site.uses_by_claim[claim.id] if u.role == "evidence"]
    if not uses:
        return ""
    return f"## {label('evidence')}\n\n" + "\n\n".join(_quote(site, u, path) for u in uses)


def _references(claim: Claim) -> str:
    if not claim.references:
        return ""
    items = []
    for ref in claim.references:
        accessed = f" ({label('accessed')} {md.human_date(ref.accessed)})" if ref.accessed else ""
        note = f": {md.text(ref.note)}" if ref.note else ""
        items.append(f"- {md.external(md.text(ref.title), ref.url)}, {md.text(ref.publisher)}{accessed}{note}")
    return unindexed(f"## {label('references')}") + "\n\n" + "\n".join(items)


def _sources(site: Site, claim: Claim, path: str) -> str:
    rows = []
    for source_id in claim.sources:
        source = site.source(source_id)
        rows.append([
            md.link(md.text(source.title), site.urls.link(path, site.urls.source(source_id))),
            md.text(source.publisher if source.publisher_known else "Unidentified outlet"),
            md.human_date(source.published) + (" (" + label("approximate") + ")" if source.date_precision == "approximate" else ""),
            reliability_text(source),
        ])
    return unindexed(f"## {label('sources')}") + "\n\n" + md.table([label("source"), label("publisher"), label("published"), label("reliability_rating")], rows)


def _differences(site: Site, claim: Claim, path: str) -> str:
    disagreements = site.disagreements_by_claim.get(claim.id, [])
    if not disagreements:
        return ""
    items = []
    for disagreement in disagreements:
        target = site.urls.link(path, site.urls.disagreements(), disagreement.id)
        sides = "; ".join(
            f"{md.text(side.source_title)}: {md.text(side.value_text or side.quote)}" + (f" ({md.text(side.period)})" if side.period else "")
            for side in disagreement.sides
        ) + (f"; {label('more_sides').format(count=f'{disagreement.sides_left_out:,}')}" if disagreement.sides_left_out else "")
        items.append(f"- **{md.text(disagreement.title)}** ({md.text(label('kind_' + disagreement.kind))}): {sides}. {md.link(label('see_side_by_side'), target)}")
    return (
        unindexed(f"## {label('sources_differ')}") + "\n\n"
        '<div class="fc-differ" markdown>\n\n' + "\n".join(items) + "\n\n</div>"
    )


def _updates(site: Site, claim: Claim) -> str:
    lines = [unindexed(f"## {label('updates')}"), ""]
    lines += [correction_item(site, claim, c) for c in sorted(claim.corrections, key=lambda c: c.date, reverse=True)]
    if not claim.corrections:
        lines.append(label("no_updates"))
    lines.append("")
    published = f"{label('published_on')} {md.human_date(claim.published)}"
    if claim.updated:
        published += f" · {label('updated_on')} {md.human_date(claim.updated)}"
    lines.append(published + ".")
    history = verdict_history(site, claim)
    if history:
        lines.append("")
        lines.append(f"{label('verdict_history')}: " + " → ".join(history))
    return "\n".join(lines)


def verdict_history(site: Site, claim: Claim) -> list[str]:
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
        f"{md.text(verdict_label(site, key))} ({label('since')} {md.human_date(start)})" for key, start in zip(verdicts, starts)
    ]
