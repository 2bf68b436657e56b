"""Schema checks, cross-references and dates: every ordinary mistake, located (factcheck.core.validate)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from importlib import resources
from typing import Any

import fastjsonschema
import pytest

from factcheck.core import validate as validate_module
from factcheck.core.load import parse
from factcheck.core.validate import jsonable, schema, schema_data, slug

SOURCE = {"title": "A report", "publisher": "Agency", "published": "2025-05-01", "type": "report"}

# A claim written out by hand, so the tests can assert on lines and columns.
TYPO_CLAIM = """\
claim: Something was said.
short: Something was said
claimant: newsletter
appeared:
  - source: newsletter
    quote: Weekly recap
verdict: mostly-ture
conclussion: It was.
explanation: Because.
published: 2025-06-04
"""


def problems_of(site):
    checked = site.check()
    return [(p.path, p.line, p.column, p.field) for p in checked.problems], checked


def test_the_fixture_is_clean(make_site, tmp_path):
    checked = make_site(tmp_path).check()
    assert checked.ok and checked.problems == ()
    assert {c.id for c in checked.site.claims} == {"students-270000", "rubio-revoke"}


def test_a_typo_in_a_field_name_and_in_a_verdict(make_site, tmp_path):
    located, checked = problems_of(make_site(tmp_path, claims={"typo": TYPO_CLAIM}))
    assert checked.site is None
    by_field = {p.field: p for p in checked.problems}
    unknown = by_field["conclussion"]
    assert (unknown.path, unknown.line, unknown.column) == ("claims/typo.yaml", 8, 1)
    assert unknown.message == "unknown field 'conclussion'" and unknown.hint == "did you mean 'conclusion'?"
    missing = [p for p in checked.problems if "'conclusion' is missing" in p.message]
    assert len(missing) == 1 and missing[0].path == "claims/typo.yaml"


def test_a_verdict_not_on_the_scale_gets_a_did_you_mean(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"typo": TYPO_CLAIM.replace("conclussion", "conclusion")})
    (problem,) = site.check().problems
    assert (problem.line, problem.column, problem.field) == (7, 1, "verdict")
    assert "found 'mostly-ture'" in problem.message
    assert problem.hint == "did you mean 'mostly-true'?"


@pytest.mark.parametrize(("written", "word"), [("False", "false"), ("false", "false"), ("yes", "true"), ("True", "true")])
def test_a_verdict_read_as_a_boolean_has_its_own_message(make_site, tmp_path, written, word):
    site = make_site(tmp_path, claims={"b": TYPO_CLAIM.replace("conclussion", "conclusion").replace("mostly-ture", written)})
    (problem,) = site.check().problems  # one message, not also a schema "expected text"
    assert (problem.line, problem.field) == (7, "verdict")
    assert f"yes/no value {word}" in problem.message
    assert f'verdict: "{word}"' in problem.hint


def test_a_missing_source(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"x": claim_data(appeared=[{"source": "wirre", "quote": "Talks"}])})
    (problem,) = site.check().problems
    assert (problem.field, problem.message, problem.hint) == ("appeared[0].source", "no source has the id 'wirre'", "did you mean 'wire'?")


def test_missing_people_and_claimant(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"x": claim_data(claimant="marco-rubbio", people=["scot-bessent"])})
    problems = {p.field: p for p in site.check().problems}
    assert set(problems) == {"claimant", "people[0]"}
    assert problems["claimant"].hint == "did you mean 'marco-rubio'?"
    assert problems["people[0]"].hint == "did you mean 'scott-bessent'?"


def test_said_by_must_be_a_known_person(make_site, tmp_path, claim_data):
    quote = {"source": "newsletter", "quote": "Weekly recap", "said_by": "rubio"}
    (problem,) = make_site(tmp_path, claims={"x": claim_data(appeared=[quote])}).check().problems
    assert problem.field == "appeared[0].said_by" and "'rubio' is not in people.yaml" in problem.message


def test_every_problem_of_the_run_is_reported_at_once(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={
        "one": claim_data(verdict="ture"),
        "two": claim_data(appeared=[{"source": "nope", "quote": "x"}]),
        "three": claim_data(short="x" * 80),
    }, sources={"extra": dict(SOURCE, typ="report")})
    files = {p.path for p in site.check().problems}
    assert files == {"claims/one.yaml", "claims/two.yaml", "claims/three.yaml", "sources/extra.yaml"}


def test_a_changed_quote_is_located_and_the_difference_shown(make_site, tmp_path, claim_data):
    quote = "accounting for about a quarter of all foreign studants in the country"
    site = make_site(tmp_path, claims={"x": claim_data(appeared=[{"source": "newsletter", "quote": quote}])})
    (problem,) = site.check().problems
    assert problem.field == "appeared[0].quote"
    assert (problem.line, problem.column) == (6, 3 + len("quote: accounting for about a quarter of all foreign "))  # at the word
    assert "not in the archived text of newsletter (sources/newsletter.txt)" in problem.message
    assert "the text has 'students' where the quote has 'studants'." in problem.message
    assert "Closest passage, at sources/newsletter.txt:" in problem.message
    assert "\u201caccounting for about a quarter of all foreign students in the country\u201d" in problem.message


def test_dates_that_cannot_be(make_site, tmp_path, claim_data):
    data = claim_data(
        claimed="2025-07-01", updated="2025-06-01", rated_on="2025-06-05",
        corrections=[{"date": "2025-05-01", "kind": "update", "text": "Changed."}],
    )
    fields = {p.field for p in make_site(tmp_path, claims={"x": data}).check().problems}
    assert fields == {"claimed", "updated", "rated_on", "corrections[0].date"}


def test_an_impossible_calendar_date(make_site, tmp_path, claim_data):
    text = TYPO_CLAIM.replace("conclussion", "conclusion").replace("mostly-ture", '"true"').replace("2025-06-04", "2025-06-31")
    (problem,) = make_site(tmp_path, claims={"x": text}).check().problems
    assert (problem.line, problem.column, problem.field) == (10, 12, "published")
    assert "not a real date" in problem.message


def test_a_date_in_words(make_site, tmp_path, claim_data):
    (problem,) = make_site(tmp_path, claims={"x": claim_data(published="June 4")}).check().problems
    assert problem.field == "published" and "YYYY-MM-DD" in problem.message


def test_a_duplicate_key_stops_the_file(make_site, tmp_path):
    text = TYPO_CLAIM.replace("conclussion", "conclusion") + "verdict: false\n"
    (problem,) = make_site(tmp_path, claims={"x": text}).check().problems
    assert (problem.line, problem.field) == (11, "verdict") and "given twice (first on line 7)" in problem.message


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"short": "x" * 76}, "short", "at most 75 characters; found 76"),
        ({"conclusion": ""}, "conclusion", "expected some text"),
        ({"topics": "Education"}, "topics", "write a list"),
        ({"kind": "opinion"}, "kind", "expected one of fact, attribution"),
        ({"appeared": []}, "appeared", "at least 1 items"),
        ({"claimant": "Ann Editor"}, "claimant", "try 'ann-editor'"),
    ],
)
def test_schema_messages(make_site, tmp_path, claim_data, change, field, words):
    (problem,) = make_site(tmp_path, claims={"x": claim_data(**change)}).check().problems
    assert problem.field == field
    assert words in f"{problem.message} ({problem.hint})"


def test_an_empty_field_says_it_is_empty(make_site, tmp_path):
    text = TYPO_CLAIM.replace("conclussion: It was.", "conclusion:").replace("mostly-ture", "mostly-true")
    (problem,) = make_site(tmp_path, claims={"x": text}).check().problems
    assert (problem.line, problem.field) == (8, "conclusion") and "found nothing" in problem.message


def test_text_with_a_colon_read_as_a_mapping(make_site, tmp_path):
    text = "title: t\npublisher: p\npublished: 2025-01-01\ntype: report\nreliability:\n  - No byline: none at all.\n"
    (problem,) = make_site(tmp_path, sources={"wire": text}).check().problems
    assert (problem.line, problem.field) == (6, "reliability[0]")
    assert "quotes" in problem.hint


def test_a_list_instead_of_a_mapping(make_site, tmp_path):
    (problem,) = make_site(tmp_path, claims={"x": "- claim: a\n- short: b\n"}).check().problems
    assert problem.path == "claims/x.yaml" and "found a list" in problem.message


def test_an_unknown_field_inside_a_quote(make_site, tmp_path, claim_data):
    quote = {"source": "newsletter", "quote": "Weekly recap", "sorce": "wire"}
    (problem,) = make_site(tmp_path, claims={"x": claim_data(appeared=[quote])}).check().problems
    assert problem.field == "appeared[0].sorce" and problem.hint == "did you mean 'source'?"


def test_an_unknown_previous_verdict(make_site, tmp_path, claim_data):
    correction = {"date": "2025-06-05", "kind": "correction", "text": "Fixed.", "previous_verdict": "ture"}
    (problem,) = make_site(tmp_path, claims={"x": claim_data(corrections=[correction])}).check().problems
    assert problem.field == "corrections[0].previous_verdict" and problem.hint == "did you mean 'true'?"


def test_a_file_name_that_is_not_an_id(make_site, tmp_path, claim_data):
    (problem,) = make_site(tmp_path, claims={"Student_Visas": claim_data()}).check().problems
    assert "not a valid claim id" in problem.message and "student-visas.yaml" in problem.hint


def test_ids_that_differ_only_in_case_collide(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, sources={"Wire": dict(SOURCE)}, texts={"Wire": "Text."})
    messages = [p.message for p in site.check().problems if p.path == "sources/wire.yaml" or p.path == "sources/Wire.yaml"]
    assert any("collides with" in m for m in messages)


def test_a_missing_archived_text(make_site, tmp_path):
    (problem,) = make_site(tmp_path, sources={"extra": SOURCE}).check().problems
    assert (problem.path, problem.line, problem.field) == ("sources/extra.yaml", 1, "archived_text")
    assert "sources/extra.txt does not exist" in problem.message
    assert "save the text as sources/extra.txt" in problem.hint


def test_a_missing_archived_text_named_in_the_record(make_site, tmp_path):
    text = "title: t\npublisher: p\npublished: 2025-01-01\ntype: report\narchived_text: texts/extra.txt\n"
    (problem,) = make_site(tmp_path, sources={"extra": text}).check().problems
    assert (problem.line, problem.field) == (5, "archived_text")
    assert "sources/texts/extra.txt does not exist" in problem.message and "relative to sources/" in problem.hint


def test_an_archived_text_in_another_place(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, sources={"extra": dict(SOURCE, archived_text="texts/extra.txt")}, texts={"texts/extra": "Plain words here."})
    checked = site.check()
    assert checked.ok
    assert checked.site.source("extra").archived_text == "sources/texts/extra.txt"


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/hostname", "."])
def test_an_archived_text_path_that_is_not_a_file_of_the_repository(make_site, tmp_path, path):
    (problem,) = make_site(tmp_path, sources={"extra": dict(SOURCE, archived_text=path)}).check().problems
    assert problem.path == "sources/extra.yaml"


def test_an_approximate_date_needs_a_note(make_site, tmp_path):
    (problem,) = make_site(tmp_path, sources={"wire": dict(SOURCE, date_precision="approximate")}).check().problems
    assert problem.field == "date_precision" and "date_note" in problem.message


def test_copies_must_name_a_source(make_site, tmp_path):
    (problem,) = make_site(tmp_path, sources={"wire": dict(SOURCE, copies="newsleter")}).check().problems
    assert problem.field == "copies" and problem.hint == "did you mean 'newsletter'?"


def test_a_source_with_errors_is_reported_once_not_per_claim(make_site, tmp_path):
    (problem,) = make_site(tmp_path, sources={"wire": dict(SOURCE, type="press")}).check().problems
    assert problem.path == "sources/wire.yaml" and problem.field == "type"


def test_a_person_with_errors_is_reported_once_not_per_claim(make_site, tmp_path):
    people = "marco-rubio:\n  nam: Marco Rubio\nscott-bessent:\n  name: Scott Bessent\n"
    problems = make_site(tmp_path, people=people).check().problems
    assert {p.path for p in problems} == {"people.yaml"}
    assert {p.field for p in problems} == {"marco-rubio.name", "marco-rubio.nam"}  # the missing field, and the unknown one


def test_a_badly_formed_key_in_people_is_located_at_the_key(make_site, tmp_path):
    people = "scott-bessent:\n  name: Scott Bessent\nMarco Rubio:\n  name: Marco Rubio\n"
    problems = make_site(tmp_path, people=people).check().problems
    (key,) = [p for p in problems if p.path == "people.yaml"]
    assert (key.line, key.field) == (3, "Marco Rubio") and "'marco-rubio'" in key.hint
    # The claims name marco-rubio, which the file does not hold: that is a real error in each claim.
    assert {p.path for p in problems if p.path != "people.yaml"} == {"claims/rubio-revoke.yaml", "claims/students-270000.yaml"}


def test_subjects_are_read_and_titled(make_site, tmp_path):
    subjects = {"chinese-students-in-us": {"title": "Chinese students in the US", "note": "Periods differ."}}
    checked = make_site(tmp_path, subjects=subjects).check()
    assert checked.ok
    assert checked.site.corpus.subject("chinese-students-in-us").title == "Chinese students in the US"
    assert checked.site.corpus.subject("no-entry").title == "No entry"


def test_the_records_built(make_site, tmp_path, mini_site):
    claim = mini_site.claim_by_id["rubio-revoke"]
    assert claim.kind == "attribution" and claim.verdict == "mostly-true"
    assert claim.corrections[0].previous_verdict == "true" and claim.corrections[0].date == dt.date(2025, 6, 3)
    assert claim.position.path == "claims/rubio-revoke.yaml"
    wire = mini_site.source("wire")
    assert wire.date_precision == "approximate" and wire.publish_full_text is False
    assert wire.text.startswith("Over 300,000 Chinese students")
    assert mini_site.corpus.name_of("wire") == "Unidentified outlet, 31 May 2025"  # publisher unknown: named plainly, not by its title
    assert mini_site.corpus.name_of("newsletter") == "Example Newsletter"
    assert mini_site.corpus.name_of("marco-rubio") == "Marco Rubio"


@pytest.mark.parametrize(("text", "expected"), [("Student visas", "student-visas"), ("Économie & trade", "economie-trade"), ("!!!", "item")])
def test_slug(text, expected):
    assert slug(text) == expected


def test_jsonable_turns_dates_into_text():
    assert jsonable({"a": [dt.date(2025, 1, 2)]}) == {"a": ["2025-01-02"]}


def test_schema_data_copies_only_what_leads_to_a_date_and_equals_jsonable():
    text = (
        "published: 2025-01-02\nclaimed: 2024-12-31 10:00:00\ntitle: \"2025-01-03\"\n"
        "corrections:\n  - date: 2025-02-01\n    text: a\n  - &kept {date: 2025-03-01, text: b}\n  - *kept\n"
        "right: [x, y]\nlists: [[2025-04-01], [plain]]\n"
    )
    document, problems = parse(text, "claims/x.yaml")
    assert problems == [] and document is not None
    before = copy.deepcopy(document.data)
    data = schema_data(document)
    assert data == jsonable(document.data)
    assert data["claimed"] == "2024-12-31" and data["corrections"][2]["date"] == "2025-03-01"
    assert document.data == before  # the document keeps its dates
    assert data["right"] is document.data["right"] and data["lists"][1] is document.data["lists"][1]  # no date there: not copied
    undated = parse("title: a\nright: [x]\n", "claims/y.yaml")[0]
    assert schema_data(undated) is undated.data


@pytest.mark.parametrize("name", ["claim", "source", "people", "subjects"])
def test_the_schemas_compile(name):
    checked = schema(name)
    assert checked.name == name
    checked.thorough.check_schema(checked.thorough.schema)


def test_an_error_in_one_claim_does_not_hide_a_changed_quote_in_another(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={
        "typo": claim_data(verdict="ture"),
        "changed": claim_data(appeared=[{"source": "wire", "quote": "The talks are a bit stalled, Besent said."}]),
    }, texts={"newsletter": None})  # and a source without its text: its claims' quotes cannot be checked
    problems = {(p.path, p.field) for p in site.check().problems}
    assert problems == {
        ("claims/typo.yaml", "verdict"),
        ("claims/changed.yaml", "appeared[0].quote"),
        ("sources/newsletter.yaml", "archived_text"),
    }


def _mutations(data: Any, rng: random.Random) -> Any:
    """The data with one value somewhere replaced, removed or added, as contributors get it wrong."""
    data = copy.deepcopy(data)
    holders = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            holders.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            holders.append(node)
            for value in node:
                walk(value)

    walk(data)
    holder = rng.choice(holders)
    wrong = rng.choice([None, True, 3, 2.5, "", "x" * 400, "not a date", "2025-02-30", "Bad Id", [], {}, ["a"], {"kind": "number"}, "2025-01-01"])
    if isinstance(holder, dict):
        action = rng.random()
        if action < 0.2 and holder:
            holder.pop(rng.choice(list(holder)))
        elif action < 0.35:
            holder[rng.choice(["unknown", "kind", "value", "date", "number"])] = wrong
        elif holder:
            holder[rng.choice(list(holder))] = wrong
    elif holder:
        holder[rng.randrange(len(holder))] = wrong
    return data


def test_the_fast_check_with_definitions_inlined_agrees_with_the_schema_as_written(claim_data):
    # schema().fast has each $ref replaced by its definition; it must accept exactly what the
    # schema as written accepts.
    raw = json.loads(resources.files("factcheck").joinpath("schemas", "claim.schema.json").read_text("utf-8"))
    as_written = fastjsonschema.compile(raw, formats={"date": validate_module._is_iso_date})
    inlined = schema("claim").fast
    full = jsonable(claim_data(
        appeared=[{"source": "wire", "quote": "over 300,000", "value": {"kind": "number", "number": 300000, "qualifier": "more-than"}, "subject": "students"}],
        evidence=[{"source": "wire", "quote": "in 2024", "value": "about 2 million", "said_by": "someone", "period": "2024"},
                  {"source": "wire", "quote": "on 3 May", "value": {"kind": "date", "date": dt.date(2024, 5, 3)}}],
        references=[{"url": "https://example.org/a", "title": "A", "publisher": "B", "accessed": dt.date(2025, 1, 2)}],
        corrections=[{"date": dt.date(2025, 6, 5), "kind": "correction", "text": "Fixed.", "previous_verdict": "false"}],
        claimed=dt.date(2025, 6, 1), updated=dt.date(2025, 6, 5), people=["someone"], kind="fact",
    ))

    def accepts(check: Any, data: Any) -> bool:
        try:
            check(data)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    rng = random.Random(4)
    outcomes = []
    for _ in range(1500):
        data = _mutations(full, rng)
        outcomes.append(accepts(inlined, data))
        assert outcomes[-1] == accepts(as_written, data), data
    assert accepts(inlined, full) and any(outcomes) and not all(outcomes)


def test_a_documents_only_check_corroborated_only_by_a_low_reliability_document(make_site, tmp_path, claim_data):
    # The methodology's rule 7: a low-reliability document never counts as corroboration by itself.
    evidence = [{"source": "wire", "quote": "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024"}]
    site = make_site(tmp_path, claims={"alone": claim_data(evidence=evidence, documents_only=True)})
    (problem,) = [p for p in site.check().problems if p.path == "claims/alone.yaml"]
    assert (problem.severity, problem.field) == ("warning", "evidence[0].source")
    assert "only other documents (wire) are of low reliability" in problem.message
    assert "outside reference" in problem.hint


@pytest.mark.parametrize("change", [
    {"documents_only": None},  # checked against the outside record too
    {"references": [{"url": "https://opendoorsdata.org/", "title": "Open Doors", "publisher": "IIE"}]},
])
def test_low_reliability_evidence_is_fine_beside_an_outside_record(make_site, tmp_path, claim_data, change):
    evidence = [{"source": "wire", "quote": "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024"}]
    data = claim_data(**{"evidence": evidence, "documents_only": True, **change})
    assert [p for p in make_site(tmp_path, claims={"alone": data}).check().problems if p.path == "claims/alone.yaml"] == []


def test_when_the_fast_checker_refuses_what_the_thorough_one_accepts_its_error_is_still_located(make_site, tmp_path, claim_data, monkeypatch):
    # Schema.problems' last resort: fastjsonschema refuses a document in which jsonschema finds no
    # error (as a key ending in a line break did before _end_anchored). Reached here with a fast
    # check compiled from a stricter copy of the claim schema (a note of at most 5 characters):
    # a real fastjsonschema error, with its own path and message, that the thorough check of the
    # schema as shipped does not share.
    import dataclasses

    shipped = schema("claim")
    stricter = copy.deepcopy(shipped.raw)
    stricter["definitions"]["quote"]["properties"]["note"]["maxLength"] = 5
    fast = fastjsonschema.compile(validate_module._inline_refs(stricter), formats={"date": validate_module._is_iso_date})
    disagreeing = dataclasses.replace(shipped, fast=fast)
    assert list(disagreeing.thorough.iter_errors(jsonable(claim_data()))) == []
    original = validate_module.schema
    monkeypatch.setattr(validate_module, "schema", lambda name: disagreeing if name == "claim" else original(name))

    quotes = [
        {"source": "newsletter", "quote": "accounting for about a quarter of all foreign students in the country"},
        {"source": "newsletter", "quote": "accounting for about a quarter", "note": "Longer than five characters."},
    ]
    site = make_site(tmp_path, claims={"noted": claim_data(appeared=quotes)})
    (problem,) = [p for p in site.check().problems if p.path == "claims/noted.yaml"]
    assert (problem.severity, problem.field) == ("error", "appeared[1].note")
    assert problem.message == "does not match the schema: data.appeared[1].note must be shorter than or equal to 5 characters"
    assert problem.hint == "see the format reference"
    line = site.read("claims/noted.yaml").splitlines()[problem.line - 1]
    assert line.lstrip(" -").startswith("note: Longer than five")
