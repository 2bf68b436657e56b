"""The editor's assistant: which checkable sentences no claim quotes yet, and which sentences of
two documents may disagree. Pure functions over the analysed corpus; no I/O, no MkDocs.

Coverage. A sentence (``sentences.py``) is checkable when it carries a figure or a date or time
expression (read by ``values.read_values``, dates against the source's publication date), a
quotation or reported speech (with its speaker when one from people.yaml is named), or a named
event or status ("has taken place", "was signed", "is scheduled", "have not spoken"...). It is
uncovered when no verified quote of a claim overlaps it and no ``not_checked`` entry of its
source record lists a passage of it.

Candidates. Sentences are indexed by the words that can tie two of them (``ties``): the names of
people.yaml (full name, surname, an organisation's abbreviation), other capitalised names, the
noun a figure counts ("students") and event nouns ("talks", "call", "deal"); a capitalised word
that opens a sentence is not taken for a name, since any word may open one. Only sentences of
different sources that share such a word are compared, and only through blocks of at most
``BLOCK`` sentences: a word found in more sentences ("China", "talks") ties nothing alone, only
together with a second such word of the same sentence ("talks" + "Bessent"), and a pair of words
found in more than ``BLOCK`` sentences is a large block, where each sentence is compared only with
the next ``WINDOW`` once the block is sorted by counted noun and figure, date, speakers and ties
(the sorted-neighbourhood method of record linkage). So each block costs at most ``BLOCK``² / 2 or
``WINDOW`` comparisons a sentence, and the work grows with the sentences: no pass over all pairs. Each pair is then tested for:

- ``figures``: values of the same measure (same counted noun, comparable kind and unit) that cannot
  both hold (``values.compatible``), or whose stated figures differ by more than 10 % while
  neither one's span holds the other's (a vague "hundreds of thousands" agrees with "270,000");
- ``words``: the same speaker quoted in different words that still share content words;
- ``dates``: the same event (a shared event noun) given dates that cannot both hold, or one body's
  statements dated differently;
- ``status``: the same event said to have happened in one and not yet, or only expected, in the other;
- ``characterisation``: opposite descriptions of the same situation ("stalled" / "optimistic").

The score adds the weight of each finding to a small bonus for the ties; candidates are ranked by
score, and at most ``per_pair`` are kept for each pair of sources. ``covered_by`` is the subject
of a claim's quotes that overlap a sentence of each side, when they share one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .model import Corpus, Person, QuoteUse, Source
from .quotes import normalise
from .sentences import Sentence, split_sentences
from .values import Value, comparable, compatible, describe, read_values, relative_difference

FIGURE_TOLERANCE = 0.10  # as disagree.py: stated figures further apart than this differ
BLOCK = 40  # the most sentences a tie word (or pair of common tie words) gathers for all their pairs
WINDOW = 4  # in a larger block, each sentence is compared with the next WINDOW (sorted neighbourhood)
NEAR = 50  # characters around a date or a status word where its event noun is looked for
PER_PAIR = 10  # candidates kept for each pair of sources by default: a page

_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|added|noted|warned|claimed|described|posted|wrote|"
    r"announced|accused|insisted|argued|according to|in a statement|in an interview)\b", re.I)
_QUOTED = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
_STATUS_DONE = re.compile(
    r"\b(?:has|have|had) (?:already )?(?:taken place|been (?:signed|agreed|held|reached|lifted|announced))|"
    r"\b(?:took place|was signed|were signed|was held|were held|was agreed|was reached|signed|agreed|"
    r"spoke|have spoken|has spoken|had a call|held talks|announced|approved|unveiled|released|launched)\b", re.I)
_STATUS_NOT_YET = re.compile(
    r"\b(?:has not|have not|hasn’t|haven’t|hasn't|haven't|had not|hadn’t|hadn't|did not|didn’t|didn't)"
    r"(?: yet)? (?:been |taken |spoken|signed|held|lifted|agreed|happened|responded|come)|"
    r"\b(?:not yet|yet to|no (?:date|plans?) (?:has|have) been)\b", re.I)
_STATUS_EXPECTED = re.compile(
    r"\b(?:is|are|was|were) (?:scheduled|expected|set|due|planned) to|\b(?:will|would) (?:be )?(?:hold|held|"
    r"meet|take place|speak|talk|sign|have)\b|\bupcoming\b|\bplans? to\b", re.I)
_NEGATIVE = ("stalled", "impasse", "breaking down", "broken down", "breakdown", "violated", "violating",
             "violation", "collapse", "derail", "escalation", "escalated", "fraying", "fragile", "undermined",
             "stuck", "deteriorat", "standstill", "frustrated", "displeasure", "unjustified", "chaotic")
_POSITIVE = ("optimistic", "confident", "progress", "very good", "productive", "constructive", "on track",
             "upheld", "successful", "major first step", "iron out", "positive", "reprieve", "very well")
_EVENT_NOUNS = frozenset(
    "talks call deal agreement truce meeting statement announcement negotiations summit visit interview "
    "controls restrictions tariffs visas ban order guidance consensus".split())
_STOP = frozenset(
    "a an the and or but of in on at to for from by with as this that these those it its their his her "
    "he she they we i you our my is are was were be been has have had will would can could may might "
    "not no than then there here which who whom whose what when where while after before about over "
    "under more less some any all each both per cent percent year years month months week weeks day days "
    "also so such into out up down just only even very much many most other new".split())
_CAPITALISED = re.compile(r"\b[A-Z][\w’'&.-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w’'&.-]*)*")
_NOT_NAMES = frozenset(
    "The A An And But In On At For From By With As This That These Those It Its Their His Her He She They "
    "We I You Our If When While After Before Then Still Even Just Instead Among Any What Why How Both "
    "Meanwhile However Finally Looking Photo Updated Published Key Goals Authorities Additional Corporates "
    "Tech Net Business Econ FWIW So Not No Yes There Here".split()
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
      "August September October November December".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Uncovered:
    """A checkable sentence that no claim quotes and no "not checked" entry lists."""

    source: str
    line: int
    sentence: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    source: str
    line: int
    sentence: str


@dataclass(frozen=True)
class Candidate:
    """Two sentences of different sources that speak of the same thing and may conflict."""

    sides: tuple[Side, ...]
    reasons: tuple[str, ...]  # the findings, then the words that tied the sentences
    ties: tuple[str, ...]
    covered_by: Optional[str]  # the subject that already holds both, or None
    score: float


@dataclass(frozen=True)
class Suggestions:
    uncovered: tuple[Uncovered, ...]
    candidates: tuple[Candidate, ...]

    def as_json(self) -> dict:
        """The shape documented in manual/docs/reference/commands.md."""
        return {
            "uncovered": [
                {"source": u.source, "line": u.line, "sentence": u.sentence, "reasons": list(u.reasons)}
                for u in self.uncovered
            ],
            "candidates": [
                {"sides": [{"source": s.source, "line": s.line, "sentence": s.sentence} for s in c.sides],
                 "reasons": list(c.reasons), "covered_by": c.covered_by, "score": c.score}
                for c in self.candidates
            ],
        }


# ---------------------------------------------------------------------------
# What one sentence carries


@dataclass(frozen=True)
class _Read:
    """A sentence and what the rules found in it."""

    source: str
    sentence: Sentence
    figures: tuple[tuple[Value, str], ...]  # numeric values with the noun they count ("" if none)
    dates: tuple[tuple[Value, frozenset[str]], ...]  # date values with the event nouns next to them
    quoted: tuple[str, ...]
    quote_key: str  # the quoted words, typography and case folded
    quote_words: frozenset[str]  # their content words (first six letters)
    speakers: tuple[str, ...]  # people.yaml keys named in a sentence with a quotation or speech verb
    speech: str  # the speech verb found, or ""
    status: str  # done | not-yet | expected | ""
    status_words: str
    status_events: frozenset[str]  # the event nouns next to the status words
    polarity: tuple[str, str]  # (negative word, positive word) found, "" for none
    ties: frozenset[str]
    events: frozenset[str]
    subjects: frozenset[str]


class _Names:
    """The names of people.yaml, as they may be written in a text, and the key each stands for.

    Looked up from each capitalised word of a text (a dictionary of first words), not with one
    pattern of every name: a people.yaml of hundreds of names made that the slowest step."""

    def __init__(self, people: Iterable[Person]):
        self.by_alias: dict[str, str] = {}
        for person in people:
            for alias in _aliases(person):
                self.by_alias.setdefault(alias.casefold(), person.key)
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for alias in sorted(self.by_alias, key=len, reverse=True):
            self.by_first[alias.split()[0]].append(alias)

    def keys_in(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """(key, span) of each name written in ``text``, longest first where names overlap."""
        found: list[tuple[str, tuple[int, int]]] = []
        folded = text.casefold()
        after = 0
        for word in _NAME_START.finditer(text):
            if word.start() < after:
                continue
            for alias in self.by_first.get(word.group(0).casefold(), ()):
                end = word.start() + len(alias)
                if folded.startswith(alias, word.start()) and (end == len(text) or not text[end].isalnum()):
                    found.append((self.by_alias[alias], (word.start(), end)))
                    after = end
                    break
        return found


_NAME_START = re.compile(r"(?<![\w’'])[A-Z][\w’'.&-]*(?<![.’'])")


def _aliases(person: Person) -> list[str]:
    name = person.name
    found = [re.sub(r"\s*\(.*?\)", "", name).strip()]
    found += re.findall(r"\(([^)]+)\)", name)
    if person.kind == "person" and " " in name:
        found.append(name.split()[-1] if not re.search(r"[\u4e00-\u9fff]", name) else name.split()[0])
    if person.kind == "person" and len(name.split()) == 2 and name.split()[0] in ("Xi", "Mao", "He"):
        found = [name]  # Chinese names: surname first and too short to stand alone
    return [a for a in found if len(a) >= 3]


def _read(source: Source, sentence: Sentence, names: _Names, subjects: frozenset[str]) -> _Read:
    text = sentence.text
    reference = source.published
    figures: list[tuple[Value, str]] = []
    dates: list[tuple[Value, frozenset[str]]] = []
    for start, end, value in read_values(text, reference):
        if value.is_numeric:
            figures.append((value, _counted_noun(text, end)))
        elif value.is_date:
            dates.append((value, _events_near(text, start, end)))
    quoted = tuple(a or b for a, b in _QUOTED.findall(text))
    speech_match = _SPEECH.search(text)
    named = names.keys_in(text)
    marks = [m.span() for m in _QUOTED.finditer(text)] + ([speech_match.span()] if speech_match else [])
    speakers = tuple(dict.fromkeys(_nearest(named, mark) for mark in marks if _nearest(named, mark)))
    status, status_words, status_events = "", "", frozenset()
    for kind, pattern in (("not-yet", _STATUS_NOT_YET), ("done", _STATUS_DONE), ("expected", _STATUS_EXPECTED)):
        if found := pattern.search(text):
            status, status_words = kind, found.group(0).strip()
            status_events = _events_near(text, found.start(), found.end())
            break
    lowered = text.casefold()
    negative = next((w for w in _NEGATIVE if w in lowered), "")
    positive = next((w for w in _POSITIVE if w in lowered), "")
    words = {w.casefold() for w in _WORD.findall(text)}
    events = frozenset(words & _EVENT_NOUNS)
    ties = {text[start:end] for _, (start, end) in named} | set(_capitalised_names(text)) | {n for _, n in figures if n} | events
    joined = " ".join(quoted)
    return _Read(
        source=source.id, sentence=sentence, figures=tuple(figures), dates=tuple(dates), quoted=quoted,
        quote_key=normalise(joined).casefold() if quoted else "", quote_words=frozenset(_content(joined)),
        speakers=speakers, speech=speech_match.group(0) if speech_match else "", status=status,
        status_words=status_words, status_events=status_events, polarity=(negative, positive),
        ties=frozenset(t.casefold() for t in ties), events=events, subjects=subjects,
    )


def _nearest(named: Sequence[tuple[str, tuple[int, int]]], mark: tuple[int, int], reach: int = NEAR) -> str:
    """The speaker of a quotation or a speech verb: the name nearest to it, within ``reach``
    characters ("" when none is)."""
    best, distance = "", reach + 1
    for key, (start, end) in named:
        gap = max(start - mark[1], mark[0] - end, 0)
        if gap < distance:
            best, distance = key, gap
    return best


def _events_near(text: str, start: int, end: int, reach: int = NEAR) -> frozenset[str]:
    """The event nouns within ``reach`` characters of text[start:end]."""
    around = text[max(0, start - reach):end + reach]
    return frozenset(w.casefold() for w in _WORD.findall(around) if w.casefold() in _EVENT_NOUNS)


def _counted_noun(text: str, end: int) -> str:
    """The noun a figure counts: the first word after it, within three, that is not a stop word
    ("300,000 Chinese students" -> "students")."""
    for word in _WORD.findall(text[end:end + 60])[:3]:
        lowered = word.casefold()
        if lowered not in _STOP and not word[0].isupper():
            return lowered
    return ""


def _capitalised_names(text: str) -> list[str]:
    found = []
    for match in _CAPITALISED.finditer(text):
        words = [w for w in match.group(0).split() if w not in _NOT_NAMES]
        name = " ".join(words).strip(".’'")
        if len(name) >= 2 and match.start() > 0 and name not in _NOT_NAMES:
            found.append(name)
    return found


# ---------------------------------------------------------------------------
# Coverage


def checkable_reasons(read: _Read, corpus: Optional[Corpus] = None) -> list[str]:
    """Why a sentence is checkable (empty: it is not)."""
    reasons = [f"figure: {value.text or describe(value)}" for value, _ in read.figures]
    reasons += [f"date or time: {value.text or describe(value)}" for value, _ in read.dates]
    who = ", ".join(corpus.name_of(k) if corpus else k for k in read.speakers) or "speaker not named in the sentence"
    if read.quoted:
        reasons.append(f"quotation ({who})")
    elif read.speech:
        reasons.append(f"reported speech, “{read.speech}” ({who})")
    if read.status:
        reasons.append(f"event or status: “{read.status_words}”")
    return reasons


def _overlaps(sentence: Sentence, uses: Sequence[QuoteUse]) -> list[QuoteUse]:
    return [u for u in uses if u.start < sentence.end and sentence.start < u.end]


def _listed_not_checked(sentence: Sentence, passages: Sequence[str]) -> bool:
    folded = normalise(sentence.text)
    return any(p and (p in folded or folded in p) for p in passages)


# ---------------------------------------------------------------------------
# The whole run


def uncovered_in(source: Source, corpus: Corpus, uses: Sequence[QuoteUse]) -> tuple[Uncovered, ...]:
    """The checkable sentences of one source that no quote of ``uses`` overlaps and no
    ``not_checked`` entry lists (for its page: the coverage half of ``suggest``, for one source)."""
    names = _Names(corpus.people)
    found = []
    for read, overlapping in _reads_of(source, names, [u for u in uses if u.quote.source == source.id]):
        reasons = checkable_reasons(read, corpus)
        if reasons and not overlapping and not _listed_not_checked(read.sentence, _not_checked(source)):
            found.append(Uncovered(source.id, read.sentence.line, read.sentence.text, tuple(reasons)))
    return tuple(found)


def _not_checked(source: Source) -> list[str]:
    return [normalise(entry.passage) for entry in source.not_checked]


def _reads_of(source: Source, names: _Names, uses: Sequence[QuoteUse]) -> Iterable[tuple[_Read, list[QuoteUse]]]:
    ordered = sorted(uses, key=lambda u: u.start)
    for sentence in split_sentences(source.text):
        overlapping = _overlaps(sentence, ordered)
        yield _read(source, sentence, names, frozenset(u.quote.subject for u in overlapping if u.quote.subject)), overlapping


def suggest(corpus: Corpus, uses: Sequence[QuoteUse], only_source: str = "", per_pair: int = PER_PAIR) -> Suggestions:
    """Uncovered checkable sentences and candidate disagreements (rules in the module's docstring).

    ``only_source``: keep only what concerns that source id; ``per_pair``: candidates kept for each
    pair of sources (0: all)."""
    names = _Names(corpus.people)
    uses_by_source: dict[str, list[QuoteUse]] = defaultdict(list)
    for use in uses:
        uses_by_source[use.quote.source].append(use)
    reads: list[_Read] = []
    uncovered: list[Uncovered] = []
    for source in corpus.sources:
        not_checked = _not_checked(source)
        for read, overlapping in _reads_of(source, names, uses_by_source.get(source.id, ())):
            reads.append(read)
            if only_source and source.id != only_source:
                continue
            reasons = checkable_reasons(read, corpus)
            if reasons and not overlapping and not _listed_not_checked(read.sentence, not_checked):
                uncovered.append(Uncovered(source.id, read.sentence.line, read.sentence.text, tuple(reasons)))
    candidates = _candidates(reads, corpus, only_source)
    return Suggestions(tuple(uncovered), tuple(_page_per_pair(candidates, per_pair)))


def _candidates(reads: Sequence[_Read], corpus: Corpus, only_source: str) -> list[Candidate]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, read in enumerate(reads):
        for tie in read.ties:
            postings[tie].append(index)
    common = {tie for tie, indexes in postings.items() if len(indexes) > BLOCK}
    blocks: dict[tuple[str, ...], list[int]] = {(tie,): indexes for tie, indexes in postings.items() if tie not in common}
    for index, read in enumerate(reads):
        frequent = sorted(read.ties & common)
        for position, first in enumerate(frequent):
            for second in frequent[position + 1:]:
                blocks.setdefault((first, second), []).append(index)
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for key, indexes in blocks.items():
        if len({reads[i].source for i in indexes}) < 2:
            continue
        if len(indexes) > BLOCK:  # sorted neighbourhood: each with the next few in an order that puts like near like
            indexes = sorted(indexes, key=lambda i: _order(reads[i]))
            reach = WINDOW
        else:
            reach = len(indexes)
        for position, first in enumerate(indexes):
            for second in indexes[position + 1:position + 1 + reach]:
                if reads[first].source != reads[second].source:
                    shared[(min(first, second), max(first, second))].update(key)
    found = []
    for (first, second), ties in shared.items():
        a, b = reads[first], reads[second]
        if only_source and only_source not in (a.source, b.source):
            continue
        findings = _findings(a, b, corpus)
        if not findings:
            continue
        score = sum(weight for weight, _ in findings) + 0.25 * min(len(ties), 4)
        if all(t in _EVENT_NOUNS for t in ties):  # tied by an event noun alone: weaker evidence
            score /= 2
        ties = sorted(ties)
        reasons = tuple(text for _, text in findings) + (f"tied by: {', '.join(ties)}",)
        covered = sorted(a.subjects & b.subjects)
        found.append(Candidate(
            sides=(_side(a), _side(b)), reasons=reasons, ties=tuple(ties),
            covered_by=covered[0] if covered else None, score=round(score, 2),
        ))
    found.sort(key=lambda c: (-c.score, c.sides[0].source, c.sides[0].line, c.sides[1].source, c.sides[1].line))
    return found


def _order(read: _Read) -> tuple:
    """Where a sentence stands in a large block: by what it measures and the figure, then by date,
    then by its speakers and ties, so that neighbours are the sentences most worth comparing."""
    noun, figure = "", 0.0
    if read.figures:
        value, noun = read.figures[0]
        figure = value.figure or 0.0
    day = read.dates[0][0].start.toordinal() if read.dates and read.dates[0][0].start else 0
    return (noun, figure, day, read.speakers, sorted(read.ties))


def _side(read: _Read) -> Side:
    return Side(read.source, read.sentence.line, read.sentence.text)


def _page_per_pair(candidates: Iterable[Candidate], per_pair: int) -> list[Candidate]:
    if per_pair <= 0:
        return list(candidates)
    kept: dict[tuple[str, str], int] = defaultdict(int)
    page = []
    for candidate in candidates:
        pair = tuple(sorted(side.source for side in candidate.sides))
        if kept[pair] < per_pair:
            kept[pair] += 1
            page.append(candidate)
    return page


def _findings(a: _Read, b: _Read, corpus: Corpus) -> list[tuple[float, str]]:
    findings: list[tuple[float, str]] = []
    findings += _figure_findings(a, b)
    findings += _words_findings(a, b, corpus)
    findings += _date_findings(a, b, corpus)
    findings += _status_findings(a, b)
    findings += _polarity_findings(a, b)
    return findings


def _figure_findings(a: _Read, b: _Read) -> list[tuple[float, str]]:
    for first, noun in a.figures:
        for second, other_noun in b.figures:
            if not noun or noun != other_noun or not comparable(first, second):
                continue
            if not compatible(first, second):
                return [(3.0, f"figures for “{noun}” that cannot both hold: {first.text} / {second.text}")]
            if _spans_within(first, second) or _spans_within(second, first):
                continue  # "hundreds of thousands" holds "more than 270,000": the vaguer figure agrees
            difference = relative_difference(first, second)
            if difference is not None and difference > FIGURE_TOLERANCE:
                return [(2.0, f"different figures for “{noun}” ({difference:.0%} apart): {first.text} / {second.text}")]
    return []


def _spans_within(inner: Value, outer: Value) -> bool:
    """Whether every reading of ``inner`` is also a reading of ``outer``."""
    a, b = inner.interval, outer.interval
    return b.low <= a.low and a.high <= b.high


def _content(text: str) -> set[str]:
    return {w.casefold()[:6] for w in _WORD.findall(text) if w.casefold() not in _STOP and len(w) > 2}


def _words_findings(a: _Read, b: _Read, corpus: Corpus) -> list[tuple[float, str]]:
    speakers = [k for k in a.speakers if k in b.speakers]
    if not speakers or not a.quoted or not b.quoted:
        return []
    if a.quote_key == b.quote_key:
        return []
    words_a, words_b = a.quote_words, b.quote_words
    if not words_a or not words_b:
        return []
    shared = words_a & words_b
    overlap = len(shared) / min(len(words_a), len(words_b))
    if overlap >= 1.0 or len(shared) < 3:  # one quote inside the other, or too little in common
        return []
    return [(2.0 + 2.0 * overlap, f"{corpus.name_of(speakers[0])} quoted in different words "
                                  f"({len(shared)} content words shared)")]


def _date_findings(a: _Read, b: _Read, corpus: Corpus) -> list[tuple[float, str]]:
    speakers = [k for k in a.speakers if k in b.speakers]
    for first, events_a in a.dates:
        for second, events_b in b.dates:
            if compatible(first, second):
                continue
            pair = f"{first.text or describe(first)} / {second.text or describe(second)}"
            events = sorted(events_a & events_b)
            if events:
                return [(2.0, f"the same {events[0]} given dates that cannot both hold: {pair}")]
            if speakers:
                return [(1.0, f"{corpus.name_of(speakers[0])}'s statements dated differently: {pair}")]
    return []


_STATUS_CONFLICTS = {("done", "not-yet"): 2.5, ("done", "expected"): 1.5}


def _status_findings(a: _Read, b: _Read) -> list[tuple[float, str]]:
    events = sorted(a.status_events & b.status_events)
    if not events or not a.status or not b.status or a.status == b.status:
        return []
    weight = _STATUS_CONFLICTS.get((a.status, b.status)) or _STATUS_CONFLICTS.get((b.status, a.status))
    if weight is None:
        return []
    return [(weight, f"the {events[0]}: “{a.status_words}” ({a.status}) / “{b.status_words}” ({b.status})")]


def _polarity_findings(a: _Read, b: _Read) -> list[tuple[float, str]]:
    if a.polarity[0] and b.polarity[1] and not b.polarity[0]:
        return [(1.5, f"opposite characterisations: “{a.polarity[0]}” / “{b.polarity[1]}”")]
    if b.polarity[0] and a.polarity[1] and not a.polarity[0]:
        return [(1.5, f"opposite characterisations: “{a.polarity[1]}” / “{b.polarity[0]}”")]
    return []
