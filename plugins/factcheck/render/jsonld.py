"""ClaimReview structured data (schema.org JSON-LD) for each claim, and its checks.

Follows Google's fact-check structured-data guidelines and the Fact Check Tools API's
mapping of ClaimReview fields:

- ``claimReviewed``: the claim's ``short`` form (a summary of the claim, never the rating).
- ``url``: the canonical address of the claim's page under ``site_url``.
- ``author``: the organisation publishing the fact check (the plugin's ``publisher_*``
  options), never the claimant.
- ``reviewRating``: ``alternateName`` is the rating's label; ``ratingValue``,
  ``bestRating`` and ``worstRating`` come from the scale's numeric mapping (all >= 1,
  worst < best) and are left out for a rating off the numeric scale.
- ``itemReviewed``: a ``Claim`` with its ``author`` (from people.yaml, or the publisher
  of the source the claimant key names), ``datePublished`` (when it was claimed, else
  when it first appeared) and ``firstAppearance``/``appearance`` (the sources it
  appeared in, earliest first; ``url`` for a source's original address, else
  ``archivedAt`` for our page of its archived copy).

``claimreview_problems`` checks these rules for every claim: errors for the required
properties, warnings for the recommended ones. ``script_tag`` serialises the data for an
HTML page so no string in it can close the script element.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..core.analyse import ClaimView, Site
from ..core.model import Claim, Source
from ..core.problems import Problem
from ..core.reuse import kept_results
from .markup import safe_url

CONTEXT = "https://schema.org"
MAX_CLAIM_REVIEWED = 75  # Google's advice for claimReviewed

# Characters that could end a <script> element or start markup, written as JSON escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def claim_review(site: Site, claim: Claim) -> dict[str, Any]:
    """The ClaimReview of one claim, as a JSON-ready mapping."""
    settings = site.settings
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": site.urls.absolute(site.urls.claim(claim.id)),
        "claimReviewed": claim.short,
        "author": publisher(site),
        "datePublished": claim.published.isoformat(),
    }
    if claim.updated:
        data["dateModified"] = claim.updated.isoformat()
    if settings.language:
        data["inLanguage"] = settings.language
    data["reviewRating"] = review_rating(site, claim)
    data["itemReviewed"] = item_reviewed(site, claim)
    return data


def publisher(site: Site) -> dict[str, Any]:
    """The organisation publishing the fact checks, from the plugin's options."""
    settings = site.settings
    organisation: dict[str, Any] = {"@type": "Organization", "name": settings.publisher_name}
    url = safe_url(settings.publisher_url)
    if url:
        organisation["url"] = url
    logo = safe_url(settings.publisher_logo)
    if logo:
        organisation["logo"] = {"@type": "ImageObject", "url": logo}
    return organisation


def review_rating(site: Site, claim: Claim) -> dict[str, Any]:
    rating = site.rating(claim)
    scale = site.corpus.scale
    data: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label}
    if rating.value is not None and scale.best is not None and scale.worst is not None:
        data.update(ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst)
    if claim.conclusion:
        data["ratingExplanation"] = claim.conclusion
    return data


def item_reviewed(site: Site, claim: Claim) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Claim", "author": claim_author(site, claim.claimant)}
    appearances = _appearances(site, claim)
    claimed = claim.claimed or (appearances[0].published if appearances else None)
    if claimed:
        data["datePublished"] = claimed.isoformat()
    if appearances:
        data["firstAppearance"] = creative_work(site, appearances[0])
        if len(appearances) > 1:
            data["appearance"] = [creative_work(site, source) for source in appearances[1:]]
    return data


def claim_author(site: Site, key: str) -> dict[str, Any]:
    """Who made the claim: a person or organisation of people.yaml, else a source's publisher."""
    person = site.corpus.person_by_key.get(key)
    if person is not None:
        author: dict[str, Any] = {"@type": "Organization" if person.kind == "organisation" else "Person", "name": person.name}
        links = [url for url in (safe_url(u) for u in person.same_as) if url]
        if links:
            author["sameAs"] = links[0] if len(links) == 1 else links
        return author
    return {"@type": "Organization", "name": site.corpus.name_of(key)}


