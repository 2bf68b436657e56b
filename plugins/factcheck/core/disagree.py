"""Where the sources disagree: group what the quotes assert by subject, and compare.

Pure functions, no I/O. ``find_disagreements(uses, corpus)`` returns ``Disagreement``
records; it never picks a winner: every side is kept with its source, quote and value,
and the editor's note (``subjects.yaml``) is carried as it is.

How sides are formed, per subject (quotes without a ``subject`` are ignored):

- Uses of the same passage (same source and anchor) are one side, listing every claim
  (claim ids sorted); where they declare different details, the first claim's (by id) are kept.
- A source whose ``copies`` names another source quoted on the same subject counts once:
  a side of the copy that duplicates a side of the original (the same words, or the same
  value, period and scope) is dropped, and its claims are listed on the original's side.
- A side's value is the one the YAML declares, else the one read from the quote.

How two sides of a subject are compared (the first rule that applies decides):

1. ``words``: both quotes name the same ``said_by`` and ``occasion`` and the words
   differ (the declared ``words`` value, else the quote, after folding typography, case
   and punctuation). Same speaker and occasion with the same words: nothing.
2. Nothing when either side has no value, or when the values do not differ. Values
   differ when they cannot both hold, or when their stated figures differ notably (the
   larger exceeds the smaller by more than ``FIGURE_TOLERANCE``, 10 %); values of
   different kinds or units always differ; words and labels differ when their words do.
3. ``reference-period``: the values differ and both sides state a period, and the periods
   differ ("2024" and "2021"; periods the subject declares the same do not differ, below).
   Flagged as such, not as a contradiction: both can be right.
4. ``scope``: the values differ and both sides state a scope, and the scopes differ.
5. Values that cannot be compared (different kinds or units, words, labels): nothing
   more. How an event is characterised is for the editor to declare as a tension.
6. ``contradiction``: the intervals or date spans cannot both hold
   ("270,000" and "300,000"; "more than 270,000" and "over 300,000", read as journalists
   write them, see values.py; "early May" and "May 12").
7. ``different-figures``: both can hold but the stated figures differ notably
   ("about 270,000" and "about 300,000" for the same period). Shown so the reader sees
   both figures side by side, without calling either wrong.

A period or scope stated by one side only is not taken as a difference: nothing shows
that the other side meant another one. Periods and scopes are compared after folding case
and punctuation, with "2023-24" read as "2023-2024".

Periods are first mapped through the subject's declared ``periods`` (``subjects.yaml``):
names listed as the ``same`` period of the subject's measure ("2023-24 school year" and "as
of 2024", both the Open Doors 2024 release) are one period, so such sides are compared value
against value, and a contradiction is reported when their spans cannot both hold.

The sides linked by one kind of difference form a disagreement (one per connected
group, so three sources giving three incompatible figures are one contradiction). A
subject with a declared ``tension`` also yields a ``tension`` listing all its sides, even
when every value agrees; otherwise a subject where every side agrees yields nothing.

What the editor declares on a subject (``subjects.yaml``) and what follows from it:

- ``status: consistent``: the documents agree, or one only quotes the other. The subject yields
  no disagreement; ``find_consistent`` lists it (with its note and its sides) as checked, with
  no conflict.
- ``status``, worked out: ``internal`` when a source's own sides cannot both hold ("early May"
  and "12 May" in the same FT article): an inconsistency of that source, not a contradiction
  between documents (an editor may also declare ``status: internal``); else ``disagreement``.
- ``record``: the reference figure (IIE's Open Doors count 277,398). A side whose value cannot
  hold with it is refuted; one that can is supported by it.

Each side lists only its own claims (those whose ``appeared`` quotes the passage) in
``claims``; claims that cite the passage as evidence are in ``cited_by``.

The side the evidence supports (``supported``), first rule that applies: the sides the record
bears out, when a side is refuted by it; else the sides whose own claims stand (rated above the
middle of the scale) when another side's claims fall (rated below it). Supported sides come
first. Otherwise nothing settles it, and ``support`` says so.

Severity, first rule that applies, with its reason in words (``severity_reason``):
the editor's ``severity`` and ``severity_reason``; ``high`` when the record refutes a side, or
when one side's claims stand and another's fall (verdicts that cannot both stand), whatever
the kind; an internal inconsistency ``medium``; else by kind: ``contradiction`` high; ``words``
and ``tension`` medium; ``reference-period``, ``scope`` and ``different-figures`` low. Output is
sorted by severity, then by how many claims a disagreement touches (most first), then kind (in the
order of ``KINDS``), a side refuted by a record first, then subject, then id.
Ids are ``<subject>-<kind>``, then ``<subject>-<kind>-2``, ``-3``... when a subject has
several of one kind, numbered in the order of their first side (sides are ordered by source
id, then by position in the source's text), so they are stable from build to build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional, Sequence

from .model import Claim, Corpus, QuoteUse, Record, Scale, Source, Subject
from .reuse import kept_results
from .values import Value, comparable, compatible, describe, parse_value, relative_difference, words_key

CONTRADICTION = "contradiction"
REFERENCE_PERIOD = "reference-period"
SCOPE = "scope"
WORDS = "words"
TENSION = "tension"
DIFFERENT_FIGURES = "different-figures"
KINDS = (CONTRADICTION, WORDS, TENSION, REFERENCE_PERIOD, SCOPE, DIFFERENT_FIGURES)

SEVERITY = {CONTRADICTION: "high", WORDS: "medium", TENSION: "medium",
            REFERENCE_PERIOD: "low", SCOPE: "low", DIFFERENT_FIGURES: "low"}
SEVERITY_ORDER = ("high", "medium", "low")
DISAGREEMENT, CONSISTENT, INTERNAL = "disagreement", "consistent", "internal"
STATUSES = (DISAGREEMENT, CONSISTENT, INTERNAL)
_KIND_SEVERITY_REASON = {
    CONTRADICTION: "The values cannot all hold: at least one source is wrong.",
    WORDS: "Different words are attributed to the same speaker on the same occasion.",
    TENSION: "The documents characterise the same thing differently.",
    REFERENCE_PERIOD: "The figures are for different periods: both can be right.",
    SCOPE: "The figures cover different things: both can be right.",
    DIFFERENT_FIGURES: "The figures can all hold, though they differ notably.",
}
FIGURE_TOLERANCE = 0.10  # stated figures further apart than this (relative to the smaller) differ


@dataclass(frozen=True)
class Side:
    """What one source asserts about a subject: one passage, the claims that quote it, its value."""

    source: str
    source_title: str
    quote: str  # exactly as in the archived text
    anchor: str
    value: Optional[Value]
    value_text: str
    period: str
    scope: str
    claims: tuple[str, ...]  # the claims this passage makes (quoted in their ``appeared``), by id
    cited_by: tuple[str, ...] = ()  # claims that quote the passage only as evidence
    refuted: bool = False  # its value cannot hold with the subject's record

    @property
    def all_claims(self) -> tuple[str, ...]:
        return self.claims + tuple(c for c in self.cited_by if c not in self.claims)


@dataclass(frozen=True)
class Disagreement:
    id: str
    subject: str
    title: str
    kind: str
    severity: str
    note: str  # the editor's note on the subject, as written
    sides: tuple[Side, ...]  # the sides the evidence supports first
    reason: str = ""  # what differs, in words, made from the sides (the tension text for a tension)
    status: str = DISAGREEMENT  # disagreement | internal
    severity_reason: str = ""
    supported: int = 0  # how many of the first sides the evidence supports (0: nothing settles it)
    support: str = ""  # why those sides, or that nothing settles it, in words
    record: Optional[Record] = None
    internal_source: str = ""  # the source against itself, for an internal inconsistency
    # A claim's or a source's view of the disagreement (seen_from) lists only some of the sides;
    # how many it leaves out, for a link to the whole subject on the disagreements page.
    sides_left_out: int = 0

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim a side makes or cites, once each."""
        return tuple(dict.fromkeys(c for side in self.sides for c in side.all_claims))


