"""The `factcheck` command: validate (exit codes, three formats) and build-pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from factcheck.commands.cli import settings_from_mkdocs_yml
from site_factory import run_cli

BAD_CLAIM = """\
claim: Something was said.
short: Something was said
claimant: newsletter
appeared:
  - source: newsletter
    quote: Weekly recap
verdict: mostly-ture
conclusion: It was.
explanation: Because.
published: 2025-06-04
"""


@pytest.fixture
def bad_site(make_site, tmp_path, claim_data):
    changed = claim_data(appeared=[{"source": "newsletter", "quote": "about a quarter of all foreign studants"}])
    return make_site(tmp_path, claims={"bad": BAD_CLAIM, "changed": changed})


def test_validate_a_clean_site(make_site, tmp_path, capsys):
    assert run_cli(make_site(tmp_path), "validate") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "0 error(s), 0 warning(s) in 2 claims and 2 sources"


def test_validate_text_lists_every_error_located(bad_site, capsys):
    assert run_cli(bad_site, "validate") == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("claims/bad.yaml:7:1: error: verdict: expected a rating of the scale")
    assert lines[0].endswith("(did you mean 'mostly-true'?)")
    assert lines[1].startswith("claims/changed.yaml:6:41: error: appeared[0].quote: the quote is not in the archived text")
    assert len(lines) == 2
    assert err.strip() == "2 error(s), 0 warning(s)"


def test_validate_github_annotations(bad_site, capsys):
    assert run_cli(bad_site, "validate", "--format", "github") == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=claims/bad.yaml,line=7,col=1,title=verdict::verdict: expected a rating")
    assert lines[1].startswith("::error file=claims/changed.yaml,line=6,col=41,title=appeared[0].quote::")


def test_validate_json(bad_site, capsys):
    assert run_cli(bad_site, "validate", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert [(p["path"], p["line"], p["column"], p["field"], p["severity"]) for p in data] == [
        ("claims/bad.yaml", 7, 1, "verdict", "error"),
        ("claims/changed.yaml", 6, 41, "appeared[0].quote", "error"),
    ]
    assert data[0]["hint"] == "did you mean 'mostly-true'?"


def test_validate_json_of_a_clean_site_is_an_empty_list(make_site, tmp_path, capsys):
    assert run_cli(make_site(tmp_path), "validate", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []  # an empty list is printed, not nothing


def test_validate_only_some_files(bad_site, capsys, monkeypatch):
    monkeypatch.chdir(bad_site.root)
    assert run_cli(bad_site, "validate", "claims/bad.yaml") == 1
    out = capsys.readouterr().out
    assert "claims/bad.yaml" in out and "claims/changed.yaml" not in out
    assert run_cli(bad_site, "validate", "claims/students-270000.yaml") == 0


def test_build_pages_writes_every_page(make_site, tmp_path, capsys):
    site = make_site(tmp_path / "repo")
    out = tmp_path / "out"
    assert run_cli(site, "build-pages", "--out", str(out)) == 0
    written = {p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*") if p.is_file()}
    assert {"claims/index.md", "claims/students-270000.md", "sources/newsletter.md", "verdicts/true.md",
            "topics/student-visas.md", "people/marco-rubio.md", "assets/factcheck.css"} <= written
    page = (out / "docs" / "claims" / "students-270000.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and "# More than 270,000 Chinese students" in page
    assert "wrote" in capsys.readouterr().err


def test_build_pages_with_errors_writes_nothing(bad_site, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_cli(bad_site, "build-pages", "--out", str(out)) == 1
    assert not out.exists()
    assert "claims/bad.yaml:7:1" in capsys.readouterr().err


def test_the_options_are_read_from_mkdocs_yml(make_site, tmp_path):
    config = (
        "site_name: Desk\nsite_url: https://example.org/d/\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  search: {}\n  factcheck:\n    claims_dir: checks\n    url_prefix: fc\n"
        "    ratings:\n      - {key: right, label: Right, value: 2}\n      - {key: wrong, label: Wrong, value: 1}\n"
    )
    site = make_site(tmp_path, mkdocs=config)
    settings = settings_from_mkdocs_yml(site.config_file)
    assert (settings.claims_dir, settings.url_prefix, settings.site_name, settings.site_url) == ("checks", "fc", "Desk", "https://example.org/d/")
    assert settings.scale.keys == ("right", "wrong")


def test_python_dash_m_runs_the_command(make_site, tmp_path):
    site = make_site(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "-f", str(site.config_file), "validate", "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_validate_reports_a_broken_rating_scale_in_mkdocs_yml(tmp_path):
    """`factcheck validate` checks the `ratings` option as the build does, instead of passing."""
    import shutil

    from factcheck.commands.cli import main

    from site_factory import MINI

    shutil.copytree(MINI, tmp_path / "site")
    config = tmp_path / "site" / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - factcheck:\n",
            "  - factcheck:\n      ratings:\n        - {key: ok, label: OK, value: 2}\n        - {key: ok, label: Also OK, value: 2}\n",
        ),
        encoding="utf-8",
    )
    assert main(["-f", str(config), "validate"]) == 1


def test_validate_imports_no_renderer_and_no_other_command(make_site, tmp_path):
    site = make_site(tmp_path / "repo")
    script = (
        "import sys\n"
        "from factcheck.commands.cli import main\n"
        f"code = main(['-f', {str(site.root / 'mkdocs.yml')!r}, 'validate'])\n"
        "loaded = sorted(m for m in sys.modules if m == 'markdown' or m.startswith(('factcheck.render.', 'factcheck.commands.scaffold', 'factcheck.commands.import_claimreview', 'factcheck.commands.report')))\n"
        "print(code, loaded)\n"
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    # markdown: the options are checked with MkDocs' own config classes (config.py), which import it.
    assert finished.stdout.strip() == "0 ['factcheck.render.jsonld', 'factcheck.render.markup', 'factcheck.render.output', 'markdown']", finished.stderr[-2000:]


@pytest.mark.parametrize("argv, command", [
    (["validate"], "validate"),
    (["-f", "new", "stats"], "stats"),  # a config file named like a command is not the command
    (["--config", "x.yml", "list", "--verdict", "true"], "list"),
    (["--config=x.yml", "new-source", "--title", "t"], "new-source"),
    (["--help"], None),
    ([], None),
])
def test_the_command_is_read_from_the_arguments_before_they_are_parsed(argv, command):
    from factcheck.commands.cli import command_named

    assert command_named(argv) == command


def test_only_the_named_command_gets_its_options_but_every_command_is_listed():
    from factcheck.commands.cli import parser

    def subcommands(built):
        return next(a for a in built._actions if a.dest == "command").choices

    only_stats = subcommands(parser("stats"))
    everything = subcommands(parser())
    assert set(only_stats) == set(everything)
    assert [a.dest for a in only_stats["list"]._actions] == ["help"]
    assert "verdict" in [a.dest for a in everything["list"]._actions]
    assert parser("list").parse_args(["list", "--verdict", "true"]).verdict == "true"


def test_build_pages_exports_a_project_that_plain_mkdocs_builds_as_it_is(make_site, tmp_path):
    """No plugin in the export's mkdocs.yml: its templates, stylesheet and script come with it."""
    import os
    import subprocess
    import sys

    site = make_site(tmp_path / "repo", docs={"methodology.md": "# Methodology\n\nHow we check.\n"})
    out = tmp_path / "export"
    assert run_cli(site, "build-pages", "--out", str(out)) == 0
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "factcheck" not in config.split("\n", 1)[1].replace("assets/factcheck.css", "")  # only the comment names it
    assert (out / "overrides" / "factcheck" / "claim.html").is_file()
    assert (out / "docs" / "methodology.md").read_text("utf-8") == "# Methodology\n\nHow we check.\n"
    index = (out / "docs" / "index.md").read_text("utf-8")
    assert index.startswith("# Mini fact check\n\nA small site for the tests.\n") and "<!-- Exported by `factcheck build-pages`" in index
    assert "Exported by `factcheck build-pages`" in (out / "README.md").read_text("utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=out, capture_output=True, text=True, env=env, timeout=300)
    assert built.returncode == 0, built.stderr
    claim = (out / "site" / "claims" / "students-270000" / "index.html").read_text("utf-8")
    assert '"@type": "ClaimReview"' in claim or '"@type":"ClaimReview"' in claim  # the template's head
    assert "assets/factcheck.css" in claim and "claims-filter.js" in (out / "site" / "claims" / "index.html").read_text("utf-8")
    assert (out / "site" / "api" / "claims.json").is_file() and (out / "site" / "feed.xml").is_file()


def _config_with_options(options: str) -> str:
    return "site_name: Desk\nsite_url: https://example.org/d/\nplugins:\n  - search\n  - factcheck:\n" + options


def test_a_wrong_option_type_is_the_build_s_located_error_in_every_command(make_site, tmp_path, capsys):
    """`max_file_bytes: "lots"` was a TypeError traceback from `factcheck validate` (issue 23)."""
    site = make_site(tmp_path, mkdocs=_config_with_options('      publisher_name: Desk\n      max_file_bytes: "lots"\n'))
    for command in (["validate"], ["stats"], ["build-pages", "--out", str(tmp_path / "out")]):
        assert run_cli(site, *command) == 1
        captured = capsys.readouterr()
        message = "mkdocs.yml:7:7: error: plugins.factcheck.max_file_bytes: Expected type: <class 'int'> but received: <class 'str'>"
        assert message in captured.out + captured.err, command
        assert "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()


def test_validate_reports_a_wrong_option_in_the_chosen_format(make_site, tmp_path, capsys):
    site = make_site(tmp_path, mkdocs=_config_with_options("      feed_entries: many\n"))
    assert run_cli(site, "validate", "--format", "json") == 1
    [problem] = json.loads(capsys.readouterr().out)
    assert (problem["path"], problem["line"], problem["field"], problem["severity"]) == ("mkdocs.yml", 6, "plugins.factcheck.feed_entries", "error")


def test_the_build_reports_the_same_message_for_a_wrong_option(make_site, tmp_path):
    """The command's message is MkDocs' own, so a desk sees one wording from both."""
    site = make_site(tmp_path, mkdocs=_config_with_options('      max_file_bytes: "lots"\n'))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site.config_file)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, timeout=120)
    assert result.returncode != 0
    assert "Plugin 'factcheck' option 'max_file_bytes': Expected type: <class 'int'> but received: <class 'str'>" in result.stderr


