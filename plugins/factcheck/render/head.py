"""What pages add to the HTML head.

Every page: a ``<link rel="alternate">`` announcing the Atom feed, so feed readers and
browsers find it (``feed_link``, put before ``</head>`` by ``add_to_head`` in the plugin's
``on_post_page``, which works whatever the theme and whatever ``main.html`` a site has).

A claim page also: its Open Graph and Twitter card meta and its ClaimReview.

They travel in the page's front matter (``factcheck.head``) as HTML made here, every
attribute value escaped as Jinja's ``|e`` escapes it and the JSON-LD written by
``jsonld.script_tag``, to the template ``factcheck/claim.html``, which writes them after the
theme's head. One string, rather than the values for the template to escape: MkDocs parses
the front matter of every page as YAML, where the ClaimReview's nested mappings would cost
more than the rest of the page's front matter, besides the template's loop. Material already writes the
canonical link (from ``site_url``) and the ``description`` meta.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..core.analyse import Site
from ..core.model import Claim
from ..core.urls import relative
from .feed import feed_path
from .jsonld import claim_review, script_tag
from .labels import label
from .markup import html_text

TEMPLATE = "factcheck/claim.html"  # under plugins/factcheck/templates/, found through the theme's dirs
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
THEME_OVERRIDES_DIR = TEMPLATES_DIR / "overrides"  # fixes to the theme's partials
QUIET_TEMPLATES_DIR = TEMPLATES_DIR / "quiet"  # overrides of theme partials that would call other hosts


def claim_head(site: Site, claim: Claim) -> str:
    """The elements the claim template adds to the head, one a line: the social meta, then the ClaimReview."""
    elements = [_meta_element(tag) for tag in social_meta(site, claim)]
    elements.append(script_tag(claim_review(site, claim)))
    return "\n  ".join(elements)


def _meta_element(tag: dict[str, str]) -> str:
    kind = "property" if tag.get("property") else "name"
    return f'<meta {kind}="{_escape(tag[kind])}" content="{_escape(tag["content"])}">'


def _escape(value: str) -> str:
    """``value`` escaped for an attribute as Jinja's ``|e`` (markupsafe) escapes it: & < > ' \"."""
    return (
        str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
        .replace("'", "&#39;").replace('"', "&#34;")
    )


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


# ---------------------------------------------------------------------------
# Feed discovery, on every page

FEED_TYPE = "application/atom+xml"
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def feed_link(site: Site, page_url: str) -> str:
    """The element announcing ``feed.xml``, its address relative to the page at ``page_url``.

    ``page_url`` is the page's address relative to the site's root, as MkDocs gives it
    (``""`` for the home page, ``claims/x/`` or ``claims/x.html``).
    """
    target = site.urls.url(feed_path(site))
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    href = relative(target, folder.rstrip("/"))  # posixpath.relpath, without its two getcwd calls a page
    title = f"{site.settings.site_name}: {label('feed_title')}"
    return f'<link rel="alternate" type="{FEED_TYPE}" title="{html_text(title)}" href="{html_text(href)}">'


def add_to_head(page_html: str, element: str) -> str:
    """``page_html`` with ``element`` just before its first ``</head>``.

    Unchanged when the page has no ``</head>`` (a fragment, a redirect stub) or already
    holds the element, so running twice never adds it twice.
    """
    if element in page_html:
        return page_html
    match = _HEAD_END.search(page_html)
    if match is None:
        return page_html
    return f"{page_html[:match.start()]}{element}\n  {page_html[match.start():]}"
