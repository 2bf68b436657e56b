"""Problems found in the input: located, readable, and collected rather than raised."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field as dataclass_field
from typing import Iterable, Optional

from .unsafe_text import json_visible, visible


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
    # For a problem inside a text that may run over several lines (a quote): how many words of
    # the text come before it, so that the edge can place it on its own line (see place_in_text).
    words_before: Optional[int] = dataclass_field(default=None, compare=False, repr=False)
    # For an exact copy of another file: that file's path, so that a pull request's check keeps
    # the error on the file it changed and leaves it off the untouched original (history.py).
    copy_of: str = dataclass_field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}:{self.column}: {self.severity}: {self.description}"

    @property
    def description(self) -> str:
        """The field, what is wrong with it and the hint, without the place; every character
        that is not printable (line breaks, terminal escapes, direction overrides) shown as its
        escape, since file names, keys and quotes come from contributors (issue 24)."""
        what = f"{self.field}: {self.message}" if self.field else self.message
        return visible(f"{what} ({self.hint})" if self.hint else what)

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
            f"title={_gh_property(visible(p.field) or 'factcheck')}::{_gh_data(p.description)}"
        )
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    return json_visible(json.dumps(
        [{k: v for k, v in asdict(p).items() if k not in ("words_before", "copy_of")} for p in sort_problems(problems)], indent=2, ensure_ascii=False))


# GitHub's escaping for workflow commands (actions/toolkit, command.ts): in the message, '%', CR
# and LF as %25, %0D, %0A; in a property (file=, title=) also ':' and ',' as %3A, %2C, so a
# property cannot end early or hold '::'. The text is made visible first (no raw control
# character at all), the escapes then keep what is left on its one line.


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """A property: the path as GitHub must find it, so only its unprintable characters shown as escapes."""
    return _gh_data(visible(text)).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def place_in_text(problems: Iterable[Problem], root) -> list[Problem]:
    """Each problem that knows how many words of its field come before it, moved from the
    field's key to the line (and column) of that word in the file: a misquote in a folded
    quote is reported on the line that differs, where a pull request's diff shows it."""
    from dataclasses import replace
    from pathlib import Path

    placed = []
    texts: dict[str, Optional[list[str]]] = {}
    for problem in problems:
        if problem.words_before is not None:
            if problem.path not in texts:
                try:
                    texts[problem.path] = (Path(root) / problem.path).read_text("utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    texts[problem.path] = None
            lines = texts[problem.path]
            where = _word_place(lines, problem.line, problem.column, problem.words_before) if lines else None
            if where:
                problem = replace(problem, line=where[0], column=where[1])
        placed.append(problem)
    return placed


def _word_place(lines: list[str], key_line: int, key_column: int, words_before: int) -> Optional[tuple[int, int]]:
    """Line and column of the word after ``words_before`` words of the value of the key at
    ``key_line``:``key_column`` (a plain, quoted or block scalar); None when it cannot be told."""
    import re

    if not 1 <= key_line <= len(lines):
        return None
    first = lines[key_line - 1]
    colon = first.find(":", key_column - 1)
    if colon < 0:
        return None
    value_start = re.match(r"\s*(?:[>|][-+0-9]*\s*$|[\"'])?", first[colon + 1:]).end() + colon + 1
    remaining = words_before
    for number in range(key_line, len(lines) + 1):
        line = lines[number - 1]
        if number == key_line:
            start = value_start
        else:
            if line.strip() and len(line) - len(line.lstrip()) < key_column:
                return None  # the value ended before that many words
            start = 0
        for word in re.finditer(r"\S+", line[start:]):
            if remaining == 0:
                return number, start + word.start() + 1
            remaining -= 1
    return None
