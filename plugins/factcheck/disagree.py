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
   differ ("2023-24 school year" and "as of 2024"). Flagged as such, not as a
   contradiction: both can be right.
4. ``scope``: the values differ and both sides state a scope, and the scopes differ.
5. Values that cannot be compared (different kinds or units, words, labels): nothing
   more. How an event is characterised is for the editor to declare as a tension.
6. ``contradiction``: the intervals or date spans cannot both hold
   ("270,000" and "300,000"; "early May" and "May 12").
7. ``different-figures``: both can hold but the stated figures differ notably
   ("more than 270,000" and "over 300,000" for the same period). Shown so the reader sees
   both figures side by side, without calling either wrong.

A period or scope stated by one side only is not taken as a difference: nothing shows
that the other side meant another one. Periods and scopes are compared after folding case
and punctuation, with "2023-24" read as "2023-2024".

The sides linked by one kind of difference form a disagreement (one per connected
group, so three sources giving three incompatible figures are one contradiction). A
subject with a declared ``tension`` also yields a ``tension`` listing all its sides, even
when every value agrees; otherwise a subject where every side agrees yields nothing.

Severity: ``contradiction`` high; ``words`` and ``tension`` medium; ``reference-period``,
``scope`` and ``different-figures`` low. Output is sorted by severity, then subject, then id.
Ids are ``<subject>-<kind>``, then ``<subject>-<kind>-2``, ``-3``... when a subject has
several of one kind, numbered in the order of their first side (sides are ordered by source
id, then by position in the source's text), so they are stable from build to build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from .model import Corpus, QuoteUse, Source
from .reuse import reused
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
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    id: str
    subject: str
    title: str
    kind: str
    severity: str
    note: str  # the editor's note on the subject, as written
    sides: tuple[Side, ...]
    reason: str = ""  # what differs, in words, made from the sides (the tension text for a tension)


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
    # What a subject's disagreements are made from besides its quotes: the sources (texts, titles,
    # copies) and the subjects (titles, notes, tensions). While serving, a subject whose quotes and
    # these did not change keeps the last run's (reuse.py).
    context = reused.same("disagreement context", "", (corpus.sources, corpus.subjects))
    for subject, subject_uses in _by_subject(uses).items():
        found.extend(reused(
            "disagreements", subject, (tuple(subject_uses), context), lambda: _subject_disagreements(subject, subject_uses, corpus),
        ))
    return tuple(sorted(found, key=lambda d: (SEVERITY_ORDER.index(d.severity), d.subject, d.id)))


def _subject_disagreements(subject: str, uses: list[QuoteUse], corpus: Corpus) -> list[Disagreement]:
    return _disagreements_of(subject, _count_copies_once(_merge_passages(uses, corpus)), corpus)


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
        claims=(use.claim,),
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
    claims = side.claims if use.claim in side.claims else side.claims + (use.claim,)
    value = side.value or use.value or use.quote.value
    side = replace(side, claims=claims, value=value, value_text=describe(value) if value else "",
                   period=side.period or use.quote.period, scope=side.scope or use.quote.scope)
    return replace(entry, side=side, said_by=entry.said_by or use.quote.said_by,
                   occasion=entry.occasion or use.quote.occasion)


def _count_copies_once(entries: list[_Entry]) -> list[_Entry]:
    """Drop the sides of a copy that duplicate a side of the source it copies; keep their claims."""
    present = {e.side.source for e in entries}
    originals = [_original_of(i, entries, present) for i in range(len(entries))]
    moved: dict[int, list[str]] = {}
    for i, entry in enumerate(entries):
        root = _root(i, originals)
        if root != i:
            moved.setdefault(root, []).extend(entry.side.claims)
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


def _with_claims(entry: _Entry, claims: list[str]) -> _Entry:
    if not claims:
        return entry
    merged = tuple(sorted(set(entry.side.claims + tuple(claims))))
    return replace(entry, side=replace(entry.side, claims=merged))


# ---------------------------------------------------------------------------
# Comparing the sides of one subject


def _disagreements_of(subject: str, entries: list[_Entry], corpus: Corpus) -> list[Disagreement]:
    pairs: dict[str, list[tuple[int, int]]] = {}
    for i in range(len(entries)):
        for j in range(i + 1, len(entries)):
            kind = _pair_kind(entries[i], entries[j])
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


def _pair_kind(a: _Entry, b: _Entry) -> Optional[str]:
    """The kind of difference between two sides of a subject, or None (see the module's rules)."""
    if a.said_by and a.occasion and _key(a.said_by) == _key(b.said_by) and _key(a.occasion) == _key(b.occasion):
        return WORDS if words_key(_spoken(a.side)) != words_key(_spoken(b.side)) else None
    first, second = a.side.value, b.side.value
    if first is None or second is None or not values_differ(first, second):
        return None
    if _both_stated_and_differ(a.side.period, b.side.period):
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
    sides = tuple(e.side for e in entries)
    return Disagreement(
        id=f"{subject}-{kind}" if number == 1 else f"{subject}-{kind}-{number}",
        subject=subject,
        title=info.title,
        kind=kind,
        severity=SEVERITY[kind],
        note=info.note,
        sides=sides,
        reason=reason or _reason(kind, entries),
    )


def _reason(kind: str, entries: list[_Entry]) -> str:
    """What differs, in words, from the sides themselves."""
    sides = [e.side for e in entries]
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
