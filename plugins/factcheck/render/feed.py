"""The Atom feed (RFC 4287) of fact checks and their corrections: ``feed.xml``.

One entry per claim (updated when the check was last changed, with the verdict in its
summary) and one per correction or update (marked with a ``category`` whose term is
``correction`` or ``update``), newest first in the order the home page lists its latest checks
(``render/order.py``: publication date, then the date of the claim). Built with xml.etree, so every text is
escaped; characters XML 1.0 forbids are dropped.

Atom wants absolute addresses: they are made from ``site_url``. Without it (a warning
of the build says so) links are relative to the feed, and ids are ``urn:uuid:`` names
derived from the site's name and the claim's id, so they stay the same from build to build.
"""

from __future__ import annotations

import heapq
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ..core.analyse import Site
from ..core.model import Claim, Correction
from .corrections_page import verdict_label
from .labels import label
from .order import check_key, latest_key

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: date
    published: date
    link: str
    summary: str
    category: str  # the verdict's key for a check; correction | update for a correction
    category_label: str
    order: tuple = ()  # the shared order of latest checks (render/order.py), newest last


def feed_path(site: Site) -> str:
    return site.urls.data_file(FEED)


def atom_feed(site: Site) -> str:
    """The newest ``feed_entries`` checks and corrections (all with 0). A feed reader fetches the
    whole feed at every poll; the site's complete data are in the exports (a 10,000-claim site's
    feed of every entry was 6.5 MB)."""
    entries = sorted(_entries(site, _newest_claims(site)), key=lambda e: e.order, reverse=True)
    if site.settings.feed_entries > 0:
        entries = entries[:site.settings.feed_entries]
    settings = site.settings
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": settings.language or "en"})
    _text(root, "id", _feed_id(site))
    _text(root, "title", settings.site_name)
    _text(root, "updated", _timestamp(max((e.updated for e in entries), default=date(1970, 1, 1))))
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": _href(site, feed_path(site))})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": _href(site, site.urls.claims_index())})
    _author(root, site)
    _text(root, "generator", "mkdocs-factcheck")
    for entry in entries:
        element = ET.SubElement(root, "entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title)
        _text(element, "updated", _timestamp(entry.updated))
        _text(element, "published", _timestamp(entry.published))
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry.link})
        _text(element, "summary", entry.summary)
        _author(element, site)
        ET.SubElement(element, "category", {"term": entry.category, "label": _clean(entry.category_label)})
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _newest_claims(site: Site) -> Sequence[Claim]:
    """The claims whose entries can be among the newest ``feed_entries``: those whose newest entry
    is published on or after the day of the ``feed_entries``-th newest. Every other claim's entries
    are all published before that day, so they all come after those claims' own."""
    count = site.settings.feed_entries
    if count <= 0 or len(site.claims) <= count:
        return site.claims
    days = [newest_entry(claim) for claim in site.claims]
    day = heapq.nlargest(count, days)[-1]
    return [claim for claim, changed in zip(site.claims, days) if changed >= day]


def _entries(site: Site, claims: Sequence[Claim]) -> list[Entry]:
    entries = []
    for claim in claims:
        rating = site.rating(claim)
        link = _href(site, site.urls.claim(claim.id))
        entries.append(Entry(
            id=_entry_id(site, claim), title=claim.short, updated=last_changed(claim), published=claim.published,
            link=link, summary=f"{label('verdict')}: {rating.label}. {claim.conclusion}",
            category=rating.key, category_label=rating.label, order=check_key(claim),
        ))
        for number, correction in enumerate(sorted(claim.corrections, key=lambda c: (c.date, c.kind, c.text)), start=1):
            entries.append(_correction_entry(site, claim, correction, number, link))
    return entries


def newest_entry(claim: Claim) -> date:
    """The publication day of the claim's newest feed entry: the check's, or its latest correction's."""
    return max([claim.published] + [c.date for c in claim.corrections])


def last_changed(claim: Claim) -> date:
    """When the check's page last changed: its ``updated`` date, or its latest correction when later."""
    return max([claim.last_changed] + [c.date for c in claim.corrections])


def _correction_entry(site: Site, claim: Claim, correction: Correction, number: int, link: str) -> Entry:
    kind = label("kind_" + correction.kind)
    summary = correction.text
    if correction.previous_verdict:
        summary += f" {label('verdict_was')} {verdict_label(site, correction.previous_verdict)}; now {site.rating(claim).label}."
    return Entry(
        id=f"{_entry_id(site, claim)}#{correction.kind}-{correction.date.isoformat()}-{number}",
        title=f"{kind[:1].upper()}{kind[1:]}: {claim.short}", updated=correction.date, published=correction.date,
        link=link, summary=summary, category=correction.kind, category_label=kind,
        order=latest_key(correction.date, claim.claimed, f"{claim.id}#{number}"),
    )


def _feed_id(site: Site) -> str:
    if site.settings.site_url:
        return site.urls.absolute(feed_path(site))
    return uuid.uuid5(uuid.NAMESPACE_URL, f"mkdocs-factcheck:{site.settings.site_name}:feed").urn


def _entry_id(site: Site, claim: Claim) -> str:
    if site.settings.site_url:
        return site.urls.absolute(site.urls.claim(claim.id))
    return uuid.uuid5(uuid.NAMESPACE_URL, f"mkdocs-factcheck:{site.settings.site_name}:claim:{claim.id}").urn


def _href(site: Site, page: str) -> str:
    """Absolute under site_url; otherwise relative to the feed's own address."""
    if site.settings.site_url:
        return site.urls.absolute(page)
    target = site.urls.url(page)
    relative = posixpath.relpath(target or ".", posixpath.dirname(feed_path(site)) or ".")
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


def _author(parent: ET.Element, site: Site) -> None:
    author = ET.SubElement(parent, "author")
    _text(author, "name", site.settings.publisher_name)
    if site.settings.publisher_url:
        _text(author, "uri", site.settings.publisher_url)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _clean(text)
    return element


def _clean(text: str) -> str:
    return _NOT_XML.sub("", str(text))


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
