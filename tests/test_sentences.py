"""Splitting archived texts into sentences (factcheck.core.sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.sentences import split_sentences

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_end_at_a_full_stop_before_a_capital() -> None:
    assert texts("The talks stalled. Both sides met again.") == ["The talks stalled.", "Both sides met again."]


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. Senate. J. Doe said output fell 1.3 per cent. It rose."
    assert texts(text) == ["Mr. Smith met Dr. Jones in the U.S. Senate.", "J. Doe said output fell 1.3 per cent.", "It rose."]


def test_a_quotation_over_several_sentences_is_kept_whole() -> None:
    text = "“We will talk. We may call,” he said. Then he left."
    assert texts(text) == ["“We will talk. We may call,” he said.", "Then he left."]


def test_headlines_and_bylines_are_lines_of_their_own() -> None:
    found = split_sentences("Talks stall\nBy A. Writer\n\nThe talks stalled on Monday. They resume in June.")
    assert [(s.line, s.text) for s in found] == [
        (1, "Talks stall"), (2, "By A. Writer"), (4, "The talks stalled on Monday."), (4, "They resume in June."),
    ]


def test_offsets_point_into_the_text() -> None:
    text = "Title\nOne. Two!\n"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.txt")))
def test_the_archived_texts_split_as_an_editor_would(name: str) -> None:
    text = (SOURCES / name).read_text("utf-8")
    found = split_sentences(text)
    assert found, name
    for sentence in found:
        assert text[sentence.start:sentence.end] == sentence.text
        assert "\n" not in sentence.text
        assert sentence.text == sentence.text.strip()
    # no sentence starts in lower case after a full stop (a wrong split after an abbreviation)
    joined = [s.text for s in found]
    assert not any(a.endswith((" Mr.", " Dr.", " U.S.")) for a in joined), joined


def test_known_sentences_of_the_archived_texts() -> None:
    cnn = texts((SOURCES / "cnn-2025-05-29-china-punitive-measures.txt").read_text("utf-8"))
    assert "“I would say that they are a bit stalled,” Bessent said of the China talks Thursday on Fox News." in cnn
    unbylined = texts((SOURCES / "unbylined-2025-05-30-us-china-talks-impasse.txt").read_text("utf-8"))
    assert any(s.startswith("Trade negotiations between the United States and China have reached an impasse, according to U.S. Treasury Secretary Scott Bessent.") for s in unbylined)
    ft = texts((SOURCES / "ft-2025-06-02-china-accuses-us-violating-truce.txt").read_text("utf-8"))
    assert "Hong Kong’s Hang Seng index fell 0.8 per cent while Japan’s Nikkei 225 fell 1.3 per cent." in ft
