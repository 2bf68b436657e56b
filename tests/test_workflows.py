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
    assert command(data, "factcheck validate") == ["factcheck", "validate", "--format", "github", "--against", "$BASE_SHA"]
    assert command(data, "mkdocs build") == ["mkdocs", "build", "--strict"]
    # The base comes through the environment, never as event data pasted into a script.
    assert data["jobs"]["check"]["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert all("${{" not in line for line in run_lines(data))
    assert uses(data)["actions/checkout"]["fetch-depth"] == 0


def test_the_pull_request_workflow_runs_the_readme_test_command_word_for_word():
    assert readme_test_command() in run_lines(workflow("pull-request.yml"))


def test_the_publish_workflow_builds_strictly_from_main_and_deploys_to_pages():
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}  # the build only reads
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert uses(data)["actions/setup-python"]["python-version"] == "3.11"
    assert uses(data)["actions/upload-pages-artifact"]["path"].rstrip("/") == "site"
    assert "actions/deploy-pages" in uses(data)
    assert data["jobs"]["deploy"]["needs"] == "build"
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert command(data, "mkdocs build") == ["mkdocs", "build", "--strict"]
    assert command(data, "factcheck validate") == ["factcheck", "validate", "--format", "github"]


def _starter_workflows() -> dict[str, str]:
    from factcheck.commands.init_site import plan

    return {str(item.path): item.text for item in plan("Example") if str(item.path).startswith(".github/")}


def _all_workflow_texts() -> dict[str, str]:
    texts = {f"repo:{path.name}": path.read_text("utf-8") for path in WORKFLOWS.glob("*.yml")}
    texts.update({f"starter:{name}": text for name, text in _starter_workflows().items() if name.endswith(".yml") and "/workflows/" in name})
    return texts


def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment():
    texts = _all_workflow_texts()
    assert len(texts) == 4
    for name, text in texts.items():
        used = re.findall(r"uses:\s*(\S+)(.*)", text)
        assert used, name
        for action, rest in used:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (name, action)
            assert re.fullmatch(r"\s*# v\d[\d.]*", rest), (name, action, rest)


def test_every_job_has_a_timeout_least_privilege_and_no_persisted_token():
    for name, text in _all_workflow_texts().items():
        data = yaml.safe_load(text)
        assert data["permissions"] == {"contents": "read"}, name
        assert "pull_request_target" not in text, name
        for job_name, job in data["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 20, (name, job_name)
            assert set(job["permissions"]) <= {"contents", "pages", "id-token"}, (name, job_name)
            if job["permissions"].get("pages") == "write" or job["permissions"].get("id-token") == "write":
                assert [step.get("uses", "").split("@")[0] for step in job["steps"]] == ["actions/deploy-pages"], (name, job_name)
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (name, job_name)
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (name, job_name)


def test_the_starter_installs_the_version_that_wrote_it_and_checks_against_the_base():
    from factcheck import __version__

    workflows = _starter_workflows()
    pull_request = yaml.safe_load(workflows[".github/workflows/pull-request.yml"])
    runs = [step["run"] for step in pull_request["jobs"]["check"]["steps"] if "run" in step]
    assert f'python -m pip install "mkdocs-factcheck=={__version__}"' in runs
    assert 'factcheck validate --format github --against "$BASE_SHA"' in runs
    assert pull_request["jobs"]["check"]["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    checkout = next(step for step in pull_request["jobs"]["check"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


@pytest.mark.parametrize("codeowners", ["repo", "starter"])
def test_codeowners_require_review_for_what_runs_or_publishes_unchecked(codeowners):
    if codeowners == "repo":
        text = (REPO / ".github" / "CODEOWNERS").read_text("utf-8")
        wanted = {"/mkdocs.yml", "/plugins/", "/docs/", "/.github/", "/overrides/"}
    else:
        text = _starter_workflows()[".github/CODEOWNERS"]
        wanted = {"/mkdocs.yml", "/docs/", "/.github/", "/overrides/"}
    rules = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip() and not line.startswith("#")}
    assert wanted <= set(rules)
    assert all(owners and all(owner.startswith("@") for owner in owners) for owners in rules.values())


def test_contributing_says_what_the_pull_request_check_enforces():
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for said in ("--against", "fetch-depth: 0", "previous_verdict", "in the future", "CODEOWNERS"):
        assert said in text, said


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
    checked = _run(_against(validate, _committed(good.root)), good.root, env)
    assert checked.returncode == 0 and "::error" not in checked.stdout, checked.stdout
    built = _run(build, good.root, env)
    assert built.returncode == 0, built.stderr
    assert (good.root / "site" / "index.html").exists() and (good.root / "site" / "claims" / "rubio-revoke" / "index.html").exists()

    bad = newcomer_site(make_site, tmp_path / "bad")
    base = _committed(bad.root)
    bad.write("claims/broken.yaml", "claim: Broken.\nshort: Broken\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: Weekly recap\nverdict: true\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n")
    checked = _run(_against(validate, base), bad.root, env)
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


# ----------------------------------------------------------------------------- mistakes, through the workflow's commands


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _repository_with_site_in(make_site, tmp_path: Path, folder: str):
    """A git repository whose site (mkdocs.yml) is in ``folder``, committed as the base."""
    repo = tmp_path / "repo"
    site = newcomer_site(make_site, repo / folder if folder else repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    return repo, site, _git(repo, "rev-parse", "HEAD")


def _validate_as_the_workflow_does(repo_cwd: Path, base: str, env: dict) -> subprocess.CompletedProcess:
    arguments = [a.replace("$BASE_SHA", base) for a in command(workflow("pull-request.yml"), "factcheck validate")]
    return _run(arguments, repo_cwd, env)


@pytest.mark.parametrize("folder", ["", "site"])
def test_a_verdict_changed_without_a_correction_fails_at_the_verdict_line_with_a_path_from_the_repository_root(make_site, tmp_path, env, folder):
    repo, site, base = _repository_with_site_in(make_site, tmp_path, folder)
    claim = next(sorted((site.root / "claims").glob("*.yaml")).__iter__())
    text = claim.read_text("utf-8")
    old = re.search(r"^verdict: *(\S+)", text, re.MULTILINE)
    new = "false" if old.group(1).strip('"') != "false" else "true"
    claim.write_text(text.replace(old.group(0), f'verdict: "{new}"'), "utf-8")
    line = text[:old.start()].count("\n") + 1
    assert line > 2
    checked = _validate_as_the_workflow_does(site.root, base, env)
    assert checked.returncode == 1
    prefix = f"{folder}/" if folder else ""
    expected = f"::error file={prefix}claims/{claim.name},line={line},col=1,title=verdict::verdict: the verdict changed from"
    assert expected in checked.stdout, checked.stdout


def test_a_shallow_clone_is_told_to_fetch_the_base(make_site, tmp_path, env):
    repo, site, base = _repository_with_site_in(make_site, tmp_path, "")
    (site.root / "docs" / "about.md").write_text("# About\n\nChanged.\n", "utf-8")
    _git(repo, "commit", "-q", "-am", "the pull request")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True)
    checked = _validate_as_the_workflow_does(shallow, base, env)
    assert checked.returncode == 1
    assert f"::error file=mkdocs.yml,line=1,col=1,title=--against::--against: cannot compare with '{base}': this clone is shallow" in checked.stdout
    assert "fetch-depth: 0" in checked.stdout and "git fetch origin" in checked.stdout
    assert "rev-parse failed" not in checked.stdout


def _committed(root: Path) -> str:
    """Make ``root`` a git repository with everything committed; its commit (the pull request's base)."""
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    return _git(root, "rev-parse", "HEAD")


def _against(arguments: list[str], base: str) -> list[str]:
    return [a.replace("$BASE_SHA", base) for a in arguments]


def test_dates_in_the_future_and_a_check_before_its_source_fail_on_their_lines(make_site, tmp_path, env):
    site = newcomer_site(make_site, tmp_path / "dates")
    students = site.root / "claims" / "students-270000.yaml"
    students.write_text(students.read_text("utf-8").replace("published: 2025-06-02", "published: 2027-03-01")
                        + "corrections:\n  - date: 2031-06-02\n    kind: update\n    text: Later.\n", "utf-8")
    wire = site.root / "sources" / "wire.yaml"
    wire.write_text(wire.read_text("utf-8").replace("published: 2025-05-31", "published: 2205-06-02"), "utf-8")
    site.write("claims/early.yaml", "claim: Early claim text here.\nshort: Early\nclaimant: newsletter\nappeared:\n  - source: newsletter\n    quote: accounting for about a quarter of all foreign students in the country\nverdict: \"true\"\nconclusion: c\nexplanation: e\npublished: 2001-01-01\n")
    checked = _run(_against(command(workflow("pull-request.yml"), "factcheck validate"), _committed(site.root)), site.root, env)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    text = students.read_text("utf-8").splitlines()
    published_line = text.index("published: 2027-03-01") + 1
    correction_line = text.index("  - date: 2031-06-02") + 1
    assert f"::error file=claims/students-270000.yaml,line={published_line},col=1,title=published::published: the date 2027-03-01 is in the future" in checked.stdout
    assert any(line.startswith(f"::error file=claims/students-270000.yaml,line={correction_line},col=5,title=corrections[0].date::corrections[0].date: the date 2031-06-02 is in the future") for line in lines), lines
    assert "::error file=sources/wire.yaml,line=3,col=1,title=published::published: the date 2205-06-02 is in the future" in checked.stdout
    assert "(check the year)" in checked.stdout
    assert "::error file=claims/early.yaml,line=10,col=1,title=published::published: the check is dated 2001-01-01, before newsletter (where the claim appeared) was published on 2025-05-30" in checked.stdout


def test_new_and_new_source_refuse_a_date_in_the_future_or_before_the_source(make_site, tmp_path, env):
    from newcomer import NEW_CLAIM

    site = newcomer_site(make_site, tmp_path / "new")
    options = list(NEW_CLAIM)
    options[options.index("--published") + 1] = "2030-01-01"
    refused = _run(["factcheck", "new", *options], site.root, env)
    assert refused.returncode == 1 and "the date 2030-01-01 is in the future" in refused.stderr and "check the year" in refused.stderr
    options[options.index("--published") + 1] = "2024-01-01"
    refused = _run(["factcheck", "new", *options], site.root, env)
    assert refused.returncode == 1 and "before newsletter (where the claim appeared) was published on 2025-05-30" in refused.stderr
    site.write("sources/new.txt", "Some text.\n")
    refused = _run(["factcheck", "new-source", "--title", "T", "--publisher", "P", "--published", "2205-06-02",
                    "--type", "news-article", "--text-file", "sources/new.txt"], site.root, env)
    assert refused.returncode == 1 and "the date 2205-06-02 is in the future" in refused.stderr, refused.stderr
    assert sorted(p.name for p in (site.root / "claims").iterdir()) == ["rubio-revoke.yaml", "students-270000.yaml"]
    assert not list((site.root / "sources").glob("t-*")) and not list((site.root / "sources").glob("p-*"))


def test_a_misquote_in_a_folded_quote_is_told_in_words_on_the_line_that_differs(make_site, tmp_path, env):
    site = newcomer_site(make_site, tmp_path / "misquote")
    base = _committed(site.root)
    site.write("claims/folded.yaml", (
        "claim: Chinese students are a quarter of foreign students.\n"
        "short: A quarter\n"
        "claimant: newsletter\n"
        "appeared:\n"
        "  - source: newsletter\n"
        "    quote: >-\n"
        "      more than 270,000 Chinese students\n"
        "      studied in the US, accounting for about\n"
        "      a fifth of all foreign students\n"
        "verdict: \"true\"\nconclusion: c\nexplanation: e\npublished: 2025-06-04\n"
    ))
    checked = _validate_as_the_workflow_does(site.root, base, env)
    assert checked.returncode == 1
    (line,) = [line for line in checked.stdout.splitlines() if "claims/folded.yaml" in line]
    assert line.startswith("::error file=claims/folded.yaml,line=9,col=9,title=appeared[0].quote::"), line  # at 'fifth'
    assert "the text has 'quarter' where the quote has 'fifth'" in line
    assert "Closest passage, at sources/newsletter.txt:2:31:" in line  # 'more than ...' on the text's line 2


def test_a_deleted_field_is_reported_inside_the_diff_not_on_line_2(make_site, tmp_path, env):
    site = newcomer_site(make_site, tmp_path / "missing")
    base = _committed(site.root)
    claim = site.root / "claims" / "students-270000.yaml"
    lines = claim.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("conclusion:"))
    claim.write_text("".join(lines[:at] + lines[at + 1:]), "utf-8")
    checked = _validate_as_the_workflow_does(site.root, base, env)
    assert checked.returncode == 1
    # The field written next to where 'conclusion' was (explanation), now on the deleted line's number.
    assert f"::error file=claims/students-270000.yaml,line={at + 1},col=1,title=conclusion::conclusion: the field 'conclusion' is missing" in checked.stdout, checked.stdout
    # Inside a list item, at the item's own line.
    item = claim.read_text("utf-8").replace("    quote: more than 270,000 Chinese students studied in the US\n", "")
    claim.write_text(item, "utf-8")
    checked = _validate_as_the_workflow_does(site.root, base, env)
    assert "::error file=claims/students-270000.yaml,line=5,col=5,title=appeared[0].quote::appeared[0].quote: the field 'quote' is missing" in checked.stdout, checked.stdout


def test_a_near_duplicate_is_annotated_on_the_changed_file_only(make_site, tmp_path, env):
    site = newcomer_site(make_site, tmp_path / "duplicate")
    base = _committed(site.root)
    original = (site.root / "claims" / "students-270000.yaml").read_text("utf-8")
    site.write("claims/students-again.yaml", original.replace("More than 270,000", "Over 270,000"))
    checked = _validate_as_the_workflow_does(site.root, base, env)
    warnings = [line for line in checked.stdout.splitlines() if line.startswith("::warning")]
    assert warnings and all(line.startswith("::warning file=claims/students-again.yaml,") for line in warnings), checked.stdout
    assert any("may duplicate claims/students-270000.yaml" in line for line in warnings)
    assert "on files unchanged since" in checked.stderr
    # Without --against (the publish workflow), both files carry it.
    everything = _run(command(workflow("publish.yml"), "factcheck validate"), site.root, env)
    assert "::warning file=claims/students-270000.yaml," in everything.stdout


def test_an_exact_copy_is_an_error_on_the_new_file_only(make_site, tmp_path, env):
    """Issue 24: a copied claim file is an error (was two warnings and a passing check), and a pull
    request's check annotates the copy it adds, not the untouched original."""
    site = newcomer_site(make_site, tmp_path / "copy")
    base = _committed(site.root)
    site.write("claims/students-again.yaml", (site.root / "claims" / "students-270000.yaml").read_text("utf-8"))
    checked = _validate_as_the_workflow_does(site.root, base, env)
    assert checked.returncode == 1
    annotations = [line for line in checked.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=claims/students-again.yaml,line=1,col=1,title=factcheck::this file is an exact copy of "
        "claims/students-270000.yaml: the same fields and values, in the same order (keep one claim per file: delete the copy "
        "that was added and edit claims/students-270000.yaml if that claim needs a change, or make the copy a claim of its own "
        "(its own claim, quotes and verdict; factcheck new starts one))"
    ], checked.stdout
    assert "1 problem(s) on files unchanged since" in checked.stderr
    # Without --against (the publish workflow), both copies carry it.
    everything = _run(command(workflow("publish.yml"), "factcheck validate"), site.root, env)
    assert everything.returncode == 1
    assert "::error file=claims/students-270000.yaml,line=1,col=1,title=factcheck::this file is an exact copy of claims/students-again.yaml" in everything.stdout
