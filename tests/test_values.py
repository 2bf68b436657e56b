"""Reading, declaring, describing and comparing typed values (factcheck.core.values)."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.core.values import (
    ABOUT_BAND,
    NEARLY_BAND,
    QUALIFIERS,
    Interval,
    Value,
    comparable,
    compatible,
    date_value,
    describe,
    interval_for,
    interval_text,
    numeric_value,
    parse_value,
    range_value,
    rounding_step,
    value_from_yaml,
)

# A Tuesday; the Friday before it is 30 May 2025.
REFERENCE = date(2025, 6, 3)


def read(text: str, reference: date | None = REFERENCE) -> Value:
    value = parse_value(text, reference)
    assert value is not None, f"no value read from {text!r}"
    return value


# ---------------------------------------------------------------------------
# Numbers in quotes


@pytest.mark.parametrize(
    ("text", "kind", "interval", "unit"),
    [
        ("Over 300,000 Chinese students were enrolled", "number", "(300000, 400000)", ""),
        ("more than 270,000 Chinese students studied in the US", "number", "(270000, 280000)", ""),
        ("increases exceeding 100%", "percent", "(100, 200)", "per cent"),
        ("at least 40 ships", "number", "[40, 50)", ""),
        ("contributing nearly $15 billion annually", "money", "[13500000000, 15000000000)", "USD"),
        ("tariffs as high as 145 per cent", "percent", "[145, 145]", "per cent"),
        ("China produces over 70% of the world's rare earths", "percent", "(70, 80)", "per cent"),
        ("the index fell 0.8 per cent", "percent", "[0.8, 0.8]", "per cent"),
        ("a dozen rare earth shipments", "number", "[12, 12]", ""),
        ("nearly a dozen rare earth shipments", "number", "[10.8, 12)", ""),
        ("the fate of hundreds of thousands of Chinese students", "number", "[200000, 1000000)", ""),
        ("thousands of students", "number", "[2000, 1000000)", ""),
        ("tens of thousands of workers", "number", "[20000, 100000)", ""),
        ("dozens more applications", "number", "[24, 100)", ""),
        ("several hundred licences", "number", "[300, 1000)", ""),
        ("sales grew tenfold from 2020 to 2024", "number", "[10, 10]", "times"),
        ("a 10-fold rise", "number", "[10, 10]", "times"),
        ("exports doubled", "number", "[2, 2]", "times"),
        ("reached 7,231 units – representing", "number", "[7231, 7231]", "units"),
        ("China produced 41.06 zetabytes of data", "number", "[41.06, 41.06]", "zetabytes"),
        ("about 300 people", "number", "[270, 330]", ""),
        ("some 300 people", "number", "[270, 330]", ""),
        ("less than 300 people", "number", "(200, 300)", ""),
        ("fewer than twenty people", "number", "(10, 20)", ""),
        ("up to 300 people", "number", "[0, 300]", ""),
        ("300,000 or more students", "number", "[300000, 400000)", ""),
        ("a 2.5 percentage points rise", "percent", "[2.5, 2.5]", "percentage points"),
        ("a US$3bn deal", "money", "[3000000000, 3000000000]", "USD"),
        ("£250 million", "money", "[250000000, 250000000]", "GBP"),
        ("5 billion yuan", "money", "[5000000000, 5000000000]", "CNY"),
        ("about a quarter of all foreign students", "percent", "[22.5, 27.5]", "per cent"),
        ("half of the exports", "percent", "[50, 50]", "per cent"),
        ("between 9 and 11 per cent", "percent", "[9, 11]", "per cent"),
        ("between 2 and 3 million people", "number", "[2000000, 3000000]", ""),
        ("the index fell -1.5% on the day", "percent", "[-1.5, -1.5]", "per cent"),
        ("twenty-five ships", "number", "[25, 25]", ""),
        ("the 90-day trade pause", "number", "[90, 90]", "day"),
        ("less than three weeks since", "number", "[0, 3)", "weeks"),
    ],
)
def test_reads_figures_written_in_digits_or_words(text: str, kind: str, interval: str, unit: str) -> None:
    value = read(text)
    assert (value.kind, interval_text(value), value.unit) == (kind, interval, unit)


def test_keeps_the_words_as_written_and_the_stated_figure() -> None:
    value = read("China had approved nearly a dozen rare earth shipments")
    assert value.text == "nearly a dozen"
    assert value.number == 12
    assert value.qualifier == "nearly"


@pytest.mark.parametrize(
    "text",
    [
        "In the 2023-2024 school year, more than 270,000 Chinese students studied in the US",
        "As of 2024, more than 270,000 Chinese students",
        "a rise over 2023 of more than 270,000",
    ],
)
def test_years_are_not_read_as_counts(text: str) -> None:
    assert interval_text(read(text)) == "(270000, 280000)"


@pytest.mark.parametrize(
    "text",
    [
        "the two global superpowers met",
        "according to one person familiar with the matter",
        "COVID-19 cases rose",
        "at the G7 summit",
        "the 5G network",
    ],
)
def test_numbers_that_are_names_or_small_words_are_not_values(text: str) -> None:
    assert parse_value(text, REFERENCE) is None


def test_a_number_after_a_capitalised_name_is_part_of_the_name() -> None:
    value = read("while Japan's Nikkei 225 fell 1.3 per cent")
    assert (value.kind, value.number) == ("percent", 1.3)


def test_the_first_value_in_the_text_wins() -> None:
    assert read("a 25% increase over 2023, to 41.06 zetabytes").number == 25
    assert read("On May 22, Reuters reported sales of 7,231 units").start == date(2025, 5, 22)


def test_the_first_half_of_a_year_is_not_a_share() -> None:
    value = read("in the first half of 2024")
    assert value.kind == "date"


# ---------------------------------------------------------------------------
# Dates in quotes


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("talks on May 12 in Geneva", date(2025, 5, 12), date(2025, 5, 12)),
        ("on June 9, 2025, officials said", date(2025, 6, 9), date(2025, 6, 9)),
        ("on 9 June 2025", date(2025, 6, 9), date(2025, 6, 9)),
        ("from 9-11 June 2025", date(2025, 6, 9), date(2025, 6, 11)),
        ("in January 2025", date(2025, 1, 1), date(2025, 1, 31)),
        ("The truce expires in mid-August", date(2025, 8, 11), date(2025, 8, 20)),
        ("announced in early April", date(2025, 4, 1), date(2025, 4, 10)),
        ("in late May", date(2025, 5, 21), date(2025, 5, 31)),
        ("in late February", date(2025, 2, 21), date(2025, 2, 28)),
        ("by the middle of August", date(2025, 8, 11), date(2025, 8, 20)),
        ("since January", date(2025, 1, 1), date(2025, 1, 31)),
        ("last month", date(2025, 5, 1), date(2025, 5, 31)),
        ("this week", date(2025, 6, 2), date(2025, 6, 8)),
        ("said last week", date(2025, 5, 26), date(2025, 6, 1)),
        ("last year", date(2024, 1, 1), date(2024, 12, 31)),
        ("yesterday", date(2025, 6, 2), date(2025, 6, 2)),
        ("Trump stated on Friday that", date(2025, 5, 30), date(2025, 5, 30)),
        ("Thursday", date(2025, 5, 29), date(2025, 5, 29)),
        ("Tuesday", date(2025, 6, 3), date(2025, 6, 3)),
        ("as of 2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("the 2023-24 school year", date(2023, 1, 1), date(2024, 12, 31)),
    ],
)
def test_reads_dates_against_the_reference_date(text: str, start: date, end: date) -> None:
    value = read(text)
    assert (value.kind, value.start, value.end) == ("date", start, end)


def test_a_month_after_the_reference_month_stays_in_the_reference_year() -> None:
    assert read("in December", date(2025, 1, 15)).start == date(2025, 12, 1)


def test_dates_that_need_a_reference_are_not_read_without_one() -> None:
    assert parse_value("on May 12", None) is None
    assert parse_value("on Friday", None) is None
    assert parse_value("last month", None) is None
    assert read("on June 9, 2025", None).start == date(2025, 6, 9)


def test_an_impossible_day_is_not_a_date() -> None:
    value = parse_value("on February 30", REFERENCE)
    assert value is None or value.start != value.end


def test_a_date_is_not_read_as_its_day_number() -> None:
    assert read("June 9, 2025").kind == "date"
    assert read("12 May 2025").kind == "date"


# ---------------------------------------------------------------------------
# Values declared in the YAML


def test_a_declared_string_is_read_like_a_quote() -> None:
    assert interval_text(value_from_yaml("over 300,000", None)) == "(300000, 400000)"
    assert value_from_yaml("mid-August", REFERENCE).start == date(2025, 8, 11)


def test_a_declared_mapping_gives_a_typed_value() -> None:
    value = value_from_yaml({"kind": "number", "number": 270000, "qualifier": "more-than", "unit": "students"}, None)
    assert (value.kind, interval_text(value), value.unit) == ("number", "(270000, 280000)", "students")


def test_a_declared_interval_is_closed() -> None:
    value = value_from_yaml({"kind": "percent", "low": 9, "high": 11}, None)
    assert (interval_text(value), value.unit) == ("[9, 11]", "per cent")


def test_a_declared_interval_may_be_open_ended() -> None:
    assert interval_text(value_from_yaml({"kind": "number", "low": 200000}, None)) == "[200000, inf)"


def test_declared_money_units_are_normalised() -> None:
    value = value_from_yaml({"kind": "money", "number": 15e9, "qualifier": "nearly", "unit": "$"}, None)
    assert value.unit == "USD"
    assert describe(value) == "nearly $15 billion"


def test_declared_dates_and_spans() -> None:
    day = value_from_yaml({"kind": "date", "date": date(2025, 6, 9)}, None)
    span = value_from_yaml({"kind": "date", "start": "2025-06-09", "end": "2025-06-11"}, None)
    assert (day.start, day.end) == (date(2025, 6, 9), date(2025, 6, 9))
    assert (span.start, span.end) == (date(2025, 6, 9), date(2025, 6, 11))


def test_a_bare_yaml_date_or_figure_is_a_value() -> None:
    assert value_from_yaml(date(2025, 6, 9), None).start == date(2025, 6, 9)
    assert value_from_yaml("2025-06-09", None).end == date(2025, 6, 9)  # a YAML date passed on as text
    assert interval_text(value_from_yaml(300000, None)) == "[300000, 300000]"


def test_declared_words_and_labels_keep_their_text() -> None:
    words = value_from_yaml({"kind": "words", "text": "has totally violated its agreement"}, None)
    label = value_from_yaml({"kind": "label", "text": "violation of the truce"}, None)
    assert (words.kind, words.text) == ("words", "has totally violated its agreement")
    assert (label.kind, label.text) == ("label", "violation of the truce")


def test_the_kind_is_inferred_when_left_out() -> None:
    assert value_from_yaml({"number": 5}, None).kind == "number"
    assert value_from_yaml({"date": "2025-06-09"}, None).kind == "date"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"kind": "volume", "number": 5}, "unknown kind 'volume'"),
        ({"kind": "number", "number": 5, "qualifier": "roughly"}, "unknown qualifier 'roughly'"),
        ({"kind": "number", "low": 10, "high": 5}, "greater than 'high'"),
        ({"kind": "number", "number": 1e300}, "beyond what a source could mean"),
        ({"kind": "number", "number": float("nan")}, "beyond what a source could mean"),
        ({"kind": "number", "number": -3}, "is negative"),
        ({"kind": "money", "number": -3}, "is negative"),
        ({"kind": "number", "number": "many"}, "must be a figure"),
        ({"kind": "number", "number": True}, "must be a figure"),
        ({"kind": "number", "number": 5, "colour": "red"}, "unknown field 'colour'"),
        ({"kind": "number", "number": 5, "low": 1}, "not both"),
        ({"kind": "number"}, "needs a figure"),
        ({"kind": "words"}, "needs 'text'"),
        ({"kind": "date", "number": 5}, "does not apply to a value of kind 'date'"),
        ({"kind": "date", "start": "2025-06-11", "end": "2025-06-09"}, "is after 'end'"),
        ({"kind": "date", "start": "2025-06-11"}, "needs a date"),
        ({"kind": "date", "date": "the day after"}, "must be a date"),
        ({"kind": "date", "date": "2025-02-30"}, "not a day of the calendar"),
        ({"text": "something"}, "needs a kind"),
        ("no figure in these words", "no value could be read"),
        (True, "cannot be True"),
        ([1, 2], "expected a value as text or a mapping"),
    ],
)
def test_malformed_declarations_say_what_was_expected(raw: object, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        value_from_yaml(raw, REFERENCE)
    assert "expected" in str(error.value)


def test_negative_percentages_are_allowed() -> None:
    assert value_from_yaml({"kind": "percent", "number": -0.8}, None).number == -0.8


# ---------------------------------------------------------------------------
# Describing values


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (numeric_value("number", 270000, "more-than", "students"), "more than 270,000 students"),
        (numeric_value("money", 15e9, "nearly", "USD"), "nearly $15 billion"),
        (numeric_value("money", 2.5e6, "exactly", "CNY"), "2.5 million CNY"),
        (numeric_value("percent", 70, "more-than", "per cent"), "more than 70%"),
        (numeric_value("percent", 2.5, "exactly", "percentage points"), "2.5 percentage points"),
        (numeric_value("number", 41.06, "exactly", "zetabytes"), "41.06 zetabytes"),
        (numeric_value("number", 300, "at-most"), "at most 300"),
        (range_value("number", Interval(200000, 1e6, high_open=True)), "between 200,000 and 1 million"),
        (range_value("number", Interval(200000, math.inf)), "at least 200,000"),
        (date_value(date(2025, 6, 9), date(2025, 6, 11)), "between 9 and 11 June 2025"),
        (date_value(date(2025, 6, 9), date(2025, 6, 9)), "9 June 2025"),
        (date_value(date(2025, 1, 1), date(2025, 1, 31)), "January 2025"),
        (date_value(date(2024, 1, 1), date(2024, 12, 31)), "2024"),
        (date_value(date(2025, 5, 28), date(2025, 6, 3)), "between 28 May and 3 June 2025"),
        (Value(kind="words", text="has totally violated"), "“has totally violated”"),
        (Value(kind="label", text="violation of the truce"), "violation of the truce"),
    ],
)
def test_describes_values_for_readers(value: Value, text: str) -> None:
    assert describe(value) == text


def test_interval_text_is_the_mathematical_interval() -> None:
    assert interval_text(read("more than 270,000 students")) == "(270000, 280000)"
    assert interval_text(read("at least 40 ships")) == "[40, 50)"
    assert interval_text(date_value(date(2025, 6, 9), date(2025, 6, 11))) == "[2025-06-09, 2025-06-11]"
    assert interval_text(Value(kind="words", text="anything")) == ""


# ---------------------------------------------------------------------------
# Comparing values


def test_qualified_round_figures_read_as_journalists_write_them_do_not_overlap() -> None:
    # "more than 270,000" is 270,000-odd, "over 300,000" 300,000-odd: both cannot hold.
    assert not compatible(read("more than 270,000"), read("over 300,000"))


def test_open_ended_figures_read_literally_overlap_and_are_compatible() -> None:
    literal = [value_from_yaml({"kind": "number", "number": n, "qualifier": "more-than", "reading": "literal"}, None)
               for n in (270000, 300000)]
    assert compatible(*literal)


def test_different_exact_figures_are_not_compatible() -> None:
    assert not compatible(read("270,000 students"), read("300,000 students"))


def test_open_ends_are_respected() -> None:
    assert not compatible(read("more than 5 units"), read("at most 5 units"))
    assert compatible(read("at least 5 units"), read("at most 5 units"))
    assert not compatible(read("nearly 300,000"), read("300,000"))


def test_about_is_a_band_around_the_figure() -> None:
    assert compatible(read("about 300,000"), read("320,000"))
    assert not compatible(read("about 300,000"), read("340,000"))


def test_values_of_different_kinds_or_units_are_not_comparable() -> None:
    dollars, euros = read("$15 billion"), read("€20 billion")
    assert not comparable(dollars, euros)
    assert compatible(dollars, euros)  # nothing shows they cannot both hold
    assert not comparable(read("70%"), read("70 units"))
    assert comparable(read("300 units"), read("300"))  # an empty unit matches any


def test_date_spans_overlap() -> None:
    assert compatible(read("mid-August"), read("August 15"))
    assert not compatible(read("early May"), read("May 12"))


def test_words_are_compared_after_normalising_typography_case_and_punctuation() -> None:
    straight = Value(kind="words", text="China has totally violated its agreement with us.")
    curly = Value(kind="words", text="china  has totally violated its agreement with us")
    other = Value(kind="words", text="China has violated its agreement with us")
    assert compatible(straight, curly)
    assert not compatible(straight, other)


# ---------------------------------------------------------------------------
# Properties of the interval comparison

figures = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False)
qualifiers = st.sampled_from(QUALIFIERS)
numeric_values = st.builds(numeric_value, st.just("number"), positive, qualifiers)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted((draw(figures), draw(figures)))
    low_open, high_open = draw(st.booleans()), draw(st.booleans())
    if low == high:
        low_open = high_open = False
    low = draw(st.sampled_from([low, -math.inf]))
    high = draw(st.sampled_from([high, math.inf]))
    return Interval(low, high, low_open, high_open)


@st.composite
def spans(draw: st.DrawFn) -> Value:
    start, end = sorted((draw(days), draw(days)))
    return date_value(start, end)


def as_value(span: Interval) -> Value:
    return range_value("number", span)


@given(st.one_of(numeric_values, intervals().map(as_value)), st.one_of(numeric_values, intervals().map(as_value)))
def test_compatible_is_symmetric(a: Value, b: Value) -> None:
    assert compatible(a, b) == compatible(b, a)


@given(spans(), spans())
def test_compatible_is_symmetric_for_dates(a: Value, b: Value) -> None:
    assert compatible(a, b) == compatible(b, a)


@given(st.one_of(numeric_values, intervals().map(as_value), spans()))
def test_a_value_is_compatible_with_itself(value: Value) -> None:
    assert compatible(value, value)


@given(positive, st.sampled_from(["exactly", "at-least", "at-most", "about"]))
def test_closed_qualifiers_contain_their_figure(number: float, qualifier: str) -> None:
    assert interval_for(number, qualifier).contains(number)


@given(positive, st.sampled_from(["more-than", "less-than", "nearly"]))
def test_strict_qualifiers_exclude_their_figure_but_contain_points_near_it(number: float, qualifier: str) -> None:
    span = interval_for(number, qualifier)
    assert not span.contains(number)
    inside = {"more-than": number * 1.001, "less-than": number * 0.999, "nearly": number * (1 - NEARLY_BAND / 2)}
    assert span.contains(inside[qualifier])


@given(positive)
def test_about_and_nearly_bands(number: float) -> None:
    assert interval_for(number, "about").contains(number * (1 + ABOUT_BAND * 0.99))
    assert not interval_for(number, "about").contains(number * (1 + ABOUT_BAND * 1.01))
    assert not interval_for(number, "nearly").contains(number * (1 - NEARLY_BAND * 1.01))


@given(st.lists(figures, min_size=4, max_size=4, unique=True), st.booleans(), st.booleans())
def test_disjoint_intervals_are_never_compatible(points: list[float], open_a: bool, open_b: bool) -> None:
    a, b, c, d = sorted(points)
    first = as_value(Interval(a, b, open_a, open_b))
    second = as_value(Interval(c, d, open_b, open_a))
    assert not compatible(first, second)


@given(st.lists(figures, min_size=3, max_size=3, unique=True), st.booleans(), st.booleans())
def test_touching_intervals_are_compatible_only_when_both_ends_are_closed(
    points: list[float], open_left: bool, open_right: bool
) -> None:
    a, b, c = sorted(points)
    left = as_value(Interval(a, b, high_open=open_left))
    right = as_value(Interval(b, c, low_open=open_right))
    assert compatible(left, right) == (not open_left and not open_right)


@given(intervals(), intervals())
def test_compatible_exactly_when_some_point_lies_in_both(a: Interval, b: Interval) -> None:
    common = a.intersection(b)
    if compatible(as_value(a), as_value(b)):
        witness = _some_point(common)
        assert a.contains(witness) and b.contains(witness)
    else:
        assert common.empty


def _some_point(span: Interval) -> float:
    if math.isinf(span.low) and math.isinf(span.high):
        return 0.0
    if math.isinf(span.low):
        return span.high - 1 if span.high_open else span.high
    if math.isinf(span.high):
        return span.low + 1 if span.low_open else span.low
    return span.low + (span.high - span.low) / 2


@given(spans(), spans())
def test_date_spans_are_compatible_exactly_when_they_share_a_day(a: Value, b: Value) -> None:
    shares_a_day = max(a.start, b.start) <= min(a.end, b.end)  # type: ignore[type-var]
    assert compatible(a, b) == shares_a_day


@given(st.integers(min_value=0, max_value=10**12), qualifiers, st.sampled_from(["number", "money", "percent"]))
def test_describing_then_reading_gives_the_same_interval(number: int, qualifier: str, kind: str) -> None:
    assume(kind != "percent" or number <= 10**6)
    unit = {"number": "", "money": "USD", "percent": "per cent"}[kind]
    value = numeric_value(kind, float(number), qualifier, unit)
    again = read(describe(value))
    assert (again.kind, again.unit, again.interval) == (value.kind, value.unit, value.interval)


def test_a_text_the_fraction_and_multiplier_patterns_match_holds_the_words_they_are_first_looked_for_by():
    from factcheck.core import values

    rng = random.Random(8)
    pieces = ["a", "one", "two", "three", "Quarter", "quarters", "THIRD", "thirds", "fifth", "tenth", "half", "Half",
              "of", "-", " ", "  ", "about", "more than", "nearly", "ten", "TwentyFold", "fold", "doubled", "Tripled",
              "trebled", "quadrupled", "hundred", "\u212a", "\u017f", "x", ".", "3"]
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        for pattern, words in ((values._FRACTION, values._FRACTION_WORD), (values._MULTIPLIER, values._MULTIPLIER_WORD)):
            if pattern.search(text):
                matched += 1
                assert words.search(text), (pattern.pattern[-40:], text)
    assert matched > 100


TRICKY_STARTS = [
    "more than  \n 300,000 students", "well over-5", "x5 and 5x", ".over 5", "an estimated two million",
    "about-5", "US$5bn", "−5%", "-$3bn", "Some twenty", "half a dozen", "ſome 5 (long s)", "\u212a 5 (Kelvin sign)",
    "٣٠٠ more than ٣٠٠", "nearly a third of 40", "up to 3 or more", "Upwards Of Ten Thousand",
    "RMB 5", "JPY5", "CNY 3bn", "GBP 2", "EUR9", "USD 7", "€4", "£3", "¥2", "$1",
]


@pytest.mark.parametrize("name", ["_DIGITS", "_WORDS"])
def test_the_look_at_where_a_match_can_start_changes_no_match(name):
    """_DIGITS and _WORDS first look at whether a match can start at a position; the matches are
    those of the patterns without that look, on the shipped site's archived texts and on edge cases."""
    import re
    from pathlib import Path

    from factcheck.core import values

    looked, plain = getattr(values, name), re.compile(getattr(values, f"{name}_BODY"))
    archived = sorted((Path(__file__).resolve().parents[1] / "sources").glob("*.txt"))
    texts = [path.read_text("utf-8") for path in archived] + TRICKY_STARTS
    assert len(archived) >= 5

    def found(pattern, text):
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    for text in texts:
        assert found(looked, text) == found(plain, text)
    for text in TRICKY_STARTS:  # as _read_ranges does: a match at a given position
        for position in range(len(text)):
            a, b = looked.match(text, position), plain.match(text, position)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


