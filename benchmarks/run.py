"""The scale benchmark: the plugin's build against plain MkDocs, on the same pages and on the floor.

For each size N it writes a synthetic corpus (``corpus.py``), exports its pages with
``factcheck build-pages`` into a second site that has no plugin (plain MkDocs on the same
pages), and writes a third site of as many one-paragraph pages at the same paths, with the same
theme and sidebar (the floor: what MkDocs and Material take for that many pages, whatever is on
them). It builds the three in turn, rotating which goes first, ``--repeat`` times. Every
measurement is a fresh subprocess whose wall time and peak memory (its own maximum resident
set size, from ``wait4``) are recorded; the medians are compared. It also times
``factcheck validate``, weighs ``search/search_index.json``, and, on the largest size, times
the first search result in Chromium and the ``mkdocs serve`` reload after a claim is saved.

    python benchmarks/run.py                      # N = 1,000 and 10,000, 3 paired runs
    python benchmarks/run.py --sizes 200 --repeat 1 --no-browser --no-serve   # what CI runs

Results: a table on standard output, PASS/FAIL per target, and a JSON file under
benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import http.server
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as synthetic  # noqa: E402  (benchmarks/corpus.py, beside this file)

OUT = HERE / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

# Targets of issue 22 (and of issue 8 before it), at the largest size.
FLOOR_RATIO_LIMIT = 2.5  # the plugin's build / the floor's, at every size
BUILD_RATIO_LIMIT = 1.10  # the plugin's build / plain MkDocs on the same pages (issue 8's; shown beside)
MEMORY_RATIO_LIMIT = 1.25
VALIDATE_LIMIT_S = 5.0
SEARCH_LIMIT_MS = 1500.0
SERVE_LIMIT_S = 3.0  # issue 22 (was 5 s)
GROWTH_SLACK = 1.05  # time(10N)/time(N) at most 10.5 (issue 22; was 11)


# ----------------------------------------------------------------------------- measuring one process


@dataclass(frozen=True)
class Run:
    """One subprocess: how long it took and the most memory it held."""

    wall_s: float
    peak_mib: float
    returncode: int


def measure(command: list[str], cwd: Path, log: Optional[Path] = None) -> Run:
    """Run ``command`` to its end; its own peak RSS comes from wait4, so each run is counted alone."""
    output = open(log, "ab") if log else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            output.close()
    # ru_maxrss is in KiB on Linux.
    return Run(wall_s=wall, peak_mib=usage.ru_maxrss / 1024, returncode=process.returncode)


def must(run: Run, what: str, log: Path) -> Run:
    if run.returncode != 0:
        tail = log.read_text("utf-8", "replace")[-3000:] if log.exists() else ""
        raise SystemExit(f"{what} failed (exit {run.returncode}); the end of {log}:\n{tail}")
    return run


# ----------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    claims: int
    sources: int
    pages: int
    plugin_build_s: float
    plain_build_s: float
    build_ratio: float
    floor_build_s: float
    floor_ratio: float
    plugin_peak_mib: float
    plain_peak_mib: float
    memory_ratio: float
    validate_s: float
    search_index_bytes: int  # Material's index, which the browser loads whole before a first result
    plain_search_index_bytes: int
    worker_index_bytes: int  # the plugin's search files, of which a query fetches a few
    export_s: float
    runs: dict = field(default_factory=dict)  # every measurement, for the record


def prepare(claims: int, work: Path, log: Path) -> tuple[Path, Path, float]:
    """Write the corpus, the plain site of its exported pages and the floor; return the first two folders
    (the floor is ``floor_folder``)."""
    corpus_dir = work / f"corpus-{claims}"
    plain_dir = work / f"plain-{claims}"
    synthetic.write(claims, corpus_dir)
    if plain_dir.exists():
        shutil.rmtree(plain_dir)
    (plain_dir / "docs").mkdir(parents=True)
    shutil.copy(corpus_dir / "docs" / "index.md", plain_dir / "docs" / "index.md")
    export = must(measure(
        [sys.executable, "-m", "factcheck", "-f", str(corpus_dir / "mkdocs.yml"), "build-pages", "--out", str(plain_dir)],
        cwd=corpus_dir, log=log,
    ), "factcheck build-pages", log)
    overrides = plain_templates(plain_dir / "overrides")
    (plain_dir / "mkdocs.yml").write_text(synthetic.mkdocs_yml(claims, with_plugin=False, templates=overrides), encoding="utf-8")
    write_floor(claims, plain_dir, floor_folder(work, claims))
    return corpus_dir, plain_dir, export.wall_s


def floor_folder(work: Path, claims: int) -> Path:
    return work / f"floor-{claims}"


FLOOR_PAGE = "# Page {number}\n\nOne paragraph of plain text, the same on every page of the floor.\n"


def write_floor(claims: int, plain_dir: Path, floor_dir: Path) -> None:
    """The floor: a one-paragraph page at the path of every page of the exported site (so the same
    sidebar: the same pages in and out of the navigation), the same theme, extensions and stylesheet."""
    if floor_dir.exists():
        shutil.rmtree(floor_dir)
    docs = plain_dir / "docs"
    for number, page in enumerate(sorted(docs.rglob("*.md")), start=1):
        target = floor_dir / "docs" / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(FLOOR_PAGE.format(number=number), encoding="utf-8")
    stylesheet = docs / "assets" / "factcheck.css"
    if stylesheet.exists():
        (floor_dir / "docs" / "assets").mkdir(parents=True, exist_ok=True)
        shutil.copy(stylesheet, floor_dir / "docs" / "assets" / "factcheck.css")
    (floor_dir / "mkdocs.yml").write_text(synthetic.mkdocs_yml(claims, with_plugin=False), encoding="utf-8")


def plain_templates(folder: Path) -> Optional[Path]:
    """Plain stand-ins for the plugin's templates, which the exported pages name in their front matter.

    Each only extends Material's ``main.html``: what the plugin's own templates add (its head
    tags) is the plugin's work, and counts against it.
    """
    import factcheck

    templates = Path(factcheck.__file__).resolve().parent / "templates"
    names = [p.relative_to(templates) for p in templates.rglob("*.html")] if templates.is_dir() else []
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    return folder if names else None


def build(folder: Path, site: Path, log: Path) -> Run:
    if site.exists():
        shutil.rmtree(site)
    return must(measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml"), "-d", str(site)], folder, log), f"mkdocs build of {folder}", log)


def bench_sizes(sizes: list[int], repeat: int, work: Path, log: Path) -> list[SizeResult]:
    """Every size's corpus written and exported, then ``repeat`` rounds, each building every size
    once, and a last build of the smallest size (when there are several sizes).

    Rounds, not one size after the other: the speed of a shared VM drifts by a third over half an
    hour, and time(10,000) / time(1,000) compares runs made far apart unless the sizes take turns.
    The last smallest build puts one on either side of each largest build (``growth_by_round``).
    """
    prepared = {}
    for claims in sizes:
        print(f"\n== {claims:,} claims: writing the corpus and exporting its pages", flush=True)
        prepared[claims] = prepare(claims, work, log)
    runs: dict[int, dict[str, list[Run]]] = {claims: {"plugin": [], "plain": [], "floor": [], "validate": []} for claims in sizes}
    turns = [(index, claims) for index in range(repeat) for claims in sizes]
    if len(sizes) > 1:
        turns.append((repeat, sizes[0]))
    for index, claims in turns:
        if claims == sizes[0]:
            print(f"\n== round {index + 1}/{repeat}" if index < repeat else "\n== closing run of the smallest size", flush=True)
        corpus_dir, plain_dir, _ = prepared[claims]
        done = runs[claims]
        # Runs in turn, rotating which goes first, so drift on a noisy machine hits all three.
        kinds = ("plugin", "plain", "floor")
        order = kinds[index % 3:] + kinds[:index % 3]
        folders = {"plugin": corpus_dir, "plain": plain_dir, "floor": floor_folder(work, claims)}
        for which in order:
            done[which].append(build(folders[which], work / f"{which}-site-{claims}".replace("plugin-", ""), log))
        done["validate"].append(measure([sys.executable, "-m", "factcheck", "-f", str(corpus_dir / "mkdocs.yml"), "validate"], corpus_dir, log))
        if done["validate"][-1].returncode != 0:
            must(done["validate"][-1], "factcheck validate", log)
        print(f"  {claims:,} claims: plugin {done['plugin'][-1].wall_s:.1f} s, plain {done['plain'][-1].wall_s:.1f} s, "
              f"floor {done['floor'][-1].wall_s:.1f} s, "
              f"validate {done['validate'][-1].wall_s:.2f} s", flush=True)
    return [_size_result(claims, prepared[claims], runs[claims], work) for claims in sizes]


def growth_by_round(largest: list[float], smallest: list[float]) -> list[float]:
    """time(largest) / time(smallest) for each round: each largest build against the mean of the
    smallest builds made just before and just after it (so a drift of the machine's speed during
    the round moves both sides alike). ``smallest`` has one run more than ``largest``."""
    return [big / ((smallest[index] + smallest[index + 1]) / 2) for index, big in enumerate(largest)]


def _size_result(claims: int, prepared: tuple[Path, Path, float], runs: dict[str, list[Run]], work: Path) -> SizeResult:
    corpus_dir, _, export_s = prepared
    plugin_site, plain_site = work / f"site-{claims}", work / f"plain-site-{claims}"
    plugin_s = statistics.median(r.wall_s for r in runs["plugin"])
    plain_s = statistics.median(r.wall_s for r in runs["plain"])
    floor_s = statistics.median(r.wall_s for r in runs["floor"])
    plugin_mib = statistics.median(r.peak_mib for r in runs["plugin"])
    plain_mib = statistics.median(r.peak_mib for r in runs["plain"])
    return SizeResult(
        claims=claims,
        sources=len(list((corpus_dir / "sources").glob("*.yaml"))),
        pages=sum(1 for _ in plugin_site.rglob("index.html")),
        plugin_build_s=round(plugin_s, 3), plain_build_s=round(plain_s, 3), build_ratio=round(plugin_s / plain_s, 3),
        floor_build_s=round(floor_s, 3), floor_ratio=round(plugin_s / floor_s, 3),
        plugin_peak_mib=round(plugin_mib, 1), plain_peak_mib=round(plain_mib, 1), memory_ratio=round(plugin_mib / plain_mib, 3),
        validate_s=round(statistics.median(r.wall_s for r in runs["validate"]), 3),
        search_index_bytes=(plugin_site / "search" / "search_index.json").stat().st_size,
        plain_search_index_bytes=(plain_site / "search" / "search_index.json").stat().st_size,
        worker_index_bytes=sum(f.stat().st_size for f in (plugin_site / "search" / "factcheck").glob("*.json")),
        export_s=round(export_s, 3),
        runs={kind: [asdict(r) for r in made] for kind, made in runs.items()},
    )


# ----------------------------------------------------------------------------- search in Chromium


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as any static host: HTTP/1.0 would open a connection per file.
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the name is the base class's
        pass


class StaticServer:
    """The built site over HTTP on 127.0.0.1, on a free port, in a thread of this process."""

    def __init__(self, root: Path):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# At document start: records when the first search result is put on the page, and types the
# query (window.__fcQuery) at DOMContentLoaded, as a reader pasting at once would: focus, the
# text, the key release Material's search box listens for. Typing from the page itself keeps
# Playwright's own latency (about a second for a fill here) out of the figure.
_WATCH_RESULTS = """
window.__fc = {};
new MutationObserver((changes, observer) => {
  if (document.querySelector('.md-search-result__item')) {
    window.__fc.firstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
document.addEventListener('DOMContentLoaded', () => {
  const box = document.querySelector('input.md-search__input');
  if (!box || !window.__fcQuery) return;
  box.focus();
  box.value = window.__fcQuery;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'}));
  window.__fc.typed = performance.now();
});
"""


def search_first_result(site: Path, query: str, repeat: int) -> dict:
    """Milliseconds from navigation start to the first search result, the query typed at DOMContentLoaded."""
    from playwright.sync_api import sync_playwright

    timings: list[dict] = []
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 900})  # a fresh cache each time
                page = context.new_page()
                page.add_init_script(f"window.__fcQuery = {json.dumps(query)};\n" + _WATCH_RESULTS)
                page.goto(server.url, wait_until="domcontentloaded")
                page.wait_for_function("window.__fc.firstResult !== undefined", timeout=120_000)
                found = page.evaluate(
                    "({first: window.__fc.firstResult, typed: window.__fc.typed, load: performance.getEntriesByType('navigation')[0].loadEventEnd,"
                    " results: document.querySelectorAll('.md-search-result__item').length})"
                )
                timings.append({
                    "first_result_ms": round(found["first"], 1), "typed_ms": round(found["typed"], 1),
                    "load_ms": round(found["load"], 1), "results": found["results"],
                })
                context.close()
        finally:
            browser.close()
    return {
        "query": query,
        "first_result_ms": statistics.median(t["first_result_ms"] for t in timings),  # from navigation start
        "after_load_ms": statistics.median(t["first_result_ms"] - t["load_ms"] for t in timings),
        "runs": timings,
    }


# ----------------------------------------------------------------------------- mkdocs serve


def _get(url: str) -> Optional[str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_reload(corpus_dir: Path, log: Path, extra_args: list[str], limit_s: float = 600.0, edits: int = 3) -> dict:
    """Seconds from saving a change to one claim to `mkdocs serve` showing it on that claim's page:
    the median of ``edits`` saves, a few seconds apart, to one server."""
    corpus_dir = corpus_dir.resolve()
    port = _free_port()
    claim_file = corpus_dir / "claims" / "claim-00001.yaml"
    original = claim_file.read_text("utf-8")
    # mkdocs serve mounts the site at the path of its site_url (here /benchmark/).
    mount = urllib.parse.urlsplit(synthetic.SITE_URL).path.rstrip("/")
    page_url = f"http://127.0.0.1:{port}{mount}/claims/claim-00001/"
    with open(log, "ab") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(corpus_dir / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", *extra_args],
            cwd=corpus_dir, stdout=output, stderr=output, start_new_session=True,
        )
    result: dict = {"args": extra_args}
    try:
        start = time.perf_counter()
        while _get(page_url) is None:
            if server.poll() is not None or time.perf_counter() - start > limit_s:
                raise SystemExit(f"mkdocs serve did not come up; see {log}")
            time.sleep(0.5)
        result["first_build_s"] = round(time.perf_counter() - start, 2)
        reloads = []
        for _ in range(edits):
            time.sleep(3)  # let the watcher settle, and the server tidy up after its last build
            token = f"Benchmark edit at {time.time_ns()}"
            changed = re.sub(r"^conclusion: .*$", f'conclusion: "{token}"', original, count=1, flags=re.M)
            saved = time.perf_counter()
            claim_file.write_text(changed, encoding="utf-8")
            while token not in (_get(page_url) or ""):
                if server.poll() is not None or time.perf_counter() - saved > limit_s:
                    raise SystemExit(f"mkdocs serve did not show the change within {limit_s:.0f} s; see {log}")
                time.sleep(0.1)
            reloads.append(round(time.perf_counter() - saved, 2))
        result["reloads_s"] = reloads
        result["reload_s"] = statistics.median(reloads)
    finally:
        claim_file.write_text(original, encoding="utf-8")
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # the server we started, and its children
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    return result


# ----------------------------------------------------------------------------- report


@dataclass
class Target:
    name: str
    value: Optional[float]
    limit: float
    unit: str

    @property
    def passed(self) -> Optional[bool]:
        return None if self.value is None else self.value <= self.limit


def growth_figures(sizes: list[SizeResult]) -> dict[str, dict]:
    """For the plugin and for plain MkDocs: time(largest) / time(smallest) by round, its median,
    and the ratio of the medians of all runs (empty for one size)."""
    if len(sizes) < 2:
        return {}
    largest, smallest = sizes[-1], sizes[0]
    figures = {}
    for kind in ("plugin", "plain", "floor"):
        rounds = growth_by_round(_walls(largest, kind), _walls(smallest, kind))
        figures[kind] = {
            "by_round": [round(g, 2) for g in rounds], "median": round(statistics.median(rounds), 2),
            "of_medians": round(getattr(largest, f"{kind}_build_s") / getattr(smallest, f"{kind}_build_s"), 2),
        }
    return figures


def targets(sizes: list[SizeResult], growth: dict[str, dict], search: Optional[dict], serve: Optional[dict]) -> list[Target]:
    largest, smallest = sizes[-1], sizes[0]
    found = [Target(f"build at {size.claims:,}: plugin / floor", size.floor_ratio, FLOOR_RATIO_LIMIT, "x") for size in sizes]
    found += [
        Target(f"build at {largest.claims:,}: plugin / plain on the same pages", largest.build_ratio, BUILD_RATIO_LIMIT, "x"),
        Target(f"peak memory at {largest.claims:,}: plugin / plain", largest.memory_ratio, MEMORY_RATIO_LIMIT, "x"),
        Target(f"factcheck validate at {largest.claims:,}", largest.validate_s, VALIDATE_LIMIT_S, "s"),
    ]
    if growth:
        found.append(Target(
            f"time({largest.claims:,}) / time({smallest.claims:,}), median by round", growth["plugin"]["median"],
            round(GROWTH_SLACK * largest.claims / smallest.claims, 2), "x",
        ))
    found.append(Target(f"first search result at {largest.claims:,}", search["first_result_ms"] if search else None, SEARCH_LIMIT_MS, "ms"))
    found.append(Target(f"mkdocs serve reload at {largest.claims:,}", serve["reload_s"] if serve else None, SERVE_LIMIT_S, "s"))
    return found


def _walls(size: SizeResult, kind: str) -> list[float]:
    return [run["wall_s"] for run in size.runs[kind]]


def table(sizes: list[SizeResult]) -> str:
    head = ("claims", "pages", "plugin s", "plain s", "ratio", "floor s", "plugin/floor", "plugin MiB", "plain MiB", "ratio",
            "Material index MB (plugin/plain)", "worker files MB", "validate s")
    rows = [head] + [(
        f"{s.claims:,}", f"{s.pages:,}", f"{s.plugin_build_s:.2f}", f"{s.plain_build_s:.2f}", f"{s.build_ratio:.3f}",
        f"{s.floor_build_s:.2f}", f"{s.floor_ratio:.2f}",
        f"{s.plugin_peak_mib:.0f}", f"{s.plain_peak_mib:.0f}", f"{s.memory_ratio:.3f}",
        f"{s.search_index_bytes / 1e6:.2f} / {s.plain_search_index_bytes / 1e6:.1f}", f"{s.worker_index_bytes / 1e6:.1f}",
        f"{s.validate_s:.2f}",
    ) for s in sizes]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows)


def compile_package() -> None:
    """Compile the plugin's modules to bytecode once, before anything is timed.

    pip compiles a package's modules when it installs it, and MkDocs and Material come compiled;
    an editable install compiles ours at first use, unless PYTHONDONTWRITEBYTECODE is set (as on
    some CI machines and on the VM these figures were taken on): then every ``factcheck validate``
    compiled all of them again (~0.15 s measured). Both sides now start as an installed package does.
    """
    spec = importlib.util.find_spec("factcheck")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Build N claims with the plugin, the same pages with plain MkDocs, and the floor, and compare.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="numbers of claims (default: 1000 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="paired runs per size; medians are reported (default: 3)")
    parser.add_argument("--browser", action=argparse.BooleanOptionalAction, default=True, help="time the first search result in Chromium")
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True, help="time the mkdocs serve reload after a change")
    parser.add_argument("--work", type=Path, default=OUT / "work", help="where the corpora and sites are written")
    parser.add_argument("--out", type=Path, default=None, help="the JSON result file (default: benchmarks/out/result-<time>.json)")
    args = parser.parse_args(argv)

    sizes = sorted(set(args.sizes))
    args.work = args.work.resolve()  # the builds run inside the corpus folders
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "benchmark.log"
    log.write_text("", encoding="utf-8")
    compile_package()
    results = bench_sizes(sizes, args.repeat, args.work, log)
    largest = results[-1].claims

    search = None
    if args.browser:
        query = synthetic.search_query(largest)
        print(f"\n== first search result in Chromium ({largest:,} claims, query {query!r})", flush=True)
        search = search_first_result(args.work / f"site-{largest}", query, repeat=max(3, args.repeat))
        print(f"  {search['first_result_ms']:.0f} ms from navigation start ({search['after_load_ms']:.0f} ms after the load event)", flush=True)
        # The same pages with Material's own search, for comparison (not a target).
        search["plain"] = search_first_result(args.work / f"plain-site-{largest}", query, repeat=max(3, args.repeat))
        print(f"  plain MkDocs + Material, same pages: {search['plain']['first_result_ms']:.0f} ms from navigation start", flush=True)
    serve = None
    if args.serve:
        print(f"\n== mkdocs serve reload ({largest:,} claims)", flush=True)
        serve = serve_reload(args.work / f"corpus-{largest}", log, ["--livereload", "--dirty"])
        print(f"  first build {serve['first_build_s']} s; the change shown after {serve['reload_s']} s "
              f"(median of {', '.join(map(str, serve['reloads_s']))})", flush=True)

    growth = growth_figures(results)
    found = targets(results, growth, search, serve)
    print("\n" + table(results) + "\n")
    for target in found:
        verdict = {True: "PASS", False: "FAIL", None: "SKIP"}[target.passed]
        value = "not measured" if target.value is None else f"{target.value:g} {target.unit}"
        print(f"{verdict}  {target.name}: {value} (target <= {target.limit:g} {target.unit})")
    if growth:  # each round's growth, and the floor's own growth for comparison (not a target)
        print(f"      growth by round (each {results[-1].claims:,} build against the {results[0].claims:,} builds either side of it): "
              f"plugin {', '.join(map(str, growth['plugin']['by_round']))}; plain MkDocs on the same pages "
              f"{', '.join(map(str, growth['plain']['by_round']))} (median {growth['plain']['median']} x); the floor "
              f"{', '.join(map(str, growth['floor']['by_round']))} (median {growth['floor']['median']} x)")
        print(f"      ratio of the medians of all runs: plugin {growth['plugin']['of_medians']} x, plain {growth['plain']['of_medians']} x")

    record = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "versions": _versions(),
        "repeat": args.repeat,
        "sizes": [asdict(r) for r in results],
        "growth": growth or None,
        "search": search,
        "serve": serve,
        "targets": [{**asdict(t), "passed": t.passed} for t in found],
    }
    out = args.out or OUT / f"result-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-factcheck"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


if __name__ == "__main__":
    sys.exit(main())
