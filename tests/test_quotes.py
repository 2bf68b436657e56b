"""Finding quotes in archived texts, ignoring typography only (factcheck.core.quotes)."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.core.quotes import (
    Match, Miss, NormalisedText, Span, anchor, closest_passage, context_sentence, describe_difference,
    find, first_match, normalise, passages, text_fragment,
)

TEXT = (
    "Weekly recap\n"
    "In the 2023-2024 school year, more than 270,000 Chinese students studied in the US, "
    "accounting for about a quarter of all foreign students in the country.\n"
    "Secretary of State Marco Rubio said the US would \u201caggressively revoke visas for Chinese students.\u201d\n"
)


def found(quote: str, text: str = TEXT) -> Match:
    result = find(quote, NormalisedText.of(text))
    assert isinstance(result, Match), result
    return result


def test_normalise_folds_only_typography():
    assert normalise("\u201cIt\u2019s\u201d  \u2014 a\u00a0test\n\n") == "\"It's\" - a test"
    assert normalise("Case Stays") == "Case Stays"
    assert normalise("it`s  plain ASCII") == "it's plain ASCII"  # the one ASCII character folded


def test_offsets_map_back_to_the_original():
    original = "  a\u00a0 \u201cb\u201d"
    folded = NormalisedText.of(original)
    assert folded.text == 'a "b"'
    assert [original[i] for i in folded.offsets[:-1]] == ["a", "\u00a0", "\u201c", "b", "\u201d"]
    assert folded.offsets[-1] == len(original)


def _offsets_one_by_one(original: str) -> tuple[str, list[int]]:
    """The folded text and its offsets worked out a character at a time: what NormalisedText must give."""
    folded = original.translate(str.maketrans({c: normalise(c) or " " for c in set(original) if not c.isspace()}))
    text, offsets, pending = [], [], None
    for index, character in enumerate(folded):
        if character.isspace():
            if pending is None and text:
                pending = index  # a run of white space: one space, standing where the run starts
            continue
        if pending is not None:
            text.append(" ")
            offsets.append(pending)
            pending = None
        text.append(character)
        offsets.append(index)
    return "".join(text), offsets + [len(original)]


def test_passages_are_those_of_each_part_split_at_ellipses_and_normalised():
    rng = random.Random(11)
    pieces = ["a", "b", " ", "  ", "\n", "\u00a0", ".", "..", "...", "\u2026", "\u2019", "\u2014", "\t", "\u2028"]
    for _ in range(3000):
        quote = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        parts = [normalise(part) for part in re.split(r"\s*(?:\u2026|\.\.\.)\s*", quote)]
        assert passages(quote) == [part for part in parts if part], repr(quote)


def test_offsets_are_those_of_each_character_worked_out_one_by_one():
    rng = random.Random(5)
    alphabet = ["a", "b", "7", ".", " ", " ", "\n", "\t", "\u00a0", "\u2003", "\u2028", "\x1f", "\u201c", "\u2019", "\u2014", "`"]
    for _ in range(400):
        original = "".join(rng.choices(alphabet, k=rng.randint(0, 40)))
        folded = NormalisedText.of(original)
        text, offsets = _offsets_one_by_one(original)
        assert folded.text == text, repr(original)
        assert list(folded.offsets) == offsets, repr(original)
        assert len(folded.offsets) == len(offsets) and folded.offsets[-1] == len(original)
        assert folded.offsets[1:-1] == offsets[1:-1]


@pytest.mark.parametrize(
    "quote",
    [
        "more than 270,000 Chinese students",
        'would "aggressively revoke visas for Chinese students."',  # straight quotes for curly ones
        "Weekly recap In the 2023\u20132024 school year",  # a line break and an en dash
        "studied  in\nthe US",  # runs of white space
    ],
)
def test_typographic_differences_are_ignored(quote):
    match = found(quote)
    assert normalise(TEXT[match.start:match.end]) == normalise(quote)


def test_the_span_is_exact_in_the_original():
    match = found("aggressively revoke visas for Chinese students.\u201d")
    assert TEXT[match.start:match.end] == "aggressively revoke visas for Chinese students.\u201d"


@pytest.mark.parametrize("quote", ["more than 270,001 Chinese students", "More than 270,000 Chinese students", "studied in the USA"])
def test_a_change_of_words_letters_or_case_is_not_ignored(quote):
    assert isinstance(find(quote, NormalisedText.of(TEXT)), Miss)


def test_passages_joined_by_an_ellipsis():
    assert passages("Weekly recap \u2026 more than 270,000 ... studied") == ["Weekly recap", "more than 270,000", "studied"]
    match = found("Weekly recap \u2026 Chinese students studied")
    assert [TEXT[s.start:s.end] for s in match.spans] == ["Weekly recap", "Chinese students studied"]


def test_passages_must_follow_the_texts_order():
    result = find("Marco Rubio \u2026 Weekly recap", NormalisedText.of(TEXT))
    assert isinstance(result, Miss)
    assert result.passage == "Weekly recap"
    assert "order" in result.diff


def test_an_empty_quote_is_a_miss():
    result = find(" ... ", NormalisedText.of(TEXT))
    assert isinstance(result, Miss) and result.diff == "the quote is empty"


def test_a_miss_names_the_closest_passage_in_whole_words():
    result = find("accounting for about a quarter of all foreign studants", NormalisedText.of(TEXT))
    assert isinstance(result, Miss)
    assert result.closest == "accounting for about a quarter of all foreign students"
    assert result.diff == "the text has 'students' where the quote has 'studants'"


def test_closest_passage_does_not_take_the_punctuation_after_the_words():
    assert closest_passage("in the cuntry", "students in the country. Next") == "in the country"


def test_describe_difference():
    assert describe_difference("a b c", "a x c") == "the text has 'x' where the quote has 'b'"
    assert describe_difference("a c", "a b c") == "the text has 'b' that the quote leaves out"
    assert describe_difference("a b c", "a c") == "the quote adds 'b'"
    assert describe_difference("same", "same") == "the texts are the same apart from typography"


def test_anchor_is_stable_and_typography_insensitive():
    one = anchor("wire", "\u201cvisas\u201d for  students")
    assert one == anchor("wire", '"visas" for students')
    assert one != anchor("newsletter", '"visas" for students')
    assert one.startswith("q-") and len(one) == 12


@pytest.mark.parametrize(
    ("quote", "before", "after"),
    [
        ("more than 270,000", "In the 2023-2024 school year, ", " Chinese students studied in the US, accounting for about a quarter of all foreign students in the country."),
        ("aggressively revoke visas for Chinese students.", "Secretary of State Marco Rubio said the US would \u201c", "\u201d"),
        ("Weekly", "", " recap"),
    ],
)
def test_context_sentence(quote, before, after):
    start = TEXT.index(quote)
    assert context_sentence(TEXT, Span(start, start + len(quote))) == (before, quote, after)


def test_context_sentence_does_not_stop_at_initials():
    text = "Over 300,000 students were enrolled in U.S. universities as of 2024. Next."
    start = text.index("universities")
    before, _, after = context_sentence(text, Span(start, start + len("universities")))
    assert before == "Over 300,000 students were enrolled in U.S. "
    assert after == " as of 2024."


def test_text_fragment_of_a_short_and_a_long_quote():
    assert text_fragment("https://example.org/a#top", "more than 270,000") == "https://example.org/a#:~:text=more%20than%20270%2C000"
    long_quote = "one two three four five six seven eight nine ten"
    assert text_fragment("https://example.org/a", long_quote) == (
        "https://example.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
    )
    assert text_fragment("https://example.org/a", "first part \u2026 second part") == "https://example.org/a#:~:text=first%20part"
    assert text_fragment("", "words") == ""


def test_first_match():
    assert first_match("Weekly recap", TEXT).start == 0
    assert first_match("not there", TEXT) is None


@pytest.mark.parametrize("quote", ["more than 270,000 Chinese students", "Weekly recap \u2026 Marco Rubio", "studied  in\nthe USA", " ... "])
def test_a_quote_normalised_ahead_finds_and_anchors_as_the_quote_itself(quote):
    text = NormalisedText.of(TEXT)
    assert find(quote, text, normalise(quote)) == find(quote, text)
    assert anchor("newsletter", quote, normalise(quote)) == anchor("newsletter", quote)
