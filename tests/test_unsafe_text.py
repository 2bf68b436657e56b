"""The one rule for unsafe characters (unsafe_text.py): what it refuses, and the joiners real words need."""

from __future__ import annotations

import pytest

from factcheck.core.load import parse
from factcheck.core.unsafe_text import first_unsafe, named, neutralised

ZWNJ, ZWJ = "\u200c", "\u200d"

REAL_WORDS = [
    f"نمی{ZWNJ}دانم",  # Persian "I do not know": the non-joiner keeps the prefix's letter unjoined
    f"می{ZWNJ}خواهم",  # Persian "I want"
    f"کتاب{ZWNJ}ها",  # Persian "books": the plural suffix written apart
    f"क्{ZWJ}ष",  # Devanagari: the joiner asks for the half form of ka
    f"क्{ZWNJ}ष",  # Devanagari: the non-joiner asks for the visible virama
    f"👩{ZWJ}💻",  # emoji sequence: woman technologist
    f"👨{ZWJ}👩{ZWJ}👧",  # emoji sequence: family
]


@pytest.mark.parametrize("word", REAL_WORDS)
def test_joiners_inside_words_of_scripts_that_need_them_are_kept(word):
    text = f"He said {word} twice."
    assert first_unsafe(text) is None
    assert neutralised(text) == text


@pytest.mark.parametrize("word", REAL_WORDS)
def test_a_claim_holding_real_words_with_joiners_loads(word):
    document, problems = parse(f'claim: "He said {word} twice."\n', "claims/x.yaml")
    assert problems == [] and document.data["claim"] == f"He said {word} twice."


@pytest.mark.parametrize("text, character", [
    (f"Ru{ZWNJ}bio said it", ZWNJ),  # hiding inside a Latin word
    (f"Ru{ZWJ}bio said it", ZWJ),
    (f"{ZWJ}Rubio", ZWJ),  # at either end
    (f"Rubio{ZWNJ}", ZWNJ),
    (f"نمی {ZWNJ}دانم", ZWNJ),  # beside a space
    (f"نمی{ZWNJ}{ZWNJ}دانم", ZWNJ),  # two in a row
    ("Marco Ru\u200bbio", "\u200b"),  # zero-width space, anywhere
    ("\u0645\u200b\u0646", "\u200b"),
    ("abc \u202eevil", "\u202e"),  # right-to-left override
    *((f"a{chr(c)}b", chr(c)) for c in range(0x202A, 0x202F)),  # embeddings and overrides
    *((f"a{chr(c)}b", chr(c)) for c in range(0x2066, 0x206A)),  # isolates
    (f"نمی\u2067{ZWNJ}دانم", "\u2067"),
])
def test_direction_overrides_zero_width_space_and_stray_joiners_are_refused(text, character):
    assert first_unsafe(text) == character
    document, problems = parse(f"claim: {text!r}\n".replace("'", '"'), "claims/x.yaml")
    assert document is None
    assert [p.line for p in problems] == [1]
    assert f"the character {named(character)}" in problems[0].message
    assert character not in neutralised(text)
