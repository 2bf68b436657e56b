"""The page of every disagreement between sources: a summary table, each side by side, the subjects
checked without conflict, and the sources × subjects matrix; and the home page's top disagreements.

Every piece of contributor text goes through ``markup`` (escaped); nothing from the YAML is
written as raw HTML.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..analyse import Site
from ..disagree import INTERNAL, Disagreement, Side
from ..model import Source
from ..values import describe
from . import markup
from .labels import label
from .output import Page


def render_disagreements(site: Site) -> Page:
    path = site.urls.disagreements()
    blocks = [
        markup.front_matter({"title": label("disagreements"), "factcheck": {"type": "disagreements"}}),
        f"# {label('disagreements')}",
        label("disagreements_intro"),
    ]
    if not site.disagreements:
        blocks.append(label("no_disagreements"))
    else:
        blocks.append(_summary_table(site))
    for subject, disagreements in by_subject(site.disagreements).items():
        blocks.append(f"## {markup.text(disagreements[0].title)} {{: #{subject_anchor(subject)} }}")
        if disagreements[0].note:
            blocks.append(f"**{label('editor_note')}:** {markup.text(disagreements[0].note)}")
        blocks.extend(_one(site, disagreement, path) for disagreement in disagreements)
    blocks.append(_checked_without_conflict(site, path))
    blocks.append(_matrix(site, path))
    return Page(path, markup.join_blocks(b for b in blocks if b), in_nav=True, title=label("disagreements"))


def by_subject(disagreements: Iterable[Disagreement]) -> dict[str, list[Disagreement]]:
    """The disagreements grouped by subject, subjects in the order of their first (most severe) one."""
    grouped: dict[str, list[Disagreement]] = {}
    for disagreement in disagreements:
        grouped.setdefault(disagreement.subject, []).append(disagreement)
    return grouped


def subject_anchor(subject: str) -> str:
    return f"subject-{subject}"


def source_name(source: Source) -> str:
    """A short name for a source in tables and lists: its publisher, or what kind of article it is and its date."""
    if source.publisher and source.publisher.strip().lower() != "unknown":
        return source.publisher
    return f"{'Article' if source.authors else 'Unbylined article'} of {markup.human_date(source.published)}"


def kind_text(site: Site, disagreement: Disagreement) -> str:
    """The kind in words, saying when it is one source against itself."""
    kind = label("kind_" + disagreement.kind)
    if disagreement.status != INTERNAL:
        return kind
    return f"{kind} ({label('internal_of').format(source=_name(site, disagreement.internal_source))})"


def _name(site: Site, source_id: str) -> str:
    source = site.corpus.source_by_id.get(source_id)
    return source_name(source) if source else source_id


def _side_figure(site: Site, side: Side) -> str:
    """A side in a few words (plain text): its value when it is a figure or a date, and its source."""
    name = _name(site, side.source)
    if side.value is not None and (side.value.is_numeric or side.value.is_date):
        return f"{side.value_text} ({name})"
    return name


def sides_text(site: Site, disagreement: Disagreement) -> str:
    """The sides, "figure (source) vs figure (source)", each once (plain text: escape it where it goes)."""
    return f" {label('versus')} ".join(dict.fromkeys(_side_figure(site, side) for side in disagreement.sides))


def supported_text(site: Site, disagreement: Disagreement) -> str:
    """Which side the evidence supports, in a few words (plain text), or that nothing settles it."""
    if not disagreement.supported:
        return label("nothing_settles")
    return ", ".join(dict.fromkeys(_side_figure(site, side) for side in disagreement.sides[: disagreement.supported]))


def _summary_table(site: Site) -> str:
    """The table of every disagreement, as HTML so that on a phone each row becomes a card whose
    cells say what they are (the stylesheet's ``.fc-summary``); every text in it is escaped."""
    headers = [label("subject"), label("sources"), label("kind"), label("severity"), label("evidence_supports")]
    rows = []
    for d in site.disagreements:
        cells = [
            f'<a href="#{markup.html_text(d.id)}">{markup.html_text(d.title)}</a>',
            markup.html_text(sides_text(site, d)),
            markup.html_text(kind_text(site, d)),
            _severity_badge(d.severity),
            markup.html_text(supported_text(site, d)),
        ]
        rows.append("<tr>" + "".join(f'<td data-label="{markup.html_text(h)}">{c}</td>' for h, c in zip(headers, cells)) + "</tr>")
    head = "<thead><tr>" + "".join(f'<th scope="col">{markup.html_text(h)}</th>' for h in headers) + "</tr></thead>"
    table = f'<table class="fc-summary">{head}<tbody>{"".join(rows)}</tbody></table>'
    return f"## {label('at_a_glance')} {{: #at-a-glance }}\n\n{label('at_a_glance_intro')}\n\n{table}"


def _severity_badge(severity: str, prefix: str = "") -> str:
    return f'<span class="fc-severity fc-severity--{markup.html_text(severity)}">{markup.html_text(prefix + severity)}</span>'


def _one(site: Site, disagreement: Disagreement, path: str) -> str:
    kind = kind_text(site, disagreement)
    heading = f"### {markup.text(kind[:1].upper() + kind[1:])} {{: #{disagreement.id} }}"
    meta = _severity_badge(disagreement.severity, label("severity") + ": ")
    parts = [heading, meta]
    if disagreement.severity_reason:
        parts.append(f"**{label('severity_why')}:** {markup.text(disagreement.severity_reason)}")
    if disagreement.reason:
        parts.append(markup.text(disagreement.reason))
    if disagreement.record is not None:
        parts.append(_record(site, disagreement, path))
    if disagreement.supported:
        parts.append(f"**{label('supported_side')}** ({markup.text(supported_text(site, disagreement))}): {markup.text(disagreement.support)}")
    else:
        parts.append(f"**{label('nothing_settles')}:** {markup.text(disagreement.support)}")
    sides = [_side(site, disagreement, index, side, path) for index, side in enumerate(disagreement.sides)]
    parts.append('<div class="fc-sides" markdown>\n\n' + "\n\n".join(sides) + "\n\n</div>")
    return "\n\n".join(parts)


def _record(site: Site, disagreement: Disagreement, path: str) -> str:
    """The reference figure, marked as the record, with the claims that cite it."""
    record = disagreement.record
    assert record is not None
    source = markup.external(markup.text(record.source), record.url) if record.url else markup.text(record.source)
    text = f"**{label('on_record')}:** {markup.text(describe(record.value))}, {source}"
    if record.period:
        text += f" ({markup.text(record.period)})"
    citing = [c for c in disagreement.claims if record.url and c in site.claim_by_id
              and any(ref.url == record.url for ref in site.claim_by_id[c].references)]
    if citing:
        text += f"; {label('on_record_cited_by')} " + ", ".join(
            markup.link(markup.text(site.claim_by_id[c].short), site.urls.link(path, site.urls.claim(c))) for c in citing)
    return f'<div class="fc-record" markdown>\n\n{text}\n\n</div>'


def _side(site: Site, disagreement: Disagreement, index: int, side: Side, path: str) -> str:
    source_link = markup.link(markup.text(side.source_title), site.urls.link(path, site.urls.source(side.source), side.anchor))
    css = "fc-side"
    details = []
    if index < disagreement.supported:
        css += " fc-side--supported"
        details.append(f'<p class="fc-side__verdict"><strong>{markup.html_text(label("supported_side"))}</strong></p>')
    elif side.refuted:
        css += " fc-side--refuted"
        details.append(f'<p class="fc-side__verdict"><strong>{markup.html_text(label("refuted_by_record"))}</strong></p>')
    details += [f"**{source_link}**", markup.quote_block(side.quote)]
    if side.value_text:
        details.append(f"{label('value')}: **{markup.text(side.value_text)}**")
    if side.period:
        details.append(f"{label('period')}: {markup.text(side.period)}")
    if side.scope:
        details.append(f"{label('scope')}: {markup.text(side.scope)}")
    details.append(_claims_of(site, side.claims, path) if side.claims else label("sides_no_claims"))
    if side.cited_by:
        cited = ", ".join(_claim_link(site, c, path) for c in side.cited_by if c in site.claim_by_id)
        details.append(f"{label('cites_as_evidence')}: {cited}")
    return f'<div class="{css}" markdown>\n\n' + "\n\n".join(details) + "\n\n</div>"


def _claim_link(site: Site, claim_id: str, path: str) -> str:
    return markup.link(markup.text(site.claim_by_id[claim_id].short), site.urls.link(path, site.urls.claim(claim_id)))


def _claims_of(site: Site, claims: Sequence[str], path: str) -> str:
    """The side's own claims, each with its verdict badge."""
    items = [f"- {markup.badge(site.rating(site.claim_by_id[c]))} {_claim_link(site, c, path)}" for c in claims if c in site.claim_by_id]
    return f"{label('sides_claims')}:\n\n" + "\n".join(items)


def _checked_without_conflict(site: Site, path: str) -> str:
    if not site.consistent:
        return ""
    items = []
    for checked in site.consistent:
        names = ", ".join(dict.fromkeys(_name(site, s.source) for s in checked.sides))
        anchor = markup.html_text(subject_anchor(checked.subject))
        items.append(f'- <span id="{anchor}"></span>**{markup.text(checked.title)}** ({markup.text(names)}): {markup.text(checked.note)}')
    return f"## {label('checked_no_conflict')} {{: #checked-no-conflict }}\n\n{label('checked_no_conflict_intro')}\n\n" + "\n".join(items)


def top_disagreements(site: Site, page: str, count: int = 5) -> str:
    """The home page's block: the most severe disagreements, one per subject, with their figures,
    kind, severity and the side the evidence supports, each linking to its section of the
    disagreements page."""
    if not site.disagreements:
        return label("no_disagreements")
    items = []
    first_of_each = list(by_subject(site.disagreements).values())  # a subject once, by its most severe one
    for disagreement in (found[0] for found in first_of_each[: count or 5]):
        target = site.urls.link(page, site.urls.disagreements(), disagreement.id)
        supported = f"{label('evidence_supports')}: {supported_text(site, disagreement)}" if disagreement.supported else label("nothing_settles")
        items.append(
            f"- {markup.link(markup.text(disagreement.title), target)}: {markup.text(sides_text(site, disagreement))}. "
            f"{_severity_badge(disagreement.severity, label('severity') + ': ')} {markup.text(kind_text(site, disagreement))}; {markup.text(supported)}."
        )
    return '<div class="fc-top-disagreements" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


# The matrix has a column per subject and a row per source: it grows with their product, so on
# a large desk (400 subjects and 1,000 sources for 10,000 claims: a 3.7 MB page) it is left out;
# each subject's section above lists its sides' sources anyway.
MATRIX_MAX_SUBJECTS = 30


def _matrix(site: Site, path: str) -> str:
    subjects = {d.subject: subject_anchor(d.subject) for d in site.disagreements}
    if not subjects or len(subjects) > MATRIX_MAX_SUBJECTS:
        return ""
    cells = {
        (side.source, disagreement.subject): markup.text(side.value_text or "✓")
        for disagreement in site.disagreements for side in disagreement.sides
    }
    in_matrix = {source for source, _ in cells}
    sources = [s for s in site.corpus.sources if s.id in in_matrix]
    headers = [label("source")] + [
        markup.link(markup.text(site.corpus.subject(subject).title), f"#{anchor}") for subject, anchor in subjects.items()
    ]
    rows = [
        [markup.link(markup.text(site.corpus.name_of(s.id)), site.urls.link(path, site.urls.source(s.id)))] + [cells.get((s.id, subject), "") for subject in subjects]
        for s in sources
    ]
    return f"## {label('matrix')}\n\n{label('matrix_intro')}\n\n" + markup.table(headers, rows)
