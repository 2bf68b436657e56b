"""safe_files.write_file: nothing is written through a symbolic link, nothing existing is written into (issue 24)."""

from __future__ import annotations

import os

import pytest

from factcheck.core.safe_files import LinkRefused, write_file


def test_a_new_file_is_written_with_its_folders(tmp_path):
    write_file(tmp_path / "sources" / "a.txt", "text\u2028", root=tmp_path)
    assert (tmp_path / "sources" / "a.txt").read_text("utf-8") == "text\u2028"


def test_an_existing_file_is_not_written_into_unless_replaced(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old", "utf-8")
    with pytest.raises(FileExistsError):
        write_file(path, "new", root=tmp_path)
    assert path.read_text("utf-8") == "old"
    inode = path.stat().st_ino
    write_file(path, b"new", replace=True, root=tmp_path)
    assert path.read_text("utf-8") == "new" and path.stat().st_ino != inode  # a new file renamed over it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("replace", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_planted_at_the_path_is_refused_and_its_target_untouched(tmp_path, replace, dangling):
    target = tmp_path / "outside" / ".bashrc"
    target.parent.mkdir()
    if not dangling:
        target.write_text("original", "utf-8")
    root = tmp_path / "repo"
    (root / "sources").mkdir(parents=True)
    os.symlink(target, root / "sources" / "imported.txt")
    with pytest.raises(LinkRefused, match="symbolic link"):
        write_file(root / "sources" / "imported.txt", "payload", replace=replace, root=root)
    assert (target.read_text("utf-8") == "original") if not dangling else not target.exists()


def test_a_folder_on_the_way_that_is_a_link_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink(outside, root / "claims")
    with pytest.raises(LinkRefused):
        write_file(root / "claims" / "x.yaml", "claim: x\n", root=root)
    assert list(outside.iterdir()) == []


# ----------------------------------------------------------------------------- every command (issue 24)

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from factcheck.commands.cli import main  # noqa: E402
from site_factory import MINI  # noqa: E402

INTERNATIONAL = Path(__file__).parent / "fixtures" / "claimreview" / "international.json"
IMPORTED_TEXT = "sources/factchequeo-ejemplo-una-cifra-con-demasiados.txt"  # a text the import writes


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    return root


def _refused_cleanly(code: int, err: str, shown: str, target: Path) -> None:
    """Exit 1, one message naming the link, where it leads and the fix; no traceback; the target not made."""
    assert code == 1
    assert f"error: {shown} is a symbolic link (it leads to {target})" in err, err
    assert "nothing was written. Remove the link, or put the file itself in its place" in err
    assert "Traceback" not in err
    assert not target.exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_import_claimreview_refuses_a_planted_link_before_writing_anything(tmp_path, capsys, force):
    root = _repo(tmp_path)
    target = tmp_path / "bashrc"
    os.symlink(target, root / IMPORTED_TEXT)
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    code = main(["import-claimreview", str(INTERNATIONAL), "--out-dir", str(root), *force])
    _refused_cleanly(code, capsys.readouterr().err, IMPORTED_TEXT, target)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before  # nothing half-written (was: with --force)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_init_refuses_a_planted_link(tmp_path, capsys, force):
    folder = tmp_path / "new-site"
    folder.mkdir()
    target = tmp_path / "profile"
    os.symlink(target, folder / "mkdocs.yml")
    code = main(["init", str(folder), "--name", "A site", *force])
    _refused_cleanly(code, capsys.readouterr().err, "mkdocs.yml", target)  # was a traceback with --force
    assert [p.name for p in folder.iterdir()] == ["mkdocs.yml"]


def test_new_refuses_a_planted_link(tmp_path, capsys):
    root = _repo(tmp_path)
    target = tmp_path / "outside.yaml"
    os.symlink(target, root / "claims" / "planted.yaml")
    code = main(["-f", str(root / "mkdocs.yml"), "new", "--claim", "Rubio said the US would revoke visas again.", "--source", "newsletter",
                 "--quote", "Marco Rubio said", "--verdict", "true", "--conclusion", "It was said.", "--explanation", "Quoted.",
                 "--id", "planted", "--force"])
    _refused_cleanly(code, capsys.readouterr().err, "claims/planted.yaml", target)


def test_new_source_refuses_a_planted_link(tmp_path, capsys):
    root = _repo(tmp_path)
    target = tmp_path / "outside.txt"
    os.symlink(target, root / "sources" / "wire2.txt")
    (root / "incoming").mkdir()
    (root / "incoming" / "wire2.txt").write_text("Tariffs rose.\n", "utf-8")
    code = main(["-f", str(root / "mkdocs.yml"), "new-source", "--title", "Wire two", "--publisher", "P", "--published", "2025-05-01",
                 "--type", "news-article", "--text-file", str(root / "incoming" / "wire2.txt"), "--id", "wire2"])
    _refused_cleanly(code, capsys.readouterr().err, "sources/wire2.txt", target)


def test_build_pages_refuses_a_link_in_its_output_folder(tmp_path, capsys):
    root = _repo(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere"
    os.symlink(target, out / "docs")
    code = main(["-f", str(root / "mkdocs.yml"), "build-pages", "--out", str(out)])
    _refused_cleanly(code, capsys.readouterr().err, "out/docs", target)  # was: every page written into the link's target
    assert [p.name for p in out.iterdir()] == ["docs"]


@pytest.mark.parametrize("command", ["validate", "list", "stats", "suggest"])
def test_reading_commands_name_a_planted_link_as_a_located_error(tmp_path, capsys, command):
    root = _repo(tmp_path)
    os.symlink(tmp_path / "secret.yaml", root / "claims" / "planted.yaml")
    assert main(["-f", str(root / "mkdocs.yml"), command]) == 1
    out, err = capsys.readouterr()
    assert "claims/planted.yaml:1:1: error: this file is a symbolic link; links are not read, wherever they lead" in out + err
    assert "Traceback" not in out + err


def test_a_dirty_build_refuses_a_link_in_the_site_folder(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from site_build import build_site

    root = _repo(tmp_path)
    site = tmp_path / "site"
    build_site(root, site)
    page = site / "claims" / "rubio-revoke" / "index.html"
    page.unlink()
    target = tmp_path / "bashrc"
    os.symlink(target, page)
    with pytest.raises(Abort) as stopped:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=True)  # as `mkdocs build --dirty` does
        build(config, dirty=True)
    assert "claims/rubio-revoke/index.html is a symbolic link" in str(stopped.value.__context__)
    assert not target.exists()  # MkDocs wrote the page through the link
