"""The page of one source document: its record, its quoted passages and the claims that use them."""

from __future__ import annotations

from ..analyse import Site
from ..model import QuoteUse, Source
from ..quotes import Span, context_sentence, text_fragment
from ..reuse import reused
from . import html as h
from . import markup as md
from .charts import verdict_chart, verdict_tally
from .labels import label
from .output import Page
from .search_meta import unindexed


def render_source(site: Site, source: Source) -> Page:
    """The source's page; while serving, the last run's when nothing it shows has changed (reuse.py)."""
    return reused("source page", source.id, source_page_inputs(site, source), lambda: _render_source(site, source))


def source_page_inputs(site: Site, source: Source) -> tuple:
    """Everything a source page is made from, beside the source itself (see ``claim_page_inputs``)."""
    return (
        source, site.shared, tuple(site.claims_by_source.get(source.id, ())),
        tuple(site.uses_by_source.get(source.id, ())), tuple(site.disagreements_by_source.get(source.id, ())),
    )


def _render_source(site: Site, source: Source) -> Page:
    path = site.urls.source(source.id)
    blocks = [
        md.front_matter({"title": source.title, "description": f"{source.publisher}, {md.human_date(source.published)}", "factcheck": {"type": "source", "id": source.id}}),
        f"# {md.text(source.title)}",
        _record(site, source),
        _reliability(source),
        verdict_counts(site, site.claims_by_source.get(source.id, []), path),
        _claims(site, source, path),
        _passages(site, source, path),
        _disagreements(site, source, path),
        _not_yet_checked(site, source),
        _full_text(source),
    ]
    return Page(path, md.join_blocks(blocks))


def _record(site: Site, source: Source) -> str:
    rows = [[label("publisher"), md.text(source.publisher if source.publisher_known else "Unidentified outlet")]]
    if source.authors:
        rows.append([label("authors"), md.text(", ".join(source.authors))])
    published = md.human_date(source.published)
    if source.date_precision == "approximate":
        published += f" ({label('approximate')})"
    rows.append([label("published"), published])
    if source.date_note:
        rows.append([label("date_note"), md.text(source.date_note)])
    rows.append([label("type"), md.text(source.type.replace("-", " "))])
    if source.reliability_rating:
        rows.append([label("reliability_rating"), reliability_text(source)])
    if source.url:
        rows.append([label("url"), md.external(md.text(source.url), source.url)])
    if source.accessed:
        rows.append([label("accessed").capitalize(), md.human_date(source.accessed)])
    if source.archived_from:
        rows.append([label("archived_from"), md.code(source.archived_from)])
    if source.copies and source.copies in site.corpus.source_by_id:
        original = site.source(source.copies)
        rows.append(["Copies", md.link(md.text(original.title), site.urls.link(site.urls.source(source.id), site.urls.source(original.id)))])
    record = md.table([label("record_field"), label("record_value")], rows)
    summary = f"\n\n{md.text(source.summary)}" if source.summary else ""
    return record + summary


def reliability_text(source: Source) -> str:
    """The source's reliability rating and its reason, in plain words ("Low: no byline ..."), or nothing."""
    if not source.reliability_rating:
        return ""
    reason = f": {md.text(source.reliability_reason)}" if source.reliability_reason else ""
    return f"**{source.reliability_rating.capitalize()}**{reason}"


def reliability_html(source: Source) -> str:
    """``reliability_text`` as HTML."""
    if not source.reliability_rating:
        return ""
    reason = f": {h.esc(source.reliability_reason)}" if source.reliability_reason else ""
    return f"<strong>{h.esc(source.reliability_rating.capitalize())}</strong>{reason}"


def _reliability(source: Source) -> str:
    rating = reliability_text(source)
    if not source.reliability and not rating:
        return ""
    parts = [f"## {label('reliability')}"]
    if rating:
        parts.append(f"{label('reliability_rating')}: {rating}")
        if not source.corroborates:
            parts.append(md.text(label("reliability_low_evidence")))
    if source.reliability:
        parts.append("\n".join(f"- {md.text(note)}" for note in source.reliability))
    return "\n\n".join(parts)


