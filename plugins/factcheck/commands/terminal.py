"""Talking to a person at a terminal: colour only when it is one, and questions with checked answers.

Colour follows https://no-color.org: it is used only when the stream is a terminal and the
``NO_COLOR`` variable is unset or empty. Questions are asked only when standard input is a
terminal; otherwise the commands expect every value as an option and say which are missing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, TextIO

from ..core.unsafe_text import visible

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "grey": "90",
}


def wants_colour(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal and the reader has not asked for no colour."""
    return not os.environ.get("NO_COLOR") and is_interactive(stream)


@dataclass(frozen=True)
class Paint:
    """Wraps text in ANSI colour codes when enabled, and returns it unchanged otherwise."""

    enabled: bool

    @classmethod
    def for_stream(cls, stream: TextIO) -> "Paint":
        return cls(wants_colour(stream))

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"


def rating_style(value: Optional[int], best: Optional[int], worst: Optional[int]) -> str:
    """The colour a verdict is shown in: green at the true end of the scale, red at the false end."""
    if value is None or best is None or worst is None or best == worst:
        return "grey"
    position = (value - worst) / (best - worst)
    if position >= 0.7:
        return "green"
    if position <= 0.3:
        return "red"
    return "yellow"


Check = Callable[[str], Optional[str]]  # returns what is wrong with an answer, or None when it is fine


@dataclass
class Asker:
    """Asks questions on ``out`` and reads answers from ``answers``, until each answer passes its check."""

    answers: TextIO = field(default_factory=lambda: sys.stdin)
    out: TextIO = field(default_factory=lambda: sys.stderr)

    @property
    def paint(self) -> Paint:
        return Paint.for_stream(self.out)

    def say(self, text: str = "", *styles: str) -> None:
        """One message; its line breaks kept, every other character that is not printable (a
        terminal escape, a direction override in a source's title or a person's name) shown as
        its escape, so what the repository holds cannot paint over the screen (issue 24)."""
        shown = "\n".join(visible(line) for line in str(text).split("\n"))
        print(self.paint(shown, *styles), file=self.out)

    def ask(self, question: str, default: str = "", check: Optional[Check] = None, required: bool = True) -> str:
        """One line of answer; an empty answer takes ``default``. Raises EOFError when input ends."""
        shown = f" [{default}]" if default else ""
        while True:
            self.out.write(f"{self.paint(question, 'bold')}{shown}: ")
            self.out.flush()
            line = self.answers.readline()
            if not line:
                self.out.write("\n")
                raise EOFError(question)
            answer = line.strip() or default
            if not answer and not required:
                return ""
            problem = "an answer is needed" if not answer else (check(answer) if check else None)
            if problem is None:
                return answer
            self.say(f"  {problem}", "red")

    def ask_many(self, question: str) -> list[str]:
        """Several short answers separated by commas; none is fine."""
        answer = self.ask(question, required=False)
        return [part.strip() for part in answer.split(",") if part.strip()]

    def ask_block(self, question: str) -> str:
        """Several lines of text, ended by an empty line."""
        self.say(f"{question} (end with an empty line)", "bold")
        lines: list[str] = []
        while True:
            line = self.answers.readline()
            if not line:
                if lines:
                    break
                raise EOFError(question)
            if not line.strip():
                if lines:
                    break
                continue
            lines.append(line.rstrip("\n"))
        return "\n".join(lines).strip()

    def choose(self, question: str, choices: Sequence[str], default: str = "") -> str:
        """One of ``choices``, typed out or picked by its number in the list shown."""
        for number, choice in enumerate(choices, 1):
            self.say(f"  {number:>2}. {choice}")

        def check(answer: str) -> Optional[str]:
            if answer in choices or (answer.isdigit() and 1 <= int(answer) <= len(choices)):
                return None
            from ..core.problems import did_you_mean

            hint = did_you_mean(answer, choices)
            return f"{answer!r} is not one of them" + (f"; {hint}" if hint else "")

        answer = self.ask(question, default, check)
        return choices[int(answer) - 1] if answer.isdigit() and answer not in choices else answer


def is_interactive(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
