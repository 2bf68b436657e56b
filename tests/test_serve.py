"""`mkdocs serve` on a fact-check site: a change to a claim file is rebuilt and shown; a broken
claim file is reported with its location, in the terminal and on every page, while the last good
build stays served; once fixed, the new build is shown."""

from __future__ import annotations

import gc
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

MINI = Path(__file__).parent / "fixtures" / "mini"
IFCN_PAGES = ("methodology.md", "corrections-policy.md", "contribute.md", "about.md")

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for(predicate, seconds: float = 60.0, step: float = 0.25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


@pytest.fixture(params=[[]], ids=["full"])
def served(tmp_path: Path, request):
    site = tmp_path / "site"
    shutil.copytree(MINI, site)
    for page in IFCN_PAGES:
        (site / "docs" / page).write_text(f"# {page[:-3].replace('-', ' ').title()}\n", encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", *request.param, "-a", f"127.0.0.1:{port}"],
        cwd=site, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        # mkdocs serve mounts the site under the path of its site_url (https://example.org/mini/).
        yield site, f"http://127.0.0.1:{port}/mini", tmp_path / "serve.log"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.mark.parametrize("served", [[], ["--dirty"]], ids=["full", "dirty"], indirect=True)
def test_serve_rebuilds_on_a_claim_change_and_keeps_the_last_good_build_on_errors(served) -> None:
    site, base, log = served
    page = f"{base}/claims/students-270000/"
    assert wait_for(lambda: fetch(page)[0] == 200), "the site was never served"

    claim = site / "claims" / "students-270000.yaml"
    claim.write_text(claim.read_text("utf-8").replace(
        "The figure matches the Open Doors count for 2023-24.", "The figure matches the count, re-checked."), encoding="utf-8")
    assert wait_for(lambda: "re-checked" in fetch(page)[1]), "a change to a claim file was not rebuilt"

    claim.write_text(claim.read_text("utf-8").replace('verdict: "true"', "verdict: mostly-ture"), encoding="utf-8")
    reported = wait_for(lambda: "claims/students-270000.yaml" in log.read_text("utf-8") and "mostly-ture" in log.read_text("utf-8"))
    assert reported, "the error was not reported"
    text = log.read_text("utf-8")
    assert "did you mean 'mostly-true'" in text
    assert "Traceback" not in text, "errors are reported as located messages, not a traceback"
    shown = wait_for(lambda: "fc-serve-errors" in fetch(page)[1] and fetch(page)[1])
    assert shown, "the pages say that the claims have errors"
    assert "re-checked" in shown, "the last good build stays served"
    assert "mostly-ture" in shown and "claims/students-270000.yaml:" in shown

    claim.write_text(claim.read_text("utf-8").replace("verdict: mostly-ture", "verdict: mostly-true"), encoding="utf-8")
    fixed = wait_for(lambda: "Mostly true" in fetch(page)[1] and "fc-serve-errors" not in fetch(page)[1])
    assert fixed, "once fixed, the page shows the new verdict and no error banner"


def pages_built_per_run(log_text: str) -> list[int]:
    """How many pages each build of the served site built (with -v: Material's search sees each once)."""
    counts: list[int] = []
    for line in log_text.splitlines():
        if "Building documentation..." in line:
            counts.append(0)
        elif "Running `page_context` event from plugin 'material/search'" in line and counts:
            counts[-1] += 1
    return counts


@pytest.mark.parametrize("served", [["--dirty", "-v"]], ids=["dirty"], indirect=True)
def test_a_dirty_serve_rebuilds_the_changed_claim_and_the_hand_written_pages(served) -> None:
    site, base, log = served
    page = f"{base}/claims/students-270000/"
    assert wait_for(lambda: fetch(page)[0] == 200), "the site was never served"
    claims = list((site / "claims").glob("*.yaml"))
    sources = list((site / "sources").glob("*.yaml"))
    assert len(claims) >= 2 and sources
    [everything] = pages_built_per_run(log.read_text("utf-8"))
    titles_before = sidebar_titles(fetch(f"{base}/")[1])
    assert "All claims" in titles_before and "Where the sources disagree" in titles_before

    claim = site / "claims" / "students-270000.yaml"
    claim.write_text(claim.read_text("utf-8").replace(
        "The figure matches the Open Doors count for 2023-24.", "The figure matches the count, re-checked."), encoding="utf-8")
    assert wait_for(lambda: "re-checked" in fetch(page)[1]), "a change to a claim file was not rebuilt"
    assert wait_for(lambda: "Reloading browsers" in log.read_text("utf-8").split("Detected file changes", 1)[-1])
    first, again = pages_built_per_run(log.read_text("utf-8"))
    # The hand-written pages (Material's search indexes them, and it must see every page it
    # indexes in each run) and the one generated page whose content changed: every generated
    # page is searched through the worker's files.
    hand_written = len(list((site / "docs").rglob("*.md")))
    assert first == everything
    assert again == hand_written + 1, (first, again)
    # A rebuilt page's sidebar still names the generated pages the run skipped, as before.
    assert sidebar_titles(fetch(f"{base}/")[1]) == titles_before


def sidebar_titles(html: str) -> list[str]:
    return [title.strip() for title in re.findall(r'class="md-ellipsis">(.*?)<', html, re.S)]


def test_while_serving_the_theme_templates_are_compiled_once_and_again_when_edited(tmp_path) -> None:
    """MkDocs makes a new template environment for every rebuild; the plugin keeps the compiled
    templates between them (on_env), and Jinja compiles a template again when its source changed."""
    import jinja2

    from factcheck.mkdocs.plugin import FactcheckPlugin

    (tmp_path / "page.html").write_text("one {{ x }}", encoding="utf-8")
    plugin = FactcheckPlugin()
    plugin.on_startup(command="serve", dirty=True)
    compiled: list[str] = []

    def environment() -> jinja2.Environment:
        env = plugin.on_env(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))), None, None)
        original = env.compile
        env.compile = lambda source, *args, **kwargs: (compiled.append(source), original(source, *args, **kwargs))[1]
        return env

    assert environment().get_template("page.html").render(x=1) == "one 1"
    assert environment().get_template("page.html").render(x=2) == "one 2"
    assert compiled == ["one {{ x }}"]
    (tmp_path / "page.html").write_text("two {{ x }}", encoding="utf-8")
    assert environment().get_template("page.html").render(x=3) == "two 3"
    assert compiled == ["one {{ x }}", "two {{ x }}"]
    plugin.on_shutdown()
    built = FactcheckPlugin()
    built.on_startup(command="build", dirty=False)
    assert built.on_env(jinja2.Environment(), None, None).bytecode_cache is None  # a build compiles once anyway


