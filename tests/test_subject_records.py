"""A subject of subjects.yaml as a typed record (factcheck.core.subject_records), and the schema's rules for it."""

from __future__ import annotations

import json
from importlib import resources

import fastjsonschema
import pytest

from factcheck.core.model import SamePeriod
from factcheck.core.problems import Problem
from factcheck.core.subject_records import build_subject
from factcheck.core.values import interval_text


def locate(at: tuple, message: str, hint: str = "") -> Problem:
    return Problem("subjects.yaml", 3, 5, ".".join(map(str, at)), message, hint)


@pytest.fixture(scope="module")
def schema_check():
    schema = json.loads(resources.files("factcheck").joinpath("schemas", "subjects.schema.json").read_text("utf-8"))
    return fastjsonschema.compile(schema)


def test_the_declarations_become_a_typed_subject() -> None:
    raw = {"title": "Chinese students", "status": "internal", "measure": "Open Doors count",
           "periods": [{"name": "Open Doors 2024", "same": ["2023-24 school year", "as of 2024"]}],
           "record": {"value": {"kind": "number", "number": 277398, "unit": "students"}, "source": "IIE",
                      "url": "https://opendoorsdata.org/"},
           "severity": "low", "severity_reason": "why"}
    subject, problems = build_subject("chinese-students-in-us", raw, locate)
    assert problems == []
    assert subject.periods == (SamePeriod("Open Doors 2024", ("2023-24 school year", "as of 2024")),)
    assert interval_text(subject.record.value) == "[277398, 277398]" and subject.record.source == "IIE"
    assert (subject.status, subject.severity, subject.severity_reason, subject.measure) == ("internal", "low", "why", "Open Doors count")


def test_a_record_value_that_cannot_be_read_is_a_located_problem() -> None:
    subject, problems = build_subject("s", {"record": {"value": "no figure here", "source": "IIE"}}, locate)
    assert subject.record is None
    assert [p.field for p in problems] == ["s.record.value"] and "no value could be read" in problems[0].message


@pytest.mark.parametrize("raw", [
    {"status": "consistent"},  # a consistent subject needs the note saying why
    {"severity": "high"},  # a severity needs its reason
    {"severity_reason": "why"},
    {"status": "agreed", "note": "x"},
    {"record": {"value": 1}},  # a record names its source
    {"periods": [{"name": "x", "same": []}]},
])
def test_the_schema_refuses_incomplete_declarations(schema_check, raw) -> None:
    with pytest.raises(fastjsonschema.JsonSchemaException):
        schema_check({"s": raw})


def test_the_schema_accepts_a_consistent_subject_with_its_note(schema_check) -> None:
    schema_check({"s": {"status": "consistent", "note": "Both documents say mid-August."}})
