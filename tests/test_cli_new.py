"""`factcheck new` and `factcheck new-source`: files written from options or answers pass validation.

The last test is the issue's "done when": in a copy of a small site, a newcomer adds a claim with
`factcheck new`, `factcheck validate --format github` annotates a broken one at the right line,
and after the fix `mkdocs build --strict` is clean.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.commands.cli import parser
from factcheck.commands.scaffold import dump_yaml, modeline, propose_id
from factcheck.commands.scaffold_claim import gather
from factcheck.commands.terminal import Asker
from newcomer import NEW_CLAIM as NEWCOMER_CLAIM
from newcomer import newcomer_site
from site_factory import run_cli

REPO = Path(__file__).resolve().parents[1]

NEW_CLAIM = [
    "--claim", "More than 270,000 Chinese students studied in the US in the 2023-2024 school year.",
    "--source", "newsletter",
    "--quote", "more than 270,000 Chinese students studied in the US",
    "--verdict", "true",
    "--conclusion", "The Open Doors count agrees.",
    "--explanation", "The Institute of International Education counted 277,398.\n\nSee its report.",
    "--topic", "Education", "--topic", "Student visas",
    "--published", "2025-06-05",
]


def run(site, *args: str, stdin: str = "") -> int:
    """The command in-process, with a standard input that is not a terminal."""
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return run_cli(site, *args)
    finally:
        sys.stdin = old


# ----------------------------------------------------------------------------- ids, modeline, YAML


def test_the_proposed_id_keeps_the_meaningful_words_and_is_unique():
    text = "Over 300,000 Chinese students were enrolled in U.S. universities as of 2024."
    assert propose_id(text, set()) == "over-300000-chinese-students-enrolled-u-s"
    assert propose_id(text, {"over-300000-chinese-students-enrolled-u-s"}) == "over-300000-chinese-students-enrolled-u-s-2"
    assert propose_id("The", set()) == "the"  # only filler words: they are kept
    assert len(propose_id("word " * 100, set())) <= 60


def test_the_modeline_is_relative_inside_the_repository_and_a_url_outside(tmp_path):
    assert modeline("claim", REPO / "claims", REPO) == "# yaml-language-server: $schema=../plugins/factcheck/schemas/claim.schema.json"
    outside = modeline("claim", tmp_path / "claims", tmp_path)
    assert outside.startswith("# yaml-language-server: $schema=https://") and outside.endswith("/claim.schema.json")


def test_yaml_keeps_verdicts_and_dates_like_text_as_text():
    text = dump_yaml({"verdict": "true", "other": "no", "when": "2025-06-01", "note": "a: b", "body": "one\n\ntwo\n"})
    assert yaml.safe_load(text) == {"verdict": "true", "other": "no", "when": "2025-06-01", "note": "a: b", "body": "one\n\ntwo\n"}
    assert "body: |" in text  # multi-line text as a readable block


# ----------------------------------------------------------------------------- new, from options


def test_new_from_options_writes_a_claim_that_passes_validation(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    assert run(site, "new", *NEW_CLAIM) == 0
    out, err = capsys.readouterr()
    written = out.strip()
    assert written == "claims/more-than-270000-chinese-students-studied-us.yaml"
    text = site.read(written)
    assert text.startswith("# yaml-language-server: $schema=")
    data = yaml.safe_load(text)
    assert data["verdict"] == "true" and isinstance(data["verdict"], str)
    assert data["appeared"] == [{"source": "newsletter", "quote": "more than 270,000 Chinese students studied in the US"}]
    assert data["claimant"] == "newsletter"  # the source, by default
    assert data["topics"] == ["Education", "Student visas"]
    assert "passes validation" in err
    assert run(site, "validate") == 0


def test_new_stops_on_a_quote_that_is_not_in_the_source_and_shows_the_closest_passage(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    args = list(NEW_CLAIM)
    args[args.index("--quote") + 1] = "more than 207,000 Chinese students studied in the US"
    assert run(site, "new", *args) == 1
    err = capsys.readouterr().err
    assert "the quote is not in the archived text of newsletter" in err
    assert "sources/newsletter.txt:2:31: closest passage:" in err
    assert "270,000" in err
    assert not (site.root / "claims" / "more-than-270000-chinese-students-studied-us.yaml").exists()


def test_new_lists_the_missing_options_when_it_cannot_ask(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    assert run(site, "new", "--claim", "Something.") == 2
    err = capsys.readouterr().err
    assert "missing --source, --quote, --verdict, --conclusion, --explanation" in err


def test_new_suggests_the_verdict_and_source_meant(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    args = list(NEW_CLAIM)
    args[args.index("--verdict") + 1] = "mostly-ture"
    assert run(site, "new", *args) == 1
    assert "did you mean 'mostly-true'?" in capsys.readouterr().err
    args = list(NEW_CLAIM)
    args[args.index("--source") + 1] = "newsleter"
    assert run(site, "new", *args) == 1
    assert "did you mean 'newsletter'?" in capsys.readouterr().err


def test_new_refuses_to_overwrite_unless_forced(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    assert run(site, "new", *NEW_CLAIM, "--id", "students-270000") == 1
    assert "claims/students-270000.yaml already exists" in capsys.readouterr().err
    assert run(site, "new", *NEW_CLAIM, "--id", "students-270000", "--force") == 0
    assert yaml.safe_load(site.read("claims/students-270000.yaml"))["conclusion"] == "The Open Doors count agrees."


# ----------------------------------------------------------------------------- new, by asking


def test_new_asks_for_what_is_missing_and_asks_again_after_a_wrong_quote(make_site, tmp_path):
    site = make_site(tmp_path)
    answers = "\n".join([
        "Rubio said the US would revoke visas for Chinese students aggressively.",  # claim
        "newsletter",  # source
        "Rubio said the US would revoke visas",  # a quote that is not in the text
        "said the US would \u201caggressively revoke visas for Chinese students.\u201d",  # the right one
        "marco-rubio",  # claimant
        "",  # headline: the proposal
        "2",  # verdict by its number: mostly-true
        "He said it, in those words.",  # conclusion
        "The statement of 28 May has the words.", "",  # explanation, ended by an empty line
        "Student visas",  # topics
        "",  # id: the proposal
    ]) + "\n"
    shown = io.StringIO()
    args = parser().parse_args(["new", "--kind", "attribution"])
    draft = gather(args, site.settings(), Asker(answers=io.StringIO(answers), out=shown))
    transcript = shown.getvalue()
    assert "Known sources:" in transcript and "newsletter  Example Newsletter, 2025-05-30: Weekly recap" in transcript
    assert "closest passage" in transcript  # the wrong quote was explained, then asked again
    assert draft.quote.startswith("said the US would")
    assert (draft.claimant, draft.verdict, draft.kind) == ("marco-rubio", "mostly-true", "attribution")
    assert draft.id == "rubio-us-revoke-visas-chinese-students-aggressively"  # "said", "the", "would", "for" dropped
    from factcheck.commands.scaffold_claim import write_claim

    write_claim(draft, site.settings())
    checked = site.check()
    assert checked.ok, [str(p) for p in checked.problems]


def test_asking_stops_cleanly_when_the_input_ends(make_site, tmp_path):
    site = make_site(tmp_path)
    args = parser().parse_args(["new"])
    with pytest.raises(EOFError):
        gather(args, site.settings(), Asker(answers=io.StringIO("A claim.\n"), out=io.StringIO()))


# ----------------------------------------------------------------------------- new-source


def test_new_source_copies_the_text_byte_for_byte_and_the_record_validates(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    raw = "Officials said talks were \u201cstalled\u201d.\r\nSecond line.\n".encode("utf-8")
    (site.root / "incoming").mkdir()
    (site.root / "incoming" / "talks.txt").write_bytes(raw)
    code = run(site, "new-source", "--title", "Talks stall again", "--publisher", "Example Wire", "--published", "2025-06-03",
               "--type", "news-article", "--url", "https://example.org/talks", "--author", "A. Writer",
               "--text-file", str(site.root / "incoming" / "talks.txt"))
    assert code == 0, capsys.readouterr().err
    written = capsys.readouterr().out.strip()
    assert written == "sources/example-wire-2025-06-03-talks-stall-again.yaml"
    assert (site.root / "sources" / "example-wire-2025-06-03-talks-stall-again.txt").read_bytes() == raw
    data = yaml.safe_load(site.read(written))
    assert data["authors"] == ["A. Writer"] and data["archived_from"] == "talks.txt"
    assert run(site, "validate") == 0
    # and the new source can be quoted at once
    assert run(site, "new", "--claim", "Talks stalled.", "--source", "example-wire-2025-06-03-talks-stall-again",
               "--quote", 'talks were "stalled"', "--verdict", "true", "--conclusion", "So they said.", "--explanation", "The wire says so.") == 0


def test_new_source_reads_standard_input_and_refuses_files_outside_the_repository(make_site, tmp_path, capsys):
    site = make_site(tmp_path / "site")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Secret text.\n", encoding="utf-8")
    common = ["new-source", "--title", "Piped", "--publisher", "unknown", "--published", "2025-06-03", "--type", "blog-post", "--id", "piped"]
    assert run(site, *common, "--text-file", str(outside)) == 1
    assert "is outside the repository" in capsys.readouterr().err
    assert not (site.root / "sources" / "piped.yaml").exists()

    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "-f", str(site.config_file), *common, "--text-file", "-"],
        input="Piped text, with \u201cquotes\u201d.\n".encode("utf-8"), capture_output=True, cwd=site.root, timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert (site.root / "sources" / "piped.txt").read_text("utf-8") == "Piped text, with \u201cquotes\u201d.\n"


def test_new_source_rejects_a_text_that_is_not_utf8(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    (site.root / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert run(site, "new-source", "--title", "T", "--publisher", "P", "--published", "2025-06-03", "--type", "other",
               "--text-file", str(site.root / "latin1.txt")) == 1
    assert "is not UTF-8" in capsys.readouterr().err


# ----------------------------------------------------------------------------- the newcomer's path


def test_newcomer_adds_a_claim_sees_the_broken_line_annotated_and_builds_strictly_after_the_fix(make_site, tmp_path):
    site = newcomer_site(make_site, tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def factcheck(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=site.root, env=env, timeout=120)

    added = factcheck("new", *NEWCOMER_CLAIM, "--id", "students-new")
    assert added.returncode == 0, added.stderr
    broken = site.read("claims/students-new.yaml").replace("verdict: 'true'", "verdict: mostly-ture")
    assert "verdict: mostly-ture" in broken
    site.write("claims/students-new.yaml", broken)
    line = broken.splitlines().index("verdict: mostly-ture") + 1

    annotated = factcheck("validate", "--format", "github")
    assert annotated.returncode == 1
    assert f"::error file=claims/students-new.yaml,line={line},col=" in annotated.stdout
    assert "did you mean 'mostly-true'?" in annotated.stdout

    site.write("claims/students-new.yaml", broken.replace("verdict: mostly-ture", "verdict: mostly-true"))
    assert factcheck("validate", "--format", "github").returncode == 0
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], capture_output=True, text=True, cwd=site.root, env=env, timeout=300)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    assert (site.root / "site" / "claims" / "students-new" / "index.html").exists()

