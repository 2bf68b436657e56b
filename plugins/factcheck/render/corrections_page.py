"""The site-wide list of corrections and updates, newest first."""

from __future__ import annotations

from ..analyse import Site
from . import markup as md
from .labels import label
from .output import Page


def render_corrections(site: Site) -> Page:
    path = site.urls.corrections()
    entries = sorted(
        ((correction, claim) for claim in site.claims for correction in claim.corrections),
        key=lambda pair: (pair[0].date, pair[1].id),
        reverse=True,
    )
    lines = [md.front_matter({"title": label("corrections"), "factcheck": {"type": "corrections"}}), f"# {label('corrections')}", label("corrections_intro")]
    if not entries:
        lines.append(label("no_updates"))
    items = []
    for correction, claim in entries:
        target = md.link(md.text(claim.short), site.urls.link(path, site.urls.claim(claim.id)))
        change = ""
        if correction.previous_verdict:
            before = site.corpus.scale.get(correction.previous_verdict)
            change = f" {label('verdict_was')} {md.text(before.label if before else correction.previous_verdict)}; now {md.badge(site.rating(claim))}."
        items.append(f"- **{md.human_date(correction.date)}, {label('kind_' + correction.kind)}:** {target}: {md.text(correction.text)}{change}")
    lines.append("\n".join(items))
    return Page(path, md.join_blocks(lines), in_nav=True)