SIDES_PER_PAGE = 5  # the sides a claim or source page gets of one disagreement, its own included


def seen_from(disagreement: Disagreement, own: Sequence[int], limit: int = SIDES_PER_PAGE) -> Disagreement:
    """The disagreement as a claim's or a source's page shows it: its own sides (their places
    in ``sides``), then the others in the disagreement's order (supported first) up to
    ``limit`` sides in all, kept in that order; ``sides_left_out`` counts the rest, which the
    disagreements page lists. Without the limit, N claims quoting N figures on one subject would
    give each of the N claim pages all N sides: a site growing with the square of N. The first side the evidence
    supports is kept even when the page's own sides fill the limit, so the page can say which it is."""
    sides = disagreement.sides
    if len(sides) <= limit:
        return disagreement
    kept = set(own) | ({0} if disagreement.supported else set())
    for i in range(len(sides)):  # stops after at most limit + len(own) steps
        if len(kept) >= limit:
            break
        kept.add(i)
    chosen = sorted(kept)
    return replace(
        disagreement, sides=tuple(sides[i] for i in chosen), supported=sum(1 for i in chosen if i < disagreement.supported),
        sides_left_out=len(sides) - len(chosen),
    )


def sides_by(disagreement: Disagreement, key: Callable[[Side], Iterable[str]]) -> dict[str, list[int]]:
    """The places of the sides each claim or source (``key`` of a side) has in the disagreement,
    in one pass over its sides."""
    places: dict[str, list[int]] = {}
    for i, side in enumerate(disagreement.sides):
        for name in key(side):
            places.setdefault(name, []).append(i)
    return places


