"""The open data files: api/claims.json, api/claimreview.json, api/claims.csv, api/disagreements.json."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.render.exports import CSV_COLUMNS, _dump, _pieces, claimreview_feed, spreadsheet_safe
from factcheck.render.jsonld import claim_review
from site_build import build_site
from site_factory import run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory, make_site, claim_data):
    folder = tmp_path_factory.mktemp("exports")
    site = make_site(folder / "repo", claims={
        "formula": claim_data(short="=HYPERLINK(\"http://evil.example\",\"click\")", conclusion="-1+1 is what they said",
                              claim="@SUM(A1:A2) was the claim"),
    })
    build_site(site.root, folder / "site")
    return site, folder / "site" / "api"


def test_the_exports_are_in_the_built_site(built):
    _, api = built
    assert sorted(p.name for p in api.iterdir()) == ["claimreview.json", "claims.csv", "claims.json", "disagreements.json"]


def test_claims_json_has_every_claim_with_verdict_sources_quotes_dates_and_url(built):
    site, api = built
    data = json.loads((api / "claims.json").read_text("utf-8"))
    checked = site.check().site
    assert [c["id"] for c in data["claims"]] == [c.id for c in checked.claims]
    students = next(c for c in data["claims"] if c["id"] == "students-270000")
    assert students["url"] == "https://example.org/mini/claims/students-270000/"
    assert students["verdict"] == {"key": "true", "label": "True", "value": 5,
                                   "conclusion": "The figure matches the Open Doors count for 2023-24."}
    assert [s["id"] for s in students["sources"]] == ["newsletter", "wire"]
    assert students["sources"][0]["url"] == "https://example.org/recap"
    assert [(q["role"], q["source"]) for q in students["quotes"]] == [("appeared", "newsletter"), ("evidence", "wire")]
    assert students["quotes"][0]["text"] == "more than 270,000 Chinese students studied in the US"
    assert students["quotes"][0]["value"] == {"kind": "number", "text": "more than 270,000", "interval": "(270000, 280000)", "unit": None}
    assert students["dates"] == {"claimed": "2025-05-30", "published": "2025-06-02", "updated": None, "rated_on": None}
    rubio = next(c for c in data["claims"] if c["id"] == "rubio-revoke")
    assert rubio["corrections"] == [{"date": "2025-06-03", "kind": "correction",
                                     "text": "The first version gave the wrong date of the statement.", "previous_verdict": "true"}]


def test_claimreview_feed_is_a_datafeed_of_the_pages_claimreviews(built):
    site, api = built
    feed = json.loads((api / "claimreview.json").read_text("utf-8"))
    assert (feed["@context"], feed["@type"]) == ("https://schema.org", "DataFeed")
    assert feed["sdLicense"] == "https://creativecommons.org/licenses/by/4.0/"
    checked = site.check().site
    assert len(feed["dataFeedElement"]) == len(checked.claims) == 3
    for element, claim in zip(feed["dataFeedElement"], checked.claims):
        assert element["@type"] == "DataFeedItem" and element["dateCreated"] == claim.published.isoformat()
        assert element["item"] == [claim_review(checked, claim)]


def test_data_license_comes_from_the_options(mini_site):
    from dataclasses import replace

    site = replace(mini_site, settings=replace(mini_site.settings, data_license="https://example.org/licence"))
    assert json.loads(claimreview_feed(site))["sdLicense"] == "https://example.org/licence"


def test_claims_csv_has_one_row_per_claim_and_no_formulas(built):
    _, api = built
    rows = list(csv.reader(io.StringIO((api / "claims.csv").read_text("utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {row[0]: dict(zip(CSV_COLUMNS, row)) for row in rows[1:]}
    assert set(by_id) == {"formula", "rubio-revoke", "students-270000"} and len(rows) == 4
    formula = by_id["formula"]
    assert formula["short"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert formula["conclusion"] == "'-1+1 is what they said"
    assert formula["claim"] == "'@SUM(A1:A2) was the claim"
    assert by_id["students-270000"]["sources"] == "newsletter; wire"
    assert by_id["rubio-revoke"]["verdict_label"] == "Mostly true" and by_id["rubio-revoke"]["corrections"] == "1"
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.parametrize("cell, safe", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("a=b", "a=b"), ("", "")])
def test_spreadsheet_safe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_disagreements_json_lists_sides_with_readable_values_and_intervals(built):
    _, api = built
    data = json.loads((api / "disagreements.json").read_text("utf-8"))
    assert len(data) == 1
    entry = data[0]
    assert {k: entry[k] for k in ("id", "subject", "kind", "severity")} == {
        "id": "chinese-students-in-us-reference-period", "subject": "chinese-students-in-us",
        "kind": "reference-period", "severity": "low"}
    assert "note" in entry
    sides = {side["source"]: side for side in entry["sides"]}
    assert sides["wire"]["value"]["text"] == "more than 300,000"
    assert sides["wire"]["value"]["interval"] == "(300000, 400000)"
    assert sides["wire"]["quote"] == "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024"
    assert sides["newsletter"]["source_title"] == "Weekly recap"
    assert [c["id"] for c in sides["newsletter"]["claims"]] == ["students-270000"]
    assert all(c["verdict"] and c["verdict_label"] and c["url"].startswith("https://") for c in sides["newsletter"]["claims"])
    assert entry["status"] == "disagreement" and entry["severity_reason"]
    assert (entry["supported_sides"] == 0) == (entry["supported_sources"] == [])
    assert entry["support"] and "record" in entry and "internal_source" in entry
    for side in entry["sides"]:
        assert {"supported", "refuted_by_record", "cited_by"} <= set(side)



# The exports are written by exports._dump, which writes what json.dumps(indent=2) writes, faster,
# with "<" escaped (issue 24: no export can close a script element where it is inlined).
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=5), children, max_size=4) | st.dictionaries(st.integers(), children, max_size=2),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_dump_writes_what_json_dumps_writes(data):
    written = _dump(data)
    assert written == json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c") + "\n"
    assert "<" not in written


@pytest.mark.parametrize("cell", [" =1+1", "\u00a0=1+1", "\n=1+1", "\uff1d1+1", "\uff0bcmd", "\uff20SUM(1)", "\t=1", "=1", "-2+3"])
def test_the_spreadsheet_guard_covers_leading_white_space_line_breaks_and_fullwidth_signs(cell):
    assert spreadsheet_safe(cell) == "'" + cell


def test_the_spreadsheet_guard_leaves_plain_text_alone():
    assert spreadsheet_safe("Tariffs = taxes") == "Tariffs = taxes"


def _streamed(value):
    """``value`` with each list inside a mapping of text keys, and the outermost list, given as an iterator."""
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: iter(item) if isinstance(item, list) else _streamed(item) for key, item in value.items()}
    return iter(value) if isinstance(value, list) else value


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_pieces_write_what_json_dumps_writes_with_lists_made_item_by_item(data):
    assert "".join(_pieces(_streamed(data))) == json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c") + "\n"


def test_the_plugin_writes_each_data_file_as_build_pages_does(built, tmp_path):
    """The plugin makes the exports and the feed as MkDocs writes them; the bytes are those the
    renderer gives (here through ``factcheck build-pages``, which renders from the same settings)."""
    site, api = built
    assert run_cli(site, "build-pages", "--out", str(tmp_path)) == 0
    names = ["api/claims.json", "api/claimreview.json", "api/claims.csv", "api/disagreements.json", "feed.xml"]
    for name in names:
        assert (api.parent / name).read_bytes() == (tmp_path / "docs" / name).read_bytes(), name
