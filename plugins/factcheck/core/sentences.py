"""Split an archived text into sentences, each with its offsets and its line. Pure, no I/O.

Our own rules, written for news copy as it is archived (one paragraph a line):

1. A line is never joined to the next: headlines, bylines, datelines, captions and list items
   stand on their own line, and each such line without a sentence end is one sentence.
2. Within a line, a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets
   after it) followed by white space and then a capital letter, a digit or an opening quote.
3. Not a sentence end: a dot after a known abbreviation ("Mr.", "Dr.", "Gen.", "Jan.", "U.S.",
   "e.g."), after a single capital letter (an initial: "Jinping X. said"), or inside a number
   ("1.5", rule 2 needs white space after the dot anyway).
4. A quotation that runs over several sentences is kept whole: no split while a curly opening
   quote ("“") is still open in the line. Straight double quotes are counted the same way,
   open after an odd number of them.

pysbd was considered; it is not in the fixed stack, and these four rules split the five archived
texts as an editor would (tests/test_sentences.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt rep sen gov st jr sr co corp inc ltd no vs etc e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n u.s.a approx".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: ``text[start:end]``, on 1-based ``line``."""

    start: int
    end: int
    line: int
    text: str


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence of ``text`` in order (rules in the module's docstring); blank lines give none."""
    found: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        for start, end in _line_sentences(line):
            found.append(Sentence(offset + start, offset + end, number, line[start:end]))
        offset += len(line) + 1
    return tuple(found)


def _line_sentences(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = _skip_space(line, 0)
    for match in _END.finditer(line):
        end = match.end()
        if end <= start or not _ends_sentence(line, start, match.start(), end):
            continue
        spans.append((start, end))
        start = _skip_space(line, end)
    tail = line[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return spans


def _skip_space(line: str, at: int) -> int:
    while at < len(line) and line[at].isspace():
        at += 1
    return at


def _ends_sentence(line: str, start: int, dot: int, end: int) -> bool:
    piece = line[start:end]
    if _open_quote(piece):
        return False
    if line[dot] != ".":
        return True
    word = re.search(r"([\w.]+)$", line[start:dot])
    if word is None:
        return True
    token = word.group(1)
    if len(token) == 1 and token.isupper():  # an initial
        return False
    return token.lower().rstrip(".") not in ABBREVIATIONS


def _open_quote(piece: str) -> bool:
    if piece.count("“") > piece.count("”"):
        return True
    return piece.count('"') % 2 == 1
