"""Every page and data file of the analysed site, from the renderers of each kind."""

from __future__ import annotations

from functools import partial

from ..core.analyse import Site
from . import claims_filter, exports
from .claim_page import render_claim
from .corrections_page import render_corrections
from .disagreements_page import render_disagreements
from .feed import atom_feed, feed_path
from .index_pages import (
    all_claims, people_index, person_pages, rating_scale, sources_index, topic_pages, topics_index, verdict_pages,
)
from .labels import use_language
from .output import Asset, DataFile, Page, whole
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
    """Every generated non-page file, made now."""
    return [file.made() for file in data_files(site)]


def data_files(site: Site) -> list[DataFile]:
    """Every generated non-page file, each made when it is wanted."""
    data = site.urls.data_file
    return [
        DataFile(data("assets/factcheck.css"), whole(partial(stylesheet, site.corpus.scale))),
        DataFile(data(claims_filter.SCRIPT), whole(claims_filter.script)),
        DataFile(data(exports.CLAIMS_JSON), partial(exports.claims_json_pieces, site)),
        DataFile(data(exports.CLAIMREVIEW_JSON), partial(exports.claimreview_feed_pieces, site)),
        DataFile(data(exports.CLAIMS_CSV), partial(exports.claims_csv_pieces, site)),
        DataFile(data(exports.DISAGREEMENTS_JSON), partial(exports.disagreements_json_pieces, site)),
        DataFile(feed_path(site), whole(partial(atom_feed, site))),
    ]