def test_a_dirty_serve_after_edits_serves_the_site_a_full_build_makes(tmp_path: Path) -> None:
    """In process, as `mkdocs serve --dirty` runs: the config loaded again and a dirty build for each
    change. Pages left as they were keep their File and Page from run to run (MkDocs makes
    neither again), and after three edits, one of them undone, every page is what a full build
    of the same files writes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path / "site"
    shutil.copytree(MINI, site)
    for page in IFCN_PAGES:
        (site / "docs" / page).write_text(f"# {page[:-3].replace('-', ' ').title()}\n", encoding="utf-8")

    def config(site_dir: Path):
        loaded = load_config(str(site / "mkdocs.yml"), site_dir=str(site_dir))
        loaded.site_url = "http://127.0.0.1:8000/mini/"
        return loaded

    served = tmp_path / "served"
    first = config(served)
    first.plugins.on_startup(command="serve", dirty=True)
    plugin = first.plugins["factcheck"]
    class Server:  # what on_serve asks of MkDocs' server
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    try:
        build(config(served), serve_url=first.site_url, dirty=True)
        plugin.on_serve(Server(), config=first, builder=None)
        # The first build's objects collected, what the plugin keeps frozen out of the collector's sight.
        assert gc.get_freeze_count() > 0
        claim = site / "claims" / "students-270000.yaml"
        original = claim.read_text("utf-8")
        kept: list[dict] = [dict(plugin.served.pages)]
        for text in (original.replace("Open Doors count", "Open Doors total"), original.replace("Open Doors count", "Open Doors tally"), original):
            claim.write_text(text, encoding="utf-8")
            build(config(served), serve_url=first.site_url, dirty=True)
            kept.append(dict(plugin.served.pages))
    finally:
        first.plugins.on_shutdown()
        gc.unfreeze()
        plugin.on_startup(command="build", dirty=False)  # MkDocs keeps the instance for the other tests' builds
    edited = "claims/students-270000.md"
    assert len({id(run[edited]) for run in kept}) == 4, "the edited page gets a new File each time"
    same_objects = [path for path, file in kept[0].items() if all(run.get(path) is file for run in kept)]
    assert len(same_objects) == len(kept[0]) - 1 and "sources/wire.md" in same_objects
    # Once written, a kept page lets go of its HTML.
    assert all(file.page.content is None for file in kept[3].values())

    full = tmp_path / "full"
    fresh = config(full)
    fresh.plugins.on_startup(command="build", dirty=False)
    build(fresh)
    written = sorted(p.relative_to(full) for p in full.rglob("*.html"))
    assert len(written) > 20
    for page in written:
        assert (served / page).read_text("utf-8") == (full / page).read_text("utf-8"), page
