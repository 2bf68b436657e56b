"""The page of every disagreement between sources: a summary table, each side by side, the subjects
checked without conflict, and the sources × subjects matrix; and the home page's top disagreements.

The page is made as HTML from the records (render/html.py: its headings stay Markdown, for
MkDocs' ids, permalinks and table of contents); the home page's block is Markdown, since it goes
into a hand-written page. Every piece of contributor text is escaped (``html.esc``, ``markup.text``);
nothing from the YAML is written as raw HTML.
"""

from __future__ import annotations

from typing import Iterable, Sequence, Union

from ..core.analyse import DisagreementView, Site
from ..core.disagree import INTERNAL, Disagreement, Side
from ..core.model import Source
from ..core.reuse import kept_results
from ..core.values import describe
from . import html as h
from . import markup
from .cards import card_table
from .labels import label
from .output import Page

# What the helpers read from: the site, or one disagreement's view of it (its block is kept while serving).
SiteOrView = Union[Site, DisagreementView]


def render_disagreements(site: Site) -> Page:
    """The page, as headings in Markdown and HTML blocks made from the records (render/html.py)."""
    path = site.urls.disagreements()
    front_matter = {"title": label("disagreements"), "factcheck": {"type": "disagreements"}}
    parts: list = [h.Heading(f"# {label('disagreements')}"), h.p(h.esc(label("disagreements_intro")))]
    if not site.disagreements:
        parts.append(h.p(h.esc(label("no_disagreements"))))
    else:
        parts += _summary_table(site)
    for subject, disagreements in by_subject(site.disagreements).items():
        parts.append(h.Heading(f"## {markup.text(disagreements[0].title)} {{: #{subject_anchor(subject)} }}"))
        if disagreements[0].note:
            parts.append(h.p(f"<strong>{h.esc(label('editor_note'))}:</strong> {h.esc(disagreements[0].note)}"))
        for disagreement in disagreements:
            parts += _one(site.disagreement_view(disagreement))
    parts += _checked_without_conflict(site, path)
    parts += _matrix(site, path)
    return h.page(path, front_matter, parts, in_nav=True, title=label("disagreements"))


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


def kind_text(site: SiteOrView, disagreement: Disagreement) -> str:
    """The kind in words, saying when it is one source against itself."""
    kind = label("kind_" + disagreement.kind)
    if disagreement.status != INTERNAL:
        return kind
    return f"{kind} ({label('internal_of').format(source=_name(site, disagreement.internal_source))})"


def _name(site: SiteOrView, source_id: str) -> str:
    source = site.corpus.source_by_id.get(source_id)
    return source_name(source) if source else source_id


def _side_figure(site: SiteOrView, side: Side) -> str:
    """A side in a few words (plain text): its value when it is a figure or a date, and its source."""
    name = _name(site, side.source)
    if side.value is not None and (side.value.is_numeric or side.value.is_date):
        return f"{side.value_text} ({name})"
    return name


def sides_text(site: SiteOrView, disagreement: Disagreement) -> str:
    """The sides, "figure (source) vs figure (source)", each once (plain text: escape it where it goes)."""
    return f" {label('versus')} ".join(dict.fromkeys(_side_figure(site, side) for side in disagreement.sides))


def supported_text(site: SiteOrView, disagreement: Disagreement) -> str:
    """Which side the evidence supports, in a few words (plain text), or that nothing settles it."""
    if not disagreement.supported:
        return label("nothing_settles")
    return ", ".join(dict.fromkeys(_side_figure(site, side) for side in disagreement.sides[: disagreement.supported]))


def status_badges(site: SiteOrView, disagreement: Disagreement) -> str:
    """A disagreement's kind and severity as badges, as the disagreements page gives them: for the
    lists on claim and source pages (HTML, escaped)."""
    kind = f'<span class="fc-kind">{h.esc(kind_text(site, disagreement))}</span>'
    return f'{kind} {_severity_badge(disagreement.severity, label("severity") + ": ")}'


def supports_sentence(site: SiteOrView, disagreement: Disagreement) -> str:
    """Which side the evidence supports, or that nothing settles it, as a sentence (HTML, escaped)."""
    if not disagreement.supported:
        return f'<span class="fc-supports">{h.esc(label("nothing_settles"))}.</span>'
    return f'<span class="fc-supports">{h.esc(label("evidence_supports"))}: {h.esc(supported_text(site, disagreement))}.</span>'


