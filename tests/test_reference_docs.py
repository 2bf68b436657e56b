"""Every plugin option and every command is documented, in the spirit of Datasette's test_docs.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.cli import parser
from factcheck.config import FactcheckConfig

DOCS = Path(__file__).resolve().parents[1] / "manual" / "docs" / "reference"


def documented_rows(page: str) -> set[str]:
    """The names in the first column of the page's tables: | `name` | ..."""
    text = (DOCS / page).read_text("utf-8")
    return {m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", text, re.MULTILINE)}


@pytest.mark.parametrize("option", sorted(name for name, _ in FactcheckConfig._schema))
def test_every_plugin_option_is_documented(option: str) -> None:
    assert option in documented_rows("options.md"), f"the option {option!r} is not in manual/docs/reference/options.md"


def commands() -> list[str]:
    subparsers = next(a for a in parser()._actions if a.dest == "command")
    return sorted(subparsers.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command: str) -> None:
    rows = {row.split()[1] for row in documented_rows("commands.md") if row.startswith("factcheck ")}
    assert command in rows, f"'factcheck {command}' is not in manual/docs/reference/commands.md"


def test_there_are_options_and_commands_to_check() -> None:
    assert len(commands()) >= 3 and len(FactcheckConfig._schema) >= 10
