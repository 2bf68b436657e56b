"""Work that grows at most linearly (issue 24): the quote reader, the number reader and the
duplicate finder, on generated adversarial inputs within the limits.

No clock: the work is counted, deterministically, as

- every line of Python run in the module under test and in difflib (``sys.settrace``), which
  counts loops written in Python, and
- every character handed to the regular-expression engine by the module's compiled patterns
  and its ``re.*`` calls: the whole subject (from ``pos``) for a scanning call (``search``,
  ``finditer``, ``findall``, ``sub``, ``split``), the matched length for an anchored ``match``.
  The first round's quadratic number reader ran ``re.search`` over ``text[:start]`` for every
  bare number: counted here, that is the square of the text.

Each example builds one family of inputs at sizes n and 4n from a unit drawn by hypothesis (a few
examples each: settrace makes every one cost seconds)
(an adversarial fragment repeated: "(1", "a", "300,000 ", "Mr. Smith said 12"), and asserts
work(4n) <= 6 x work(n): linear work gives about 4, n log n a little more, quadratic 16.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from contextlib import contextmanager
from types import ModuleType
from typing import Callable, Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck.core.duplicates as duplicates
import factcheck.core.quotes as quotes
import factcheck.core.values as values
from factcheck.core.model import Claim, Position, Quote, QuoteUse

GROWTH = 4  # the larger input is this many times the smaller
ALLOWED = 6  # times the work of the smaller: linear gives ~4, quadratic 16
SETTINGS = settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


class _Counted:
    """A compiled pattern that adds what it hands the engine to ``work``."""

    _SCANNING = ("search", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: re.Pattern, work: list[int]):
        self._pattern, self._work = pattern, work

    def __getattr__(self, name: str):
        found = getattr(self._pattern, name)
        if name == "search":  # the engine advances from pos to the match's end, or to the end
            def search(*args, **kwargs):
                result = found(*args, **kwargs)
                subject, pos = args[0], args[1] if len(args) > 1 else kwargs.get("pos", 0)
                self._work[0] += (result.end() - pos + 1) if result else max(len(subject) - pos, 1)
                return result
            return search
        if name in self._SCANNING:  # the whole subject, once
            def scanning(*args, **kwargs):
                subject = args[1] if name in ("sub", "subn") else args[0]
                pos = args[1] if name in ("finditer", "findall") and len(args) > 1 else kwargs.get("pos", 0)
                self._work[0] += max(len(subject) - pos, 1) if isinstance(subject, str) else 1
                return found(*args, **kwargs)
            return scanning
        if name in ("match", "fullmatch"):
            def anchored(*args, **kwargs):
                result = found(*args, **kwargs)
                self._work[0] += (result.end() - result.start() + 1) if result else 1
                return result
            return anchored
        return found


class _CountedRe:
    """The ``re`` module as the module under test sees it: its calls counted like a pattern's."""

    def __init__(self, work: list[int]):
        self._work = work

    def __getattr__(self, name: str):
        found = getattr(re, name)
        if name in _Counted._SCANNING + ("match", "fullmatch"):
            def call(pattern, *args, **kwargs):
                return getattr(_Counted(re.compile(pattern, kwargs.pop("flags", 0)), self._work), name)(*args, **kwargs)
            return call
        return found