def _summary_table(site: Site) -> list:
    """The table of every disagreement, so that on a phone each row becomes a card whose cells say
    what they are (the stylesheet's ``.fc-summary``); every text in it is escaped."""
    headers = [label("subject"), label("sources"), label("kind"), label("severity"), label("evidence_supports")]
    rows = []
    for d in site.disagreements:
        cells = [
            f'<a href="#{h.attr(d.id)}">{h.esc(d.title)}</a>',
            h.esc(sides_text(site, d)),
            h.esc(kind_text(site, d)),
            _severity_badge(d.severity),
            h.esc(supported_text(site, d)),
        ]
        rows.append("<tr>" + "".join(f'<td data-label="{h.attr(name)}">{c}</td>' for name, c in zip(headers, cells)) + "</tr>")
    head = "<thead><tr>" + "".join(f'<th scope="col">{h.esc(name)}</th>' for name in headers) + "</tr></thead>"
    table = f'<table class="fc-summary">{head}<tbody>{"".join(rows)}</tbody></table>'
    return [h.Heading(f"## {label('at_a_glance')} {{: #at-a-glance }}"), h.p(h.esc(label("at_a_glance_intro"))), table]


def _severity_badge(severity: str, prefix: str = "") -> str:
    return f'<span class="fc-severity fc-severity--{markup.html_text(severity)}">{markup.html_text(prefix + severity)}</span>'


def _labelled(name: str, value_html: str) -> str:
    """A paragraph "<strong>Name:</strong> value"."""
    return h.p(f"<strong>{h.esc(name)}:</strong> {value_html}")


@kept_results.per_item(lambda site: site.disagreement.id)
def _one(site: DisagreementView) -> list:
    """One disagreement: its heading (the kind), severity, reasons, the record, the supported side,
    the sides (kept while serving: reuse.py)."""
    disagreement, path = site.disagreement, site.urls.disagreements()
    kind = kind_text(site, disagreement)
    parts: list = [
        h.Heading(f"### {markup.text(kind[:1].upper() + kind[1:])} {{: #{disagreement.id} }}"),
        h.p(_severity_badge(disagreement.severity, label("severity") + ": ")),
    ]
    if disagreement.severity_reason:
        parts.append(_labelled(label("severity_why"), h.esc(disagreement.severity_reason)))
    if disagreement.reason:
        parts.append(h.p(h.esc(disagreement.reason)))
    if disagreement.record is not None:
        parts.append(_record(site, disagreement, path))
    if disagreement.supported:
        supported = f"<strong>{h.esc(label('supported_side'))}</strong> ({h.esc(supported_text(site, disagreement))})"
        parts.append(h.p(f"{supported}: {h.esc(disagreement.support)}"))
    else:
        parts.append(_labelled(label("nothing_settles"), h.esc(disagreement.support)))
    sides = [_side(site, disagreement, index, side, path) for index, side in enumerate(disagreement.sides)]
    parts.append('<div class="fc-sides">\n' + "\n".join(sides) + "\n</div>")
    return parts


def _record(site: SiteOrView, disagreement: Disagreement, path: str) -> str:
    """The reference figure, marked as the record, with the claims that cite it."""
    record = disagreement.record
    assert record is not None
    url = markup.safe_url(record.url) if record.url else None
    source = h.a(h.esc(record.source), url) if url else h.esc(record.source)
    text = f"{h.esc(describe(record.value))}, {source}"
    if record.period:
        text += f" ({h.esc(record.period)})"
    citing = [c for c in disagreement.claims if record.url and c in site.claim_by_id
              and any(ref.url == record.url for ref in site.claim_by_id[c].references)]
    if citing:
        text += f"; {h.esc(label('on_record_cited_by'))} " + ", ".join(_claim_link(site, c, path) for c in citing)
    return f'<div class="fc-record">\n{_labelled(label("on_record"), text)}\n</div>'