def creative_work(site: Site, source: Source) -> dict[str, Any]:
    """A place where the claim appeared.

    ``url`` is only ever the document's original address. A source without one is known
    through the copy this site archives, so its page is given as ``archivedAt``.
    """
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title, "datePublished": source.published.isoformat()}
    url = safe_url(source.url) if source.url else None
    if url:
        work["url"] = url
    else:
        work["archivedAt"] = site.urls.absolute(site.urls.source(source.id))
    if source.publisher_known:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    return work


def _appearances(site: Site, claim: Claim) -> list[Source]:
    """The sources the claim appeared in, earliest first (ties in the claim's order)."""
    ids = list(dict.fromkeys(q.source for q in claim.appeared))
    sources = [site.source(i) for i in ids if i in site.corpus.source_by_id]
    return sorted(sources, key=lambda s: s.published)


def script_tag(data: Any) -> str:
    """``data`` as a JSON-LD script element; ``<``, ``>`` and ``&`` are escaped inside strings."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escape)
    return f'<script type="application/ld+json">{text}</script>'


# ---------------------------------------------------------------------------
# Checks


def claimreview_problems(site: Site) -> list[Problem]:
    """Google's ClaimReview rules, checked for every claim: errors (required) and warnings (recommended)."""
    found: list[Problem] = []
    if not site.settings.site_url:
        found.append(Problem(
            "mkdocs.yml", 1, 1, "site_url",
            "site_url is not set, so the ClaimReview url, the feed's links and the exports' page addresses are not absolute",
            "set site_url in mkdocs.yml to the address the site is published at", severity="warning",
        ))
    for claim in site.claims:
        found.extend(_claim_problems(site.claim_view(claim)))
    return found


@kept_results.per_item(lambda site: site.claim.id)
def _claim_problems(site: ClaimView) -> list[Problem]:
    """One claim's ClaimReview problems; while serving, the last run's when the view is equal (reuse.py)."""
    claim, data = site.claim, claim_review(site, site.claim)
    labels = {r.label.casefold() for r in site.corpus.scale.ratings} | set(site.corpus.scale.keys)
    found: list[Problem] = []

    def problem(field: str, message: str, hint: str = "", severity: str = "error") -> None:
        position = claim.position
        path = position.path if position else f"{site.settings.claims_dir}/{claim.id}.yaml"
        found.append(Problem(path, position.line if position else 1, position.column if position else 1,
                             field, f"ClaimReview: {message}", hint, severity))

    reviewed = str(data.get("claimReviewed") or "").strip()
    if not reviewed:
        problem("short", "claimReviewed (the claim's short form) is empty", "write the claim in a short sentence")
    elif reviewed.casefold() in labels:
        problem("short", f"claimReviewed is {reviewed!r}, a rating, not the claim", "write what was claimed")
    elif len(reviewed) > MAX_CLAIM_REVIEWED:
        problem("short", f"claimReviewed has {len(reviewed)} characters; Google advises at most {MAX_CLAIM_REVIEWED}",
                "shorten `short`; the full wording stays in `claim`", "warning")
    if not data.get("url"):
        problem("", "url is missing")
    rating = data.get("reviewRating") or {}
    if not rating.get("alternateName"):
        problem("verdict", "reviewRating.alternateName (the rating's label) is empty", "give the rating a label")
    if "ratingValue" in rating:
        worst, best, value = rating.get("worstRating"), rating.get("bestRating"), rating.get("ratingValue")
        if not (isinstance(worst, int) and isinstance(best, int) and 1 <= worst < best and worst <= value <= best):
            problem("verdict", f"reviewRating needs 1 <= worstRating < bestRating and the value between them; found worst {worst}, best {best}, value {value}",
                    "fix the numeric values of the 'ratings' option")
    if not (data.get("author") or {}).get("name"):
        problem("", "author (the publisher of the fact check) has no name", "set publisher_name in the plugin's options", "warning")
    item = data.get("itemReviewed") or {}
    if not (item.get("author") or {}).get("name"):
        problem("claimant", "itemReviewed.author has no name", "add the claimant to people.yaml", "warning")
    if "datePublished" not in item:
        problem("claimed", "itemReviewed.datePublished (when the claim was made) is unknown", "add `claimed`", "warning")
    # Google takes a CreativeWork described inline (headline, date, publisher) as well as a url.
    first: Optional[dict] = item.get("firstAppearance")
    if not first:
        problem("appeared", "itemReviewed.firstAppearance is missing: no source the claim appeared in is known",
                "quote where the claim appeared under `appeared`", "warning")
    return found
