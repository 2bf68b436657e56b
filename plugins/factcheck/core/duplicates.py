"""Warn when a claim looks like one the site already has, naming it.

Two signs, each a warning (a duplicate is for a reviewer to judge, not an error):

- **Same passage.** Two claims that *appeared* in the same stretch of the same source: their
  ``appeared`` quotes overlap by at least ``SAME_PASSAGE`` of the stretch they cover together
  (shared characters / combined characters). Evidence quotes are left out: many checks rightly
  cite the same evidence. A plain overlap is not enough either: two different claims are often
  made in one sentence (in this repository's own site, "rare-earth restrictions not lifted" and
  "rare earths in iPhones, EVs and F-35s" quote neighbouring halves of one sentence).
  Found by sorting each source's quotes by where they start and sweeping once, so only quotes
  that actually overlap are compared.
- **Same wording.** Claim texts whose normalised words (case ignored, punctuation and
  typography dropped, ``300,000`` read as one number) are the same, found with one dictionary;
  or nearly the same: ``difflib.SequenceMatcher`` ratio on the word lists of at least
  ``SAME_WORDING``. Comparing every pair would be quadratic (50 million pairs for 10,000
  claims), so candidates come from *prefix filtering*: the words of each claim are ordered rarest
  first (words no other claim has, such as its own figures, left out), and a claim is indexed
  under its first few words only. A ratio of at least ``t`` implies a word-overlap (Jaccard) of
  at least ``t / (2 - t)``, and two word sets that similar always share their first two shared
  words among those first ``n - ceil(J * n) + 2``, so no pair is missed; short texts are indexed
  under pairs of those words, long ones under single words (see ``_Search``). Since the first
  words are rare, each index entry holds few claims and the work stays close to linear.
  Linear by construction, too: many claims alike to each other (alike but for one word, the
  same words in other orders) would still make every pair a candidate, so each wording's search
  is bounded (``FOUND_PER_TEXT``, ``COMPARED_PER_TEXT``, ``READ_PER_LIST``); where a bound stops
  it, each claim of that wording gets a warning saying so.

Only claims of the same ``kind`` are compared: an attribution check (did they say it?) and a fact
check (is it true?) of the same words are a deliberate pair, not a duplicate.

Every pair is reported on both claims, so whichever file a pull request adds carries the warning.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple, Optional

from .model import Claim, Quote, QuoteUse
from .problems import Problem
from .reuse import kept_results

SAME_PASSAGE = 0.5  # shared / combined length of two appeared quotes in one source
SAME_WORDING = 0.9  # difflib ratio of the claims' word lists
REPORTED_PER_CLAIM = 5  # duplicates named on one claim; the rest are counted in one more warning
_PASSAGE_LOOK_BACK = 64  # overlapping earlier quotes one appeared quote is compared with, at most

_WORD = re.compile(r"\w+")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")


@dataclass(frozen=True)
class Duplicate:
    """Why ``claim`` looks like ``other``: the reasons, and the quote that overlaps when there is one."""

    claim: Claim
    other: Claim
    same_wording: Optional[float] = None  # the similarity of the claim texts, when close enough
    passage_source: str = ""  # the source both claims appeared in, at the same passage
    quote_index: Optional[int] = None  # which of ``claim.appeared`` quotes the shared passage


@dataclass
class Tally:
    """How much work the search did: candidate pairs compared in full, for tests and benchmarks."""

    candidates: int = 0  # pairs of claim texts sharing an indexed word (checked by their shared words)
    compared: int = 0  # pairs of claim texts compared in full with difflib
    passages_compared: int = 0  # pairs of overlapping appeared quotes


@dataclass
class _DuplicatesFound:
    wording: dict[tuple[str, str], float] = field(default_factory=dict)
    passage: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)  # -> (source, index in a, index in b)
    stopped: set[str] = field(default_factory=set)  # claims whose same-wording search stopped early
    passage_stopped: dict[str, Quote] = field(default_factory=dict)  # claim -> its first quote compared with the nearest overlapping quotes only


@dataclass(frozen=True)
class Found:
    """What the search found: the duplicates, and the claims that may have look-alikes it did not
    compare (its same-wording search stopped early on them, to keep its work bounded)."""

    duplicates: list[Duplicate]
    stopped: frozenset[str]  # claim ids
    passage_stopped: dict[str, Quote] = field(default_factory=dict)  # claim id -> its quote that overlapped more quotes than were compared


def words(text: str) -> list[str]:
    """A claim's words for comparison: case ignored, numbers kept whole.

    Quotation marks, apostrophes and dashes of any style fall between words, so no folding is needed.
    """
    return _WORD.findall(_THOUSANDS.sub("", text).casefold())


def find_duplicates(claims: Iterable[Claim], uses: Iterable[QuoteUse], tally: Optional[Tally] = None) -> list[Duplicate]:
    """Every claim found to look like another, once per claim and other claim (both directions)."""
    return search_duplicates(claims, uses, tally).duplicates


def search_duplicates(claims: Iterable[Claim], uses: Iterable[QuoteUse], tally: Optional[Tally] = None, wording: Optional["_Wordings"] = None) -> Found:
    """Every claim found to look like another (both directions), and the claims the search stopped on.

    ``wording``: what ``_wordings`` found for these claims' texts, when it was worked out ahead.
    """
    claims = list(claims)
    tally = tally if tally is not None else Tally()
    found = _DuplicatesFound()
    _same_wording(claims, found, tally, wording)
    _same_passage(claims, uses, found, tally)
    by_id = {c.id: c for c in claims}
    duplicates: list[Duplicate] = []
    for a, b in sorted(set(found.wording) | set(found.passage)):
        ratio = found.wording.get((a, b))
        source, index_a, index_b = found.passage.get((a, b), ("", None, None))
        duplicates.append(Duplicate(by_id[a], by_id[b], ratio, source, index_a))
        duplicates.append(Duplicate(by_id[b], by_id[a], ratio, source, index_b))
    return Found(duplicates, frozenset(found.stopped), found.passage_stopped)


def duplicate_problems(claims: Iterable[Claim], uses: Iterable[QuoteUse]) -> list[Problem]:
    """A warning on each claim that looks like another, naming the other claim's file."""
    claims = list(claims)
    return _capped_problems(search_duplicates(claims, uses), claims)


