"""Which page stands for each type of generated page, chosen from the site's data."""

from __future__ import annotations

import re

from factcheck.core.analyse import Site
from factcheck.core.model import Claim

# A figure written with thousands separators, as readers type it: "270,000".
FIGURE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")


def richest_claim(model: Site) -> Claim:
    """The claim whose page has the most to show: disagreements, evidence, corrections."""
    return max(model.claims, key=lambda c: (
        len(model.disagreements_by_claim.get(c.id, [])), len(c.evidence), len(c.corrections), len(c.claim), c.id,
    ))


def page_types(model: Site) -> dict[str, str]:
    """Page type -> source path of one page of that type ("" is the home page)."""
    urls = model.urls
    claim = richest_claim(model)
    source = max(model.corpus.sources, key=lambda s: (len(model.claims_by_source.get(s.id, [])), s.id))
    chosen = {
        "home": "",
        "claims-index": urls.claims_index(),
        "claim": urls.claim(claim.id),
        "sources-index": urls.sources_index(),
        "source": urls.source(source.id),
        "verdicts-index": urls.verdicts_index(),
        "verdict": urls.verdict(claim.verdict),
        "disagreements": urls.disagreements(),
        "corrections": urls.corrections(),
    }
    if model.topics:
        chosen["topics-index"] = urls.topics_index()
        chosen["topic"] = urls.topic(max(model.claims_by_topic, key=lambda t: (len(model.claims_by_topic[t]), t)))
    if model.person_keys():
        chosen["people-index"] = urls.people_index()
        chosen["person"] = urls.person(max(model.person_keys(), key=lambda k: (len(model.claims_by_claimant.get(k, [])), k)))
    return chosen


def claims_with_figures(model: Site) -> dict[str, list[Claim]]:
    """Figures with thousands separators in the claims' own words -> the claims that state them."""
    found: dict[str, list[Claim]] = {}
    for claim in model.claims:
        for figure in dict.fromkeys(FIGURE.findall(f"{claim.claim} {claim.short}")):
            found.setdefault(figure, []).append(claim)
    return found