@contextmanager
def counting(module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """``work[0]``: lines run in ``module`` and difflib, plus characters handed to the regex engine."""
    work = [0]
    for name, value in list(vars(module).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(module, name, _Counted(value, work))
    if isinstance(getattr(module, "re", None), ModuleType):
        monkeypatch.setattr(module, "re", _CountedRe(work))
    watched = {module.__file__, sys.modules["difflib"].__file__}

    def local(frame, event, arg):
        if event == "line":
            work[0] += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename in watched else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield work
    finally:
        sys.settrace(previous)
        monkeypatch.undo()


def work_of(module: ModuleType, run: Callable[[], object]) -> int:
    with pytest.MonkeyPatch.context() as monkeypatch, counting(module, monkeypatch) as work:
        run()
    return work[0]


def assert_linear(module: ModuleType, make: Callable[[int], Callable[[], object]], size: int) -> tuple[int, int]:
    small, large = work_of(module, make(size)), work_of(module, make(size * GROWTH))
    assert large <= ALLOWED * small, f"work {small:,} at n={size:,}, {large:,} at n={size * GROWTH:,}: {large / small:.1f} times"
    return small, large


# ----------------------------------------------------------------------------- the proxy itself


def test_the_count_sees_quadratic_work_as_quadratic():
    """The proxy is worth something only if it tells the first round's bug from its fix: a regex
    search over the text before every number (as _after_proper_name did) grows with the square."""
    module = ModuleType("quadratic")
    module.__file__ = "<quadratic>"
    module.re = re
    module.WORD_BEFORE = re.compile(r"(\S+)\s+$")

    def before_every_number(text: str) -> None:
        for number in re.finditer(r"\d+", text):
            module.WORD_BEFORE.search(text[:number.start()])

    with pytest.raises(AssertionError, match="times"):  # small: the regex backtracks, so its time is cubic
        assert_linear(module, lambda n: lambda: before_every_number("(1" * n), 100)


# ----------------------------------------------------------------------------- the number reader

UNITS = ["(1", "1,", "1.", "300,000 ", "Mr. Smith said 12 ", "more than 5 ", "a", "- ", "1-2 ", "May 2025 ", "twenty-one ", "$3bn "]


@SETTINGS
@given(unit=st.sampled_from(UNITS) | st.text(alphabet="(1,. -aM$%", min_size=1, max_size=4))
@example(unit="(1")  # the first round's reproducer: validate 31 s on 1,500 of them
def test_the_number_reader_grows_linearly(unit):
    size = max(1, 400 // len(unit))  # about 400 characters, then 1,600
    assert_linear(values, lambda n: lambda: values.read_values(unit * n), size)


# ----------------------------------------------------------------------------- the quote reader


@SETTINGS
@given(unit=st.sampled_from(["a", "ab", "a b ", "the cat ", "(1", "1,000 "]), ending=st.sampled_from(["b", "x y", "!"]))
@example(unit="a", ending="b")  # the first round's reproducer: "a" x 2,999 + "b" against "a" x 1,000,000
def test_the_quote_reader_grows_linearly_on_a_quote_it_cannot_find(unit, ending):
    """A quote not in the text: found where it is not, then the closest passage and the difference."""
    def make(n: int):
        text = quotes.NormalisedText.of(unit * n)
        quote = (unit * (n // 4)).strip() + ending
        return lambda: quotes.find(quote, text)

    assert_linear(quotes, make, max(1, 1_000 // len(unit)))


@SETTINGS
@given(unit=st.sampled_from(["a ", "the cat sat ", "300,000 students "]))
def test_the_quote_reader_grows_linearly_on_a_quote_it_finds(unit):
    def make(n: int):
        text = quotes.NormalisedText.of(unit * n)
        quote = " … ".join([unit.strip()] * 3)
        return lambda: quotes.find(quote, text)

    assert_linear(quotes, make, max(1, 1_000 // len(unit)))


# ----------------------------------------------------------------------------- the duplicate finder


def _claim(n: int, text: str) -> Claim:
    return Claim(
        id=f"c{n}", claim=text, short=text[:75], claimant="p", appeared=(Quote(source="s", text=text),), verdict="true",
        conclusion="c", explanation="e", published=dt.date(2025, 6, 1), position=Position(f"claims/c{n}.yaml", 1, 1),
    )


@pytest.mark.parametrize("family", ["same", "shared-words", "same-passage"])
def test_the_duplicate_finder_grows_linearly_in_claims(family):
    """Claims that all look alike, three ways: the same text (2,000 of them gave 4 million warnings
    in the issue), texts sharing most words, quotes of one passage."""
    def make(n: int):
        if family == "same":
            claims = [_claim(i, "Tariffs on steel reached 300,000 dollars a tonne in 2024.") for i in range(n)]
        else:
            claims = [_claim(i, f"word{i % 7} tariffs steel reached dollars tonne year report {i}") for i in range(n)]
        uses = [
            QuoteUse(claim=c.id, role="appeared", quote=c.appeared[0], exact="", anchor="", start=i % 3, end=60 + i % 3)
            for i, c in enumerate(claims)
        ] if family in ("same", "same-passage") else []
        return lambda: duplicates.duplicate_problems(claims, uses)

    assert_linear(duplicates, make, 100)  # mostly past the 64 earlier quotes a quote is compared with at most


_WORDS = "officials at the trade ministry said that steel tariffs reached record highs again this year".split()


def _reordered(n: int) -> str:
    listed = _WORDS[:10]
    random.Random(n).shuffle(listed)
    return " ".join(listed)


SAME_WORDING_FAMILIES = {
    # every pair of claims 92% alike: the short texts found through pairs of words, the long through single words
    "alike-but-one-word": lambda n: f"Tariffs on steel reached dollars a tonne in 2024, the report said {n}.",
    "alike-but-one-word-long": lambda n: " ".join(f"w{k}" for k in range(duplicates.PAIRED_UP_TO + 2)) + f" x{n}",
    # every pair shares all its words, but difflib finds the orders too far apart: all candidates, few alike
    "same-words-reordered": _reordered,
    # half the claims one text, the other half alike to it and to each other (copies x near texts)
    "copies-and-alike": lambda n: " ".join(_WORDS) + ("" if n % 2 else f" desk{n}"),
    # the same with eight words: one word more is 94% alike to the text, but two such texts only 89%
    # alike, so every one of them is near the text alone
    "copies-and-alike-to-them-only": lambda n: " ".join(_WORDS[:8]) + ("" if n % 2 else f" desk{n}"),
}


@pytest.mark.parametrize("family", SAME_WORDING_FAMILIES)
def test_the_same_wording_search_grows_linearly_in_claims_worded_alike(family):
    """Claims worded alike, where every pair (or most) is a candidate: each wording's search is
    bounded (duplicates.FOUND_PER_TEXT, COMPARED_PER_TEXT, READ_PER_LIST). The smaller size is twice
    the largest bound, so that most texts reach theirs, as at any larger size."""
    def make(n: int):
        claims = [_claim(i, SAME_WORDING_FAMILIES[family](i)) for i in range(n)]
        return lambda: duplicates.duplicate_problems(claims, [])

    assert_linear(duplicates, make, 2 * max(duplicates.FOUND_PER_TEXT, duplicates.COMPARED_PER_TEXT))


def test_without_its_bounds_the_same_wording_search_is_counted_as_quadratic(monkeypatch):
    """The test above fails where it should: with the bounds lifted (as before issue 24's last
    round), claims alike but for one word are all compared pairwise."""
    for bound in ("FOUND_PER_TEXT", "COMPARED_PER_TEXT", "READ_PER_LIST"):
        monkeypatch.setattr(duplicates, bound, 10**9)

    def make(n: int):
        claims = [_claim(i, SAME_WORDING_FAMILIES["alike-but-one-word"](i)) for i in range(n)]
        return lambda: duplicates.duplicate_problems(claims, [])

    with pytest.raises(AssertionError, match="times"):
        assert_linear(duplicates, make, 40)