def _capped_problems(found: Found, claims: list[Claim]) -> list[Problem]:
    """At most ``REPORTED_PER_CLAIM`` warnings per claim, then one located warning counting the rest
    and saying where the search stopped: the report grows with the claims, not with the square of them."""
    problems: list[Problem] = []
    shown: Counter[str] = Counter()
    over: dict[str, list[Duplicate]] = defaultdict(list)
    for duplicate in found.duplicates:
        if shown[duplicate.claim.id] < REPORTED_PER_CLAIM:
            shown[duplicate.claim.id] += 1
            problems.append(_problem(duplicate))
        else:
            over[duplicate.claim.id].append(duplicate)
    stopped = (
        "the search for claims worded alike stopped early on this wording (it compares each wording with a "
        "bounded number of others, so that its work grows with the number of claims, not with its square)"
    )
    by_id = {claim.id: claim for claim in claims}
    for claim_id in list(over) + [claim.id for claim in claims if claim.id in found.stopped and claim.id not in over]:
        claim, rest = by_id[claim_id], over.get(claim_id, [])
        if claim.id not in found.stopped:
            message = f"this claim may duplicate {len(rest)} more claim(s) beyond the {REPORTED_PER_CLAIM} named above"
            hint = "run `factcheck validate` on the claims named above first; this many look-alikes usually means copied files"
        else:
            more = f"{len(rest)} more claim(s) beyond the {REPORTED_PER_CLAIM} named above, and " if rest else ""
            message = f"this claim may duplicate {more}claims it was not compared with: {stopped}"
            hint = "many claims share most of this claim's words: make each claim's wording say how it differs, or merge the copies"
        where = claim.position
        problems.append(Problem(
            where.path if where else claim.id, where.line if where else 1, where.column if where else 1, "claim",
            message, hint, severity="warning"))
    for claim in claims:
        if claim.id in found.passage_stopped:
            quote = found.passage_stopped[claim.id]
            where = quote.position or claim.position
            problems.append(Problem(
                where.path if where else claim.id, where.line if where else 1, where.column if where else 1,
                f"appeared[{claim.appeared.index(quote)}]",
                f"this claim's quote overlaps more than {_PASSAGE_LOOK_BACK} quotes of other claims in the same document; "
                "it was compared with the nearest of them only, so claims quoting the same passage may not all be named",
                "this many claims quoting one passage usually means copied files: merge them, or quote each claim's own sentence",
                severity="warning"))
    return problems


ClaimText = tuple  # (claim id, kind, claim text): all the same-wording search reads of a claim


def texts_of(claims: Iterable[Claim]) -> tuple[ClaimText, ...]:
    return tuple((claim.id, claim.kind, claim.claim) for claim in claims)