# ---------------------------------------------------------------------------
# The journalists' reading of qualified round figures


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("more than 270,000 students", "(270000, 280000)"),
        ("over 300,000 students", "(300000, 400000)"),
        ("over $15 billion", "(15000000000, 16000000000)"),
        ("more than 1.5 million people", "(1500000, 1600000)"),
        ("at least 2,000 ships", "[2000, 3000)"),
        ("fewer than 300,000 students", "(200000, 300000)"),
        ("less than 50 units", "(40, 50)"),
        # not round: the literal reading
        ("more than 145 per cent", "(145, inf)"),
        ("more than 1,234 people", "(1234, inf)"),
        ("less than three weeks", "[0, 3)"),
        # qualifiers that already say how far the figure may be keep their own reading
        ("up to 300 people", "[0, 300]"),
        ("about 300,000 students", "[270000, 330000]"),
        # fractions are shares, not rounded figures
        ("more than half of the exports", "(50, inf)"),
    ],
)
def test_qualified_round_figures_stand_for_the_span_up_to_their_next_step(text: str, interval: str) -> None:
    assert interval_text(read(text)) == interval


@pytest.mark.parametrize(
    ("number", "step"),
    [(270000, 10000), (300000, 100000), (15e9, 1e9), (1.5e6, 1e5), (100, 100), (20, 10), (145, None), (5, None),
     (2.5, None), (0, None)],
)
def test_the_rounding_step_is_the_place_of_the_last_non_zero_digit(number: float, step) -> None:
    assert rounding_step(number) == step


