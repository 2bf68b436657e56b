"""Rendering: the analysed site as Markdown pages and data files."""

from __future__ import annotations

from ..analyse import Site
from .claim_page import render_claim
from .corrections_page import render_corrections
from .disagreements_page import render_disagreements
from . import claims_filter, exports
from .feed import atom_feed, feed_path
from .index_pages import (
    all_claims, people_index, person_pages, rating_scale, sources_index, topic_pages, topics_index, verdict_pages,
)
from .labels import use_language
from .output import Asset, Page
from .source_page import render_source
from .style import stylesheet


def render_pages(site: Site) -> list[Page]:
    """Every generated page, index pages first."""
    use_language(site.settings.language)
    pages = [
        all_claims(site), rating_scale(site), topics_index(site), people_index(site), sources_index(site),
        render_disagreements(site), render_corrections(site),
    ]
    pages += verdict_pages(site) + topic_pages(site) + person_pages(site)
    pages += [render_source(site, source) for source in site.corpus.sources]
    pages += [render_claim(site, claim) for claim in site.claims]
    return pages


def render_assets(site: Site) -> list[Asset]:
    """Every generated non-page file."""
    data = site.urls.data_file
    return [
        Asset(data("assets/factcheck.css"), stylesheet(site.corpus.scale)),
        Asset(data(claims_filter.SCRIPT), claims_filter.script()),
        Asset(data(exports.CLAIMS_JSON), exports.claims_json(site)),
        Asset(data(exports.CLAIMREVIEW_JSON), exports.claimreview_feed(site)),
        Asset(data(exports.CLAIMS_CSV), exports.claims_csv(site)),
        Asset(data(exports.DISAGREEMENTS_JSON), exports.disagreements_json(site)),
        Asset(feed_path(site), atom_feed(site)),
    ]


__all__ = ["Asset", "Page", "render_assets", "render_pages"]