class DuplicateSearch:
    """``duplicate_problems`` for a site, from the claims' texts as their files give them.

    The search for texts worded alike needs only the claims' texts (``ClaimText``), known as soon
    as their files are read. What it finds does not depend on the order of the claims, so
    ``problems`` gives what ``duplicate_problems`` gives.
    """

    def __init__(self, texts: Iterable[ClaimText]):
        # What the search reads of each claim (``texts_of``); while serving, an edit that leaves
        # them as they were (a conclusion, a quote) finds what the last run found (reuse.py).
        self._texts = tuple(texts)
        self._wording: Optional[_Wordings] = None
        if kept_results.on:  # made here, to be kept (find_duplicates would otherwise make it as it goes)
            self._wording = _kept_wordings(self._texts)

    def problems(self, claims: Iterable[Claim], uses: Iterable[QuoteUse]) -> list[Problem]:
        claims = list(claims)
        wording = self._wording
        if wording is not None and frozenset(texts_of(claims)) != frozenset(self._texts):
            wording = None  # made for other texts than the claims have: searched again
        return _capped_problems(search_duplicates(claims, uses, wording=wording), claims)


def _problem(duplicate: Duplicate) -> Problem:
    claim, other = duplicate.claim, duplicate.other
    other_path = other.position.path if other.position else other.id
    reasons = []
    if duplicate.passage_source:
        reasons.append(f"both appeared in the same passage of the source {duplicate.passage_source!r}")
    if duplicate.same_wording is not None:
        reasons.append("the claim texts are the same" if duplicate.same_wording >= 1 else f"the claim texts are {duplicate.same_wording:.0%} alike")
    message = f"this claim may duplicate {other_path} (\u201c{other.short}\u201d): {' and '.join(reasons)}"
    hint = f"if it is the same claim, update {other_path} instead; if not, make the claim's wording say how they differ"
    if duplicate.quote_index is not None and duplicate.passage_source:
        quote = claim.appeared[duplicate.quote_index]
        where, field_name = quote.position, f"appeared[{duplicate.quote_index}].quote"
    else:
        where, field_name = claim.position, "claim"
    path = where.path if where else claim.id
    return Problem(path, where.line if where else 1, where.column if where else 1, field_name, message, hint, severity="warning")


# ----------------------------------------------------------------------------- same wording


@dataclass(frozen=True)
class _Wordings:
    """What the same-wording search finds, whatever the order of the claims: it reads only the
    set of their texts (``_wording_records`` orders them by length, then text)."""

    texts: dict[str, str]  # claim id -> its words, joined by spaces
    near: dict[str, dict[tuple[str, str], float]]  # kind -> (earlier text, later text) -> ratio, in the order found
    stopped: dict[str, set[str]]  # kind -> texts whose search stopped before every candidate was compared


@kept_results.per_item(lambda texts: "")
def _kept_wordings(texts: tuple[ClaimText, ...]) -> _Wordings:
    return _wordings(texts)


def _wordings(claims: Iterable[ClaimText], tally: Optional[Tally] = None) -> _Wordings:
    texts: dict[str, str] = {}
    by_kind: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for claim_id, kind, claim in claims:
        texts[claim_id] = " ".join(words(claim))
        by_kind[kind].setdefault(texts[claim_id], texts[claim_id].split())
    near, stopped = {}, {}
    for kind, distinct in by_kind.items():
        records, width = _wording_records(list(distinct.items()))  # each record's claim_id is its text here
        found, cut_short = _near_records(records, width, tally if tally is not None else Tally())
        near[kind] = {(records[a].claim_id, records[b].claim_id): ratio for (a, b), ratio in found.items()}
        stopped[kind] = {records[number].claim_id for number in cut_short}
    return _Wordings(texts, near, stopped)


