"""The claims' and sources' search index, cut into small files the reader's browser fetches on demand.

Material's search builds a lunr index in the browser from ``search_index.json`` before it
shows a first result; the time grows with the file (about 0.5 s per MB in Chromium here), so
on a site of 10,000 claims a reader waited over ten seconds (issue 8). Claim and source pages
are therefore indexed here, at build time, from the data, and left out of Material's index;
the site's own search worker (``assets/factcheck-search.js``, wired in by the plugin) searches
Material's now small index in memory and these files for the rest, fetching only what a query
needs:

- ``manifest.json``: the format version, the scoring constants and which term files exist;
- ``t-<hex>.json``: every indexed term starting with the same two characters (``<hex>`` is
  their UTF-8 in hexadecimal), each with its postings: document number, score, document,
  score... The score is computed here (BM25, title and tag matches weighted up, the page's
  boost applied), so the browser only adds;
- ``d-<n>.json``: what a result shows (address, title, tags, passages) for documents
  ``n*chunk`` to ``n*chunk + chunk - 1``.

A query of a few words fetches the manifest, one term file per word and one document file
per shown result, whatever the size of the site.

Terms: the text is decomposed (NFKD), combining marks dropped, lower-cased and cut into runs
of letters and digits, keeping ``,`` ``.`` ``'`` and ``’`` between two of them (so
``270,000``, ``U.S.`` and ``China's`` are single terms); a term with such a separator is also
indexed without it (``270000``, ``us``, ``chinas``). The worker cuts queries the same way;
``tests/browser/test_search.py`` checks that the two cut alike.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..analyse import Site
from ..model import Claim, Source
from . import markup as md
from .labels import label
from .output import Asset
from .disagreements_page import by_subject, subject_anchor
from .search_meta import CLAIM_BOOST, LISTING_BOOST

FORMAT = 1
FOLDER = "search/factcheck"  # under the data folder (url_prefix), beside Material's search/
KEY_LENGTH = 2  # a term file holds the terms sharing their first two characters
CHUNK = 16  # documents per document file: one fetch per shown result, each a few KB
TITLE_WEIGHT = 5.0  # a match in the title counts as many matches in the text
TAG_WEIGHT = 5.0
K1 = 1.2
B = 0.75
SCORE_SCALE = 100  # scores are written as integers: score * SCORE_SCALE

_TERM = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_JOINERS = re.compile(r"[.,'’]")


@dataclass(frozen=True)
class SearchEntry:
    """One page as the search knows it: what is matched and what a result shows."""

    location: str  # the page's address relative to the site's root, as Material writes it ("claims/x/")
    title: str
    passages: tuple[str, ...]  # plain text, in page order; a result shows those that match
    tags: tuple[str, ...] = ()
    boost: float = 1.0


def fold(text: str) -> str:
    """Text as terms are compared: decomposed, without combining marks (category Mn), lower case."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed.lower()
    if max(decomposed) <= "\uffff":
        return decomposed.translate(_marks_table()).lower()
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


@functools.cache
def _marks_table() -> dict[int, None]:
    """The nonspacing marks of the Basic Multilingual Plane, for str.translate (built once, ~20 ms)."""
    return {cp: None for cp in range(0x10000) if unicodedata.category(chr(cp)) == "Mn"}


def terms(text: str) -> list[str]:
    """The terms of a text, in order, each joined form followed by its form without joiners."""
    found: list[str] = []
    for term in _TERM.findall(fold(text)):
        found.append(term)
        if not term.isalnum():
            found.append(_JOINERS.sub("", term))
    return found


def shard_key(term: str) -> str:
    return term[:KEY_LENGTH]


def shard_name(key: str) -> str:
    return "t-" + key.encode("utf-8").hex() + ".json"


# ----------------------------------------------------------------------------- what is indexed


def claim_entry(site: Site, claim: Claim) -> SearchEntry:
    """A claim is found by its claim, claimant, verdict, conclusion, what is right and wrong, and its quotes."""
    rating = site.rating(claim)
    passages = [
        claim.claim,
        f"{label('claimed_by')} {site.corpus.name_of(claim.claimant)}",
        f"{label('verdict')}: {rating.label}. {claim.conclusion}",
        *claim.right,
        *claim.wrong,
        *(f"“{use.exact}” ({site.source(use.quote.source).title})" for use in site.uses_by_claim[claim.id]),
    ]
    return SearchEntry(
        location=site.urls.url(site.urls.claim(claim.id)), title=claim.short,
        passages=tuple(passages), tags=(rating.label,), boost=CLAIM_BOOST,
    )


def source_entry(site: Site, source: Source) -> SearchEntry:
    """A source is found by its record, its reliability notes and, when published, its full text."""
    record = [source.publisher, md.human_date(source.published)]
    if source.authors:
        record.append(", ".join(source.authors))
    passages = [" · ".join(record)]
    if source.summary:
        passages.append(source.summary)
    if source.url:
        passages.append(source.url)
    passages += source.reliability
    if source.publish_full_text:
        passages += [p.strip() for p in source.text.split("\n\n") if p.strip()]
    return SearchEntry(location=site.urls.url(site.urls.source(source.id)), title=source.title, passages=tuple(passages))


