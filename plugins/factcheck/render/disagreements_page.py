"""The page of every disagreement between sources, each side by side, and the sources × subjects matrix."""

from __future__ import annotations

from typing import Iterable

from ..analyse import Site
from ..disagree import Disagreement
from . import markup as md
from .labels import label
from .output import Page


def render_disagreements(site: Site) -> Page:
    path = site.urls.disagreements()
    blocks = [
        md.front_matter({"title": label("disagreements"), "factcheck": {"type": "disagreements"}}),
        f"# {label('disagreements')}",
        label("disagreements_intro"),
    ]
    if not site.disagreements:
        blocks.append(label("no_disagreements"))
    for subject, disagreements in by_subject(site.disagreements).items():
        blocks.append(f"## {md.text(disagreements[0].title)} {{: #{subject_anchor(subject)} }}")
        if disagreements[0].note:
            blocks.append(f"**{label('editor_note')}:** {md.text(disagreements[0].note)}")
        blocks.extend(_one(site, disagreement, path) for disagreement in disagreements)
    blocks.append(_matrix(site, path))
    return Page(path, md.join_blocks(blocks), in_nav=True, title=label("disagreements"))


def by_subject(disagreements: Iterable[Disagreement]) -> dict[str, list[Disagreement]]:
    """The disagreements grouped by subject, subjects in the order of their first (most severe) one."""
    grouped: dict[str, list[Disagreement]] = {}
    for disagreement in disagreements:
        grouped.setdefault(disagreement.subject, []).append(disagreement)
    return grouped


def subject_anchor(subject: str) -> str:
    return f"subject-{subject}"


def _one(site: Site, disagreement: Disagreement, path: str) -> str:
    heading = f"### {md.text(label('kind_' + disagreement.kind).capitalize())} {{: #{disagreement.id} }}"
    meta = f'<span class="fc-severity fc-severity--{disagreement.severity}">{md.html_text(label("severity"))}: {md.html_text(disagreement.severity)}</span>'
    sides = []
    for side in disagreement.sides:
        source_link = md.link(md.text(side.source_title), site.urls.link(path, site.urls.source(side.source), side.anchor))
        claims = ", ".join(
            md.link(md.text(site.claim_by_id[c].short), site.urls.link(path, site.urls.claim(c))) for c in side.claims
        )
        details = [f"**{source_link}**", md.quote_block(side.quote)]
        if side.value_text:
            details.append(f"{label('value')}: **{md.text(side.value_text)}**")
        if side.period:
            details.append(f"{label('period')}: {md.text(side.period)}")
        if side.scope:
            details.append(f"{label('scope')}: {md.text(side.scope)}")
        details.append(f"{label('claims')}: {claims}")
        sides.append('<div class="fc-side" markdown>\n\n' + "\n\n".join(details) + "\n\n</div>")
    reason = md.text(disagreement.reason) if disagreement.reason else ""
    return "\n\n".join(part for part in [heading, meta, reason, '<div class="fc-sides" markdown>\n\n' + "\n\n".join(sides) + "\n\n</div>"] if part)


# The matrix has a column per subject and a row per source: it grows with their product, so on
# a large desk (400 subjects and 1,000 sources for 10,000 claims: a 3.7 MB page) it is left out;
# each subject's section above lists its sides' sources anyway.
MATRIX_MAX_SUBJECTS = 30


def _matrix(site: Site, path: str) -> str:
    subjects = {d.subject: subject_anchor(d.subject) for d in site.disagreements}
    if not subjects or len(subjects) > MATRIX_MAX_SUBJECTS:
        return ""
    cells = {
        (side.source, disagreement.subject): md.text(side.value_text or "✓")
        for disagreement in site.disagreements for side in disagreement.sides
    }
    in_matrix = {source for source, _ in cells}
    sources = [s for s in site.corpus.sources if s.id in in_matrix]
    headers = [label("source")] + [
        md.link(md.text(site.corpus.subject(subject).title), f"#{anchor}") for subject, anchor in subjects.items()
    ]
    rows = [
        [md.link(md.text(site.corpus.name_of(s.id)), site.urls.link(path, site.urls.source(s.id)))] + [cells.get((s.id, subject), "") for subject in subjects]
        for s in sources
    ]
    return f"## {label('matrix')}\n\n{label('matrix_intro')}\n\n" + md.table(headers, rows)
