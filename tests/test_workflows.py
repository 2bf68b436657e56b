"""The GitHub workflows, the templates and the contributor guides: parsed, and their commands run.

The commands are read out of the workflow files and run here against a copy of a small site,
so the pull-request checks and the tests cannot drift apart.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newcomer import newcomer_site

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def run_lines(data: dict) -> list[str]:
    return [line.strip() for step in steps(data) if "run" in step for line in step["run"].splitlines() if line.strip()]


def uses(data: dict) -> dict[str, dict]:
    return {step["uses"].split("@")[0]: step.get("with", {}) for step in steps(data) if "uses" in step}


def command(data: dict, starts: str) -> list[str]:
    """The one run line of the workflow that starts with ``starts``, as arguments."""
    found = [line for line in run_lines(data) if line.startswith(starts)]
    assert len(found) == 1, (starts, run_lines(data))
    return shlex.split(found[0])


def readme_test_command() -> str:
    """The README's test command: the line of its first sh block that runs pytest, without its comment."""
    block = re.search(r"```sh\n(.*?)```", (REPO / "README.md").read_text("utf-8"), re.DOTALL)
    assert block, "the README opens with a sh block of commands"
    line = next(line for line in block.group(1).splitlines() if "pytest" in line)
    return line.split("#", 1)[0].strip()


# ----------------------------------------------------------------------------- what the files say


def test_the_pull_request_workflow_checks_builds_tests_and_keeps_a_preview():
    data = workflow("pull-request.yml")
    assert "pull_request" in data["on"]
    assert uses(data)["actions/setup-python"]["python-version"] == "3.11"
    assert "actions/checkout" in uses(data)
    assert uses(data)["actions/upload-artifact"]["path"].rstrip("/") == "site"
    lines = run_lines(data)
    assert 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]"' in lines
    assert 'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"' in lines  # factcheck and mkdocs from that environment
    order = [next(i for i, line in enumerate(lines) if line.startswith(start)) for start in ("factcheck validate", "mkdocs build", readme_test_command())]
    assert order == sorted(order)  # validate, then build, then the tests
    assert command(data, "factcheck validate") == ["factcheck", "validate", "--format", "github"]
    assert command(data, "mkdocs build") == ["mkdocs", "build", "--strict"]


def test_the_pull_request_workflow_runs_the_readme_test_command_word_for_word():
    assert readme_test_command() in run_lines(workflow("pull-request.yml"))


def test_the_publish_workflow_builds_strictly_from_main_and_deploys_to_pages():
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    assert uses(data)["actions/setup-python"]["python-version"] == "3.11"
    assert uses(data)["actions/upload-pages-artifact"]["path"].rstrip("/") == "site"
    assert "actions/deploy-pages" in uses(data)
    assert data["jobs"]["deploy"]["needs"] == "build"
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert command(data, "mkdocs build") == ["mkdocs", "build", "--strict"]
    assert command(data, "factcheck validate") == command(workflow("pull-request.yml"), "factcheck validate")


def test_the_issue_form_asks_for_the_claim_who_and_where():
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-a-claim.yml").read_text("utf-8"))
    assert form["name"] == "Suggest a claim to check"
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert {"claim", "claimant", "where"} <= set(fields)
    assert all(fields[name]["validations"]["required"] for name in ("claim", "claimant", "where"))
    assert all(item["type"] in {"markdown", "textarea", "input", "dropdown", "checkboxes"} for item in form["body"])


def test_the_pull_request_template_asks_what_a_reviewer_needs():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text("utf-8").lower()
    for asked in ("what was claimed", "who said it", "where and when", "verdict", "evidence", "sources"):
        assert asked in text, asked


def test_the_contribute_page_is_in_the_navigation_under_about():
    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_Lenient)
    about = next(entry["About"] for entry in config["nav"] if isinstance(entry, dict) and "About" in entry)
    assert "contribute.md" in about
    assert (REPO / "docs" / "contribute.md").exists()


# ----------------------------------------------------------------------------- the commands, run


@pytest.fixture(scope="module")
def env():
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(arguments: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    # The console scripts as modules, so the test does not depend on PATH.
    program = {"factcheck": [sys.executable, "-m", "factcheck"], "mkdocs": [sys.executable, "-m", "mkdocs"]}[arguments[0]]
    return subprocess.run([*program, *arguments[1:]], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_the_pull_request_commands_pass_on_a_good_site_and_fail_on_a_broken_one(make_site, tmp_path, env, claim_data):
    data = workflow("pull-request.yml")
    validate, build = command(data, "factcheck validate"), command(data, "mkdocs build")

    good = newcomer_site(make_site, tmp_path / "good")
    checked = _run(validate, good.root, env)
    assert checked.returncode == 0 and "::error" not in checked.stdout, checked.stdout
    built = _run(build, good.root, env)
    assert built.returncode == 0, built.stderr
    assert (good.root / "site" / "index.html").exists() and (good.root / "site" / "claims" / "rubio-revoke" / "index.html").exists()

    bad = newcomer_site(make_site, tmp_path / "bad")
    bad.write("claims/broken.yaml", "claim: Broken.\nshort: Broken\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recap\nverdict: true\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n")
    checked = _run(validate, bad.root, env)
    assert checked.returncode == 1
    assert "::error file=claims/broken.yaml,line=7,col=" in checked.stdout  # the bare true, on line 7
    assert _run(build, bad.root, env).returncode != 0
    assert not (bad.root / "site" / "index.html").exists()


def test_the_guides_worked_example_adds_a_valid_claim_to_a_copy_of_this_repository(tmp_path, env):
    examples = []
    for guide in (REPO / "docs" / "contribute.md", REPO / "CONTRIBUTING.md"):
        text = guide.read_text("utf-8")
        block = next(b for b in re.findall(r"```sh\n(.*?)```", text, re.DOTALL) if b.lstrip().startswith("factcheck new \\"))
        examples.append(shlex.split(" ".join(line.strip().rstrip("\\") for line in block.splitlines())))
    assert examples[0] == examples[1], "CONTRIBUTING.md and docs/contribute.md show the same example"

    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("claims", "sources", "docs"):
        subprocess.run(["cp", "-r", str(REPO / name), str(copy / name)], check=True)
    for name in ("mkdocs.yml", "people.yaml", "subjects.yaml"):
        if (REPO / name).exists():
            (copy / name).write_bytes((REPO / name).read_bytes())
    added = _run(examples[0], copy, env)
    assert added.returncode == 0, added.stderr
    written = added.stdout.strip()
    assert written.startswith("claims/") and (copy / written).exists()
    assert "error" not in added.stderr.lower()
    assert "senior-administration-official-called-visa-technology-moves" in written  # the id the guide shows
    assert "senior-administration-official-called-visa-technology-moves" in (REPO / "docs" / "contribute.md").read_text("utf-8")
