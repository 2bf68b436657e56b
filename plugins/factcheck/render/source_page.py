"""The page of one source document: its record, its quoted passages and the claims that use them."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.analyse import Site, SiteView, SourceView
from ..core.disagree import Disagreement
from ..core.model import Claim, QuoteUse, Source
from ..core.quotes import Span, context_sentence, text_fragment
from ..core.reuse import kept_results
from . import html as h
from . import markup
from .cards import card_table
from .charts import verdict_chart, verdict_tally
from .disagreements_page import status_badges, supports_sentence
from .labels import label
from .output import Page
from .search_meta import unindexed


@dataclass(frozen=True)
class SourcePageView(SourceView):
    """What a source's page shows: the source, the claims that cite it, its quoted passages, its
    disagreements and what any page may show (reuse.py: the page is kept while this is equal)."""

    claims: tuple[Claim, ...]
    uses: tuple[QuoteUse, ...]
    disagreements: tuple[Disagreement, ...]


def source_page_view(site: Site, source: Source) -> SourcePageView:
    return SourcePageView(
        *site.parts(), source, tuple(site.claims_by_source.get(source.id, ())),
        tuple(site.uses_by_source.get(source.id, ())), tuple(site.disagreements_by_source.get(source.id, ())),
    )


def render_source(site: Site, source: Source) -> Page:
    return render_source_page(source_page_view(site, source))


@kept_results.per_item(lambda site: site.source_record.id)
def render_source_page(site: SourcePageView) -> Page:
    source = site.source_record
    path = site.urls.source(source.id)
    front_matter = {
        "title": source.title, "description": f"{source.publisher}, {markup.human_date(source.published)}",
        "factcheck": {"type": "source", "id": source.id},
    }
    return h.page(path, front_matter, [
        h.Heading(f"# {markup.text(source.title)}"),
        *_record(site, source),
        *_reliability(source),
        *verdict_counts(site, site.claims, path),
        *_claims(site, source, path),
        *_passages(site, source, path),
        *_disagreements(site, source, path),
        *_not_yet_checked(site, source),
        *_full_text(source),
    ])


def _record(site: SiteView, source: Source) -> list[str]:
    rows = [[h.esc(label("publisher")), h.esc(source.publisher if source.publisher_known else "Unidentified outlet")]]
    if source.authors:
        rows.append([h.esc(label("authors")), h.esc(", ".join(source.authors))])
    published = markup.human_date(source.published)
    if source.date_precision == "approximate":
        published += f" ({h.esc(label('approximate'))})"
    rows.append([h.esc(label("published")), published])
    if source.date_note:
        rows.append([h.esc(label("date_note")), h.esc(source.date_note)])
    rows.append([h.esc(label("type")), h.esc(source.type.replace("-", " "))])
    if source.reliability_rating:
        rows.append([h.esc(label("reliability_rating")), reliability_html(source)])
    if source.url:
        checked = markup.safe_url(source.url)
        rows.append([h.esc(label("url")), h.a(h.esc(source.url), checked) if checked else h.esc(source.url)])
    if source.accessed:
        rows.append([h.esc(label("accessed").capitalize()), markup.human_date(source.accessed)])
    if source.archived_from:
        archived = " ".join(str(source.archived_from).replace("`", "").split())
        rows.append([h.esc(label("archived_from")), f"<code>{h.esc(archived)}</code>" if archived else ""])
    if source.copies and source.copies in site.corpus.source_by_id:
        original = site.source(source.copies)
        rows.append(["Copies", h.a(h.esc(original.title), site.urls.href(site.urls.source(source.id), site.urls.source(original.id)))])
    record = h.table([h.esc(label("record_field")), h.esc(label("record_value"))], rows)
    return [record, h.p(h.esc(source.summary)) if source.summary else ""]


def reliability_text(source: Source) -> str:
    """The source's reliability rating and its reason, in plain words ("Low: no byline ..."), or nothing."""
    if not source.reliability_rating:
        return ""
    reason = f": {markup.text(source.reliability_reason)}" if source.reliability_reason else ""
    return f"**{source.reliability_rating.capitalize()}**{reason}"


def reliability_html(source: Source) -> str:
    """``reliability_text`` as HTML."""
    if not source.reliability_rating:
        return ""
    reason = f": {h.esc(source.reliability_reason)}" if source.reliability_reason else ""
    return f"<strong>{h.esc(source.reliability_rating.capitalize())}</strong>{reason}"


def _reliability(source: Source) -> list:
    rating = reliability_html(source)
    if not source.reliability and not rating:
        return []
    parts: list = [h.Heading(f"## {label('reliability')}")]
    if rating:
        parts.append(h.p(f"{h.esc(label('reliability_rating'))}: {rating}"))
        if not source.corroborates:
            parts.append(h.p(h.esc(label("reliability_low_evidence"))))
    if source.reliability:
        parts.append(h.ul(h.esc(note) for note in source.reliability))
    return parts


