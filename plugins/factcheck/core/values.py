"""Typed values read from quotes: numbers, percentages, money, dates and spoken words.

Pure functions, no I/O. The public API:

- ``parse_value(text, reference)``: the first value a quote asserts, or ``None``.
- ``value_from_yaml(raw, reference)``: a value declared in the YAML (text or mapping).
- ``describe(value)``: the value in words, for readers ("more than 270,000 students").
- ``interval_text(value)``: the mathematical interval, for the JSON ("(270000, inf)").
- ``comparable(a, b)`` / ``compatible(a, b)``: can the two be compared; can both hold.
- ``interval_for(number, qualifier)``: the interval a qualified figure stands for.

Rules, so that readers and editors can predict what the engine does:

Numbers and qualifiers (``NEARLY_BAND`` and ``ABOUT_BAND`` are both 10 %):

- ``exactly`` (no qualifier): the point ``[n, n]``. A figure as printed is taken at its word.
- ``more-than`` ("over", "more than", "exceeding", "above", "in excess of"): ``(n, n + step)``
  for a round figure (the journalists' reading, below), else ``(n, inf)``.
- ``at-least`` ("at least", "no fewer than", "or more" after the figure): ``[n, n + step)``
  for a round figure, else ``[n, inf)``.
- ``less-than`` ("less than", "under", "fewer than", "below"): ``(n - step, n)`` for a round
  figure, else ``[0, n)``.
- ``at-most`` ("up to", "at most", "no more than", "as many as"): ``[0, n]``.
  (Counts, amounts and shares are magnitudes, so the lower end is 0; for a negative
  figure it is unbounded.)
- ``nearly`` ("nearly", "almost", "close to", "just under"): slightly below,
  ``[n - 10 % of n, n)``; "nearly a dozen" is ``[10.8, 12)``.
- ``about`` ("about", "approximately", "around", "some", "roughly", "an estimated"):
  ``[n - 10 % of n, n + 10 % of n]``.
- ``between``: an explicit range (``low``/``high`` in the YAML, or a vague quantity below).

The journalists' reading of qualified round figures (``READINGS``; ``journalistic`` is the
default). In a news report "more than 270,000" means "270,000-odd", not "anything above
270,000": the writer rounded a figure down to a step and said so. A figure is *round* when
it is a whole number of at least 10 ending in 0; its *rounding step* is the place value of
its last non-zero digit (270,000: 10,000; 300,000: 100,000; $15 billion: 1 billion;
1.5 million: 100,000). A qualified round figure stands for the span up to the next step:

- "more than 270,000" ``(270,000, 280,000)``; "over 300,000" ``(300,000, 400,000)``;
  "more than 100%" ``(100, 200)``; "over $15 billion" ``($15bn, $16bn)``;
- "at least 2,000" ``[2,000, 3,000)``;
- "fewer than 300,000" ``(200,000, 300,000)``; "less than 50" ``(40, 50)``.

A one-digit figure (300,000) may have been rounded to its first digit, so it keeps the
whole step (up to 400,000): reading it narrower would call figures wrong that a journalist
could fairly have written. Figures that are not round ("more than 145", "more than three
weeks", "more than 1,234") keep the literal reading, as do ``at-most``, ``nearly`` and
``about``, which already say how far the figure may be. An editor who means "anything above"
declares ``reading: literal`` on the value (``(270,000, inf)``).

Vague quantities are ranges, half-open above: "dozens" ``[24, 100)``, "hundreds"
``[200, 1000)``, "thousands" ``[2000, 1,000,000)`` (loosely used, so up to the next word
that would be used), "millions" ``[2e6, 1e9)``, "tens of thousands" ``[20,000, 100,000)``,
"hundreds of thousands" ``[200,000, 1,000,000)``, "several hundred" ``[300, 1000)``,
"a few thousand" ``[2000, 10,000)``. Qualifiers before a vague quantity are ignored.
Shares written as fractions ("about a quarter of", "half of") are percentages.
Multipliers ("tenfold", "10-fold", "doubled") are numbers with the unit ``times``.

What is not read as a figure: a bare four-digit year (1900-2100, no thousands separator:
"over 2023" is a year; write "2,000" for a count); a number glued to letters ("G7",
"COVID-19", "5G"); a bare number right after a capitalised name ("Nikkei 225",
"Section 301"); a small number in words ("two countries") unless it has a qualifier,
a unit or a scale word. Counted nouns ("students") are not read as units, only units of
measure ("units", "tonnes", "zetabytes", "EFLOPS", "days" as in "a 90-day pause"),
currencies and percentages, so that two quotes about the same subject stay comparable;
declare ``unit`` in the YAML to show it.

Dates are spans ``start``..``end`` (both included), resolved against ``reference`` (the
source's publication date): "June 9, 2025" or "2025-06-09" one day; "May 12" that day in
the reference's year; "January" or "January 2025" the whole month; "early April" days 1-10, "mid-August"
11-20, "late May" 21 to the end (also "the beginning/middle/end of"); "last month", "this
week" (Monday to Sunday), "last year", "yesterday"; "Friday" or "on Friday" the most recent
Friday on or before the reference date. A month or day without a year is always taken in
the reference's year, even when it lies after the reference date (a deadline in
"mid-August" in a June article) -- simple and predictable; declare the value otherwise.
Without a reference date, dates that need one are not read. A bare year ("as of 2024",
"2023-24") is read only when the quote holds no other value, as the whole year(s).

The first value in the text wins; when two readings start at the same place the longer
one wins ("12 May 2025" is a date, not the number 12).

Comparison: numeric values are comparable when they have the same kind and the same unit
(an empty unit matches any); dates are comparable with dates. ``compatible`` is true when
both can hold: their intervals (respecting open ends) or spans overlap; words and labels
when they are the same after normalising typography, case and punctuation. Values that are
not comparable are compatible: nothing shows that they cannot both hold.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Callable, Iterable, Iterator, Mapping, Optional

from .quotes import normalise

KINDS = ("number", "percent", "money", "date", "words", "label")
NUMERIC_KINDS = ("number", "percent", "money")
TEXT_KINDS = ("words", "label")
QUALIFIERS = ("exactly", "more-than", "at-least", "less-than", "at-most", "nearly", "about")
READINGS = ("journalistic", "literal")  # how a qualified round figure is read (see the module's rules)
RANGE = "between"  # qualifier of an explicit or vague range (not written in the YAML)

NEARLY_BAND = 0.10  # "nearly n" is [n - NEARLY_BAND * n, n)
ABOUT_BAND = 0.10  # "about n" is [n - ABOUT_BAND * n, n + ABOUT_BAND * n]
MAX_MAGNITUDE = 1e15  # larger figures are taken for a typing error
MAX_PERCENT = 1e6

PER_CENT = "per cent"
PERCENTAGE_POINTS = "percentage points"
TIMES = "times"


@dataclass(frozen=True)
class Interval:
    """A set of real numbers between ``low`` and ``high``; each end open or closed."""

    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False

    @property
    def empty(self) -> bool:
        if self.low < self.high:
            return False
        return self.low > self.high or self.low_open or self.high_open

    def contains(self, x: float) -> bool:
        above = x > self.low or (x == self.low and not self.low_open)
        below = x < self.high or (x == self.high and not self.high_open)
        return above and below

    def overlaps(self, other: "Interval") -> bool:
        return not self.intersection(other).empty

    def intersection(self, other: "Interval") -> "Interval":
        low = max(self.low, other.low)
        high = min(self.high, other.high)
        low_open = (self.low == low and self.low_open) or (other.low == low and other.low_open)
        high_open = (self.high == high and self.high_open) or (other.high == high and other.high_open)
        return Interval(low, high, low_open, high_open)


@dataclass(frozen=True)
class Value:
    """What a quote asserts about its subject.

    Numeric kinds hold an interval (``low``/``high``, either may be infinite) with open or
    closed ends; dates hold ``start``/``end``; ``words`` and ``label`` hold ``text``.
    """

    kind: str  # number | percent | money | date | words | label
    text: str = ""  # as written
    number: Optional[float] = None
    qualifier: str = "exactly"
    unit: str = ""
    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False
    start: Optional[date] = None
    end: Optional[date] = None

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def is_date(self) -> bool:
        return self.kind == "date"

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_open, self.high_open)

    @property
    def figure(self) -> Optional[float]:
        """The figure the value states: its number, else the middle or the finite end of its range."""
        if self.number is not None:
            return self.number
        finite = [x for x in (self.low, self.high) if math.isfinite(x)]
        return sum(finite) / len(finite) if finite else None


# ---------------------------------------------------------------------------
# Intervals from figures and qualifiers


def rounding_step(number: float) -> Optional[float]:
    """The step a round figure was rounded to: the place value of its last non-zero digit
    (270,000: 10,000; 300,000: 100,000), or ``None`` when the figure is not round (a whole
    number of at least 10 ending in 0)."""
    if not math.isfinite(number) or number < 10 or not float(number).is_integer():
        return None
    whole = int(number)
    if whole % 10:
        return None
    step = 10
    while whole % (step * 10) == 0:
        step *= 10
    return float(step)


def interval_for(number: float, qualifier: str, reading: str = "journalistic") -> Interval:
    """The interval a figure with a qualifier stands for (see the module's rules)."""
    band = abs(number)
    if reading not in READINGS:
        raise ValueError(f"unknown reading {reading!r}; expected one of {', '.join(READINGS)}")
    step = rounding_step(number) if reading == "journalistic" else None
    if qualifier == "exactly":
        return Interval(number, number)
    if qualifier == "more-than":
        return Interval(number, number + step if step else math.inf, low_open=True, high_open=True)
    if qualifier == "at-least":
        return Interval(number, number + step if step else math.inf, high_open=True)
    if qualifier == "less-than":
        if step:
            return Interval(number - step, number, low_open=True, high_open=True)
        return Interval(0.0, number, high_open=True) if number > 0 else Interval(-math.inf, number, True, True)
    if qualifier == "at-most":
        return Interval(0.0, number) if number >= 0 else Interval(-math.inf, number, low_open=True)
    if qualifier == "nearly":
        if number > 0:
            return Interval(number - NEARLY_BAND * band, number, high_open=True)
        if number < 0:
            return Interval(number, number + NEARLY_BAND * band, low_open=True)
        return Interval(0.0, 0.0)
    if qualifier == "about":
        return Interval(number - ABOUT_BAND * band, number + ABOUT_BAND * band)
    raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")


def numeric_value(kind: str, number: float, qualifier: str = "exactly", unit: str = "", text: str = "",
                  reading: str = "journalistic") -> Value:
    """A numeric value with the interval its qualifier gives (``reading``: see ``interval_for``)."""
    span = interval_for(number, qualifier, reading)
    return Value(kind=kind, text=text, number=number, qualifier=qualifier, unit=unit,
                 low=span.low, high=span.high, low_open=span.low_open, high_open=span.high_open)


def range_value(kind: str, span: Interval, unit: str = "", text: str = "") -> Value:
    """A numeric value that is a range with no single stated figure."""
    return Value(kind=kind, text=text, qualifier=RANGE, unit=unit, low=span.low, high=span.high,
                 low_open=span.low_open, high_open=span.high_open)


def date_value(start: date, end: date, text: str = "") -> Value:
    return Value(kind="date", text=text, start=start, end=end)


# ---------------------------------------------------------------------------
# Reading a value from a quote


@dataclass(frozen=True)
class _Reading:
    """A value found in a text, with where it stands; ``None`` for a date that cannot be resolved
    (no reference date), which still keeps its words from being read as something else."""

    start: int
    end: int
    value: Optional[Value]

    def overlaps(self, other: "_Reading") -> bool:
        return self.start < other.end and other.start < self.end


_Reader = Callable[[str, Optional[date]], Iterator[_Reading]]


def parse_value(text: str, reference: date | None = None) -> Value | None:
    """The first value ``text`` asserts, or ``None`` when it asserts none that can be read."""
    found = [r for reader in _READERS for r in reader(text, reference)] or list(_read_years(text, reference))
    for reading in _not_overlapping(found):
        if reading.value is not None:
            return reading.value
    return None


def read_values(text: str, reference: date | None = None) -> list[tuple[int, int, Value]]:
    """Every value ``text`` asserts, as (start, end, value), in order and not overlapping: the
    readings ``parse_value`` chooses its first from (used by ``factcheck suggest``)."""
    found = [r for reader in _READERS for r in reader(text, reference)] or list(_read_years(text, reference))
    return [(r.start, r.end, r.value) for r in _not_overlapping(found) if r.value is not None]


def _not_overlapping(found: list[_Reading]) -> Iterator[_Reading]:
    """The readings in order of start, longest first, each kept unless it overlaps one kept before.

    Kept readings start no later than the one at hand, so it overlaps one of them exactly when it
    starts before the furthest end reached (``reach``): one comparison each, where comparing with
    every kept reading made a text of n figures cost n x n ("(1" x 800: 700,036 lines run, was 55,036
    at 200; issue 24's growth test). An empty reading, which the readers do not make, is compared
    with each as before."""
    kept: list[_Reading] = []
    reach = -1
    for reading in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if reading.end > reading.start:
            if reading.start < reach:
                continue
        elif any(reading.overlaps(k) for k in kept):
            continue
        kept.append(reading)
        reach = max(reach, reading.end)
        yield reading


# Qualifier phrases, as written, and the qualifier they give.
_QUALIFIER_PHRASES: dict[str, str] = {
    **dict.fromkeys(("more than", "over", "greater than", "exceeding", "in excess of", "above",
                     "upwards of", "upward of", "north of", "just over", "well over", "well above",
                     "higher than"), "more-than"),
    **dict.fromkeys(("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
                    "at-least"),
    **dict.fromkeys(("nearly", "almost", "close to", "just under", "just below", "just shy of",
                     "approaching", "not quite"), "nearly"),
    **dict.fromkeys(("about", "approximately", "approx.", "around", "some", "roughly",
                     "an estimated", "estimated", "circa"), "about"),
    **dict.fromkeys(("less than", "under", "fewer than", "below", "well under", "well below",
                     "lower than"), "less-than"),
    **dict.fromkeys(("up to", "at most", "no more than", "not more than", "a maximum of",
                     "as many as", "as much as"), "at-most"),
    **dict.fromkeys(("exactly", "precisely"), "exactly"),
}
_TRAILING_QUALIFIERS: dict[str, str] = {
    "more": "at-least", "above": "at-least", "over": "at-least", "higher": "at-least",
    "fewer": "at-most", "less": "at-most", "below": "at-most", "under": "at-most", "lower": "at-most",
    "so": "about",
}


def _alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of the phrases, longest first, any run of spaces matching a space."""
    words = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_QUAL = rf"(?:(?<![\w.])(?P<qual>(?i:{_alternatives(_QUALIFIER_PHRASES)}))\s+)?"
# "$" is read as US dollars; "¥" stays "¥" (yen or yuan: comparable only with "¥").
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "¥",
                     "USD": "USD", "EUR": "EUR", "GBP": "GBP", "CNY": "CNY", "RMB": "CNY", "JPY": "JPY"}
_CURRENCY_WORDS = {"dollars": "USD", "us dollars": "USD", "euros": "EUR", "pounds": "GBP",
                   "pounds sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY"}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_MEASURES = (r"[a-z]*bytes|tonnes|tons|barrels|units|kilomet(?:re|er)s|km|miles|met(?:re|er)s|hectares"
             r"|acres|[kmgt]wh?|[kmgt]w|[epgt]?flops|(?:hour|day|week|month|year)s?")
_SUFFIX = (
    r"(?:\s*(?P<pct>%|(?i:per\s?cent|percent|percentage\s+points?|pct)(?!\w))"
    r"|\s*-?(?P<fold>(?i:fold))(?!\w)"
    r"|\s+(?P<times>(?i:times))(?!\w)"
    rf"|\s+(?P<curword>(?i:{_alternatives(_CURRENCY_WORDS)}))(?!\w)"
    rf"|(?:\s+|-)(?P<measure>(?i:{_MEASURES}))(?!\w))?"
    rf"(?P<trail>\s*\+|-plus(?!\w)|\s+or\s+(?i:{_alternatives(_TRAILING_QUALIFIERS)})(?!\w))?"
)
_DIGITS_BODY = (
    _QUAL
    + r"(?P<sign>[-−](?=[\d$€£¥]))?"
    + r"(?P<cur>US\$|\$|€|£|¥|(?:USD|EUR|GBP|CNY|RMB|JPY)\s?)?"
    + r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    + r"(?:\s*(?P<scale>(?i:hundred|thousand|million|billion|trillion))(?!\w)"
    + r"|(?P<abbr>bn|mn|tn|m|k|K|M|B)(?!\w))?"
    + _SUFFIX
)


def _first_letters(words: Iterable[str]) -> str:
    """A class of the words' first letters, matched case-insensitively as the words are."""
    return "(?i:[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


# Where a match can start, looked at before the pattern itself: the first letter of a qualifier
# after no word character, or (for _DIGITS) a sign, a currency or a digit. It looks ahead
# without consuming, so the matches are the same; without it the regex engine tried each of
# the qualifier phrases at every position of every text (most of the time of reading values).
_QUAL_START = rf"(?<![\w.]){_first_letters(_QUALIFIER_PHRASES)}"
_DIGITS_START = "[-−\\d" + "".join(sorted({re.escape(symbol[0]) for symbol in _CURRENCY_SYMBOLS})) + "]"  # sign, currency, digit
_DIGITS = re.compile(rf"(?={_QUAL_START}|{_DIGITS_START})" + _DIGITS_BODY)

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_WORD_SCALES = {"dozen": 12, **_SCALES}
_NUMBER_WORDS = [*_SMALL, *_TENS, *_WORD_SCALES]
_NUMBER_WORD = rf"(?:{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})(?![\w])"
_WORD_RUN = (
    rf"(?P<words>(?:half[\s-]+)?(?:(?:a|an)\s+)?{_NUMBER_WORD}"
    rf"(?:(?:[\s-]+(?:and|a|an))*[\s-]+{_NUMBER_WORD})*)"
)
_WORDS_BODY = _QUAL + rf"(?<![\w-])(?i:{_WORD_RUN})" + _SUFFIX
_WORDS = re.compile(
    rf"(?={_QUAL_START}|(?<![\w-]){_first_letters([*_NUMBER_WORDS, 'half', 'a', 'an'])})" + _WORDS_BODY
)

_FRACTIONS = {"quarter": 25.0, "third": 100 / 3, "fifth": 20.0, "tenth": 10.0, "thirds": 200 / 3,
              "quarters": 75.0, "half": 50.0}
_FRACTION = re.compile(
    _QUAL + r"(?<![\w-])(?i:(?P<frac>(?:a|one)[\s-]+(?:quarter|third|fifth|tenth)|two[\s-]+thirds"
    r"|three[\s-]+quarters|(?:one[\s-]+)?half))\s+of(?!\w)"
)
# Every match of _FRACTION holds one of these words, and every match of _MULTIPLIER one of
# those (matched case-insensitively alike): a text without any is not searched with the full
# pattern, which tries its qualifier phrases at every position.
_FRACTION_WORD = re.compile(r"(?i:quarter|third|fifth|tenth|half)")
_NOT_A_SHARE = re.compile(r"(?i:\b(?:first|second|latter|former|the|a)\s*)$")

_VAGUE_PLURALS = {"dozens": (24.0, 100.0), "hundreds": (2e2, 1e3), "thousands": (2e3, 1e6),
                  "millions": (2e6, 1e9), "billions": (2e9, 1e12), "trillions": (2e12, 1e15)}
_FEW = {"several": 3.0, "a few": 2.0}
_VAGUE = re.compile(
    r"(?<![\w-])(?i:(?P<mult>tens|hundreds)\s+of\s+(?P<scale>thousands|millions|billions)"
    r"|(?P<few>several|a\s+few)\s+(?P<fewscale>dozen|hundred|thousand|million|billion)"
    r"|(?P<plural>dozens|hundreds|thousands|millions|billions|trillions))(?!\w)"
)
_MULTIPLIER_VERBS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
_MULTIPLIER = re.compile(
    _QUAL + rf"(?<![\w-])(?i:(?P<fold>{'|'.join([*_SMALL, *_TENS, 'hundred', 'thousand'])})fold"
    rf"|(?P<verb>{'|'.join(_MULTIPLIER_VERBS)}))(?!\w)"
)


_MULTIPLIER_WORD = re.compile(rf"(?i:fold|{'|'.join(_MULTIPLIER_VERBS)})")


def _qualifier(match: re.Match[str]) -> str:
    written = match.group("qual")
    if written:
        return _QUALIFIER_PHRASES[re.sub(r"\s+", " ", written.lower())]
    trail = (match.groupdict().get("trail") or "").strip().lower()
    if trail in ("+", "-plus"):
        return "at-least"
    if trail:
        return _TRAILING_QUALIFIERS[trail.split()[-1]]
    return "exactly"


def _kind_and_unit(match: re.Match[str], currency: str) -> tuple[str, str]:
    """The kind and unit that the words around a figure give it."""
    groups = match.groupdict()
    if groups.get("pct"):
        points = "point" in groups["pct"].lower()
        return "percent", PERCENTAGE_POINTS if points else PER_CENT
    if currency:
        return "money", currency
    if groups.get("curword"):
        return "money", _CURRENCY_WORDS[re.sub(r"\s+", " ", groups["curword"].lower())]
    if groups.get("fold") or groups.get("times"):
        return "number", TIMES
    if groups.get("measure"):
        return "number", groups["measure"]
    return "number", ""


def _is_glued(text: str, start: int, end: int) -> bool:
    """True when the figure is part of a word or code: "G7", "COVID-19", "5G", "10:30"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or (after == ":" and text[end + 1:end + 2].isdigit()):
        return True
    return before in "-–" and start >= 2 and text[start - 2].isalnum()


def _is_bare_year(match: re.Match[str]) -> bool:
    number = match.group("num")
    bare = not (match.group("cur") or match.group("scale") or match.group("abbr") or match.group("pct")
                or match.group("measure") or match.group("curword"))
    return bare and re.fullmatch(r"(19\d\d|20\d\d|2100)", number) is not None


def _read_digits(text: str, reference: Optional[date], at: int = 0) -> Iterator[_Reading]:
    for match in _DIGITS.finditer(text, at):
        number_start = min(match.start(g) for g in ("sign", "cur", "num") if match.group(g))
        if _is_glued(text, number_start, match.end()) or _is_bare_year(match):
            continue
        currency = _CURRENCY_SYMBOLS.get((match.group("cur") or "").strip(), "")
        scale = _scale_of(match, currency)
        if scale is None:
            continue
        bare = not (match.group("qual") or currency or match.group("scale") or match.group("pct")
                    or match.group("measure") or match.group("curword") or match.group("fold"))
        if bare and _after_proper_name(text, number_start):
            continue
        number = float(Decimal(match.group("num").replace(",", "")) * Decimal(int(scale)))
        if match.group("sign"):
            number = -number
        kind, unit = _kind_and_unit(match, currency)
        value = numeric_value(kind, number, _qualifier(match), unit, _clean(match.group(0)))
        yield _Reading(match.start(), match.end(), value)


def _scale_of(match: re.Match[str], currency: str) -> Optional[float]:
    if match.group("scale"):
        return _SCALES[match.group("scale").lower()]
    abbreviation = match.group("abbr")
    if not abbreviation:
        return 1.0
    if abbreviation.lower() in ("m", "k", "b") and not currency:
        return None  # "5m" may be metres: not read without a currency
    return _ABBREVIATED_SCALES[abbreviation.lower()]


_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}


_NAME_LOOK_BEHIND = 64  # characters of white space, and of name, looked at before a bare number
_OPENS_SENTENCE = ".!?:;\n\"“(—–-"


def _after_proper_name(text: str, start: int) -> bool:
    """True when a bare number follows a capitalised word that does not open a sentence ("Nikkei 225").

    A backward scan bounded by ``_NAME_LOOK_BEHIND``: constant work per number, whatever the text
    (a search over ``text[:start]`` per number made a quote of many numbers cubic).
    """
    gap_start = _scan_back(text, start, str.isspace)
    if gap_start == start or start - gap_start >= _NAME_LOOK_BEHIND:
        return False
    name_start = _scan_back(text, gap_start, lambda c: not c.isspace())
    if gap_start - name_start >= _NAME_LOOK_BEHIND:
        return False  # a run of that length is no name
    name = text[name_start:gap_start].rstrip(",")
    if not name[:1].isupper() or name.lower() in _MONTH_NUMBERS:
        return False
    before_start = _scan_back(text, name_start, str.isspace)
    if before_start == 0 or "\n" in text[before_start:name_start]:
        return False  # at the start of the text or of a line: opens a sentence
    if name_start - before_start >= _NAME_LOOK_BEHIND:
        return False
    return text[before_start - 1] not in _OPENS_SENTENCE


def _scan_back(text: str, end: int, keep) -> int:
    """Where the run of characters satisfying ``keep`` that ends at ``end`` starts, looking back at
    most ``_NAME_LOOK_BEHIND`` characters."""
    start = end
    while start > 0 and end - start < _NAME_LOOK_BEHIND and keep(text[start - 1]):
        start -= 1
    return start


def _words_to_number(words: str) -> tuple[float, bool]:
    """The number written in words, and whether a scale word ("dozen", "thousand") was used."""
    total, current, scaled = 0.0, 0.0, False
    for token in re.split(r"[\s-]+", words.lower()):
        if token in ("a", "an"):
            current = current or 1.0
        elif token == "half":
            current = 0.5
        elif token in _SMALL or token in _TENS:
            current += _SMALL.get(token, 0) + _TENS.get(token, 0)
        elif token in ("dozen", "hundred"):
            current, scaled = (current or 1.0) * _WORD_SCALES[token], True
        elif token in _SCALES:
            total, current, scaled = total + (current or 1.0) * _SCALES[token], 0.0, True
    return total + current, scaled


def _read_number_words(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _WORDS.finditer(text):
        number, scaled = _words_to_number(match.group("words"))
        kind, unit = _kind_and_unit(match, "")
        qualified = bool(match.group("qual") or match.group("trail"))
        if number < 10 and not (scaled or qualified or unit):
            continue  # "two countries", "one person familiar with"
        value = numeric_value(kind, number, _qualifier(match), unit, _clean(match.group(0)))
        yield _Reading(match.start(), match.end(), value)


def _read_fractions(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    if not _FRACTION_WORD.search(text):
        return  # no match is possible: looked for with a much simpler pattern first
    for match in _FRACTION.finditer(text):
        share = match.group("frac").lower()
        if "half" in share and not match.group("qual") and _NOT_A_SHARE.search(text[: match.start()]):
            continue  # "the first half of 2024"
        number = _FRACTIONS[re.split(r"[\s-]+", share)[-1]]
        value = numeric_value("percent", number, _qualifier(match), PER_CENT, _clean(match.group(0)), reading="literal")
        yield _Reading(match.start(), match.end(), value)


def _read_vague(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _VAGUE.finditer(text):
        if match.group("mult"):
            base = _SCALES[match.group("scale").lower().rstrip("s")]
            multiple = 10.0 if match.group("mult").lower() == "tens" else 100.0
            low, high = 2 * multiple * base, 10 * multiple * base
        elif match.group("few"):
            scale = _WORD_SCALES[match.group("fewscale").lower()]
            low, high = _FEW[re.sub(r"\s+", " ", match.group("few").lower())] * scale, 10 * scale
        else:
            low, high = _VAGUE_PLURALS[match.group("plural").lower()]
        value = range_value("number", Interval(low, high, high_open=True), text=_clean(match.group(0)))
        yield _Reading(match.start(), match.end(), value)


_BETWEEN = re.compile(r"(?<!\w)(?i:between|from)\s+")
_AND = re.compile(r"\s*(?i:and|to|-|–)\s*")


def _read_ranges(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    """Ranges of figures: "between 9 and 11 per cent", "from $1bn to $2bn"."""
    for opening in _BETWEEN.finditer(text):
        low = _DIGITS.match(text, opening.end())
        joint = _AND.match(text, low.end()) if low and not low.group("qual") else None
        high = _DIGITS.match(text, joint.end()) if joint else None
        if not (low and high) or high.group("qual"):
            continue
        low_reading = next(_read_digits(text[: low.end()], reference, low.start()), None)
        high_reading = next(_read_digits(text[: high.end()], reference, high.start()), None)
        if low_reading is None or high_reading is None:
            continue
        kind, unit = high_reading.value.kind, high_reading.value.unit
        scale = _implied_scale(low, high)
        first, last = low_reading.value.low * scale, high_reading.value.low
        if low_reading.value.kind not in (kind, "number") or first > last:
            continue
        value = range_value(kind, Interval(first, last), unit, _clean(text[opening.start(): high.end()]))
        yield _Reading(opening.start(), high.end(), value)


def _implied_scale(low: re.Match[str], high: re.Match[str]) -> float:
    """ "between 2 and 3 million": the scale written once applies to both figures."""
    if low.group("scale") or low.group("abbr") or not high.group("scale"):
        return 1.0
    return _SCALES[high.group("scale").lower()]


def _read_multipliers(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    if not _MULTIPLIER_WORD.search(text):
        return  # no match is possible: looked for with a much simpler pattern first
    for match in _MULTIPLIER.finditer(text):
        if match.group("verb"):
            number = _MULTIPLIER_VERBS[match.group("verb").lower()]
        else:
            number, _ = _words_to_number(match.group("fold"))
        value = numeric_value("number", number, _qualifier(match), TIMES, _clean(match.group(0)))
        yield _Reading(match.start(), match.end(), value)


def _clean(written: str) -> str:
    return re.sub(r"\s+", " ", written).strip()


# ---------------------------------------------------------------------------
# Dates

_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_FULL_MONTH = "|".join(name for name in calendar.month_name if name)
_ANY_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAYS = rf"(?P<day>\d{{1,2}}){_ORDINAL}(?:\s*(?:-|–|to)\s*(?P<day2>\d{{1,2}}){_ORDINAL})?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_MONTH_DAY = re.compile(rf"(?<!\w)(?P<month>{_ANY_MONTH})\s+{_DAYS}(?!\d){_YEAR}(?![\d,]\d)")
_DAY_MONTH = re.compile(rf"(?<![\w,.]){_DAYS}\s+(?:of\s+)?(?P<month>{_ANY_MONTH}){_YEAR}(?!\d)")
_PART_MONTH = re.compile(
    rf"(?<!\w)(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of))"
    rf"[\s-]*(?P<month>{_FULL_MONTH}){_YEAR}(?!\d)"
)
_MONTH_ONLY = re.compile(rf"(?<!\w)(?P<month>{_FULL_MONTH}){_YEAR}(?![\w])")
_RELATIVE = re.compile(
    r"(?<!\w)(?i:(?P<which>last|this|next)\s+(?P<unit>week|month|year)|(?P<day>yesterday|today|tomorrow))(?!\w)"
)
_WEEKDAY_NAMES = list(calendar.day_name)  # Monday first, as date.weekday()
_WEEKDAY = re.compile(rf"(?<!\w)(?:(?i:on|last)\s+)?(?P<weekday>{'|'.join(_WEEKDAY_NAMES)})(?!\w)")
_YEARS = re.compile(
    r"(?<![\w,.$])(?P<first>(?:19|20)\d\d)(?:\s*(?:-|–|/|to)\s*(?P<last>(?:19|20)?\d\d))?(?![\w,%]|\.\d)"
)

_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
          "late": (21, 31), "end": (21, 31)}


def _month_number(written: str) -> int:
    key = written.rstrip(".").lower()
    return _MONTH_NUMBERS.get(key) or _MONTH_ABBREVIATIONS[key]


def _year(written: Optional[str], reference: Optional[date]) -> Optional[int]:
    if written:
        return int(written)
    return reference.year if reference else None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    if 1 <= day <= _last_day(year, month):
        return date(year, month, day)
    return None


def _date_reading(match: re.Match[str], span: Optional[tuple[date, date]]) -> _Reading:
    """The reading of a date phrase: its first and last day, or ``None`` when it cannot be resolved."""
    return _Reading(match.start(), match.end(), date_value(*span, _clean(match.group(0))) if span else None)


def _read_day_dates(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            year = _year(match.group("year"), reference)
            if year is None:
                yield _date_reading(match, None)
                continue
            month = _month_number(match.group("month"))
            start = _safe_date(year, month, int(match.group("day")))
            end = _safe_date(year, month, int(match.group("day2") or match.group("day")))
            if start and end and start <= end:
                yield _date_reading(match, (start, end))


def _read_part_of_month(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _PART_MONTH.finditer(text):
        year = _year(match.group("year"), reference)
        if year is None:
            yield _date_reading(match, None)
            continue
        month = _month_number(match.group("month"))
        words = match.group("part").lower().split()
        first, last = _PARTS[words[-2] if words[-1] == "of" else words[-1]]
        start, end = date(year, month, first), date(year, month, min(last, _last_day(year, month)))
        yield _date_reading(match, (start, end))


def _read_months(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _MONTH_ONLY.finditer(text):
        year = _year(match.group("year"), reference)
        if year is None:
            yield _date_reading(match, None)
            continue
        month = _month_number(match.group("month"))
        yield _date_reading(match, (date(year, month, 1), date(year, month, _last_day(year, month))))


def _read_relative(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _RELATIVE.finditer(text):
        yield _date_reading(match, _relative_span(match, reference) if reference is not None else None)


def _relative_span(match: re.Match[str], reference: date) -> tuple[date, date]:
    if match.group("day"):
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("day").lower()]
        day = reference + timedelta(days=offset)
        return day, day
    step = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
    unit = match.group("unit").lower()
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "year":
        year = reference.year + step
        return date(year, 1, 1), date(year, 12, 31)
    months = reference.year * 12 + reference.month - 1 + step
    year, month = divmod(months, 12)
    return date(year, month + 1, 1), date(year, month + 1, _last_day(year, month + 1))


def _read_weekdays(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    for match in _WEEKDAY.finditer(text):
        if reference is None:
            yield _date_reading(match, None)
            continue
        weekday = _WEEKDAY_NAMES.index(match.group("weekday"))
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
        yield _date_reading(match, (day, day))


_ISO_DATE = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")


def _read_iso_dates(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    """Dates written YYYY-MM-DD, as the YAML writes them."""
    for match in _ISO_DATE.finditer(text):
        month = int(match.group("month"))
        day = _safe_date(int(match.group("year")), month, int(match.group("day"))) if 1 <= month <= 12 else None
        if day:
            yield _Reading(match.start(), match.end(), date_value(day, day, match.group(0)))


def _read_years(text: str, reference: Optional[date]) -> Iterator[_Reading]:
    """Bare years, read only when nothing else is: "as of 2024" is the year 2024."""
    for match in _YEARS.finditer(text):
        first = int(match.group("first"))
        last_written = match.group("last") or match.group("first")
        last = int(last_written) if len(last_written) == 4 else first // 100 * 100 + int(last_written)
        if first <= last:
            yield _date_reading(match, (date(first, 1, 1), date(last, 12, 31)))


_READERS: tuple[_Reader, ...] = (
    _read_digits, _read_number_words, _read_fractions, _read_vague, _read_ranges, _read_multipliers,
    _read_day_dates, _read_part_of_month, _read_months, _read_relative, _read_weekdays, _read_iso_dates,
)


# ---------------------------------------------------------------------------
# Values declared in the YAML

_FIELDS = ("kind", "number", "qualifier", "reading", "unit", "low", "high", "date", "start", "end", "text")
_NUMERIC_FIELDS = ("number", "qualifier", "reading", "low", "high")
_DATE_FIELDS = ("date", "start", "end")
_UNIT_NAMES = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "us dollars": "USD",
               "€": "EUR", "eur": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
               "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "jpy": "JPY", "yen": "JPY",
               "%": PER_CENT, "percent": PER_CENT, "per cent": PER_CENT, "pct": PER_CENT,
               "percentage point": PERCENTAGE_POINTS, "percentage points": PERCENTAGE_POINTS}


def value_from_yaml(raw: object, reference: date | None) -> Value:
    """A value declared in the YAML: text read like a quote, a bare figure or date, or a mapping.

    Raises ``ValueError`` with a message saying what was expected when ``raw`` is malformed.
    """
    if isinstance(raw, str):
        return _value_from_text(raw, reference)
    if isinstance(raw, bool):
        raise ValueError(f"a value cannot be {raw!r}; expected a figure, a date, text or a mapping")
    if isinstance(raw, (int, float)):
        return numeric_value("number", _figure(raw, "value", "number"))
    if isinstance(raw, (date, datetime)):
        start, end = _span_field(raw, "value", reference)
        return date_value(start, end, start.isoformat())
    if isinstance(raw, Mapping):
        return _value_from_mapping(raw, reference)
    raise ValueError(f"expected a value as text or a mapping with the fields {', '.join(_FIELDS)}; "
                     f"found {type(raw).__name__}")


def _value_from_text(raw: str, reference: Optional[date]) -> Value:
    value = parse_value(raw, reference)
    if value is None:
        raise ValueError(f"no value could be read from {raw!r}; expected a figure ('over 300,000', "
                         "'nearly $15 billion', '145 per cent') or a date ('June 9, 2025', 'mid-August'), "
                         "or write a mapping such as {kind: label, text: ...}")
    return value


def _value_from_mapping(raw: Mapping[object, object], reference: Optional[date]) -> Value:
    unknown = [str(key) for key in raw if key not in _FIELDS]
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} in a value; expected some of: {', '.join(_FIELDS)}")
    kind = _kind_of(raw)
    misplaced = [key for key in _FIELDS if key in raw and key not in _fields_of(kind)]
    if misplaced:
        raise ValueError(f"the field {misplaced[0]!r} does not apply to a value of kind {kind!r}; "
                         f"expected: {', '.join(_fields_of(kind))}")
    text = _text_field(raw, "text", required=kind in TEXT_KINDS)
    if kind in TEXT_KINDS:
        return Value(kind=kind, text=text)
    if kind == "date":
        return _date_from_mapping(raw, text, reference)
    return _numeric_from_mapping(kind, raw, text)


def _kind_of(raw: Mapping[object, object]) -> str:
    if "kind" in raw:
        kind = raw["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} of value; expected one of: {', '.join(KINDS)}")
        return str(kind)
    if any(key in raw for key in _DATE_FIELDS):
        return "date"
    if any(key in raw for key in _NUMERIC_FIELDS):
        return "number"
    raise ValueError(f"a value needs a kind; expected one of {', '.join(KINDS)}, or a number, an interval or a date")


def _fields_of(kind: str) -> tuple[str, ...]:
    if kind in NUMERIC_KINDS:
        return ("kind", "number", "qualifier", "reading", "unit", "low", "high", "text")
    if kind == "date":
        return ("kind", "date", "start", "end", "text")
    return ("kind", "text")


def _text_field(raw: Mapping[object, object], key: str, required: bool = False) -> str:
    found = raw.get(key)
    if found is None or found == "":
        if required:
            raise ValueError(f"a value of kind {raw.get('kind')!r} needs {key!r}; expected the words themselves")
        return ""
    if not isinstance(found, str):
        raise ValueError(f"{key!r} of a value must be text; expected words, found {found!r}")
    return found.strip()


def _numeric_from_mapping(kind: str, raw: Mapping[object, object], text: str) -> Value:
    unit = _unit(kind, _text_field(raw, "unit"))
    has_range = "low" in raw or "high" in raw
    if has_range and ("number" in raw or "qualifier" in raw or "reading" in raw):
        raise ValueError("a value has both 'number' and 'low'/'high'; expected either 'number' (with an optional "
                         "'qualifier') or 'low'/'high', not both")
    if has_range:
        low = _figure(raw["low"], "low", kind) if "low" in raw else -math.inf
        high = _figure(raw["high"], "high", kind) if "high" in raw else math.inf
        if low > high:
            raise ValueError(f"'low' ({_number_text(low)}) is greater than 'high' ({_number_text(high)}); expected low <= high")
        return range_value(kind, Interval(low, high), unit, text)
    if "number" not in raw:
        raise ValueError(f"a value of kind {kind!r} needs a figure; expected 'number', or 'low' and/or 'high'")
    qualifier = raw.get("qualifier", "exactly")
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of: {', '.join(QUALIFIERS)}")
    reading = raw.get("reading", "journalistic")
    if reading not in READINGS:
        raise ValueError(f"unknown reading {reading!r}; expected one of: {', '.join(READINGS)} "
                         "('literal' reads 'more than 270,000' as anything above 270,000)")
    return numeric_value(kind, _figure(raw["number"], "number", kind), str(qualifier), unit, text, str(reading))


def _unit(kind: str, written: str) -> str:
    unit = _UNIT_NAMES.get(written.lower(), written)
    if kind == "percent":
        return unit or PER_CENT
    return unit


def _figure(raw: object, field_name: str, kind: str) -> float:
    """A figure from the YAML, checked for sense."""
    if isinstance(raw, str) and re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw.strip()):
        raw = float(raw.replace(",", ""))
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ValueError(f"{field_name!r} must be a figure; expected a number such as 270000 or 0.8, found {raw!r}")
    number = float(raw)
    limit = MAX_PERCENT if kind == "percent" else MAX_MAGNITUDE
    if not math.isfinite(number) or abs(number) > limit:
        raise ValueError(f"{field_name!r} is {raw!r}, beyond what a source could mean; expected at most {limit:g}")
    if number < 0 and kind in ("number", "money"):
        what = "count" if kind == "number" else "sum of money"
        raise ValueError(f"{field_name!r} is negative ({raw!r}); expected 0 or more for a {what}")
    return number


def _date_from_mapping(raw: Mapping[object, object], text: str, reference: Optional[date]) -> Value:
    if "date" in raw:
        if "start" in raw or "end" in raw:
            raise ValueError("a value has both 'date' and 'start'/'end'; "
                             "expected either 'date' or 'start' and 'end', not both")
        start, end = _span_field(raw["date"], "date", reference)
        return date_value(start, end, text or str(raw["date"]))
    if "start" not in raw or "end" not in raw:
        raise ValueError("a value of kind 'date' needs a date; expected 'date', or both 'start' and 'end'")
    start = _span_field(raw["start"], "start", reference)[0]
    end = _span_field(raw["end"], "end", reference)[1]
    if start > end:
        raise ValueError(f"'start' ({start}) is after 'end' ({end}); expected start <= end")
    return date_value(start, end, text)


def _iso_date(written: str, field_name: str) -> date:
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise ValueError(f"{field_name!r} is {written!r}, which is not a day of the calendar; "
                         "expected a real date written YYYY-MM-DD") from None


def _span_field(raw: object, field_name: str, reference: Optional[date]) -> tuple[date, date]:
    """The first and last day of a date field: a YAML date, 'YYYY-MM-DD', or words ('mid-August')."""
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return raw, raw
    if isinstance(raw, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
            day = _iso_date(raw.strip(), field_name)
            return day, day
        value = parse_value(raw, reference)
        if value is not None and value.start is not None and value.end is not None:
            return value.start, value.end
    raise ValueError(f"{field_name!r} must be a date; expected YYYY-MM-DD (or words such as 'mid-August'), "
                     f"found {raw!r}")


# ---------------------------------------------------------------------------
# Describing values


def describe(value: Value) -> str:
    """The value in words for readers: "more than 270,000 students", "between 9 and 11 June 2025"."""
    if value.is_date:
        return _describe_span(value.start, value.end)
    if value.kind == "words":
        return f"“{value.text}”"
    if value.kind == "label":
        return value.text
    return _describe_numeric(value)


_QUALIFIER_WORDS = {"exactly": "", "more-than": "more than", "at-least": "at least", "less-than": "less than",
                    "at-most": "at most", "nearly": "nearly", "about": "about"}


def _describe_numeric(value: Value) -> str:
    if value.number is not None and value.qualifier in _QUALIFIER_WORDS:
        words = f"{_QUALIFIER_WORDS[value.qualifier]} {_amount(value, value.number)}".strip()
    elif value.low == value.high:
        words = _amount(value, value.low)
    elif math.isfinite(value.low) and math.isfinite(value.high):
        words = f"between {_amount(value, value.low)} and {_amount(value, value.high)}"
    elif math.isfinite(value.low):
        words = f"{'more than' if value.low_open else 'at least'} {_amount(value, value.low)}"
    elif math.isfinite(value.high):
        words = f"{'less than' if value.high_open else 'at most'} {_amount(value, value.high)}"
    else:
        words = "any figure"
    return f"{words} {_unit_words(value)}".strip()


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "¥": "¥"}


def _amount(value: Value, number: float) -> str:
    written = format_number(number)
    if value.kind == "money" and value.unit in _SYMBOLS:
        sign, digits = ("-", written[1:]) if written.startswith("-") else ("", written)
        return f"{sign}{_SYMBOLS[value.unit]}{digits}"
    if value.kind == "percent" and value.unit == PER_CENT:
        return f"{written}%"
    return written


def _unit_words(value: Value) -> str:
    if value.kind == "money" and value.unit in _SYMBOLS:
        return ""
    if value.kind == "percent" and value.unit == PER_CENT:
        return ""
    return value.unit


def format_number(number: float) -> str:
    """A figure as readers write it: 270,000; 0.8; 15 billion; 41.06."""
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= scale and _is_round(number, scale):
            return f"{_decimal(number / scale)} {name}"
    if float(number).is_integer():
        return f"{int(number):,}"
    return _decimal(number, grouped=True)


def _is_round(number: float, scale: float) -> bool:
    """Whether the figure is a whole number of hundredths of the scale (15.25 billion)."""
    return float(number).is_integer() and int(number) % int(scale // 100) == 0


def _decimal(number: float, grouped: bool = False) -> str:
    written = f"{number:,.4f}" if grouped else f"{number:.4f}"
    return written.rstrip("0").rstrip(".")


def _describe_span(start: Optional[date], end: Optional[date]) -> str:
    if start is None or end is None:
        return f"from {_day_text(start)}" if start else f"until {_day_text(end)}" if end else "an unknown date"
    if start == end:
        return _day_text(start)
    whole_months = start.day == 1 and end.day == _last_day(end.year, end.month)
    if whole_months and start.year == end.year and start.month == 1 and end.month == 12:
        return str(start.year)
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{calendar.month_name[start.month]} {start.year}"
    if whole_months and start.month == 1 and end.month == 12:
        return f"{start.year} to {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"between {start.day} and {_day_text(end)}"
    if start.year == end.year:
        return f"between {start.day} {calendar.month_name[start.month]} and {_day_text(end)}"
    return f"between {_day_text(start)} and {_day_text(end)}"


def _day_text(day: Optional[date]) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}" if day else ""


def interval_text(value: Value) -> str:
    """The mathematical interval, for the JSON: "(270000, inf)", "[10.8, 12)", "[2025-06-09, 2025-06-11]".

    Words and labels have no interval: the empty string.
    """
    if value.is_date:
        first = value.start.isoformat() if value.start else "-inf"
        last = value.end.isoformat() if value.end else "inf"
        return f"[{first}, {last}]"
    if not value.is_numeric:
        return ""
    opening = "(" if value.low_open or math.isinf(value.low) else "["
    closing = ")" if value.high_open or math.isinf(value.high) else "]"
    return f"{opening}{_number_text(value.low)}, {_number_text(value.high)}{closing}"


def _number_text(number: float) -> str:
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    if float(number).is_integer():
        return str(int(number))
    return repr(round(number, 10))


# ---------------------------------------------------------------------------
# Comparing values


def comparable(a: Value, b: Value) -> bool:
    """Whether the two values measure the same kind of thing: same numeric kind and unit, or two dates."""
    if a.is_date and b.is_date:
        return True
    if not (a.is_numeric and a.kind == b.kind):
        return False
    return not a.unit or not b.unit or _unit_key(a.unit) == _unit_key(b.unit)


def compatible(a: Value, b: Value) -> bool:
    """Whether both values can hold at once (see the module's rules)."""
    if a.kind in TEXT_KINDS and a.kind == b.kind:
        return same_words(a.text, b.text)
    if not comparable(a, b):
        return True
    if a.is_date:
        return _span_interval(a).overlaps(_span_interval(b))
    return a.interval.overlaps(b.interval)


def same_words(a: str, b: str) -> bool:
    """Whether two texts say the same words, ignoring typography, case and punctuation."""
    return words_key(a) == words_key(b)


def words_key(text: str) -> str:
    """A text reduced to its words: typography folded, case folded, punctuation dropped."""
    folded = normalise(text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def relative_difference(a: Value, b: Value) -> Optional[float]:
    """How far apart the stated figures are, relative to the smaller: |a - b| / min(|a|, |b|)."""
    first, second = a.figure, b.figure
    if first is None or second is None or not comparable(a, b) or not a.is_numeric:
        return None
    if first == second:
        return 0.0
    smaller = min(abs(first), abs(second))
    return math.inf if smaller == 0 else abs(first - second) / smaller


def _unit_key(unit: str) -> str:
    key = _UNIT_NAMES.get(unit.lower(), unit).lower()
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _span_interval(value: Value) -> Interval:
    low = value.start.toordinal() if value.start else -math.inf
    high = value.end.toordinal() if value.end else math.inf
    return Interval(float(low), float(high))
