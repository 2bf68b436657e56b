"""Open data: every claim, ClaimReview and disagreement as files anyone can reuse.

- ``api/claims.json``: every claim with its verdict, sources, quotes, dates and page address.
- ``api/claimreview.json``: every ClaimReview as a schema.org ``DataFeed`` (the shape of
  Data Commons' fact-check feed), licensed with ``sdLicense`` from the ``data_license`` option.
- ``api/claims.csv``: one row per claim, for spreadsheets; cells that a spreadsheet would
  run as a formula are prefixed with an apostrophe.
- ``api/disagreements.json``: where the sources disagree, side by side.

The formats are described in manual/docs/reference/data.md. Output is deterministic: the same
input gives byte-identical files (no build time is written), so diffs show real changes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, Callable, Optional

from ..core.analyse import ClaimView, DisagreementView, QuotedClaimView, Site, SiteView
from ..core.disagree import Consistent, Side
from ..core.model import Correction, QuoteUse
from ..core.reuse import kept_results
from ..core.values import Value, describe, interval_text
from .jsonld import CONTEXT, claim_review

CLAIMS_JSON = "api/claims.json"
CLAIMREVIEW_JSON = "api/claimreview.json"
CLAIMS_CSV = "api/claims.csv"
DISAGREEMENTS_JSON = "api/disagreements.json"

FORMAT_VERSION = 1
CSV_COLUMNS = (
    "id", "url", "short", "claim", "claimant", "claimant_name", "kind", "verdict", "verdict_label",
    "rating_value", "conclusion", "claimed", "published", "updated", "topics", "people", "sources", "corrections",
)
# A spreadsheet reads a formula after leading white space too (NBSP and line breaks included),
# and some read the fullwidth signs as the ASCII ones.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _dump(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline, ``<`` escaped (see ``_json_text``)."""
    return "".join(_pieces(data))


def _pieces(data: Any) -> Iterator[str]:
    """``_dump(data)`` in pieces. A list given as an iterator (anywhere but inside another list)
    is made and written one item at a time, so a large site's file is never held whole, nor all
    its records at once."""
    yield from _value_pieces(data, "\n")
    yield "\n"


def _value_pieces(value: Any, newline: str) -> Iterator[str]:
    inner = newline + "  "
    if isinstance(value, dict) and value and all(isinstance(key, str) for key in value):
        before = "{" + inner
        for key, item in value.items():
            yield before + _json_text(key, inner) + ": "
            yield from _value_pieces(item, inner)
            before = "," + inner
        yield newline + "}"
    elif isinstance(value, Iterator):
        before, empty = "[" + inner, True
        for item in value:
            yield before + (_record_text(_Record(item.make, item.key, item.view, inner)) if isinstance(item, _Record) else _json_text(item, inner))
            before, empty = "," + inner, False
        yield "[]" if empty else newline + "]"
    else:
        yield _json_text(value, newline)


def _json_text(value: Any, newline: str) -> str:
    """``value`` as json.dumps(indent=2) writes it at the indent of ``newline``, with ``<`` escaped,
    so no export can close a script element or open a comment wherever it is pasted or inlined.
    (JSON has ``<`` only inside strings, and a line break only between values.)"""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("<", "\\u003c").replace("\n", newline)


@dataclass(frozen=True)
class _Record:
    """An item of a file's list (a claim, a ClaimReview, a disagreement): the function that makes it
    from ``view`` (a frozen view holding what the item shows), and the indent it is written at."""

    make: Callable[[Any], Any]
    key: str
    view: Any
    newline: str = ""


@kept_results.per_item(lambda record: (record.make, record.key))
def _record_text(record: _Record) -> str:
    """The item's JSON text; while serving, the last run's when the record is equal (reuse.py)."""
    return _json_text(record.make(record.view), record.newline)


def _iso(value) -> Optional[str]:
    return value.isoformat() if value else None


# ---------------------------------------------------------------------------
# api/claims.json


def claims_json_pieces(site: Site) -> Iterator[str]:
    return _pieces({
        "format": FORMAT_VERSION,
        "site": {"name": site.settings.site_name, "url": site.settings.site_url or None, "license": site.settings.data_license},
        "claims": (
            _Record(_claim_record, claim.id, site.quoted_claim_view(claim)) for claim in site.claims
        ),
    })


