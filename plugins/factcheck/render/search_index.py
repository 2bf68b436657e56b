"""The claims' and sources' search index, cut into small files the reader's browser fetches on demand.

Material's search builds a lunr index in the browser from ``search_index.json`` before it
shows a first result; the time grows with the file, so on a large desk a reader would wait
many seconds (the benchmark measures it). Claim and source pages
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

import bisect
import functools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..core.analyse import QuotedClaimView, Site, SourceView
from ..core.model import Claim, Source
from ..core.reuse import kept_results
from . import markup
from .disagreements_page import by_subject, subject_anchor
from .labels import label
from .output import Asset
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
    return _claim_entry(site.quoted_claim_view(claim))


@kept_results.per_item(lambda site: site.claim.id)
def _claim_entry(site: QuotedClaimView) -> SearchEntry:
    claim = site.claim
    rating = site.rating(claim)
    passages = [
        claim.claim,
        f"{label('claimed_by')} {site.corpus.name_of(claim.claimant)}",
        f"{label('verdict')}: {rating.label}. {claim.conclusion}",
        *claim.right,
        *claim.wrong,
        *(f"“{use.exact}” ({site.source(use.quote.source).title})" for use in site.uses),
    ]
    return SearchEntry(
        location=site.urls.url(site.urls.claim(claim.id)), title=claim.short,
        passages=tuple(passages), tags=(rating.label,), boost=CLAIM_BOOST,
    )


def source_entry(site: Site, source: Source) -> SearchEntry:
    """A source is found by its record, its reliability notes and, when published, its full text."""
    return _source_entry(SourceView(*site.parts(), source))


@kept_results.per_item(lambda site: site.source_record.id)
def _source_entry(site: SourceView) -> SearchEntry:
    source = site.source_record
    record = [source.publisher, markup.human_date(source.published)]
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
        f"{markup.human_date(correction.date)}: {claim.short}: {correction.text}"
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
    """File name (within FOLDER) -> JSON text, for the manifest, the term files and the document files.

    While serving, the last run's index is brought up to date when the same pages are indexed in
    the same order and few of them changed; the files are then what a fresh index would write.
    """
    entries = list(entries)
    index = kept_results.last("search index")
    if not (isinstance(index, _Index) and index.update(entries)):
        index = _Index(entries)
        kept_results.keep("search index", index)
    return dict(index.files)


class _Index:
    """The scored index of some entries, and its files.

    Scores are BM25, title and tag matches weighted. The average length is rounded to a whole
    term, so an edit of one page (which moves the exact average a little) changes the scores of
    the terms that page has or had, and no other: ``update`` rescores only those.
    """

    def __init__(self, entries: list[SearchEntry]):
        self.entries = entries
        self.weights: list[dict[str, float]] = []  # per document: term -> its matches, title and tag matches weighted
        self.lengths: list[int] = []
        self.frequency: Counter = Counter()  # term -> how many documents have it
        for entry in entries:
            weighted, length = _weighted_terms(entry)
            self.weights.append(weighted)
            self.lengths.append(length)
            self.frequency.update(weighted.keys())
        self.average = _average(self.lengths)
        self.postings: dict[str, dict[str, list[int]]] = defaultdict(dict)  # key -> term -> [document, score, ...]
        for number, weighted in enumerate(self.weights):
            for term in weighted:
                self.postings[term[:KEY_LENGTH]].setdefault(term, []).append(number)
        for terms_ in self.postings.values():
            for term, documents in terms_.items():
                terms_[term] = self._scored(term, documents)
        self.files = {shard_name(key): _json(dict(sorted(terms_.items()))) for key, terms_ in self.postings.items()}
        for start in range(0, len(entries), CHUNK):
            self.files[_document_file(start // CHUNK)] = self._documents(start // CHUNK)
        self.files["manifest.json"] = self._manifest()

    def _scored(self, term: str, documents: Iterable[int]) -> list[int]:
        total = len(self.entries)
        frequency = self.frequency[term]
        idf = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        scored: list[int] = []
        for number in documents:
            tf = self.weights[number][term]
            norm = K1 * (1 - B + B * self.lengths[number] / self.average)
            scale = (K1 + 1) * self.entries[number].boost * SCORE_SCALE
            scored += (number, round(idf * tf * scale / (tf + norm)) or 1)
        return scored

    def _documents(self, chunk: int) -> str:
        return _json([[e.location, e.title, list(e.tags), list(e.passages)] for e in self.entries[chunk * CHUNK:(chunk + 1) * CHUNK]])

    def _manifest(self) -> str:
        return _json({
            "format": FORMAT, "documents": len(self.entries), "chunk": CHUNK, "key_length": KEY_LENGTH,
            "score_scale": SCORE_SCALE, "title_weight": TITLE_WEIGHT, "tag_weight": TAG_WEIGHT, "k1": K1, "b": B,
            "keys": sorted(self.postings),
        })

    def update(self, entries: list[SearchEntry]) -> bool:
        """Bring the index up to ``entries``; False (and nothing changed) when it is better made anew."""
        if len(entries) != len(self.entries):
            return False
        changed = [n for n, (new, old) in enumerate(zip(entries, self.entries)) if new is not old and new != old]
        if any(entries[n].location != self.entries[n].location for n in changed) or len(changed) > max(16, len(entries) // 20):
            return False  # pages added, removed or reordered, or many changed
        terms_now = {n: _weighted_terms(entries[n]) for n in changed}
        lengths = list(self.lengths)
        for n, (_, length) in terms_now.items():
            lengths[n] = length
        if _average(lengths) != self.average:
            return False
        counted: set[str] = set()  # terms a changed page gained or lost: their idf, so every score of theirs, changes
        kept: dict[str, list[int]] = defaultdict(list)  # terms a changed page had and has: its own score changes
        for n, (weighted, _) in terms_now.items():
            before = self.weights[n]
            self.frequency.subtract(before.keys())
            self.frequency.update(weighted.keys())
            counted.update(before.keys() ^ weighted.keys())
            for term in before.keys() & weighted.keys():
                kept[term].append(n)
            self.weights[n] = weighted
        self.entries, self.lengths = entries, lengths
        changed_set = set(changed)
        for term in counted:
            key = term[:KEY_LENGTH]
            shard = self.postings.get(key, {})
            documents = {number for number in shard.get(term, [])[::2] if number not in changed_set}
            documents.update(n for n in changed if term in self.weights[n])
            if documents:
                self.postings[key][term] = self._scored(term, sorted(documents))
            else:
                del self.frequency[term]
                shard.pop(term, None)
        for term, numbers in kept.items():
            if term in counted:
                continue  # rescored whole above
            postings = self.postings[term[:KEY_LENGTH]][term]
            for number in numbers:
                at = 2 * bisect.bisect_left(postings[::2], number)
                postings[at:at + 2] = self._scored(term, [number])
        touched = counted | kept.keys()
        for key in {term[:KEY_LENGTH] for term in touched}:
            if self.postings.get(key):
                self.files[shard_name(key)] = _json(dict(sorted(self.postings[key].items())))
            else:
                self.postings.pop(key, None)
                self.files.pop(shard_name(key), None)
        for chunk in {n // CHUNK for n in changed}:
            self.files[_document_file(chunk)] = self._documents(chunk)
        self.files["manifest.json"] = self._manifest()
        return True


def _average(lengths: list[int]) -> int:
    """The average length of a document, in whole terms (at least 1)."""
    return max(1, round(sum(lengths) / len(lengths))) if lengths else 1


def _document_file(chunk: int) -> str:
    return f"d-{chunk}.json"


@kept_results.per_item(lambda entry: entry.location)
def _weighted_terms(entry: SearchEntry) -> tuple[dict[str, float], int]:
    """The entry's terms, each with its matches (title and tag matches weighted), and its length in terms."""
    text = Counter(t for passage in entry.passages for t in terms(passage))
    length = sum(text.values())
    weighted: dict[str, float] = dict(text)
    for field, weight in ((terms(entry.title), TITLE_WEIGHT), ([t for tag in entry.tags for t in terms(tag)], TAG_WEIGHT)):
        for term in field:
            weighted[term] = weighted.get(term, 0) + weight
        length += len(field)
    return weighted, length


def search_assets(site: Site) -> list[Asset]:
    folder = site.urls.data_file(FOLDER)
    return [Asset(f"{folder}/{name}", text) for name, text in sorted(index_files(site_entries(site)).items())]


def _json(value) -> str:
    # ensure_ascii keeps every file plain ASCII; "<" is escaped too, so no text reads as markup anywhere.
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
