"""Live lists for hand-written pages: a marker in a page's Markdown is replaced at build time.

Markers are HTML comments, so a page still reads well where the plugin does not run:

    <!-- factcheck: latest-claims 5 -->
    <!-- factcheck: disagreements-summary -->
    <!-- factcheck: verdict-summary -->
    <!-- factcheck: counts -->
    <!-- factcheck: rating-scale -->
"""

from __future__ import annotations

import re
from typing import Callable

from ..core.analyse import Site
from . import markup
from .disagreements_page import top_disagreements
from .index_pages import claims_table
from .labels import label
from .order import newest_first

MARKER = re.compile(r"<!--\s*factcheck:\s*([a-z-]+)(?:\s+(\d+))?\s*-->")


def _latest_claims(site: Site, page: str, count: int) -> str:
    return claims_table(site, newest_first(site.claims)[: count or 5], page)


def _disagreements_summary(site: Site, page: str, count: int) -> str:
    return top_disagreements(site, page, count or len(site.disagreements))


def _verdict_summary(site: Site, page: str, count: int) -> str:
    items = [
        f"- {markup.link(markup.badge(rating), site.urls.link(page, site.urls.verdict(rating.key)))} {len(site.claims_by_verdict.get(rating.key, []))}"
        for rating in site.corpus.scale.ratings
    ]
    return "\n".join(items)


def _rating_scale(site: Site, page: str, count: int) -> str:
    """The scale's ratings and their definitions, from the scale itself (never a second wording)."""
    rows = [
        [markup.link(markup.badge(rating), site.urls.link(page, site.urls.verdict(rating.key))), markup.text(rating.definition)]
        for rating in site.corpus.scale.ratings
    ]
    return markup.table([label("verdict"), label("definition")], rows)


def _counts(site: Site, page: str, count: int) -> str:
    references = sum(len(claim.references) for claim in site.claims)
    return (
        f"{markup.plural(len(site.claims), 'claim')} from {markup.plural(len(site.corpus.sources), 'source')}, "
        f"{markup.plural(len(site.disagreements), 'disagreement')} between sources, "
        f"{markup.plural(references, 'external reference')}."
    )


SNIPPETS: dict[str, Callable[[Site, str, int], str]] = {
    "latest-claims": _latest_claims,
    "disagreements-summary": _disagreements_summary,
    "verdict-summary": _verdict_summary,
    "counts": _counts,
    "rating-scale": _rating_scale,
}


def expand_markers(markdown: str, page: str, site: Site) -> tuple[str, list[str]]:
    """The page's Markdown with every known marker replaced, and the names of unknown ones."""
    unknown: list[str] = []

    def replace(match: re.Match) -> str:
        name, number = match.group(1), int(match.group(2) or 0)
        snippet = SNIPPETS.get(name)
        if snippet is None:
            unknown.append(name)
            return match.group(0)
        return "\n\n" + snippet(site, page, number) + "\n\n"

    if "factcheck:" not in markdown:
        return markdown, unknown
    return MARKER.sub(replace, markdown), unknown