def _claim_record(site: QuotedClaimView) -> dict[str, Any]:
    claim = site.claim
    rating = site.rating(claim)
    return {
        "id": claim.id,
        "url": site.urls.absolute(site.urls.claim(claim.id)),
        "claim": claim.claim,
        "short": claim.short,
        "claimant": {"key": claim.claimant, "name": site.corpus.name_of(claim.claimant)},
        "kind": claim.kind,
        "verdict": {"key": rating.key, "label": rating.label, "value": rating.value, "conclusion": claim.conclusion},
        "right": list(claim.right),
        "wrong": list(claim.wrong),
        "explanation": claim.explanation,
        "dates": {"claimed": _iso(claim.claimed), "published": _iso(claim.published), "updated": _iso(claim.updated), "rated_on": _iso(claim.rated_on)},
        "topics": list(claim.topics),
        "people": list(claim.people),
        "documents_only": claim.documents_only,
        "checked_by": claim.checked_by or None,
        "sources": [_source_record(site, source_id) for source_id in claim.sources],
        "quotes": [_quote_record(site, use) for use in site.uses],
        "references": [
            {"url": ref.url, "title": ref.title, "publisher": ref.publisher, "accessed": _iso(ref.accessed), "note": ref.note}
            for ref in claim.references
        ],
        "corrections": [_correction_record(c) for c in sorted(claim.corrections, key=lambda c: c.date, reverse=True)],
    }


def _source_record(site: SiteView, source_id: str) -> dict[str, Any]:
    source = site.source(source_id)
    return {
        "id": source.id, "title": source.title, "publisher": source.publisher, "published": _iso(source.published),
        "date_precision": source.date_precision, "type": source.type, "url": source.url or None,
        "page": site.urls.absolute(site.urls.source(source.id)),
    }


def _quote_record(site: SiteView, use: QuoteUse) -> dict[str, Any]:
    return {
        "role": use.role,
        "source": use.quote.source,
        "text": use.exact,
        "as_quoted": use.quote.text,
        "page": site.urls.absolute(site.urls.source(use.quote.source), use.anchor),
        "subject": use.quote.subject or None,
        "value": value_record(use.value),
        "period": use.quote.period or None,
        "scope": use.quote.scope or None,
        "note": use.quote.note or None,
    }


def _correction_record(correction: Correction) -> dict[str, Any]:
    return {"date": _iso(correction.date), "kind": correction.kind, "text": correction.text,
            "previous_verdict": correction.previous_verdict or None}


def value_record(value: Optional[Value]) -> Optional[dict[str, Any]]:
    """A value as readable text plus its interval (empty for words and labels)."""
    if value is None:
        return None
    return {"kind": value.kind, "text": describe(value), "interval": interval_text(value) or None, "unit": value.unit or None}


# ---------------------------------------------------------------------------
# api/claimreview.json


def claimreview_feed(site: Site) -> str:
    """Every ClaimReview as a schema.org DataFeed, one DataFeedItem per claim."""
    return "".join(claimreview_feed_pieces(site))


def claimreview_feed_pieces(site: Site) -> Iterator[str]:
    newest = max((c.last_changed for c in site.claims), default=None)
    feed: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "name": f"{site.settings.site_name}: ClaimReview",
        "url": site.urls.absolute(site.urls.data_file(CLAIMREVIEW_JSON)),
        "sdLicense": site.settings.data_license,
        "sdPublisher": {"@type": "Organization", "name": site.settings.publisher_name},
        "dataFeedElement": (
            _Record(_feed_item, claim.id, site.claim_view(claim)) for claim in site.claims
        ),
    }
    if newest:
        feed["dateModified"] = _iso(newest)
    return _pieces(feed)


def _feed_item(site: ClaimView) -> dict[str, Any]:
    claim = site.claim
    item: dict[str, Any] = {"@type": "DataFeedItem", "dateCreated": _iso(claim.published), "item": [claim_review(site, claim)]}
    if claim.updated:
        item["dateModified"] = _iso(claim.updated)
    return item


