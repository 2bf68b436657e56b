"""What a claim page adds to the HTML head: its ClaimReview and its Open Graph and Twitter card meta.

The values travel in the page's front matter (``factcheck.head``) to the template
``factcheck/claim.html``, which escapes every attribute value; the JSON-LD is written by
``jsonld.script_tag``. Material already writes the canonical link (from ``site_url``)
and the ``description`` meta.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..analyse import Site
from ..model import Claim
from .jsonld import claim_review

TEMPLATE = "factcheck/claim.html"  # under plugins/factcheck/templates/, found through the theme's dirs
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def claim_head(site: Site, claim: Claim) -> dict[str, Any]:
    """The front-matter mapping the claim template reads: ``claimreview`` and ``meta``."""
    return {"claimreview": claim_review(site, claim), "meta": social_meta(site, claim)}


def social_meta(site: Site, claim: Claim) -> list[dict[str, str]]:
    """Open Graph (``property``) and Twitter card (``name``) meta elements, in order."""
    rating = site.rating(claim)
    title = claim.short
    description = f"{rating.label}: {claim.conclusion}"
    tags = [
        {"property": "og:type", "content": "article"},
        {"property": "og:title", "content": title},
        {"property": "og:description", "content": description},
        {"property": "og:site_name", "content": site.settings.site_name},
    ]
    if site.settings.site_url:
        tags.append({"property": "og:url", "content": site.urls.absolute(site.urls.claim(claim.id))})
    tags.append({"property": "article:published_time", "content": claim.published.isoformat()})
    if claim.updated:
        tags.append({"property": "article:modified_time", "content": claim.updated.isoformat()})
    tags += [
        {"name": "twitter:card", "content": "summary"},
        {"name": "twitter:title", "content": title},
        {"name": "twitter:description", "content": description},
    ]
    return tags
