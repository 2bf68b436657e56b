"""Hostile and broken input (issue 9): nothing a contributor writes runs, leaks or breaks the build obscurely.

Two corpora under tests/hostile/:

- ``site/``: a valid site whose every text field carries script, event handlers,
  ``javascript:``/``data:`` links, embedding tags, attr_list injections and ``</script>``
  (written by ``make_site.py``). It is built with MkDocs, strictly, and every file of the built
  site is scanned for active content (``active_content.py``), against a clean build's set of
  the theme's own scripts. The payloads must still be there, as text.
- ``broken/``: one broken or hostile file per case of ``cases.yaml``, each with the located
  error it must produce; the build must end with those errors, no traceback, and leave the
  site folder as it was.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from active_content import Finding, element_signatures, scan_html, scan_site
from site_build import build_site
from site_factory import MINI
from factcheck.core.load import parse
from factcheck.core.pipeline import check

HOSTILE = Path(__file__).parent / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yaml").read_text("utf-8"))


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


# ----------------------------------------------------------------------------- the hostile but valid site


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clean") / "repo"
    shutil.copytree(MINI, root)
    out = root.parent / "site"
    build_site(root, out, strict=False)  # the fixture has no transparency pages: warnings
    return out


@pytest.fixture(scope="module")
def theme_elements(clean_site) -> set:
    """The scripts and embedding elements of a clean build: the theme's and ours."""
    return element_signatures(clean_site)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "repo"
    shutil.copytree(HOSTILE / "site", root)
    out = root.parent / "site"
    build_site(root, out, strict=True)
    return out


def test_the_scanner_finds_what_it_looks_for():
    """The checks below are only worth something if the scanner flags active content."""
    bad = (
        '<p onclick="x()">a</p><a href=" jav&#x09;ascript:alert(1)">b</a><img src="data:image/svg+xml,x">'
        "<iframe></iframe><style>*{}</style><object></object><embed><script>alert(1)</script>"
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>'
    )
    problems, signatures = scan_html(bad)
    text = "\n".join(problems)
    for expected in ("onclick", "href=", "src=", "not whole JSON"):
        assert expected in text
    assert {s[0] for s in signatures} >= {"script", "iframe", "style", "object", "embed"}


def test_clean_build_has_no_findings(clean_site, theme_elements):
    assert theme_elements  # the theme's scripts at least
    assert scan_site(clean_site, theme_elements) == []


def test_no_active_content_in_any_built_file(hostile_site, theme_elements):
    files = [p for p in hostile_site.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".json"} <= kinds  # pages and the search index at least; exports and feeds when present
    findings: list[Finding] = scan_site(hostile_site, theme_elements)
    assert findings == [], "\n".join(str(f) for f in findings[:40])


def test_search_index_holds_no_raw_script(hostile_site):
    """Material's index (hand-written pages), whose text Material shows as HTML, holds no markup;
    the worker's document files (every generated page) hold plain text, which the worker escapes
    (tests/browser/test_search.py), and no '<' at all as written."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    texts = [doc.get("title", "") + " " + doc.get("text", "") for doc in index["docs"]]
    assert not [t for t in texts if re.search(r"<\s*script", t, re.IGNORECASE)]
    worker_texts = []
    for documents in (hostile_site / "search" / "factcheck").glob("d-*.json"):
        raw = documents.read_text("utf-8")
        assert "<" not in raw, documents.name
        worker_texts += [" ".join([title, *passages]) for _, title, _, passages in json.loads(raw)]
    assert any("<script>alert('x')</script>" in t for t in worker_texts)  # the payloads are indexed, as text


class _Text(HTMLParser):
    """The text a reader sees in the page's article, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("index, shown", [
    (0, "Claim <script>alert('x')</script>"),
    (1, "Conclusion <img src=x onerror=alert(1)>"),
    (6, 'Right {: onclick="alert(1)" }'),
    (7, "Wrong </script><script>alert(1)</script>"),
    (8, 'Correction <a href="javascript:alert(1)">a</a>'),
    (12, 'Checker x" onmouseover="alert(1)" y="'),
    (2, "Note [click](javascript:alert(1))"),
])
def test_claim_pages_show_the_payloads_as_text(hostile_site, index, shown):
    assert shown in visible_text(hostile_site / "claims" / f"claim-{index}" / "index.html")