# ---------------------------------------------------------------------------
# api/claims.csv


def claims_csv_pieces(site: Site) -> Iterator[str]:
    """The CSV text a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for claim in site.claims:
        yield _csv_row(site.claim_view(claim))


@kept_results.per_item(lambda site: site.claim.id)
def _csv_row(site: ClaimView) -> str:
    claim = site.claim
    rating = site.rating(claim)
    row = [
        claim.id, site.urls.absolute(site.urls.claim(claim.id)), claim.short, claim.claim, claim.claimant,
        site.corpus.name_of(claim.claimant), claim.kind, rating.key, rating.label,
        "" if rating.value is None else str(rating.value), claim.conclusion, _iso(claim.claimed) or "",
        _iso(claim.published) or "", _iso(claim.updated) or "", "; ".join(claim.topics), "; ".join(claim.people),
        "; ".join(claim.sources), str(len(claim.corrections)),
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ (or their fullwidth forms),
    after any white space, or starting with white space or a line break, gets a leading apostrophe."""
    risky = cell[:1].isspace() or cell.lstrip().startswith(_FORMULA_STARTS)
    return "'" + cell if risky else cell


# ---------------------------------------------------------------------------
# api/disagreements.json


def disagreements_json_pieces(site: Site) -> Iterator[str]:
    """Every disagreement (most severe first), then every subject checked and found consistent."""
    disagreements = (
        _Record(_disagreement_record, d.id, site.disagreement_view(d)) for d in site.disagreements
    )
    consistent = (_consistent_record(site, c) for c in site.consistent)
    return _pieces(chain(disagreements, consistent))


def _disagreement_record(site: DisagreementView) -> dict[str, Any]:
    disagreement = site.disagreement
    record = disagreement.record
    return {
        "id": disagreement.id,
        "url": site.urls.absolute(site.urls.disagreements(), disagreement.id),
        "subject": disagreement.subject,
        "title": disagreement.title,
        "status": disagreement.status,
        "kind": disagreement.kind,
        "severity": disagreement.severity,
        "severity_reason": disagreement.severity_reason or None,
        "internal_source": disagreement.internal_source or None,
        "supported_sides": disagreement.supported,
        "supported_sources": list(dict.fromkeys(side.source for side in disagreement.sides[: disagreement.supported])),
        "support": disagreement.support or None,
        "record": None if record is None else {
            "value": value_record(record.value), "source": record.source, "url": record.url or None,
            "period": record.period or None, "note": record.note or None,
        },
        "note": disagreement.note,
        "reason": disagreement.reason,
        "sides": [_side_record(site, side, index < disagreement.supported) for index, side in enumerate(disagreement.sides)],
    }


def _side_record(site: Site, side: Side, supported: bool) -> dict[str, Any]:
    return {
        "source": side.source,
        "source_title": side.source_title,
        "quote": side.quote,
        "page": site.urls.absolute(site.urls.source(side.source), side.anchor),
        "value": value_record(side.value),
        "period": side.period or None,
        "scope": side.scope or None,
        "supported": supported,
        "refuted_by_record": side.refuted,
        "claims": [_claim_verdict(site, c) for c in side.claims if c in site.claim_by_id],
        "cited_by": [c for c in side.cited_by if c in site.claim_by_id],
    }


def _claim_verdict(site: Site, claim_id: str) -> dict[str, Any]:
    claim = site.claim_by_id[claim_id]
    rating = site.rating(claim)
    return {"id": claim.id, "url": site.urls.absolute(site.urls.claim(claim.id)), "verdict": rating.key,
            "verdict_label": rating.label}


def _consistent_record(site: Site, checked: Consistent) -> dict[str, Any]:
    return {
        "id": f"{checked.subject}-consistent",
        "url": site.urls.absolute(site.urls.disagreements(), f"subject-{checked.subject}"),
        "subject": checked.subject,
        "title": checked.title,
        "status": "consistent",
        "kind": None,
        "severity": None,
        "note": checked.note,
        "sides": [_side_record(site, side, False) for side in checked.sides],
    }