def verdict_counts(site: Site, claims, from_page: str, heading: str = "") -> str:
    """A count of claims by verdict: a bar chart, and the same numbers in a table, each verdict linked to its page."""
    if not claims:
        return ""
    tally = verdict_tally(site, claims)
    rows = [
        [md.link(md.badge(site.corpus.scale.get(item.key)), site.urls.link(from_page, site.urls.verdict(item.key))), str(item.count)]
        for item in tally
    ]
    chart = verdict_chart(tally, label("verdict_chart"))
    return unindexed(f"## {heading or label('scorecard')}") + f"\n\n{chart}\n\n" + md.table([label("verdict"), label("count")], rows)


def _claims(site: Site, source: Source, path: str) -> str:
    claims = site.claims_by_source.get(source.id, [])
    if not claims:
        return ""
    rows = [
        [md.link(md.text(c.short), site.urls.link(path, site.urls.claim(c.id))), md.badge(site.rating(c)), md.human_date(c.published)]
        for c in claims
    ]
    return unindexed(f"## {label('claims_quoting')}") + "\n\n" + md.table([label("claim"), label("verdict"), label("published")], rows)


def passages(site: Site, source: Source) -> dict[str, list[QuoteUse]]:
    """The uses of each quoted passage of a source, by anchor, in the order of the text."""
    by_anchor: dict[str, list[QuoteUse]] = {}
    for use in sorted(site.uses_by_source.get(source.id, []), key=lambda u: (u.start, u.end)):
        by_anchor.setdefault(use.anchor, []).append(use)
    return by_anchor


def _passages(site: Site, source: Source, path: str) -> str:
    by_anchor = passages(site, source)
    if not by_anchor:
        return ""
    parts = [unindexed(f"## {label('quoted_passages')}")]
    if not source.publish_full_text:
        parts.append(f"*{label('not_published')}*")
    for anchor, uses in by_anchor.items():
        first = uses[0]
        before, passage, after = context_sentence(source.text, Span(first.start, first.end))
        context = _in_context(before, first.exact, after)
        claims = ", ".join(dict.fromkeys(
            md.link(md.text(site.claim_by_id[u.claim].short), site.urls.link(path, site.urls.claim(u.claim))) for u in uses
        ))
        lines = [f"> {context}\n{{: #{anchor} .fc-passage }}", f"{label('quoted_by')}: {claims}"]
        if source.url:
            original = md.safe_url(text_fragment(source.url, first.exact))
            if original:
                lines[-1] += f" · {md.link(label('see_original'), original)}"
        parts.append("\n\n".join(lines))
    return "\n\n".join(parts)


def _in_context(before: str, passage: str, after: str) -> str:
    """The passage in bold inside its sentence, spaced exactly as the text is.

    A space is put between the passage and its context only where the text has one, so a
    passage that starts or ends inside a word or a figure ("$**15 billion**", "**145**%")
    is not split from it, and one followed by punctuation keeps it attached.
    """
    glue_before = " " if before[-1:].isspace() else ""
    glue_after = " " if after[:1].isspace() else ""
    return f"{md.text(before)}{glue_before if before.strip() else ''}**{md.text(passage)}**{glue_after if after.strip() else ''}{md.text(after)}".strip()


def _disagreements(site: Site, source: Source, path: str) -> str:
    found = site.disagreements_by_source.get(source.id, [])
    if not found:
        return ""
    items = []
    for disagreement in found:
        others = sorted({s.source_title for s in disagreement.sides if s.source != source.id})
        target = site.urls.link(path, site.urls.disagreements(), disagreement.id)
        items.append(f"- {md.link(md.text(disagreement.title), target)} ({md.text(label('kind_' + disagreement.kind))}), with {md.text(', '.join(others))}")
    return unindexed(f"## {label('disagreements_of_source')}") + "\n\n" + "\n".join(items)


def _not_yet_checked(site: Site, source: Source) -> str:
    """The checkable sentences no claim quotes, when the site asks for them (an internal preview)."""
    if not site.settings.not_yet_checked:
        return ""
    from ..suggest import uncovered_in

    found = uncovered_in(source, site.corpus, site.uses_by_source.get(source.id, ()))
    if not found:
        return ""
    items = [f"- {md.text(f'Line {u.line}: {u.sentence}')} *({md.text('; '.join(u.reasons))})*" for u in found]
    return unindexed("## Not yet checked") + "\n\n" + "\n".join(items)


def _full_text(source: Source) -> str:
    if not source.publish_full_text:
        return ""
    paragraphs = [p for p in source.text.split("\n") if p.strip()]
    return f"## {label('full_text')}\n\n" + "\n\n".join(md.text(p) for p in paragraphs)
