"""The scale benchmark (benchmarks/run.py) still runs end to end, at a size CI can afford.

No timing is asserted: the figures depend on the machine. What is checked is that one run
writes its result file with every field filled in, and that the synthetic corpus is the same
from one generation to the next.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"

SIZE_FIELDS = {
    "claims", "sources", "pages", "plugin_build_s", "plain_build_s", "build_ratio", "plugin_peak_mib",
    "plain_peak_mib", "memory_ratio", "validate_s", "search_index_bytes", "plain_search_index_bytes", "worker_index_bytes", "export_s",
    "floor_build_s", "floor_ratio",
}


@pytest.mark.slow
def test_one_small_run_writes_every_field(tmp_path: Path) -> None:
    result_file = tmp_path / "result.json"
    finished = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "20", "50", "--repeat", "1", "--no-browser", "--no-serve",
         "--work", str(tmp_path / "work"), "--out", str(result_file)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-3000:]
    result = json.loads(result_file.read_text("utf-8"))

    small, size = result["sizes"]
    assert SIZE_FIELDS <= set(size), SIZE_FIELDS - set(size)
    assert size["claims"] == 50 and size["sources"] == 10
    # Every claim and source has its page, besides the indexes.
    assert size["pages"] > 60
    for name in ("plugin_build_s", "plain_build_s", "plugin_peak_mib", "plain_peak_mib", "validate_s", "export_s"):
        assert size[name] > 0, name
    assert size["build_ratio"] == pytest.approx(size["plugin_build_s"] / size["plain_build_s"], rel=0.01)
    assert size["memory_ratio"] == pytest.approx(size["plugin_peak_mib"] / size["plain_peak_mib"], rel=0.01)
    # The floor: one-paragraph pages at the same paths, built like the others.
    assert size["floor_build_s"] > 0
    assert size["floor_ratio"] == pytest.approx(size["plugin_build_s"] / size["floor_build_s"], rel=0.01)
    floor_pages = sorted(p.relative_to(tmp_path / "work" / "floor-50" / "docs") for p in (tmp_path / "work" / "floor-50" / "docs").rglob("*.md"))
    plain_pages = sorted(p.relative_to(tmp_path / "work" / "plain-50" / "docs") for p in (tmp_path / "work" / "plain-50" / "docs").rglob("*.md"))
    assert floor_pages == plain_pages and len(floor_pages) > 60
    # Material's index holds the hand-written pages; the claims are in the plugin's search files.
    assert 0 < size["search_index_bytes"] < size["plain_search_index_bytes"] / 10
    assert size["worker_index_bytes"] > size["plain_search_index_bytes"] / 2
    assert len(size["runs"]["plugin"]) == len(size["runs"]["plain"]) == len(size["runs"]["floor"]) == len(size["runs"]["validate"]) == 1
    # The smaller size is built once more, after the larger: a run on either side of it.
    assert small["claims"] == 20 and len(small["runs"]["plugin"]) == len(small["runs"]["plain"]) == 2
    for kind in ("plugin", "plain"):
        walls = [run["wall_s"] for run in small["runs"][kind]]
        expected = size["runs"][kind][0]["wall_s"] / (sum(walls) / 2)
        assert result["growth"][kind]["by_round"] == [round(expected, 2)]
    assert targets_named(result)["time(50) / time(20), median by round"]["value"] == round(result["growth"]["plugin"]["median"], 2)

    # Browser and serve were switched off: recorded as not measured, not as passed.
    assert result["search"] is None and result["serve"] is None
    targets = {name.split(" at ")[0]: t for name, t in targets_named(result).items()}
    assert {"build", "peak memory", "factcheck validate", "first search result", "mkdocs serve reload"} <= set(targets)
    assert targets["first search result"]["passed"] is None
    assert targets["build"]["passed"] in (True, False)
    assert result["versions"]["mkdocs"] and result["repeat"] == 1
    assert "PASS" in finished.stdout or "FAIL" in finished.stdout


def targets_named(result: dict) -> dict[str, dict]:
    return {t["name"]: t for t in result["targets"]}


def benchmark_module(name: str):
    """benchmarks/<name>.py, imported from beside run.py as the script imports it."""
    import importlib

    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_growth_by_round_sets_each_large_build_against_the_small_ones_either_side() -> None:
    run = benchmark_module("run")
    # The machine slows down through the run: 1,000 claims take 20 s, then 30 s, then 40 s.
    assert run.growth_by_round([250.0, 350.0], [20.0, 30.0, 40.0]) == [10.0, 10.0]


def test_the_corpus_is_the_same_every_time(tmp_path: Path) -> None:
    corpus = benchmark_module("corpus")
    first, second = tmp_path / "a", tmp_path / "b"
    corpus.write(40, first)
    corpus.write(40, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert len([f for f in files if f.parts[0] == "claims"]) == 40
    assert len([f for f in files if f.suffix == ".txt"]) == 8
    # Every quote is cut word for word from its source's archived text.
    import yaml

    for claim_file in (first / "claims").iterdir():
        claim = yaml.safe_load(claim_file.read_text("utf-8"))
        for quote in claim["appeared"] + claim.get("evidence", []):
            assert quote["quote"] in (first / "sources" / f"{quote['source']}.txt").read_text("utf-8")


@pytest.mark.slow
def test_the_serve_timer_sees_each_saved_change_on_the_page(tmp_path: Path) -> None:
    """The benchmark's `mkdocs serve` timer, on a small corpus: every save it makes is shown."""
    corpus, run = benchmark_module("corpus"), benchmark_module("run")
    config = corpus.write(30, tmp_path / "corpus")
    claim = config.parent / "claims" / "claim-00001.yaml"
    before = claim.read_text("utf-8")
    result = run.serve_reload(config.parent, tmp_path / "serve.log", ["--livereload", "--dirty"], limit_s=120, edits=2)
    assert result["first_build_s"] > 0
    assert len(result["reloads_s"]) == 2 and all(seconds > 0 for seconds in result["reloads_s"])
    assert result["reload_s"] == statistics.median(result["reloads_s"])
    assert claim.read_text("utf-8") == before  # the claim is given back as it was