def verdict_counts(site: SiteView, claims, from_page: str, heading: str = "") -> list:
    """A count of claims by verdict: a bar chart, and the same numbers in a table, each verdict linked to
    its page (a heading and HTML blocks: render/html.py)."""
    if not claims:
        return []
    tally = verdict_tally(site, claims)
    rows = [
        [h.a(markup.badge(site.corpus.scale.get(item.key)), site.urls.href(from_page, site.urls.verdict(item.key))), str(item.count)]
        for item in tally
    ]
    chart = verdict_chart(tally, label("verdict_chart"))
    return [h.Heading(unindexed(f"## {heading or label('scorecard')}")), chart, h.table([h.esc(label("verdict")), h.esc(label("count"))], rows)]


def _claims(site: SiteView, source: Source, path: str) -> list:
    claims = site.claims
    if not claims:
        return []
    rows = [
        [h.a(h.esc(c.short), site.urls.href(path, site.urls.claim(c.id))), markup.badge(site.rating(c)), markup.human_date(c.published)]
        for c in claims
    ]
    headers = [label(key) for key in ("claim", "verdict", "published")]
    return [h.Heading(unindexed(f"## {label('claims_quoting')}")), card_table(headers, rows)]  # cards on a phone


def passages(site: SiteView, source: Source) -> dict[str, list[QuoteUse]]:
    """The uses of each quoted passage of a source, by anchor, in the order of the text."""
    by_anchor: dict[str, list[QuoteUse]] = {}
    for use in sorted(site.uses, key=lambda u: (u.start, u.end)):
        by_anchor.setdefault(use.anchor, []).append(use)
    return by_anchor


def _passages(site: SiteView, source: Source, path: str) -> list:
    by_anchor = passages(site, source)
    claim_by_id = {claim.id: claim for claim in site.claims}
    if not by_anchor:
        return []
    parts: list = [h.Heading(unindexed(f"## {label('quoted_passages')}"))]
    if not source.publish_full_text:
        parts.append(h.p(f"<em>{h.esc(label('not_published'))}</em>"))
    for anchor, uses in by_anchor.items():
        first = uses[0]
        before, passage, after = context_sentence(source.text, Span(first.start, first.end))
        context = _in_context(before, first.exact, after)
        claims = ", ".join(dict.fromkeys(
            h.a(h.esc(claim_by_id[u.claim].short), site.urls.href(path, site.urls.claim(u.claim))) for u in uses
        ))
        quoted_by = f"{h.esc(label('quoted_by'))}: {claims}"
        if source.url:
            original = markup.safe_url(text_fragment(source.url, first.exact))
            if original:
                quoted_by += f" · {h.a(h.esc(label('see_original')), original)}"
        parts.append(f'<blockquote>\n<p class="fc-passage" id="{h.attr(anchor)}">{context}</p>\n</blockquote>\n{h.p(quoted_by)}')
    return parts


def _in_context(before: str, passage: str, after: str) -> str:
    """The passage in bold inside its sentence, spaced exactly as the text is.

    A space is put between the passage and its context only where the text has one, so a
    passage that starts or ends inside a word or a figure ("$**15 billion**", "**145**%")
    is not split from it, and one followed by punctuation keeps it attached.
    """
    glue_before = " " if before[-1:].isspace() else ""
    glue_after = " " if after[:1].isspace() else ""
    before_html = h.esc(before) + (glue_before if before.strip() else "")
    after_html = (glue_after if after.strip() else "") + h.esc(after)
    return f"{before_html}<strong>{h.esc(passage)}</strong>{after_html}".strip()


def _disagreements(site: SiteView, source: Source, path: str) -> list:
    found = site.disagreements
    if not found:
        return []
    items = []
    for disagreement in found:
        others = sorted({s.source_title for s in disagreement.sides if s.source != source.id})
        others += [label("more_sides").format(count=f"{disagreement.sides_left_out:,}")] if disagreement.sides_left_out else []
        target = site.urls.href(path, site.urls.disagreements(), disagreement.id)
        items.append(f"{h.a(h.esc(disagreement.title), target)} {status_badges(site, disagreement)}<br>\n"
                     f"with {h.esc(', '.join(others))}. {supports_sentence(site, disagreement)}")
    return [h.Heading(unindexed(f"## {label('disagreements_of_source')}")), h.ul(items)]


def _not_yet_checked(site: SiteView, source: Source) -> list:
    """The checkable sentences no claim quotes, when the site asks for them (an internal preview)."""
    if not site.settings.not_yet_checked:
        return []
    from ..core.suggest import uncovered_in

    found = uncovered_in(source, site.corpus, site.uses)
    if not found:
        return []
    items = [f"{h.esc(f'Line {u.line}: {u.sentence}')} <em>({h.esc('; '.join(u.reasons))})</em>" for u in found]
    return [h.Heading(unindexed("## Not yet checked")), h.ul(items)]


def _full_text(source: Source) -> list:
    if not source.publish_full_text:
        return []
    paragraphs = [p for p in source.text.split("\n") if p.strip()]
    return [h.Heading(f"## {label('full_text')}"), "\n".join(h.p(h.esc(p)) for p in paragraphs)]
