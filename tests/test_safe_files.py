"""safe_files.write_file: nothing is written through a symbolic link, nothing existing is written into (issue 24)."""

from __future__ import annotations

import os

import pytest

from factcheck.safe_files import LinkRefused, write_file


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
