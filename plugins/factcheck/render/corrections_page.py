"""The site-wide list of corrections and updates, newest first."""

from __future__ import annotations

from ..core.analyse import Site
from ..core.model import Claim, Correction
from . import html as h
from . import markup
from .labels import label
from .output import Page


def render_corrections(site: Site) -> Page:
    """The page, as headings in Markdown and HTML blocks made from the records (render/html.py)."""
    path = site.urls.corrections()
    entries = sorted(
        ((correction, claim) for claim in site.claims for correction in claim.corrections),
        key=lambda pair: (pair[0].date, pair[1].id),
        reverse=True,
    )
    front_matter = {"title": label("corrections"), "factcheck": {"type": "corrections"}}
    parts = [
        h.Heading(f"# {label('corrections')}"), h.p(h.esc(label("corrections_intro"))),
        h.ul(correction_html(site, claim, correction, path) for correction, claim in entries) or h.p(h.esc(label("no_updates"))),
    ]
    return h.page(path, front_matter, parts, in_nav=True, title=label("corrections"))


def correction_html(site: Site, claim: Claim, correction: Correction, listed_on: str = "") -> str:
    """One correction as the inside of a list item (HTML): its date and kind, its text and the verdict it replaced.

    On the claim's own page ``listed_on`` is empty; on the site-wide list it is that page's
    path, and the item also links to the claim and gives the verdict it has now.
    """
    target = f"{h.a(h.esc(claim.short), site.urls.href(listed_on, site.urls.claim(claim.id)))}: " if listed_on else ""
    change = ""
    if correction.previous_verdict:
        now = f"; now {markup.badge(site.rating(claim))}" if listed_on else ""
        change = f" {h.esc(label('verdict_was'))} {h.esc(verdict_label(site, correction.previous_verdict))}{now}."
    kind = h.esc(label("kind_" + correction.kind))
    return f"<strong>{markup.human_date(correction.date)}, {kind}:</strong> {target}{h.esc(correction.text)}{change}"


def verdict_label(site: Site, key: str) -> str:
    """The label of a verdict key; the key itself for a verdict the scale no longer has."""
    rating = site.corpus.scale.get(key)
    return rating.label if rating else key
