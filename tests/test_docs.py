"""Every field of every schema is documented in manual/docs/reference/format.md (as in Datasette's test_docs.py).

A field counts as documented when a table row of the page starts with it in backticks:
``| `field` | ...``; a row may document several fields at once (``| `low`, `high` | ...``).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

FORMAT_PAGE = Path(__file__).parent.parent / "manual" / "docs" / "reference" / "format.md"
SCHEMAS = sorted(p.name for p in resources.files("factcheck").joinpath("schemas").iterdir() if p.name.endswith(".schema.json"))


def schema_fields(node, where: str = "") -> dict[str, str]:
    """Every property name anywhere in a schema (nested objects, definitions, oneOf...), with its path."""
    found: dict[str, str] = {}

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for name, child in (node.get("properties") or {}).items():
                found.setdefault(name, f"{where}/properties/{name}")
            for key, child in node.items():
                walk(child, f"{where}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}/{index}")

    walk(node, where)
    return found


def documented_fields(text: str) -> set[str]:
    fields: set[str] = set()
    for line in text.splitlines():
        cells = line.split("|")
        if line.startswith("| `") and len(cells) > 2:
            fields.update(re.findall(r"`([^`]+)`", cells[1]))
    return fields


@pytest.fixture(scope="module")
def documented() -> set[str]:
    return documented_fields(FORMAT_PAGE.read_text(encoding="utf-8"))


def test_there_are_schemas():
    assert {"claim.schema.json", "source.schema.json", "people.schema.json", "subjects.schema.json"} <= set(SCHEMAS)


def test_nested_fields_are_found():
    claim = json.loads(resources.files("factcheck").joinpath("schemas", "claim.schema.json").read_text("utf-8"))
    fields = schema_fields(claim)
    # quote, value, reference and correction fields live under definitions
    assert {"quote", "said_by", "qualifier", "previous_verdict", "url"} <= set(fields)


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_schema_field_is_documented(name, documented):
    schema = json.loads(resources.files("factcheck").joinpath("schemas", name).read_text("utf-8"))
    missing = {field: where for field, where in schema_fields(schema).items() if field not in documented}
    assert not missing, f"{name}: fields not documented in manual/docs/reference/format.md: " + ", ".join(
        f"{field} (at {where})" for field, where in sorted(missing.items())
    )