def test_an_editor_can_declare_the_literal_reading() -> None:
    value = value_from_yaml({"kind": "number", "number": 270000, "qualifier": "more-than", "reading": "literal"}, None)
    assert interval_text(value) == "(270000, inf)"
    assert interval_for(270000, "less-than", "literal") == interval_for(270000, "less-than", "literal")
    assert interval_text(value_from_yaml({"kind": "number", "number": 300, "qualifier": "less-than",
                                          "reading": "literal"}, None)) == "[0, 300)"


def test_an_unknown_reading_is_refused_with_the_expected_ones() -> None:
    with pytest.raises(ValueError, match="journalistic, literal"):
        value_from_yaml({"kind": "number", "number": 270000, "qualifier": "more-than", "reading": "loose"}, None)


round_figures = st.builds(lambda digits, zeros: float(digits * 10 ** zeros),
                          st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9))


@given(round_figures, st.sampled_from(["more-than", "at-least", "less-than"]))
def test_a_round_figure_read_as_journalists_do_lies_within_its_literal_reading(number: float, qualifier: str) -> None:
    journalistic, literal = interval_for(number, qualifier), interval_for(number, qualifier, "literal")
    assert math.isfinite(journalistic.low) and math.isfinite(journalistic.high)
    assert journalistic.intersection(literal) == journalistic
    assert journalistic.high - journalistic.low == rounding_step(number)


@given(round_figures)
def test_a_round_figure_stands_for_figures_that_round_down_to_it(number: float) -> None:
    step = rounding_step(number)
    assert step is not None and number % step == 0 and (number / step) % 10 != 0
    span = interval_for(number, "more-than")
    assert span.contains(number + step / 2) and not span.contains(number + step) and not span.contains(number)


@given(round_figures, round_figures)
def test_two_more_than_round_figures_agree_only_when_one_span_reaches_the_other(a: float, b: float) -> None:
    low, high = sorted((a, b))
    overlap = interval_for(low, "more-than").overlaps(interval_for(high, "more-than"))
    assert overlap == (high < low + rounding_step(low))


@given(st.integers(min_value=1, max_value=10**9).filter(lambda n: n % 10))
def test_figures_that_are_not_round_keep_the_literal_reading(number: int) -> None:
    for qualifier in ("more-than", "at-least", "less-than"):
        assert interval_for(float(number), qualifier) == interval_for(float(number), qualifier, "literal")