@dataclass(frozen=True)
class Consistent:
    """A subject the editor checked and found without conflict: listed, never as a disagreement."""

    subject: str
    title: str
    note: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class _Entry:
    """A side being built, with what the comparison needs beyond the side itself."""

    side: Side
    said_by: str
    occasion: str
    position: int
    end: int = 0  # offset just past the passage in the archived text
    copies: str = ""

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.side.source, self.position, self.side.anchor)


def find_disagreements(uses: Sequence[QuoteUse], corpus: Corpus) -> tuple[Disagreement, ...]:
    """Every disagreement between the sources, per subject (see the module's rules)."""
    found: list[Disagreement] = []
    # A subject's disagreements are made from its quotes, the claims that quote it (for their
    # verdicts) and the corpus without its claims (sources, subjects, scale): the last run's when
    # these are equal, while serving (reuse.py).
    without_claims = kept_results.same("corpus without claims", replace(corpus, claims=()))
    for subject, subject_uses in _by_subject(uses).items():
        if corpus.subject(subject).status == CONSISTENT:
            continue
        quoting = (_claim_by_id(corpus).get(claim_id) for claim_id in dict.fromkeys(u.claim for u in subject_uses))
        found.extend(_subject_disagreements(_SubjectQuotes(
            subject, tuple(subject_uses), _Quoting(tuple(claim for claim in quoting if claim), without_claims),
        )))
    return tuple(sorted(found, key=severity_order))


def severity_order(disagreement: Disagreement) -> tuple:
    """Most severe first, then the one touching most claims; among equals, contradictions before the
    other kinds, and a side refuted by a record before verdicts alone; then by subject and id."""
    refuted = any(side.refuted for side in disagreement.sides)
    return (SEVERITY_ORDER.index(disagreement.severity), -len(disagreement.claims), KINDS.index(disagreement.kind),
            not refuted, disagreement.subject, disagreement.id)


def find_consistent(uses: Sequence[QuoteUse], corpus: Corpus) -> tuple[Consistent, ...]:
    """The subjects the editor marked ``status: consistent`` that quotes speak of, by title."""
    found = []
    for subject, subject_uses in _by_subject(uses).items():
        info = corpus.subject(subject)
        if info.status == CONSISTENT:
            entries = _count_copies_once(_merge_passages(subject_uses, corpus))
            found.append(Consistent(subject, info.title, info.note, tuple(e.side for e in entries)))
    return tuple(sorted(found, key=lambda c: (c.title.casefold(), c.subject)))


@dataclass(frozen=True)
class _Quoting:
    """What a subject's disagreements read of the corpus: the claims that quote the subject, and
    the sources, subjects and scale (``context``, a corpus without claims)."""

    claims: tuple[Claim, ...]
    context: Corpus

    @property
    def source_by_id(self) -> dict[str, Source]:
        return self.context.source_by_id

    @property
    def scale(self) -> Scale:
        return self.context.scale

    def subject(self, key: str) -> Subject:
        return self.context.subject(key)