def _same_wording(claims: list[Claim], found: _DuplicatesFound, tally: Tally, wording: Optional[_Wordings] = None) -> None:
    wording = wording if wording is not None else _wordings(texts_of(claims), tally)
    # Exact: one dictionary keyed by kind and normalised text; each later claim is paired with the first.
    same_text: dict[tuple[str, str], list[str]] = defaultdict(list)  # (kind, words) -> ids of the claims
    for claim in claims:
        group = same_text[(claim.kind, wording.texts[claim.id])]
        if group:
            found.wording[_pair(group[0], claim.id)] = 1.0
        group.append(claim.id)
    # Near: a near pair of texts pairs the first claim worded like the one with every claim worded
    # like the other. The copies of a text (all but its first claim) are paired with the first
    # claims of its first FOUND_PER_TEXT near texts only: a text with m copies and k near texts
    # would otherwise make m x k pairs, the square of the input when both grow with it. Copies
    # are already paired with their first claim, which carries every near pair.
    paired_copies: Counter[tuple[str, str]] = Counter()
    copies_cut: set[tuple[str, str]] = set()  # (kind, text) whose copies were not paired with every near text
    for kind, near in wording.near.items():
        for (a, b), ratio in near.items():
            first_a, first_b = same_text[(kind, a)][0], same_text[(kind, b)][0]
            found.wording.setdefault(_pair(first_a, first_b), ratio)
            for text, other_first in ((a, first_b), (b, first_a)):
                group = same_text[(kind, text)]
                if len(group) == 1:
                    continue
                if paired_copies[(kind, text)] == FOUND_PER_TEXT:
                    copies_cut.add((kind, text))
                    continue
                paired_copies[(kind, text)] += 1
                for copy in itertools.islice(group, 1, None):
                    found.wording.setdefault(_pair(copy, other_first), ratio)
        for text in wording.stopped.get(kind, ()):
            found.stopped.update(same_text[(kind, text)])
    for key in copies_cut:
        found.stopped.update(itertools.islice(same_text[key], 1, None))


def _near_records(records: list["_Wording"], width: int, tally: Tally) -> tuple[dict[tuple[int, int], float], set[int]]:
    """The near pairs of records, ``(earlier, later) -> ratio``, and the records whose search stopped.

    Each record is compared with the earlier ones that share enough words to be alike enough (the
    index below finds them all, whatever the order of the records), newest first, until it has
    FOUND_PER_TEXT near ones or has made COMPARED_PER_TEXT comparisons with difflib; the index
    reads at most READ_PER_LIST entries of any one list for it. So the work of one record is
    bounded by its length alone, and the search grows with the number of texts, not its square,
    on any input (many texts all alike, alike but for one word, the same words in other orders).
    A record whose search stopped while a candidate was left is returned as such, to be said.
    """
    search = _Search(records, width)
    near: dict[tuple[int, int], float] = {}
    stopped: set[int] = set()
    for number, record in enumerate(records):
        search.cut_short = False
        candidates = search.pairs(number) if record.size <= PAIRED_UP_TO else search.singles(number)
        found = compared = 0
        matcher = None  # one for the record's words, which difflib indexes once (they are its second sequence)
        for other in candidates:
            tally.candidates += 1
            earlier = records[other]
            # difflib's matches are shared words: fewer shared items than this and its ratio
            # cannot reach the threshold.
            if 2 * len(record.items & earlier.items) < SAME_WORDING * (record.size + earlier.size):
                continue
            if found == FOUND_PER_TEXT or compared == COMPARED_PER_TEXT:
                search.cut_short = True
                break
            compared += 1
            tally.compared += 1
            if matcher is None:
                matcher = difflib.SequenceMatcher(None, b=record.words, autojunk=False)
            matcher.set_seq1(earlier.words)
            ratio = matcher.ratio()
            if ratio >= SAME_WORDING:
                near[(other, number)] = ratio
                found += 1
        if search.cut_short:
            stopped.add(number)
        search.index(number)
    return near, stopped


PAIRED_UP_TO = 64  # words: texts up to this long are also indexed under pairs of their first items
# The three bounds on one text's search. Each is above what the benchmark's corpora and the
# tests' near-duplicate families reach (a group of re-filed claims alike to each other), so that
# on a site of real claims the search is exact and says nothing; they are met only by many texts
# alike to each other or sharing most of their words. FOUND_PER_TEXT sets the cost where they
# are met (each near text found is one difflib comparison), so it is no higher than that needs.
FOUND_PER_TEXT = 24  # near texts looked for among the earlier ones (5 are named per claim)
COMPARED_PER_TEXT = 48  # comparisons with difflib
READ_PER_LIST = 512  # entries of one index list read, newest first


