"""The package as a desk would get it: built as a wheel and an sdist, installed into a fresh
virtual environment, used to start a new site that builds with --strict.

Nothing is downloaded: the build runs without isolation and the wheel is installed without
its dependencies into a new environment that sees the dependencies of the environment running
the tests (its site-packages, added by a .pth file), not the system's: inside a virtual
environment, `venv --system-site-packages` would give the base interpreter's packages, which
need not hold the project's dependencies at all.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    return out


def test_wheel_carries_plugin_schemas_templates_and_starter(dist: Path) -> None:
    wheel = next(dist.glob("mkdocs_factcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in [
        "factcheck/mkdocs/plugin.py",
        "factcheck/schemas/claim.schema.json",
        "factcheck/schemas/source.schema.json",
        "factcheck/starter/mkdocs.yml",
        "factcheck/starter/github/workflows/publish.yml",
        "factcheck/starter/claims/example-claim.yaml",
    ]:
        assert expected in names, f"{expected} missing from the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "factcheck = factcheck.mkdocs.plugin:FactcheckPlugin" in text
    assert "factcheck = factcheck.commands.cli:main" in text


def test_sdist_carries_the_sources(dist: Path) -> None:
    sdist = next(dist.glob("mkdocs_factcheck-*.tar.gz"))
    names = tarfile.open(sdist).getnames()
    assert any(n.endswith("plugins/factcheck/mkdocs/plugin.py") for n in names)
    assert any(n.endswith("LICENSE") for n in names)


def test_fresh_environment_init_add_claim_build(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    own_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    # The running environment's packages come after the new environment's own, and their .pth
    # files are not run, so the editable install of this checkout stays invisible there.
    dependencies = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (own_packages / "running-environment.pth").write_text("".join(f"{path}\n" for path in dependencies), "utf-8")
    wheel = next(dist.glob("mkdocs_factcheck-*.whl"))
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--force-reinstall", wheel)
    where = run(python, "-c", "import factcheck; print(factcheck.__file__)").stdout.strip()
    assert str(venv) in where, f"factcheck imported from {where}, not from the fresh environment"

    site = tmp_path / "desk"
    run(venv / "bin" / "factcheck", "init", site, "--name", "Example Desk")
    assert (site / "mkdocs.yml").exists() and (site / ".github" / "workflows" / "publish.yml").exists()

    (site / "claims" / "budget-second.yaml").write_text(
        "claim: The example budget grew this year.\n"
        "short: The example budget grew this year\n"
        "claimant: example-minister\n"
        "appeared:\n  - source: example-source\n    quote: the example budget grew\n"
        "verdict: half-true\n"
        "conclusion: It grew, but by less than the minister said.\n"
        "explanation: A second claim, added by hand.\n"
        f"published: {dt.date.today().isoformat()}\n",  # not before the starter's source (dated the day of init)
        encoding="utf-8",
    )
    run(venv / "bin" / "factcheck", "validate", cwd=site)
    run(python, "-m", "mkdocs", "build", "--strict", cwd=site)
    page = (site / "site" / "claims" / "budget-second" / "index.html").read_text("utf-8")
    assert "Half true" in page and "It grew, but by less than the minister said." in page


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    from factcheck.commands.init_site import init_site

    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    written, refused = init_site(tmp_path, "Desk")
    assert written == [] and refused == [tmp_path / "mkdocs.yml"]
    assert (tmp_path / "mkdocs.yml").read_text("utf-8") == "site_name: Mine\n"
    assert not (tmp_path / "claims").exists(), "nothing is written when a file would be overwritten"
    written, refused = init_site(tmp_path, "Desk", force=True)
    assert refused == [] and "site_name: Desk" in (tmp_path / "mkdocs.yml").read_text("utf-8")


def test_new_claims_in_an_initialised_site_point_editors_at_its_schema_copy(tmp_path: Path) -> None:
    from factcheck.commands.init_site import init_site
    from factcheck.commands.scaffold import modeline

    init_site(tmp_path, "Desk")
    assert modeline("claim", tmp_path / "claims", tmp_path) == "# yaml-language-server: $schema=../schemas/claim.schema.json"
