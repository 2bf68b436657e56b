"""The corrections rule across revisions: a verdict may change only with a new dated correction.

``verdict_change_problems(settings, claims, rev)`` reads every claim file as it stood at
the git revision ``rev`` (for a pull request, its base) and reports an error for each
claim whose verdict differs from then without a correction entry that is new since
then and whose ``previous_verdict`` is the old verdict. Claims that did not exist at
``rev`` are new and need nothing.

All the old files are read with one ``git cat-file --batch`` process (``rev:path``
names, no shell), so the check costs one process whatever the number of claims.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterable, Optional

import yaml

from .model import Claim
from .problems import Problem
from .settings import Settings


class GitError(Exception):
    """git could not be run, or the revision does not exist."""


def verdict_change_problems(settings: Settings, claims: Iterable[Claim], rev: str) -> list[Problem]:
    claims = list(claims)
    try:
        _check_revision(settings.root, rev)
        old_texts = read_at_revision(settings.root, rev, [_path_of(settings, c) for c in claims])
    except GitError as error:
        return [_revision_problem(settings, rev, error)]
    found = []
    for claim in claims:
        text = old_texts.get(_path_of(settings, claim))
        if text is None:
            continue
        problem = _unannounced_change(settings, claim, text, rev)
        if problem:
            found.append(problem)
    return found


def _unannounced_change(settings: Settings, claim: Claim, old_text: str, rev: str) -> Optional[Problem]:
    try:
        old = yaml.safe_load(old_text)
    except yaml.YAMLError:
        return None  # the old file was broken; there is no verdict to compare with
    if not isinstance(old, dict):
        return None
    old_verdict = str(old.get("verdict") or "")
    if not old_verdict or old_verdict == claim.verdict:
        return None
    old_entries = {_entry_key(entry) for entry in old.get("corrections") or () if isinstance(entry, dict)}
    for correction in claim.corrections:
        key = (correction.date.isoformat(), correction.kind, correction.text.strip(), correction.previous_verdict)
        if key not in old_entries and correction.previous_verdict == old_verdict:
            return None
    line, column = _verdict_line(settings, claim)
    return Problem(
        _path_of(settings, claim), line, column, "verdict",
        f"the verdict changed from {old_verdict!r} to {claim.verdict!r} since {rev} without a new dated correction",
        f"add a `corrections` entry with today's date, kind `correction` or `update`, what changed, and `previous_verdict: {old_verdict}`",
    )


_VERDICT_KEY = re.compile(r"^verdict[ \t]*:", re.MULTILINE)


def _verdict_line(settings: Settings, claim: Claim) -> tuple[int, int]:
    """The line of the claim file's top-level ``verdict:`` key, where the change shows in the diff."""
    position = claim.position
    fallback = (position.line, position.column) if position else (1, 1)
    try:
        text = (settings.root / _path_of(settings, claim)).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return fallback
    found = _VERDICT_KEY.search(text)
    return (text.count("\n", 0, found.start()) + 1, 1) if found else fallback


def _revision_problem(settings: Settings, rev: str, error: GitError) -> Problem:
    """Why the base cannot be compared with, located at the site's mkdocs.yml, saying how to fetch it."""
    config = "mkdocs.yml"
    try:
        shallow = _git(settings.root, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except GitError:
        return Problem(config, 1, 1, "--against", f"cannot compare with {rev!r}: this is not a git repository ({error})",
                       "run factcheck validate --against inside a clone of the repository")
    if shallow:
        return Problem(
            config, 1, 1, "--against",
            f"cannot compare with {rev!r}: this clone is shallow and does not have that commit, "
            "so a verdict changed without a correction cannot be caught",
            f"fetch the base first (git fetch origin {rev}, or git fetch --unshallow); in a GitHub workflow, "
            "give actions/checkout `fetch-depth: 0`",
        )
    return Problem(
        config, 1, 1, "--against", f"cannot compare with {rev!r}: no such commit, branch or tag in this clone",
        f"fetch the base first (git fetch origin {rev}), or give a commit, branch or tag of this repository",
    )


def changed_paths(root: Path, rev: str) -> Optional[set[str]]:
    """The files (relative to ``root``) that differ from ``rev``, committed or not, and the new
    files git does not ignore; None when git cannot tell."""
    try:
        _check_revision(root, rev)
        changed = _git(root, "diff", "--name-only", "--relative", "-z", rev, "--")
        new = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    except GitError:
        return None
    return {name for name in (changed + new).decode("utf-8", "replace").split("\0") if name}


def on_changed_files(problems: Iterable[Problem], changed: set[str]) -> tuple[list[Problem], int]:
    """Every error, and the warnings on the files a pull request changes; and how many problems
    were left out: a near-duplicate is annotated on the new claim, not on the untouched one it
    resembles, and an exact copy's error on the copy, not on the untouched original."""
    kept, left_out = [], 0
    for problem in problems:
        on_the_other_copy = bool(problem.copy_of) and problem.path not in changed and problem.copy_of in changed
        if (problem.is_error and not on_the_other_copy) or problem.path in changed:
            kept.append(problem)
        else:
            left_out += 1
    return kept, left_out


def repository_prefix(root: Path) -> str:
    """The site's folder relative to the git repository's root ("" at the root, or when not in git)."""
    try:
        return _git(root, "rev-parse", "--show-prefix").decode("utf-8").strip()
    except GitError:
        return ""


def _entry_key(entry: dict) -> tuple[str, str, str, str]:
    when = entry.get("date")
    return (when.isoformat() if hasattr(when, "isoformat") else str(when), str(entry.get("kind") or ""),
            str(entry.get("text") or "").strip(), str(entry.get("previous_verdict") or ""))


def _path_of(settings: Settings, claim: Claim) -> str:
    """The claim file's path relative to the site's root (the folder of mkdocs.yml)."""
    if claim.position is not None:
        return claim.position.path
    return f"{settings.claims_dir}/{claim.id}.yaml"


# ---------------------------------------------------------------------------
# git


def _git(root: Path, *args: str, stdin: Optional[bytes] = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)
    except OSError as error:
        raise GitError(f"git could not be run ({error})") from error
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def _check_revision(root: Path, rev: str) -> None:
    if rev.startswith("-"):
        raise GitError("a revision cannot start with '-'")
    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")


def read_at_revision(root: Path, rev: str, paths: list[str]) -> dict[str, Optional[str]]:
    """The text of each path (relative to ``root``) at ``rev``; None where it did not exist."""
    if not paths:
        return {}
    names = "".join(f"{rev}:./{path}\n" for path in paths).encode("utf-8")
    output = _git(root, "cat-file", "--batch", stdin=names)
    texts: dict[str, Optional[str]] = {}
    at = 0
    for path in paths:
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            texts[path] = None  # "<name> missing", or not a file
            continue
        size = int(header[2])
        texts[path] = output[at:at + size].decode("utf-8", "replace")
        at += size + 1  # the content is followed by a newline
    return texts
