"""`factcheck validate --against REV`: a verdict changes only with a new dated correction; verdict history on the page."""

from __future__ import annotations

import subprocess

import pytest

from factcheck.core.history import read_at_revision
from factcheck.render.claim_page import verdict_history
from site_factory import run_cli

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(root, *args):
    import os

    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


@pytest.fixture
def repo(tmp_path, make_site, claim_data):
    site = make_site(tmp_path / "repo", claims={"quarter": claim_data()})
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "base")
    return site


def validate_against(site, rev, capsys):
    code = run_cli(site, "validate", "--against", rev)
    return code, capsys.readouterr().out


def test_unchanged_verdicts_pass(repo, capsys):
    code, out = validate_against(repo, "HEAD", capsys)
    assert code == 0 and "verdict changed" not in out


def test_changed_verdict_without_a_correction_fails(repo, claim_data, capsys):
    repo.write("claims/quarter.yaml", claim_data(verdict="false"))
    code, out = validate_against(repo, "HEAD", capsys)
    assert code == 1
    assert "claims/quarter.yaml" in out and "the verdict changed from 'half-true' to 'false' since HEAD" in out
    assert "previous_verdict: half-true" in out


def test_changed_verdict_with_a_new_dated_correction_passes(repo, claim_data, capsys):
    correction = {"date": "2025-06-08", "kind": "correction", "text": "A later count changed the share.", "previous_verdict": "half-true"}
    repo.write("claims/quarter.yaml", claim_data(verdict="false", corrections=[correction]))
    code, out = validate_against(repo, "HEAD", capsys)
    assert code == 0, out


def test_a_correction_naming_another_verdict_or_already_there_does_not_count(repo, claim_data, capsys):
    # rubio-revoke already had a correction from "true"; moving on from "mostly-true" needs a new one
    data = repo.read("claims/rubio-revoke.yaml").replace("verdict: mostly-true", "verdict: half-true")
    repo.write("claims/rubio-revoke.yaml", data)
    wrong = {"date": "2025-06-08", "kind": "correction", "text": "Changed.", "previous_verdict": "false"}
    repo.write("claims/quarter.yaml", claim_data(verdict="false", corrections=[wrong]))
    code, out = validate_against(repo, "HEAD", capsys)
    assert code == 1
    assert "claims/rubio-revoke.yaml" in out and "from 'mostly-true' to 'half-true'" in out
    assert "claims/quarter.yaml" in out and "from 'half-true' to 'false'" in out


def test_new_claims_and_unknown_revisions(repo, claim_data, capsys):
    repo.write("claims/brand-new.yaml", claim_data(verdict="false"))
    code, out = validate_against(repo, "HEAD", capsys)
    assert code == 0, out
    code, out = validate_against(repo, "no-such-branch", capsys)
    assert code == 1 and "cannot compare with 'no-such-branch'" in out


def test_read_at_revision_reads_old_texts_in_one_go(repo, claim_data):
    old = repo.read("claims/quarter.yaml")
    repo.write("claims/quarter.yaml", claim_data(verdict="false"))
    texts = read_at_revision(repo.root, "HEAD", ["claims/quarter.yaml", "claims/missing.yaml", "claims/rubio-revoke.yaml"])
    assert texts["claims/quarter.yaml"] == old
    assert texts["claims/missing.yaml"] is None
    assert texts["claims/rubio-revoke.yaml"] == repo.read("claims/rubio-revoke.yaml")


def test_verdict_history_dates_each_verdict_from_when_it_took_effect(mini_site):
    assert verdict_history(mini_site, mini_site.claim_by_id["rubio-revoke"]) == [
        "True (since 2 June 2025)", "Mostly true (since 3 June 2025)"]
    assert verdict_history(mini_site, mini_site.claim_by_id["students-270000"]) == []


def test_the_claim_page_shows_the_history_only_when_the_verdict_changed(mini_site):
    from factcheck.render.claim_page import render_claim

    changed = render_claim(mini_site, mini_site.claim_by_id["rubio-revoke"]).markdown
    assert "Verdict history: True (since 2 June 2025) → Mostly true (since 3 June 2025)" in changed
    assert "Verdict history" not in render_claim(mini_site, mini_site.claim_by_id["students-270000"]).markdown
