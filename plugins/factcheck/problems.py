"""Problems found in the input: located, readable, and collected rather than raised."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with where it is and how to fix it."""

    path: str  # repository-relative path
    line: int
    column: int
    field: str  # dotted path of the field, e.g. ``appeared[0].quote``; "" for the whole file
    message: str  # what was expected and what was found
    hint: str = ""  # how to fix it, a did-you-mean
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.description}"

    @property
    def description(self) -> str:
        """The field, what is wrong with it and the hint, without the place."""
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{what} ({self.hint})" if self.hint else what

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ProblemsFound(Exception):
    """Raised at the edge (plugin, command line) when a run found errors."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__(format_text(self.problems))


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field, p.message))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def format_text(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in sort_problems(problems))


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for p in sort_problems(problems):
        level = "error" if p.is_error else "warning"
        lines.append(
            f"::{level} file={_gh_property(p.path)},line={p.line},col={p.column},"
            f"title={_gh_property(p.field or 'factcheck')}::{_gh_data(p.description)}"
        )
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    return json.dumps([asdict(p) for p in sort_problems(problems)], indent=2, ensure_ascii=False)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""
