"""Finding a quote in an archived text, ignoring only differences of typography.

This module is the one place that decides how text is normalised for matching.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote as url_quote

# Characters folded together before matching: quotation marks, apostrophes, dashes, spaces.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u0060": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
}
_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\.\.)\s*")


_FOLD_TABLE = str.maketrans(_FOLD)
_ASCII_FOLDED = tuple(c for c in _FOLD if c.isascii())  # the backtick: the one ASCII character folded
_LONG_SPACE = re.compile(r"\s{2,}")  # \s is str.isspace(), as str.split() uses


class Offsets(Sequence[int]):
    """Where each character of a folded text stands in the original, worked out on demand.

    ``offsets[i]`` is the index in the original of ``text[i]``, with one extra at the end (the
    original's length). Folding changes one character for one, and collapses each run of white
    space to one space (dropping it at both ends), so the offsets only move apart after a run
    of two or more characters: only those runs are recorded, a few for a page of text, and an
    offset is found by bisection among them, rather than keeping an offset for every character.
    """

    def __init__(self, folded: str, length: int):
        # folded: the original with typography folded (same length); length: of the folded text
        self._length = length
        self._original_length = len(folded)
        self._starts = [0]  # from this index of the folded text on ...
        self._shifts = [len(folded) - len(folded.lstrip())]  # ... add this to find the original's
        for run in _LONG_SPACE.finditer(folded, self._shifts[0]):
            if run.end() == len(folded):
                break  # trailing white space: nothing of the folded text comes after it
            space = run.start() - self._shifts[-1]  # the one space the run becomes
            self._starts.append(space + 1)
            self._shifts.append(self._shifts[-1] + run.end() - run.start() - 1)

    def __len__(self) -> int:
        return self._length + 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index <= self._length:
            raise IndexError("offset index out of range")
        if index == self._length:
            return self._original_length
        return index + self._shifts[bisect.bisect_right(self._starts, index) - 1]


@dataclass(frozen=True)
class NormalisedText:
    """A text folded for matching, with the offset in the original of every folded character."""

    text: str
    offsets: Sequence[int]  # offsets[i] = index in the original of text[i]; one extra at the end

    @classmethod
    def of(cls, original: str) -> "NormalisedText":
        """Fold typography (one character for one), and collapse each run of white space to one space."""
        folded = _fold(original)
        text = " ".join(folded.split())
        return cls(text, Offsets(folded, len(text)))


def normalise(text: str) -> str:
    """The folded text alone (see ``NormalisedText.of``), without computing offsets."""
    return " ".join(_fold(text).split())


def _fold(text: str) -> str:
    """Typography folded, one character for one; ASCII text without a backtick is left as it is
    (str.isascii() is a flag of the string: no translation, which costs as much as the split)."""
    if text.isascii() and not any(map(text.__contains__, _ASCII_FOLDED)):
        return text
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Span:
    """Where one passage of a quote stands in the original text (start inclusive, end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Match:
    """A quote found in a source: one span per passage (more than one when joined by an ellipsis)."""

    spans: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


@dataclass(frozen=True)
class Miss:
    """A quote (or one of its passages) not found, with the closest passage of the text."""

    passage: str
    closest: str
    diff: str
    words_before: int = 0  # words of the whole quote (white space collapsed) before the first difference


def passages(quote: str) -> list[str]:
    """The passages of a quote, split at ellipses, empty ones dropped.

    The quote is normalised whole, then split: folding leaves dots, ellipses and the other
    characters where they are and only shortens runs of white space, so the ellipses and the
    passages between them are the same as when each part was normalised after splitting.
    """
    return _split(normalise(quote))


def _split(normalised: str) -> list[str]:
    if "\u2026" not in normalised and "..." not in normalised:
        return [normalised] if normalised else []  # no ellipsis: one passage, without the regex
    return [p for p in _ELLIPSIS.split(normalised) if p]


def find(quote: str, text: NormalisedText, normalised: Optional[str] = None) -> Match | Miss:
    """Find every passage of ``quote`` in ``text``, in order.

    ``normalised``: ``normalise(quote)``, when the caller has worked it out already.
    """
    spans: list[Span] = []
    cursor = 0
    parts = _split(normalise(quote) if normalised is None else normalised)
    if not parts:
        return Miss(passage=quote, closest="", diff="the quote is empty")
    for part in parts:
        at = text.text.find(part, cursor)
        if at < 0:
            whole = normalise(quote) if normalised is None else normalised
            before = len(whole[:whole.find(part)].split())
            if spans and text.text.find(part) >= 0:
                return Miss(passage=part, closest=part, diff="this passage stands before the one quoted ahead of it; passages joined by '…' must follow the text's order", words_before=before)
            missed = _miss(part, text.text)
            return Miss(missed.passage, missed.closest, missed.diff, before + missed.words_before)
        end = at + len(part)
        spans.append(Span(text.offsets[at], text.offsets[end - 1] + 1))
        cursor = end
    return Match(tuple(spans))


def _miss(passage: str, haystack: str) -> Miss:
    closest = _aligned(passage, haystack, closest_passage(passage, haystack))
    differences, words_before = _compared(passage, closest)
    return Miss(passage=passage, closest=closest, diff=_described(differences), words_before=words_before)


_WORD_EDGE = 40  # characters a closest passage may widen by to reach whole words, at each end


def closest_passage(passage: str, haystack: str) -> str:
    """The stretch of ``haystack`` of the passage's length that resembles it most.

    The stretch sharing the most character trigrams with the passage, found by one sliding window
    over the text: linear in the text's length and in the passage's, whatever they hold (a longest
    common block search was quadratic on repetitive text). A real typo leaves most trigrams
    intact, so the nearest passage still wins.
    """
    if not haystack:
        return ""
    width = len(passage)
    if width < 3 or len(haystack) <= width:
        start = 0
    else:
        shingles = {passage[i:i + 3] for i in range(width - 2)}
        hits = [haystack[i:i + 3] in shingles for i in range(len(haystack) - 2)]
        window = width - 2
        score = best = sum(hits[:window])
        start = 0
        for i in range(window, len(hits)):
            score += hits[i] - hits[i - window]
            if score > best:
                best, start = score, i - window + 1
    end = min(len(haystack), start + width)
    # Extend to whole words (not to the punctuation beside them, which the quote may rightly leave out).
    floor, ceiling = max(0, start - _WORD_EDGE), min(len(haystack), end + _WORD_EDGE)
    while start > floor and haystack[start - 1].isalnum() and haystack[start].isalnum():
        start -= 1
    while end < ceiling and haystack[end].isalnum() and haystack[end - 1].isalnum():
        end += 1
    return haystack[start:end]


# A word (letters and digits, with inner apostrophes, hyphens, points and commas: "don't",
# "US-China", "1.3", "270,000"), or one mark of punctuation.
_TOKEN = re.compile(r"\w+(?:['\-.,]\w+)*|[^\w\s]")


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def _opcodes(theirs: list[str], ours: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher.get_opcodes`` for two word lists, with the words they share at both ends
    taken off first (one pass) and only the middle given to difflib: its longest-match search is
    quadratic on repetitive words ("a b a b ... b" against the same ending "a": 3.2 million lines
    run for a 1,500-word text, 15 times the work of a text 4 times shorter; issue 24's growth test)."""
    short = min(len(theirs), len(ours))
    head = 0
    while head < short and theirs[head] == ours[head]:
        head += 1
    tail = 0
    while tail < short - head and theirs[-1 - tail] == ours[-1 - tail]:
        tail += 1
    middle = difflib.SequenceMatcher(None, theirs[head:len(theirs) - tail], ours[head:len(ours) - tail], autojunk=False).get_opcodes()
    codes = [("equal", 0, head, 0, head)] if head else []
    codes += [(tag, a0 + head, a1 + head, b0 + head, b1 + head) for tag, a0, a1, b0, b1 in middle if a1 > a0 or b1 > b0]
    if tail:
        codes.append(("equal", len(theirs) - tail, len(theirs), len(ours) - tail, len(ours)))
    return codes or [("equal", 0, 0, 0, 0)]


def _compared(expected: str, found: str) -> tuple[list[tuple[str, str, str]], int]:
    """How ``expected`` (the quote) differs from ``found`` (the text), in whole words: a list of
    (kind, the text's words, the quote's words), kind being replace, delete or insert; and how
    many words (as white space separates them) of ``expected`` come before the first difference."""
    theirs, ours = _tokens(found), _tokens(expected)

    def words(tokens: list[re.Match], start: int, end: int, text: str) -> str:
        return text[tokens[start].start():tokens[end - 1].end()] if end > start else ""

    differences, words_before = [], 0
    for tag, a0, a1, b0, b1 in _opcodes([t.group() for t in theirs], [t.group() for t in ours]):
        if tag == "equal":
            continue
        if not differences:
            words_before = len(expected[:ours[b0].start()].split()) if b0 < len(ours) else len(expected.split())
        differences.append((tag, words(theirs, a0, a1, found), words(ours, b0, b1, expected)))
    return differences, words_before


def _described(differences: list[tuple[str, str, str]]) -> str:
    changes: list[str] = []
    for tag, text_words, quote_words in differences[:3]:
        if tag == "replace":
            changes.append(f"the text has {text_words!r} where the quote has {quote_words!r}")
        elif tag == "delete":
            changes.append(f"the text has {text_words!r} that the quote leaves out")
        else:
            changes.append(f"the quote adds {quote_words!r}")
    return "; ".join(changes) or "the texts are the same apart from typography"


def _aligned(passage: str, haystack: str, closest: str) -> str:
    """The closest passage with its ends set word for word against the quote: the window of the
    quote's length that ``closest_passage`` takes shifts by as many characters as a changed word
    differs in length, cutting a word off one end and taking one too many at the other."""
    at = haystack.find(closest) if closest else -1
    if at < 0:
        return closest
    pad = 40 + len(passage) // 8
    start, end = max(0, at - pad), min(len(haystack), at + len(closest) + pad)
    while start > 0 and not haystack[start - 1].isspace():
        start -= 1
    while end < len(haystack) and not haystack[end].isspace():
        end += 1
    window = haystack[start:end]
    theirs, ours = _tokens(window), _tokens(passage)
    if not theirs or not ours:
        return closest
    codes = _opcodes([t.group() for t in theirs], [t.group() for t in ours])
    first, last = 0, len(theirs)
    tag, a0, a1, b0, b1 = codes[0]
    if tag == "delete":
        first = a1  # text words before the quote's first word
    elif tag == "replace" and a1 - a0 > b1 - b0:
        first = a1 - (b1 - b0)  # a changed first word, with text words before it
    tag, a0, a1, b0, b1 = codes[-1]
    if tag == "delete":
        last = a0  # text words after the quote's last word
    elif tag == "replace" and a1 - a0 > b1 - b0:
        last = a0 + (b1 - b0)  # a changed last word, with text words after it
    if first >= last:
        return closest
    return window[theirs[first].start():theirs[last - 1].end()]


def describe_difference(expected: str, found: str) -> str:
    """A short account, in whole words, of how the quote differs from the text (the first three
    differences): "the text has 'promises' where the quote has 'pledges'"."""
    return _described(_compared(expected, found)[0])


def locate(passage: str, text: NormalisedText, original: str) -> tuple[int, int]:
    """The line and column (1-based) in ``original`` where ``passage`` (normalised) starts; 1, 1 if absent."""
    at = text.text.find(passage) if passage else -1
    offset = text.offsets[at] if at >= 0 else 0
    line = original.count("\n", 0, offset) + 1
    column = offset - (original.rfind("\n", 0, offset) + 1) + 1
    return line, column


def anchor(source_id: str, quote: str, normalised: Optional[str] = None) -> str:
    """A stable HTML id for a quote in a source: the same words give the same anchor.

    ``normalised``: ``normalise(quote)``, when the caller has worked it out already.
    """
    digest = hashlib.sha1(f"{source_id}\n{normalise(quote) if normalised is None else normalised}".encode("utf-8")).hexdigest()
    return f"q-{digest[:10]}"


def context_sentence(text: str, span: Span) -> tuple[str, str, str]:
    """The passage with the rest of its sentence(s) on each side: (before, passage, after)."""
    start, end = span.start, span.end
    left = _last_sentence_end(text, start)
    found = _SENTENCE_END.search(text, max(start, end - 1))
    right = found.end() if found else len(text)
    right = max(right, end)
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _last_sentence_end(text: str, before: int) -> int:
    """Where the sentence holding offset ``before`` starts: the end of the last sentence before it.

    Searched backwards in widening windows, so a source with many quoted passages costs what
    their sentences cost, not the length of the text for each passage.
    """
    window = 512
    low = before
    while low > 0:
        low = max(0, low - window)
        ends = [found.end() for found in _SENTENCE_END.finditer(text, low, before)]
        if ends:
            return ends[-1]
        window *= 2
    return 0


# The end of a sentence: . ? or ! with any closing quotation marks or brackets, before a space;
# not the full stop of an initial ("U.S. universities"). Or the end of a line.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.?!][\u201d\u2019\"')\]]*(?=\s)|\n")


def text_fragment(url: str, quote: str) -> str:
    """The source's address with a text fragment that scrolls to the quote (first passage)."""
    parts = [" ".join(p.split()) for p in _ELLIPSIS.split(quote) if p.strip()]
    if not url or not parts:
        return url
    words = parts[0].split(" ")
    if len(words) > 8:
        directive = f"{_fragment_escape(' '.join(words[:4]))},{_fragment_escape(' '.join(words[-4:]))}"
    else:
        directive = _fragment_escape(parts[0])
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={directive}"


def _fragment_escape(words: str) -> str:
    return url_quote(words, safe="")


def first_match(quote: str, text: str) -> Optional[Match]:
    result = find(quote, NormalisedText.of(text))
    return result if isinstance(result, Match) else None