def listing_entries(site: Site) -> list[SearchEntry]:
    """The other generated pages, each found by its title and what it says above its claims table
    (the claims in the table are found on their own): the indexes, each verdict, topic and person,
    each subject of the disagreements page (at its heading) and the corrections."""
    urls = site.urls
    ratings = site.corpus.scale.ratings

    def listing(path: str, title: str, *passages: str, boost: float = LISTING_BOOST, anchor: str = "") -> SearchEntry:
        location = urls.url(path) + (f"#{anchor}" if anchor else "")
        return SearchEntry(location=location, title=title, passages=tuple(p for p in passages if p), boost=boost)

    entries = [
        listing(urls.claims_index(), label("all_claims")),
        listing(urls.verdicts_index(), label("rating_scale"), label("rating_scale_intro"), *(f"{r.label}: {r.definition}" for r in ratings)),
        *(listing(urls.verdict(r.key), r.label, r.definition) for r in ratings),
        listing(urls.topics_index(), label("topics")),
        *(listing(urls.topic(t.slug), t.name) for t in site.topics.values()),
        listing(urls.people_index(), label("people")),
    ]
    for key in site.person_keys():
        person = site.corpus.person_by_key[key]
        entries.append(listing(urls.person(key), person.name, person.role))
    entries.append(listing(urls.sources_index(), label("sources")))
    entries.append(listing(urls.disagreements(), label("disagreements"), label("disagreements_intro"), boost=1.0))
    for subject, disagreements in by_subject(site.disagreements).items():
        sides = [
            f"“{side.quote}” ({side.source_title})" + (f": {side.value_text}" if side.value_text else "")
            for d in disagreements for side in d.sides
        ]
        entries.append(listing(
            urls.disagreements(), disagreements[0].title, disagreements[0].note, *dict.fromkeys(sides),
            boost=1.0, anchor=subject_anchor(subject),
        ))
    corrections = [
        f"{md.human_date(correction.date)}: {claim.short}: {correction.text}"
        for claim in site.claims for correction in claim.corrections
    ]
    entries.append(listing(urls.corrections(), label("corrections"), label("corrections_intro"), *corrections, boost=1.0))
    return entries


def site_entries(site: Site) -> list[SearchEntry]:
    """Every generated page: claims, sources, then the listings."""
    return [
        *(claim_entry(site, claim) for claim in site.claims),
        *(source_entry(site, source) for source in site.corpus.sources),
        *listing_entries(site),
    ]


# ----------------------------------------------------------------------------- the files


def index_files(entries: Iterable[SearchEntry]) -> dict[str, str]:
    """File name (within FOLDER) -> JSON text, for the manifest, the term files and the document files."""
    entries = list(entries)
    weights: list[dict[str, float]] = []  # per document: term -> its matches, title and tag matches weighted
    lengths: list[int] = []
    document_frequency: Counter = Counter()
    for entry in entries:
        text = Counter(t for passage in entry.passages for t in terms(passage))
        length = sum(text.values())
        weighted: dict[str, float] = dict(text)
        for field, weight in ((terms(entry.title), TITLE_WEIGHT), ([t for tag in entry.tags for t in terms(tag)], TAG_WEIGHT)):
            for term in field:
                weighted[term] = weighted.get(term, 0) + weight
            length += len(field)
        weights.append(weighted)
        lengths.append(length)
        document_frequency.update(weighted.keys())
    total = len(entries)
    average = (sum(lengths) / total) if total else 1.0
    idf = {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()}

    postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for number, (entry, weighted, length) in enumerate(zip(entries, weights, lengths)):
        norm = K1 * (1 - B + B * length / average) if average else K1
        scale = (K1 + 1) * entry.boost * SCORE_SCALE
        for term, tf in weighted.items():
            score = round(idf[term] * tf * scale / (tf + norm)) or 1
            postings[term[:KEY_LENGTH]].setdefault(term, []).extend((number, score))

    files = {shard_name(key): _json(dict(sorted(terms_.items()))) for key, terms_ in postings.items()}
    for start in range(0, total, CHUNK):
        files[f"d-{start // CHUNK}.json"] = _json([
            [e.location, e.title, list(e.tags), list(e.passages)] for e in entries[start:start + CHUNK]
        ])
    files["manifest.json"] = _json({
        "format": FORMAT, "documents": total, "chunk": CHUNK, "key_length": KEY_LENGTH,
        "score_scale": SCORE_SCALE, "title_weight": TITLE_WEIGHT, "tag_weight": TAG_WEIGHT, "k1": K1, "b": B,
        "keys": sorted(postings),
    })
    return files


def search_assets(site: Site) -> list[Asset]:
    folder = site.urls.data_file(FOLDER)
    return [Asset(f"{folder}/{name}", text) for name, text in sorted(index_files(site_entries(site)).items())]


def _json(value) -> str:
    # ensure_ascii keeps every file plain ASCII; "<" is escaped too, so no text reads as markup anywhere.
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