@dataclass(frozen=True)
class _SubjectQuotes:
    subject: str
    uses: tuple[QuoteUse, ...]
    corpus: _Quoting


@kept_results.per_item(lambda quotes: quotes.subject)
def _subject_disagreements(quotes: _SubjectQuotes) -> list[Disagreement]:
    return _disagreements_of(quotes.subject, _count_copies_once(_merge_passages(list(quotes.uses), quotes.corpus)), quotes.corpus)


def _claim_by_id(corpus: Corpus) -> dict[str, Claim]:
    if _claims_by_id[0] is not corpus.claims:
        _claims_by_id[:] = [corpus.claims, {claim.id: claim for claim in corpus.claims}]
    return _claims_by_id[1]


_claims_by_id: list = [None, {}]  # the claims last asked about, by id


def _by_subject(uses: Sequence[QuoteUse]) -> dict[str, list[QuoteUse]]:
    grouped: dict[str, list[QuoteUse]] = {}
    for use in uses:
        if use.quote.subject:
            grouped.setdefault(use.quote.subject, []).append(use)
    return grouped


def _merge_passages(uses: list[QuoteUse], corpus: Corpus) -> list[_Entry]:
    """One entry per passage of a source, listing every claim that quotes it.

    Quotes of the same source whose passages overlap ("with the pause halfway through" and "the
    clock is ticking, with the pause halfway through") are one passage, unless they assert
    different values or are words of different speakers. One sweep over the uses sorted by
    position, so it stays linear.
    """
    entries: list[_Entry] = []
    for use in sorted(uses, key=lambda u: (u.quote.source, u.start, -u.end, u.claim, u.role)):
        source = corpus.source_by_id.get(use.quote.source)
        if entries and _same_passage(entries[-1], use, source):
            entries[-1] = _with_use(entries[-1], use)
        else:
            entries.append(_new_entry(use, source))
    return sorted(entries, key=lambda e: e.key)


def _same_passage(entry: _Entry, use: QuoteUse, source: Optional[Source]) -> bool:
    if entry.side.source != use.quote.source or use.start >= entry.end:
        return False
    if use.quote.said_by and entry.said_by and use.quote.said_by != entry.said_by:
        return False
    value = _value_of(use, source)
    return value is None or entry.side.value is None or describe(value) == describe(entry.side.value)


def _new_entry(use: QuoteUse, source: Optional[Source]) -> _Entry:
    value = _value_of(use, source)
    side = Side(
        source=use.quote.source,
        source_title=source.title if source else use.quote.source,
        quote=use.exact,
        anchor=use.anchor,
        value=value,
        value_text=describe(value) if value else "",
        period=use.quote.period,
        scope=use.quote.scope,
        claims=(use.claim,) if use.role == "appeared" else (),
        cited_by=() if use.role == "appeared" else (use.claim,),
    )
    return _Entry(side, use.quote.said_by, use.quote.occasion, use.start, use.end, source.copies if source else "")


def _value_of(use: QuoteUse, source: Optional[Source]) -> Optional[Value]:
    if use.value is not None:
        return use.value
    if use.quote.value is not None:
        return use.quote.value
    return parse_value(use.exact, source.published if source else None)


def _with_use(entry: _Entry, use: QuoteUse) -> _Entry:
    """The entry with one more use of its passage: its claim added, missing details filled in."""
    side = entry.side
    claims, cited_by = side.claims, side.cited_by
    if use.role == "appeared" and use.claim not in claims:
        claims += (use.claim,)
    elif use.role != "appeared" and use.claim not in cited_by:
        cited_by += (use.claim,)
    value = side.value or use.value or use.quote.value
    side = replace(side, claims=claims, cited_by=cited_by, value=value, value_text=describe(value) if value else "",
                   period=side.period or use.quote.period, scope=side.scope or use.quote.scope)
    return replace(entry, side=side, said_by=entry.said_by or use.quote.said_by,
                   occasion=entry.occasion or use.quote.occasion)


