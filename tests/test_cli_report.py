"""`factcheck list` and `factcheck stats`, and colour only on a terminal with NO_COLOR unset."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

from factcheck.commands.terminal import Paint, wants_colour
from site_factory import run_cli

ESC = "\033["


def test_list_shows_every_claim_with_its_verdict(make_site, tmp_path, capsys):
    assert run_cli(make_site(tmp_path), "list") == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert any(line.startswith("True ") and "students-270000" in line and "More than 270,000" in line for line in lines)
    assert any(line.startswith("Mostly true") and "rubio-revoke" in line for line in lines)
    assert ESC not in out  # not a terminal: no colour
    assert "2 of 2 claims" in err


def test_list_filters_by_verdict_topic_and_source(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    for args, expected in (
        (("--verdict", "mostly-true"), {"rubio-revoke"}),
        (("--topic", "Education"), {"students-270000"}),
        (("--topic", "student-visas"), {"students-270000", "rubio-revoke"}),
        (("--source", "wire"), {"students-270000"}),
        (("--source", "newsletter", "--verdict", "true"), {"students-270000"}),
        (("--verdict", "false"), set()),
    ):
        assert run_cli(site, "list", *args) == 0
        out = capsys.readouterr().out
        listed = {claim_id for claim_id in ("rubio-revoke", "students-270000") if f" {claim_id} " in out}
        assert listed == expected, args
        assert len(out.splitlines()) == len(expected)


def test_list_names_an_unknown_filter_with_a_suggestion(make_site, tmp_path, capsys):
    site = make_site(tmp_path)
    assert run_cli(site, "list", "--verdict", "mostly-ture") == 2
    assert "did you mean 'mostly-true'?" in capsys.readouterr().err
    assert run_cli(site, "list", "--source", "newsleter") == 2
    assert "did you mean 'newsletter'?" in capsys.readouterr().err


def test_stats_count_by_verdict_topic_and_source(make_site, tmp_path, capsys):
    assert run_cli(make_site(tmp_path), "stats") == 0
    out = capsys.readouterr().out
    rows = {" ".join(line.split()[:-1]): line.split()[-1] for line in out.splitlines() if line.startswith("  ")}
    assert out.startswith("2 claims")
    assert rows["True"] == "1" and rows["Mostly true"] == "1" and rows["False"] == "0"
    assert rows["Student visas"] == "2" and rows["Education"] == "1"
    assert rows["newsletter"] == "2" and rows["wire"] == "1"


def test_list_refuses_with_the_errors_when_the_site_does_not_validate(make_site, tmp_path, capsys, claim_data):
    site = make_site(tmp_path, claims={"bad": claim_data(verdict="nope")})
    assert run_cli(site, "list") == 1
    assert "claims/bad.yaml" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(_Terminal()) and not wants_colour(io.StringIO())
    assert Paint.for_stream(_Terminal())("x", "red") == "\033[31mx\033[0m"
    assert Paint.for_stream(io.StringIO())("x", "red") == "x"
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(_Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # https://no-color.org: only a non-empty value turns colour off
    assert wants_colour(_Terminal())


def _list_on_a_terminal(site, no_color: bool) -> str:
    """Run `factcheck list` with its standard output on a pseudo-terminal; what it printed."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    try:
        process = subprocess.run([sys.executable, "-m", "factcheck", "-f", str(site.config_file), "list"],
                                 stdout=follower, stderr=subprocess.PIPE, env=env, timeout=60)
        assert process.returncode == 0, process.stderr
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8")
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)


def test_list_is_coloured_on_a_real_terminal_unless_no_color(make_site, tmp_path):
    site = make_site(tmp_path)
    coloured = _list_on_a_terminal(site, no_color=False)
    assert "\033[32mTrue" in coloured and "rubio-revoke" in coloured
    plain = _list_on_a_terminal(site, no_color=True)
    assert ESC not in plain and "rubio-revoke" in plain