def test_an_unknown_option_is_a_warning_at_its_line(make_site, tmp_path, capsys):
    site = make_site(tmp_path, mkdocs=_config_with_options("      claims_folder: checks\n"))
    assert run_cli(site, "validate") == 0
    assert "mkdocs.yml:6:7: warning: plugins.factcheck.claims_folder: Unrecognised configuration name: claims_folder" in capsys.readouterr().out


def test_the_plugin_and_the_command_build_the_same_settings(make_site, tmp_path):
    """One declaration: the settings the build runs with are those the commands read."""
    from factcheck.mkdocs.plugin import FactcheckPlugin
    from mkdocs.config import load_config

    options = ("      claims_dir: claims\n      url_prefix: /fc/\n      language: fr\n      max_file_bytes: 9999\n"
               "      feed_entries: 3\n      not_yet_checked: true\n      publisher_logo: https://example.org/logo.png\n"
               "      transparency_pages: {about: who.md}\n"
               "      ratings:\n        - {key: right, label: Right, value: 2}\n        - {key: wrong, label: Wrong, value: 1}\n")
    site = make_site(tmp_path, mkdocs=_config_with_options(options))
    config = load_config(str(site.config_file))
    plugin = next(p for p in config.plugins.values() if isinstance(p, FactcheckPlugin))
    plugin.on_config(config)
    assert plugin.settings == settings_from_mkdocs_yml(site.config_file)
    assert (plugin.settings.url_prefix, plugin.settings.max_file_bytes, plugin.settings.transparency_pages) == ("fc", 9999, (("about", "who.md"),))