def _count_copies_once(entries: list[_Entry]) -> list[_Entry]:
    """Drop the sides of a copy that duplicate a side of the source it copies; keep their claims."""
    present = {e.side.source for e in entries}
    originals = [_original_of(i, entries, present) for i in range(len(entries))]
    moved: dict[int, list[Side]] = {}
    for i, entry in enumerate(entries):
        root = _root(i, originals)
        if root != i:
            moved.setdefault(root, []).append(entry.side)
    return [_with_claims(e, moved.get(i, [])) for i, e in enumerate(entries) if _root(i, originals) == i]


def _root(index: int, originals: list[Optional[int]]) -> int:
    """The side a side ultimately duplicates (itself when none); in a loop of copies, the first of the loop."""
    path = [index]
    while (following := originals[path[-1]]) is not None:
        if following in path:
            return min(path[path.index(following):])
        path.append(following)
    return path[-1]


def _original_of(index: int, entries: list[_Entry], present: set[str]) -> Optional[int]:
    """The side of the copied source (following chains of copies) that this side duplicates."""
    entry = entries[index]
    seen = {entry.side.source}
    copied = entry.copies
    while copied in present and copied not in seen:
        for j, candidate in enumerate(entries):
            if candidate.side.source == copied and _duplicates(entry.side, candidate.side):
                return j
        seen.add(copied)
        copied = next((e.copies for e in entries if e.side.source == copied), "")
    return None


def _duplicates(copy: Side, original: Side) -> bool:
    if words_key(copy.quote) == words_key(original.quote):
        return True
    same_value = copy.value is not None and copy.value_text == original.value_text
    return same_value and _key(copy.period) == _key(original.period) and _key(copy.scope) == _key(original.scope)


def _with_claims(entry: _Entry, copies: list[Side]) -> _Entry:
    """The entry with the claims of the copies' sides it stands for (made by them, or citing them)."""
    if not copies:
        return entry
    claims = tuple(sorted(set(entry.side.claims).union(*(c.claims for c in copies))))
    cited_by = tuple(sorted(set(entry.side.cited_by).union(*(c.cited_by for c in copies)) - set(claims)))
    return replace(entry, side=replace(entry.side, claims=claims, cited_by=cited_by))


# ---------------------------------------------------------------------------
# Comparing the sides of one subject


def _disagreements_of(subject: str, entries: list[_Entry], corpus: Corpus) -> list[Disagreement]:
    pairs: dict[str, list[tuple[int, int]]] = {}
    info = corpus.subject(subject)
    for i in range(len(entries)):
        for j in range(i + 1, len(entries)):
            kind = _pair_kind(entries[i], entries[j], info)
            if kind:
                pairs.setdefault(kind, []).append((i, j))
    found: list[Disagreement] = []
    for kind in KINDS:
        for number, group in enumerate(_connected(pairs.get(kind, [])), start=1):
            found.append(_disagreement(subject, kind, number, [entries[i] for i in group], corpus))
    tension = corpus.subject(subject).tension
    if tension and entries:
        found.append(_disagreement(subject, TENSION, 1, entries, corpus, reason=tension))
    return found


def _pair_kind(a: _Entry, b: _Entry, info: Optional[Subject] = None) -> Optional[str]:
    """The kind of difference between two sides of a subject, or None (see the module's rules)."""
    if a.said_by and a.occasion and _key(a.said_by) == _key(b.said_by) and _key(a.occasion) == _key(b.occasion):
        return WORDS if words_key(_spoken(a.side)) != words_key(_spoken(b.side)) else None
    first, second = a.side.value, b.side.value
    if first is None or second is None or not values_differ(first, second):
        return None
    if _both_stated_and_differ(_period_key(a.side.period, info), _period_key(b.side.period, info)):
        return REFERENCE_PERIOD
    if _both_stated_and_differ(a.side.scope, b.side.scope):
        return SCOPE
    if not comparable(first, second):
        return None
    return CONTRADICTION if not compatible(first, second) else DIFFERENT_FIGURES


def values_differ(a: Value, b: Value) -> bool:
    """Whether two values say different things: cannot both hold, or state notably different figures."""
    if comparable(a, b):
        return not compatible(a, b) or figures_differ(a, b)
    if a.kind == b.kind and not a.is_numeric:
        return words_key(a.text) != words_key(b.text)
    return True


