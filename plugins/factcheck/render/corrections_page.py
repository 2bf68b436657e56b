"""The site-wide list of corrections and updates, newest first."""

from __future__ import annotations

from ..analyse import Site
from ..model import Claim, Correction
from . import html as h
from . import markup
from .labels import label
from .output import Page


def render_corrections(site: Site) -> Page:
    path = site.urls.corrections()
    entries = sorted(
        ((correction, claim) for claim in site.claims for correction in claim.corrections),
        key=lambda pair: (pair[0].date, pair[1].id),
        reverse=True,
    )
    lines = [markup.front_matter({"title": label("corrections"), "factcheck": {"type": "corrections"}}), f"# {label('corrections')}", label("corrections_intro")]
    if not entries:
        lines.append(label("no_updates"))
    lines.append("\n".join(correction_item(site, claim, correction, path) for correction, claim in entries))
    return Page(path, markup.join_blocks(lines), in_nav=True, title=label("corrections"))


def correction_item(site: Site, claim: Claim, correction: Correction, listed_on: str = "") -> str:
    """One correction as a list item: its date and kind, its text and the verdict it replaced.

    On the claim's own page ``listed_on`` is empty; on the site-wide list it is that page's
    path, and the item also links to the claim and gives the verdict it has now.
    """
    target = f"{markup.link(markup.text(claim.short), site.urls.link(listed_on, site.urls.claim(claim.id)))}: " if listed_on else ""
    change = ""
    if correction.previous_verdict:
        now = f"; now {markup.badge(site.rating(claim))}" if listed_on else ""
        change = f" {label('verdict_was')} {markup.text(verdict_label(site, correction.previous_verdict))}{now}."
    return f"- **{markup.human_date(correction.date)}, {label('kind_' + correction.kind)}:** {target}{markup.text(correction.text)}{change}"


def correction_html(site: Site, claim: Claim, correction: Correction) -> str:
    """One correction on its claim's page, as the inside of a list item (HTML)."""
    change = ""
    if correction.previous_verdict:
        change = f" {h.esc(label('verdict_was'))} {h.esc(verdict_label(site, correction.previous_verdict))}."
    kind = h.esc(label("kind_" + correction.kind))
    return f"<strong>{markup.human_date(correction.date)}, {kind}:</strong> {h.esc(correction.text)}{change}"


def verdict_label(site: Site, key: str) -> str:
    """The label of a verdict key; the key itself for a verdict the scale no longer has."""
    rating = site.corpus.scale.get(key)
    return rating.label if rating else key