class _Search:
    """The earlier texts that a text may be alike to, found through its first shareable items.

    Texts come shortest first. Two distinct texts alike enough share at least two items (one
    shared word makes a ratio of at most 2/3), and at least ``jaccard * size`` items with any
    earlier (no longer) text; so the first two items they share, in the global order, are among
    the first ``kept - ceil(jaccard * size) + 2`` shareable items of the later text (its probing
    prefix) and among the first ``kept - ceil(SAME_WORDING * size) + 2`` of the earlier one (its
    indexed prefix: the later text is no shorter, All-Pairs, Bayardo et al. 2007). Two indexes:

    - ``single``: each item of the indexed prefix -> the texts holding it there. Probed item by
      item, a pair is a candidate once it has met twice.
    - ``paired``: each pair of items of the indexed prefix -> the texts holding both there, for
      texts up to ``PAIRED_UP_TO`` words (a prefix of a dozen items makes 66 pairs). A pair of
      items is far rarer than one item: in the 10,000-claim benchmark, whose claims differ in
      their figures but share most of their other words, each common first item led to a few
      hundred texts, and probing them all cost more than the rest of the search.

    Every text is in ``single``; a text up to ``PAIRED_UP_TO`` words probes ``paired``, which
    holds every earlier text since those are no longer.
    """

    def __init__(self, records: list["_Wording"], width: int):
        self.records = records
        self.width = width  # ranks are below it: a pair of ranks is one int, first * width + second
        self.single: dict[int, list[tuple[int, int, float]]] = {}
        self.paired: dict[int, list[tuple[int, int, float]]] = {}
        self.jaccard = SAME_WORDING / (2 - SAME_WORDING)
        self.cut_short = False  # set when a list had more entries than READ_PER_LIST for this text

    def _prefix(self, number: int) -> list[int]:
        size, _, _, ranks, kept, _ = self.records[number]
        return ranks[: max(0, min(kept, kept - math.ceil(self.jaccard * size - 1e-9) + 2))]

    def _entries(self, entries: list[tuple[int, int, float]], size: int):
        """The entries of texts still long enough for one of ``size`` words, longest first.

        Each entry carries the longest text its own text can be alike to (it has only so many
        shareable items): since the texts still to come are no shorter, an entry past it is
        deleted. Entries come in ascending size: the walk stops at the first too short, or after
        READ_PER_LIST entries (newest first), which bounds the work of one text whatever the
        input: the search then says it stopped.
        """
        smallest = self.jaccard * size - 1e-9  # much shorter texts cannot be alike enough
        read = 0
        for position in range(len(entries) - 1, -1, -1):
            entry = entries[position]
            if entry[2] < size:
                del entries[position]  # at most READ_PER_LIST entries after it to move
                continue
            if self.records[entry[0]].size < smallest:
                return
            if read == READ_PER_LIST:
                self.cut_short = True
                return
            read += 1
            yield entry

    def singles(self, number: int) -> Iterator[int]:
        """The earlier texts met on two items of this one's probing prefix, as soon as they are."""
        size, _, _, _, kept, _ = self.records[number]
        shared: dict[int, int] = {}
        for i, item in enumerate(self._prefix(number)):
            # Positional filter (PPJoin): both texts list their items in one global order, so once
            # an item is shared at positions i and j, at most min(kept - i, other_kept - j) - 1 more
            # can be. A pair whose shared items so far plus those cannot reach the overlap that the
            # ratio needs (2 * shared >= SAME_WORDING * (size + other)) is dropped before it is a
            # candidate.
            for other, j, _ in self._entries(self.single.get(item, []), size):
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already ruled out
                other_size, other_kept = self.records[other].size, self.records[other].kept
                if 2 * (count + 1 + min(kept - i - 1, other_kept - j - 1)) < SAME_WORDING * (size + other_size):
                    shared[other] = -1
                else:
                    shared[other] = count + 1
                    if count == 1:
                        yield other

    def pairs(self, number: int) -> Iterator[int]:
        """The earlier texts met on a pair of items of this one's probing prefix, as soon as they are."""
        size, _, _, _, kept, _ = self.records[number]
        prefix = self._prefix(number)
        found: dict[int, bool] = {}
        for x in range(len(prefix)):
            for y in range(x + 1, len(prefix)):
                entries = self.paired.get(prefix[x] * self.width + prefix[y])
                if not entries:
                    continue
                for other, j, _ in self._entries(entries, size):
                    if other in found:
                        continue
                    # Met first on the first two items the texts share (pairs are probed in order),
                    # at positions y here and j there: the positional filter as in singles().
                    other_size, other_kept = self.records[other].size, self.records[other].kept
                    found[other] = 2 * (2 + min(kept - y - 1, other_kept - j - 1)) >= SAME_WORDING * (size + other_size)
                    if found[other]:
                        yield other

    def index(self, number: int) -> None:
        size, _, _, ranks, kept, _ = self.records[number]
        indexed = ranks[: max(0, min(kept, kept - math.ceil(SAME_WORDING * size - 1e-9) + 2))]
        reach = 2 * kept / SAME_WORDING - size + 1e-9  # the longest text this one can be alike to
        for j, item in enumerate(indexed):
            self.single.setdefault(item, []).append((number, j, reach))
        if size <= PAIRED_UP_TO:
            for x in range(len(indexed)):
                for y in range(x + 1, len(indexed)):
                    self.paired.setdefault(indexed[x] * self.width + indexed[y], []).append((number, y, reach))