def _side(site: SiteOrView, disagreement: Disagreement, index: int, side: Side, path: str) -> str:
    source_link = h.a(h.esc(side.source_title), site.urls.href(path, site.urls.source(side.source), side.anchor))
    css = "fc-side"
    details = []
    if index < disagreement.supported:
        css += " fc-side--supported"
        details.append(h.p(f"<strong>{h.esc(label('supported_side'))}</strong>", "fc-side__verdict"))
    elif side.refuted:
        css += " fc-side--refuted"
        details.append(h.p(f"<strong>{h.esc(label('refuted_by_record'))}</strong>", "fc-side__verdict"))
    details += [h.p(f"<strong>{source_link}</strong>"), h.quote(side.quote)]
    if side.value_text:
        details.append(h.p(f"{h.esc(label('value'))}: <strong>{h.esc(side.value_text)}</strong>"))
    if side.period:
        details.append(h.p(f"{h.esc(label('period'))}: {h.esc(side.period)}"))
    if side.scope:
        details.append(h.p(f"{h.esc(label('scope'))}: {h.esc(side.scope)}"))
    details.append(_claims_of(site, side.claims, path) if side.claims else h.p(h.esc(label("sides_no_claims"))))
    if side.cited_by:
        cited = ", ".join(_claim_link(site, c, path) for c in side.cited_by if c in site.claim_by_id)
        details.append(h.p(f"{h.esc(label('cites_as_evidence'))}: {cited}"))
    return f'<div class="{css}">\n' + "\n".join(details) + "\n</div>"


def _claim_link(site: SiteOrView, claim_id: str, path: str) -> str:
    return h.a(h.esc(site.claim_by_id[claim_id].short), site.urls.href(path, site.urls.claim(claim_id)))


def _claims_of(site: SiteOrView, claims: Sequence[str], path: str) -> str:
    """The side's own claims, each with its verdict badge."""
    items = [f"{markup.badge(site.rating(site.claim_by_id[c]))} {_claim_link(site, c, path)}" for c in claims if c in site.claim_by_id]
    return "\n".join(part for part in (h.p(f"{h.esc(label('sides_claims'))}:"), h.ul(items)) if part)


def _checked_without_conflict(site: Site, path: str) -> list:
    if not site.consistent:
        return []
    items = []
    for checked in site.consistent:
        names = ", ".join(dict.fromkeys(_name(site, s.source) for s in checked.sides))
        anchor = h.attr(subject_anchor(checked.subject))
        items.append(f'<span id="{anchor}"></span><strong>{h.esc(checked.title)}</strong> ({h.esc(names)}): {h.esc(checked.note)}')
    return [
        h.Heading(f"## {label('checked_no_conflict')} {{: #checked-no-conflict }}"),
        h.p(h.esc(label("checked_no_conflict_intro"))), h.ul(items),
    ]


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
# a large desk (hundreds of subjects and sources) it is left out;
# each subject's section above lists its sides' sources anyway.
MATRIX_MAX_SUBJECTS = 30


def _matrix(site: Site, path: str) -> list:
    subjects = {d.subject: subject_anchor(d.subject) for d in site.disagreements}
    if not subjects or len(subjects) > MATRIX_MAX_SUBJECTS:
        return []
    values: dict[tuple[str, str], dict[str, None]] = {}  # what each source says on each subject, each once
    for disagreement in site.disagreements:
        for side in disagreement.sides:
            values.setdefault((side.source, disagreement.subject), {})[side.value_text or "✓"] = None
    cells = {place: h.esc("; ".join(said)) for place, said in values.items()}
    in_matrix = {source for source, _ in cells}
    sources = [s for s in site.corpus.sources if s.id in in_matrix]
    headers = [label("source")] + [site.corpus.subject(subject).title for subject in subjects]
    rows = [
        [h.a(h.esc(site.corpus.name_of(s.id)), site.urls.href(path, site.urls.source(s.id)))] + [cells.get((s.id, subject), "") for subject in subjects]
        for s in sources
    ]
    # A table on a desktop; on a phone a card per source naming each subject it speaks of (1,455 px wide as a table at 360 px).
    table = card_table(headers, rows, links=[""] + [f"#{anchor}" for anchor in subjects.values()])
    return [h.Heading(f"## {label('matrix')}"), h.p(h.esc(label("matrix_intro"))), table]
