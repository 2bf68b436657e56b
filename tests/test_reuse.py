"""Results kept between the runs of a long ``mkdocs serve`` (reuse.py): after an edit of any kind,
a run that reuses the last run's results makes exactly what a fresh run makes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from factcheck.commands.cli import settings_from_mkdocs_yml
from factcheck.core.pipeline import check, keep_between_runs, render, stop_keeping
from factcheck.core.reuse import KeptResults, kept_results
from factcheck.core.settings import Settings
from factcheck.render.search_index import search_assets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus as synthetic  # noqa: E402

CLAIMS = 60


def made(settings: Settings) -> tuple[list[str], dict[str, Any]]:
    """Every problem and every file a run makes (pages with their sidebar title, data files, search files)."""
    checked = check(settings)
    problems = [str(p) for p in checked.problems]
    if checked.site is None:
        return problems, {}
    pages, assets = render(checked.site)
    files: dict[str, Any] = {page.path: page for page in pages}
    files.update((asset.path, asset.content) for asset in [*assets, *search_assets(checked.site)])
    return problems, files


def fresh(settings: Settings) -> tuple[list[str], dict[str, Any]]:
    """``made`` with nothing kept consulted (and nothing kept disturbed)."""
    kept_results.on = False
    try:
        return made(settings)
    finally:
        kept_results.on = True


@pytest.fixture
def serving(tmp_path: Path):
    synthetic.write(CLAIMS, tmp_path / "site")
    keep_between_runs()
    yield tmp_path / "site"
    stop_keeping()


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def first_claim_with(root: Path, field: str) -> Path:
    for path in sorted((root / "claims").glob("*.yaml")):
        if field in yaml.safe_load(path.read_text("utf-8")):
            return path
    raise AssertionError(f"no claim has {field}")


def quote_with_subject(data: dict) -> dict:
    return next(q for q in data.get("evidence", []) + data["appeared"] if q.get("subject"))


def _set(mapping: dict, key: str, value: Any) -> None:
    mapping[key] = value


EDITS: dict[str, Callable[[Path], None]] = {
    "a claim's conclusion": lambda root: edit_yaml(root / "claims/claim-00001.yaml", lambda d: _set(d, "conclusion", "Edited conclusion.")),
    "a claim's verdict": lambda root: edit_yaml(root / "claims/claim-00002.yaml", lambda d: _set(d, "verdict", "false" if d["verdict"] != "false" else "true")),
    "a claim's short title": lambda root: edit_yaml(root / "claims/claim-00003.yaml", lambda d: _set(d, "short", "A new short title")),
    "a new topic": lambda root: edit_yaml(root / "claims/claim-00004.yaml", lambda d: _set(d, "topics", ["Brand new topic", *d.get("topics", [])])),
    "a topic's spelling": lambda root: edit_yaml(root / "claims/claim-00005.yaml", lambda d: _set(d, "topics", [t.upper() for t in d.get("topics", [])])),
    "a disputed quote's declared value": lambda root: edit_yaml(
        first_claim_with(root, "evidence"), lambda d: _set(quote_with_subject(d), "period", "an edited period")),
    "a correction": lambda root: edit_yaml(root / "claims/claim-00006.yaml", lambda d: _set(d, "corrections", [
        {"date": d["published"], "kind": "correction", "text": "We corrected the date.", "previous_verdict": "true"}])),
    "a source's title": lambda root: edit_yaml(next((root / "sources").glob("*.yaml")), lambda d: _set(d, "title", "A retitled report")),
    "a source's publisher": lambda root: edit_yaml(sorted((root / "sources").glob("*.yaml"))[3], lambda d: _set(d, "publisher", "Renamed Press")),
    "a person's name": lambda root: edit_yaml(root / "people.yaml", lambda d: _set(d[next(iter(d))], "name", "Renamed Person")),
    "a subject's note": lambda root: edit_yaml(root / "subjects.yaml", lambda d: _set(d[next(iter(d))], "note", "An edited note.")),
    "a claim's explanation": lambda root: edit_yaml(root / "claims/claim-00009.yaml", lambda d: _set(d, "explanation", "Now *short*.")),
    "what is right and wrong": lambda root: edit_yaml(root / "claims/claim-00010.yaml", lambda d: (_set(d, "right", ["Edited."]), _set(d, "wrong", []))),
    "a claim's claimant and people": lambda root: edit_yaml(root / "claims/claim-00011.yaml", lambda d: (
        _set(d, "claimant", next(iter(yaml.safe_load((root / "people.yaml").read_text("utf-8"))))), _set(d, "people", []))),
    "a quote's note": lambda root: edit_yaml(root / "claims/claim-00012.yaml", lambda d: _set(d["appeared"][0], "note", "An edited note.")),
    "a source's summary and authors": lambda root: edit_yaml(sorted((root / "sources").glob("*.yaml"))[1], lambda d: (
        _set(d, "summary", "An edited summary."), _set(d, "authors", ["A New Author"]))),
    "a person's role": lambda root: edit_yaml(root / "people.yaml", lambda d: _set(d[list(d)[1]], "role", "Edited role")),
    "a subject's title": lambda root: edit_yaml(root / "subjects.yaml", lambda d: _set(d[next(iter(d))], "title", "An edited subject title")),
    "a claim removed": lambda root: (root / "claims/claim-00007.yaml").unlink(),
    "a claim added": lambda root: (root / "claims/claim-09999.yaml").write_text(
        (root / "claims/claim-00008.yaml").read_text("utf-8").replace("short: \"", "short: \"Copy: ", 1), encoding="utf-8"),
    "an archived text": lambda root: _append_to_text(root),
}


def _append_to_text(root: Path) -> None:
    text = next((root / "sources").glob("*.txt"))
    text.write_text(text.read_text("utf-8") + "\nA sentence added at the end.\n", encoding="utf-8")


def test_a_run_after_each_edit_makes_what_a_fresh_run_makes(serving: Path):
    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    assert made(settings) == fresh(settings)
    for name, edit in EDITS.items():
        edit(serving)
        kept_run = made(settings)
        assert kept_run[1], f"after {name}: the site did not build: {kept_run[0]}"
        expected = fresh(settings)
        assert kept_run[0] == expected[0], name
        different = [path for path in expected[1] if kept_run[1].get(path) != expected[1][path]]
        assert not different and kept_run[1].keys() == expected[1].keys(), f"after {name}: {different[:5]}"


def test_a_run_without_edits_makes_nothing_anew(serving: Path):
    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    made(settings)
    first = kept_results.made
    made(settings)
    assert first > CLAIMS * 5  # parsing, records, quotes, pages, rows, search entries of every claim
    assert kept_results.made == 0 and kept_results.kept > CLAIMS * 3


def test_an_edit_makes_anew_only_what_shows_the_edited_claim(serving: Path):
    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    made(settings)
    everything = kept_results.made
    EDITS["a claim's conclusion"](serving)
    made(settings)
    assert 0 < kept_results.made < everything / 10


def test_a_broken_run_keeps_the_pages_for_the_run_that_fixes_it(serving: Path):
    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    made(settings)
    claim = serving / "claims/claim-00001.yaml"
    good = claim.read_text("utf-8")
    claim.write_text(good.replace("verdict: ", "verdict: not-a-rating # ", 1), encoding="utf-8")
    problems, files = made(settings)
    assert not files and any("verdict" in p for p in problems)
    claim.write_text(good, encoding="utf-8")
    made(settings)
    # The fixed file is read, parsed, checked against its schema, digested for the exact-copy
    # check and built again (its broken version replaced those results); every page, row and
    # search entry is the run before the error's.
    assert kept_results.made == 5


def test_results_come_back_only_for_an_equal_argument():
    keep = KeptResults()
    keep.start()
    calls: list[tuple] = []

    @keep.per_item(lambda argument: argument[0])
    def page(argument: tuple) -> str:
        calls.append(argument)
        return f"page of {argument}"

    @keep.per_item(lambda argument: argument[0])
    def row(argument: tuple) -> str:
        calls.append(argument)
        return f"row of {argument}"

    first = page(("a", "x"))
    keep.new_run()
    assert page(("a", "x")) is first  # an equal argument: the result made before
    assert page(("a", "y")) == "page of ('a', 'y')"  # another argument: made anew, and kept instead
    assert row(("a", "y")) == "row of ('a', 'y')"  # another step: its own result
    keep.new_run()
    keep.new_run()  # runs that did not ask for it keep it (a page kept whole does not ask for its rows)
    assert page(("a", "y")) == "page of ('a', 'y')" and page(("a", "x")) == "page of ('a', 'x')"
    assert calls == [("a", "x"), ("a", "y"), ("a", "y"), ("a", "x")] and (keep.made, keep.kept) == (1, 1)
    value = (1, [2])
    assert keep.same("site", value) is value and keep.same("site", (1, [2])) is value
    keep.stop()
    assert page(("a", "x")) == "page of ('a', 'x')" and len(calls) == 5  # off: always made


def test_a_kept_renderer_is_given_only_its_view_of_the_site(serving: Path):
    """Each kept renderer takes one frozen view holding what its page shows, not the site: the
    view compares by value, and an edit of a record another page shows leaves it equal."""
    from dataclasses import FrozenInstanceError

    from factcheck.render.claim_page import claim_page_view
    from factcheck.render.source_page import source_page_view

    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    site = check(settings).site
    edited, other = site.claim_by_id["claim-00001"], next(c for c in site.claims if c.id != "claim-00001")
    view = claim_page_view(site, other)
    assert not hasattr(view, "claims") and not view.corpus.claims  # no other claim can reach the page
    assert view == claim_page_view(site, other) and view.uses == tuple(site.uses_by_claim[other.id])
    with pytest.raises(FrozenInstanceError):
        view.claim = edited  # type: ignore[misc]
    source = site.corpus.sources[0]
    assert source_page_view(site, source).claims == tuple(site.claims_by_source.get(source.id, ()))
    EDITS["a claim's conclusion"](serving)  # claim-00001's
    again = check(settings).site
    assert claim_page_view(again, again.claim_by_id[other.id]) == view
    assert claim_page_view(again, again.claim_by_id["claim-00001"]) != claim_page_view(site, edited)


def test_the_search_index_is_brought_up_to_date_not_made_anew(serving: Path):
    settings = settings_from_mkdocs_yml(serving / "mkdocs.yml")
    made(settings)
    index = kept_results.last("search index")
    EDITS["a claim's conclusion"](serving)
    kept_run = made(settings)
    assert kept_results.last("search index") is index  # updated in place (and equal to a fresh one: first test)
    assert kept_run == fresh(settings)