def figures_differ(a: Value, b: Value) -> bool:
    difference = relative_difference(a, b)
    return difference is not None and difference > FIGURE_TOLERANCE


def _spoken(side: Side) -> str:
    if side.value is not None and side.value.kind == "words":
        return side.value.text
    return side.quote


def _both_stated_and_differ(a: str, b: str) -> bool:
    return bool(a.strip() and b.strip()) and _key(a) != _key(b)


_SHORT_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b")


def _key(text: str) -> str:
    """Text folded for comparing periods, scopes, speakers, occasions: '2023-24' reads '2023-2024'."""
    expanded = _SHORT_YEAR_RANGE.sub(lambda m: f"{m.group(1)}-{m.group(1)[:2]}{m.group(2)}", text)
    return words_key(expanded)


def _period_key(period: str, info: Optional[Subject]) -> str:
    """A period's name for comparing: the declared period it is the same as, else itself."""
    if info and period.strip():
        key = _key(period)
        for declared in info.periods:
            if key == _key(declared.name) or any(key == _key(name) for name in declared.same):
                return declared.name
    return period


def _connected(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The groups of sides linked by pairs, each sorted, in the order of their first side."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda group: group[0])


def _disagreement(subject: str, kind: str, number: int, entries: list[_Entry], corpus: Corpus,
                  reason: str = "") -> Disagreement:
    info = corpus.subject(subject)
    record = info.record
    sides = [replace(e.side, refuted=_refuted(e.side, record)) for e in entries]
    internal = _internal_source(kind, entries, info) if kind in (CONTRADICTION, WORDS, DIFFERENT_FIGURES) else ""
    supported, support = _supported(sides, record, corpus)
    severity, severity_reason = _severity(kind, sides, supported, internal, info, corpus)
    first = [s for s in sides if s in supported]
    return Disagreement(
        id=f"{subject}-{kind}" if number == 1 else f"{subject}-{kind}-{number}",
        subject=subject,
        title=info.title,
        kind=kind,
        severity=severity,
        note=info.note,
        sides=tuple(first + [s for s in sides if s not in supported]),
        reason=reason or _reason(kind, entries, internal, corpus),
        status=INTERNAL if internal else DISAGREEMENT,
        severity_reason=severity_reason,
        supported=len(first),
        support=support,
        record=record,
        internal_source=internal,
    )


def _refuted(side: Side, record: Optional[Record]) -> bool:
    """Whether the side's value cannot hold with the record (same measure, same period where both say)."""
    if record is None or side.value is None or not comparable(side.value, record.value):
        return False
    return not compatible(side.value, record.value)


def _internal_source(kind: str, entries: list[_Entry], info: Subject) -> str:
    """The source some of whose own sides cannot hold together, or that the editor declared against itself."""
    for i, a in enumerate(entries):
        for b in entries[i + 1:]:
            if a.side.source == b.side.source and _pair_kind(a, b, info) == kind:
                return a.side.source
    if info.status == INTERNAL:
        sources = [e.side.source for e in entries]
        return next((s for s in sources if sources.count(s) > 1), "")
    return ""


def standing(claims: Sequence[str], verdicts: dict[str, str], scale: Scale) -> str:
    """``stands`` when every claim is rated above the middle of the scale, ``falls`` when one is
    rated below it, else ``""`` (no claim, a middle or off-scale rating)."""
    values = [r.value for r in scale.numeric]
    if not claims or not values:
        return ""
    middle = (min(values) + max(values)) / 2
    rated = [scale.get(verdicts.get(c, "")) for c in claims]
    positions = [r.value for r in rated if r is not None and r.value is not None]
    if any(v < middle for v in positions):
        return "falls"
    if len(positions) == len(claims) and all(v > middle for v in positions):
        return "stands"
    return ""


_verdicts_of_claims: list = [None, {}]  # the claims last asked about, and their verdicts by id


def _verdicts(corpus: Corpus) -> dict[str, str]:
    """The verdict of each claim by id, made once per set of claims (not once per disagreement:
    10,000 claims and 5,000 disagreements would otherwise cost 50 million steps)."""
    if _verdicts_of_claims[0] is not corpus.claims:
        _verdicts_of_claims[:] = [corpus.claims, {claim.id: claim.verdict for claim in corpus.claims}]
    return _verdicts_of_claims[1]


def _supported(sides: list[Side], record: Optional[Record], corpus: Corpus) -> tuple[list[Side], str]:
    """The sides the evidence supports, and why in words (or that nothing settles it)."""
    if any(s.refuted for s in sides):
        borne_out = [s for s in sides if not s.refuted and s.value is not None and comparable(s.value, record.value)]
        refuted = "; ".join(f"{s.source_title}: {s.value_text}" for s in sides if s.refuted)
        on_record = f"{describe(record.value)} ({record.source})"
        if borne_out:
            return borne_out, f"The record, {on_record}, bears out this side and refutes {refuted}."
        return [], f"The record, {on_record}, refutes {refuted}; no side is borne out by it."
    verdicts = _verdicts(corpus)
    stands = [s for s in sides if standing(s.claims, verdicts, corpus.scale) == "stands"]
    falls = [s for s in sides if standing(s.claims, verdicts, corpus.scale) == "falls"]
    if stands and falls:
        return stands, (f"Its claims are rated true or mostly true, while those of {_titles(falls)} "
                        "are rated false or mostly false.")
    return [], "Nothing on record settles which side is right."


def _severity(kind: str, sides: list[Side], supported: list[Side], internal: str, info: Subject,
              corpus: Corpus) -> tuple[str, str]:
    if info.severity:
        return info.severity, info.severity_reason
    if any(s.refuted for s in sides):
        return "high", f"A reference figure on record refutes {_titles([s for s in sides if s.refuted])}."
    if supported:
        verdicts = _verdicts(corpus)
        falling = [s for s in sides if standing(s.claims, verdicts, corpus.scale) == "falls"]
        return "high", (f"The claims of the sides carry verdicts that cannot both stand: {_rated(supported, verdicts, corpus)} "
                        f"against {_rated(falling, verdicts, corpus)}.")
    if internal:
        return "medium", f"One source against itself ({_title_of(internal, sides)}): the other documents are not in question."
    return SEVERITY[kind], _KIND_SEVERITY_REASON[kind]


def _rated(sides: Sequence[Side], verdicts: dict[str, str], corpus: Corpus) -> str:
    """The sides' sources with their claims' verdicts: "CNN (True)"."""
    def labels(side: Side) -> str:
        found = [corpus.scale.get(verdicts.get(c, "")) for c in side.claims]
        return ", ".join(dict.fromkeys(r.label for r in found if r is not None))
    return "; ".join(dict.fromkeys(f"{s.source_title} ({labels(s)})" for s in sides))


def _titles(sides: Sequence[Side]) -> str:
    return ", ".join(dict.fromkeys(s.source_title for s in sides))


def _title_of(source: str, sides: Sequence[Side]) -> str:
    return next((s.source_title for s in sides if s.source == source), source)


def _reason(kind: str, entries: list[_Entry], internal: str = "", corpus: Optional[Corpus] = None) -> str:
    """What differs, in words, from the sides themselves."""
    sides = [e.side for e in entries]
    if internal:
        own = "; ".join(s.value_text or f"“{s.quote}”" for s in sides if s.source == internal)
        others = "; ".join(f"{s.value_text} ({s.source_title})" for s in sides if s.source != internal and s.value_text)
        found = f"{_title_of(internal, sides)} says both {own}, which cannot all hold."
        return f"{found} The other documents give: {others}." if others else found
    if kind == WORDS:
        return f"Different words are attributed to {entries[0].said_by} on the same occasion ({entries[0].occasion})."
    if kind == REFERENCE_PERIOD:
        listed = "; ".join(f"{s.value_text}, {s.period or 'period not stated'} ({s.source_title})" for s in sides)
        return f"The sources speak of different reference periods: {listed}."
    if kind == SCOPE:
        listed = "; ".join(f"{s.value_text}, {s.scope or 'scope not stated'} ({s.source_title})" for s in sides)
        return f"The sources speak of different scopes: {listed}."
    listed = "; ".join(f"{s.value_text} ({s.source_title})" for s in sides)
    if kind == CONTRADICTION:
        return f"These values cannot all hold: {listed}."
    return f"These figures can all hold, but the stated figures differ by more than {FIGURE_TOLERANCE:.0%}: {listed}."
