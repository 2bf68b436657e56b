"""Every plugin option and every command is documented, in the spirit of Datasette's test_docs.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.commands.cli import parser
from factcheck.mkdocs.config import FactcheckConfig

DOCS = Path(__file__).resolve().parents[1] / "manual" / "docs" / "reference"


def documented_rows(page: str) -> set[str]:
    """The names in the first column of the page's tables: | `name` | ..."""
    text = (DOCS / page).read_text("utf-8")
    return {m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", text, re.MULTILINE)}


@pytest.mark.parametrize("option", sorted(name for name, _ in FactcheckConfig._schema))
def test_every_plugin_option_is_documented(option: str) -> None:
    assert option in documented_rows("options.md"), f"the option {option!r} is not in manual/docs/reference/options.md"


def test_every_documented_option_is_an_option() -> None:
    """And the other way round: the options table documents no option the plugin does not have."""
    text = (DOCS / "options.md").read_text("utf-8")
    table = text[text.index("| option |"):text.index("\n## ")]
    rows = {m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", table, re.MULTILINE)}
    assert rows == {name for name, _ in FactcheckConfig._schema}


def test_each_option_default_is_the_settings_default() -> None:
    """The config class takes its defaults from Settings, so the core and the plugin agree without MkDocs."""
    from factcheck.core.settings import Settings
    from factcheck.mkdocs.config import ADAPTER_OPTIONS

    defaults = FactcheckConfig()
    defaults.load_dict({})
    assert not defaults.validate()[0]
    fields = set(Settings.__dataclass_fields__)
    for name, _ in FactcheckConfig._schema:
        assert name in ADAPTER_OPTIONS or name in fields or name == "ratings", name


def commands() -> list[str]:
    subparsers = next(a for a in parser()._actions if a.dest == "command")
    return sorted(subparsers.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command: str) -> None:
    rows = {row.split()[1] for row in documented_rows("commands.md") if row.startswith("factcheck ")}
    assert command in rows, f"'factcheck {command}' is not in manual/docs/reference/commands.md"


def test_there_are_options_and_commands_to_check() -> None:
    assert len(commands()) >= 3 and len(FactcheckConfig._schema) >= 10


PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "factcheck"


def test_the_core_loads_no_mkdocs_module():
    """The core room (``factcheck.core``, every module in it) runs without MkDocs: the plugin is only an adapter."""
    import subprocess
    import sys

    modules = sorted(p.stem for p in (PACKAGE / "core").glob("*.py"))
    assert {"load", "validate", "analyse", "pipeline"} <= set(modules)
    script = ("import sys\n" + "".join(f"import factcheck.core.{m}\n" for m in modules)
              + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))\n")
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert finished.stdout.strip() == "[]", finished.stderr[-2000:]


def test_the_rooms_hold_every_module():
    """No module sits loose at the top of the package: each is in the room that says what it is."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))
    assert loose == [], f"move {loose} into core/, render/, mkdocs/ or commands/ (manual/docs/architecture.md)"


def test_the_architecture_page_names_every_module():
    """Each module of the package sits in a room of manual/docs/architecture.md."""
    page = (DOCS.parent / "architecture.md").read_text("utf-8")
    for module in sorted(PACKAGE.glob("*/*.py")):  # render/ is one room, listed as render/*
        if module.stem != "__init__" and module.parent.name != "render":
            assert f"`{module.stem}" in page, f"{module.parent.name}/{module.name} is not placed in manual/docs/architecture.md"