@pytest.mark.parametrize("index, shown", [
    (5, "Title <style>body{display:none}</style>"),
    (4, "Reliability <iframe src=https://evil.example></iframe>"),
    (13, "Archived from ![i](javascript:alert(1)) ![d](data:image/png,x)"),
])
def test_source_pages_show_the_payloads_as_text(hostile_site, index, shown):
    assert shown in visible_text(hostile_site / "sources" / f"source-{index}-a" / "index.html")


def test_explanation_keeps_formatting_and_drops_active_links(hostile_site):
    page = (hostile_site / "claims" / "claim-0" / "index.html").read_text("utf-8")
    start = page.index('class="fc-explanation"')
    explanation = page[start: page.index("</div>", start)]
    for kept in ("<em>emphasis</em>", "<strong>strong</strong>", "<li>one</li>", "<table>", 'href="https://example.org/ok"'):
        assert kept in explanation
    assert "javascript" not in explanation.lower().replace("javascript:alert(1)&gt;", "")
    assert "data:" not in explanation


def test_json_ld_survives_a_closing_script_tag(hostile_site):
    """A '</script>' in a claim must neither end the JSON-LD block nor be altered in its data."""
    page = (hostile_site / "claims" / "claim-7" / "index.html").read_text("utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert blocks
    data = [json.loads(b) for b in blocks]
    review = next(d for d in data if d.get("@type") == "ClaimReview")
    assert review["claimReviewed"] == "S </script><script>alert(1)</script>"


# ----------------------------------------------------------------------------- broken input


def _prepare(case: dict, parent: Path) -> tuple[Path, str]:
    """A copy of the fixture with the case's file in place; returns the root and the file's path."""
    root = parent / "repo"
    shutil.copytree(MINI, root)
    relative = case["file"]
    source = HOSTILE / "broken" / relative
    if source.exists():
        shutil.copyfile(source, root / relative)
    setup = case.get("setup")
    if setup == "deep-nesting-crash":
        head = (HOSTILE / "broken" / "claims" / "deep-nesting.yaml").read_text("utf-8").split("topics:")[0]
        (root / relative).write_text(head + "topics: " + "[" * 60_000 + "]" * 60_000 + "\n", "utf-8")
    elif setup == "symlink-outside":
        secret = parent / "outside" / "secret.txt"
        secret.parent.mkdir()
        secret.write_text("a file outside the repository\n", "utf-8")
        os.symlink(secret, root / "sources" / "archived-symlink.txt")
    elif setup == "symlink-inside":  # issue 24: a link to a file of the repository itself (.git/config in the issue)
        os.symlink(os.path.join("..", "mkdocs.yml"), root / "sources" / "archived-symlink.txt")
    elif setup == "symlink-dangling":
        os.symlink(os.path.join("..", "gone.txt"), root / "sources" / "archived-symlink.txt")
    elif setup == "claim-symlink-outside":
        secret = parent / "outside" / "secret.yaml"
        secret.parent.mkdir()
        secret.write_text((root / "claims" / "rubio-revoke.yaml").read_text("utf-8"), "utf-8")
        os.symlink(secret, root / relative)
    elif setup == "people":  # issue 24: a broken people.yaml, from broken/people/
        shutil.copyfile(HOSTILE / "broken" / "people" / case["people"], root / "people.yaml")
    if case.get("options"):
        options = "".join(f"\n      {key}: {value}" for key, value in case["options"].items())
        text = (root / "mkdocs.yml").read_text("utf-8").replace("publisher_name: Mini Desk", "publisher_name: Mini Desk" + options)
        (root / "mkdocs.yml").write_text(text, "utf-8")
    return root, relative


def _matches(problem, expected: dict, default_path: str) -> bool:
    return (
        problem.path == expected.get("path", default_path)
        and problem.line == expected["line"]
        and problem.field == expected["field"]
        and expected["message"] in problem.message
        and expected.get("hint", "") in problem.hint
        and problem.is_error
    )


def _case_id(case: dict) -> str:
    return (case["file"] + (f"-{case['people']}" if "people" in case else "")).encode("ascii", "backslashreplace").decode("ascii")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_broken_input_gives_a_located_error(tmp_path, case):
    root, relative = _prepare(case, tmp_path)
    checked = check(_settings(root))
    assert not checked.ok
    problems = checked.problems
    listing = "\n".join(str(p) for p in problems)
    assert any(_matches(p, case["error"], relative) for p in problems), listing
    if "also" in case:
        assert any(_matches(p, case["also"], relative) for p in problems), listing


def _settings(root: Path):
    from factcheck.commands.cli import settings_from_mkdocs_yml

    return settings_from_mkdocs_yml(root / "mkdocs.yml")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_broken_input_stops_the_build_and_writes_nothing(tmp_path, case):
    root, relative = _prepare(case, tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the last good build", "utf-8")
    with pytest.raises(Abort):  # MkDocs' clean stop on a PluginError; any other exception fails the test
        build_site(root, out, strict=True)
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text("utf-8") == "the last good build"


def test_build_errors_are_located_lines_without_traceback(tmp_path):
    case = next(c for c in CASES if c["file"] == "claims/python-object-apply.yaml")
    root, relative = _prepare(case, tmp_path)
    handler = _Logged()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.raises(Abort):
            build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    errors = [r.getMessage() for r in handler.records if r.levelno >= logging.ERROR]
    assert any(m.startswith(f"factcheck: {relative}:1:8: error: claim: the YAML tag") for m in errors), errors
    assert any("nothing was built" in m for m in errors)
    assert not [r for r in handler.records if r.exc_info]


def test_python_tags_run_nothing(tmp_path):
    marker = tmp_path / "pwned"
    for text in (
        f"claim: !!python/object/apply:os.system ['touch {marker}']\n",
        f"claim: !!python/object/new:subprocess.call [['touch', '{marker}']]\n",
        f"? !!python/object/apply:os.system ['touch {marker}']\n: x\n",
    ):
        document, problems = parse(text, "claims/x.yaml")
        assert document is None and problems
    assert not marker.exists()


def test_billion_laughs_fails_fast():
    """The classic ten-level alias bomb (10^9 strings if expanded) stops at the node limit."""
    text = (HOSTILE / "broken" / "claims" / "billion-laughs.yaml").read_text("utf-8")
    document, problems = parse(text, "claims/billion-laughs.yaml")
    assert document is None
    assert [p.message for p in problems] == ["the file expands to more than 20,000 values (aliases included)"]


def test_a_claim_file_linked_outside_is_not_read(tmp_path):
    case = {"file": "claims/leak.yaml", "setup": "claim-symlink-outside"}
    root, relative = _prepare(case, tmp_path)
    checked = check(_settings(root))
    assert [(p.path, p.message) for p in checked.problems if p.path == relative] == [
        (relative, "this file is a symbolic link; links are not read, wherever they lead")]


def test_a_site_folder_that_is_a_link_is_refused_and_its_target_kept(tmp_path):
    """Issue 24: a committed link named like the site folder made `mkdocs build` empty its target."""
    from mkdocs.exceptions import Abort

    from site_build import build_site

    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("keep me\n", "utf-8")
    os.symlink(precious, root / "site")
    with pytest.raises(Abort) as stopped:
        build_site(root, root / "site")
    assert "is a symbolic link" in str(stopped.value.__context__)
    assert (precious / "keep.txt").read_text("utf-8") == "keep me\n"


@pytest.mark.parametrize("form", ["text", "github", "json"])
def test_a_file_name_holding_a_workflow_command_and_escapes_prints_inert(tmp_path, capsys, form):
    """Issue 24: a file name (like a key or a quote) is contributor text; every output form shows
    its line breaks and terminal escapes as escapes, so it makes no workflow command and paints nothing."""
    from site_factory import run_cli, SiteDir

    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    name = "x\n::error file=README.md,line=1::forged\x1b[2K\x1b[32m0 error(s)\u202e.yaml"
    shutil.copyfile(root / "claims" / "rubio-revoke.yaml", root / "claims" / name)
    assert run_cli(SiteDir(root), "validate", "--format", form) == 1
    out, err = capsys.readouterr()
    for line in (out + err).splitlines():
        assert line.isprintable(), line
        if line.lstrip().startswith("::"):  # only the annotations themselves, each on a claim file
            assert form == "github" and line.startswith(("::error file=claims/", "::warning file=claims/")), line
    assert "\x1b" not in out + err and "\u202e" not in out + err
    if form == "github":
        assert "::error file=claims/x\\n%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\x1b[2K" in out
    if form == "json":
        assert any(record["path"] == f"claims/{name}" for record in json.loads(out))


def test_an_unreadable_people_file_does_not_send_every_claim_to_add_its_people(tmp_path):
    """Issue 24: a people.yaml that cannot be read gets its own located error, and the claims that
    name people in it are not told to add them (they were: 'marco-rubio' is not in people.yaml)."""
    case = next(c for c in CASES if c.get("people") == "key-line-break.yaml")
    root, relative = _prepare(case, tmp_path)
    problems = check(_settings(root)).problems
    assert [(p.path, p.line) for p in problems] == [("people.yaml", 4)], "\n".join(map(str, problems))