class _Wording(NamedTuple):
    """One distinct claim text, as the near-wording search reads it."""

    size: int  # how many words
    claim_id: str
    words: list[str]
    ranks: list[int]  # its items' ranks, ascending: the shareable ones first
    kept: int  # how many of them other texts hold too
    items: frozenset  # the ranks again, to count shared items


def _wording_records(texts: list[tuple[str, list[str]]]) -> tuple[list[_Wording], int]:
    """Each text as a ``_Wording``, shortest first (then by id), and how many ranks there are.

    A text's words are a multiset, made a set of items: the 2nd "the" is the item "the 2" (words
    hold no spaces). Every item gets one rank in a global order: items that more than one text
    holds first, rarest first; then those that only one text holds (a figure quoted once, a
    name). Those can never be shared, so only the first ``kept`` ranks of a text are indexed and
    probed, while the others still count in its size: that tightens every bound, and the
    benchmark corpus's claims, each with four figures of their own, no longer all meet in the
    few common words that came right after their figures.
    """
    item_lists = []
    frequency: Counter = Counter()
    for _, listed in texts:
        items = listed if len(set(listed)) == len(listed) else _numbered(listed)
        frequency.update(items)
        item_lists.append(items)
    ordered = sorted(frequency, key=lambda item: (frequency[item] == 1, frequency[item], item))
    rank = {item: number for number, item in enumerate(ordered)}
    shareable = sum(1 for count in frequency.values() if count > 1)
    records = []
    for (claim_id, listed), items in zip(texts, item_lists):
        ranks = sorted(map(rank.__getitem__, items))
        records.append(_Wording(len(items), claim_id, listed, ranks, bisect.bisect_left(ranks, shareable), frozenset(ranks)))
    records.sort(key=lambda r: (r.size, r.claim_id))
    return records, len(ordered)


def _numbered(listed: list[str]) -> list[str]:
    """The words with each repeat told apart: ["a", "b", "a"] -> ["a", "b", "a 2"]."""
    seen: dict[str, int] = {}
    items = []
    for w in listed:
        n = seen[w] = seen.get(w, 0) + 1
        items.append(w if n == 1 else f"{w} {n}")
    return items


# ----------------------------------------------------------------------------- same passage


def _same_passage(claims: list[Claim], uses: Iterable[QuoteUse], found: _DuplicatesFound, tally: Tally) -> None:
    appeared_index = {}
    kind = {claim.id: claim.kind for claim in claims}
    for claim in claims:
        for index, quote in enumerate(claim.appeared):
            appeared_index.setdefault((claim.id, quote), index)
    by_source: dict[str, list[QuoteUse]] = defaultdict(list)
    for use in uses:
        if use.role == "appeared" and use.end > use.start:
            by_source[use.quote.source].append(use)
    for source, listed in by_source.items():
        listed.sort(key=lambda u: (u.start, u.end))
        active: list[QuoteUse] = []
        dropped_end = -1  # the furthest end of the quotes left behind by the look-back bound
        for use in listed:
            for left_behind in active[:-_PASSAGE_LOOK_BACK]:
                dropped_end = max(dropped_end, left_behind.end)
            if dropped_end > use.start:  # an overlapping quote was left behind: say so, not silently
                found.passage_stopped.setdefault(use.claim, use.quote)
            active = [a for a in active[-_PASSAGE_LOOK_BACK:] if a.end > use.start]
            for earlier in active:
                if earlier.claim == use.claim or kind[earlier.claim] != kind[use.claim]:
                    continue
                tally.passages_compared += 1
                shared = min(earlier.end, use.end) - use.start
                combined = max(earlier.end, use.end) - earlier.start
                if shared / combined >= SAME_PASSAGE:
                    a, b = _pair(earlier.claim, use.claim)
                    index_a = appeared_index[(a, (earlier if a == earlier.claim else use).quote)]
                    index_b = appeared_index[(b, (use if b == use.claim else earlier).quote)]
                    found.passage.setdefault((a, b), (source, index_a, index_b))
            active.append(use)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
