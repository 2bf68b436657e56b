"""The plugin's generated data files: made when written (DeferredFile), or let go of once written (WrittenOnceFile)."""

from __future__ import annotations

from mkdocs.config import load_config

from factcheck.mkdocs.site_files import DeferredFile, WrittenOnceFile, already_in_docs
from factcheck.render import DataFile


def _config(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "factcheck"  # set by MkDocs while it runs a plugin's event
    return config


def test_a_deferred_file_is_made_only_when_read_or_written(tmp_path):
    made = []

    def pieces():
        made.append(1)
        yield "{\"claims\": "
        yield "[\"é\"]}"

    file = DeferredFile.deferred(_config(tmp_path), DataFile("api/claims.json", pieces))
    assert made == []  # nothing made when the file is handed to MkDocs
    assert file.content_string == "{\"claims\": [\"é\"]}"
    file.copy_file()
    assert (tmp_path / "site" / "api" / "claims.json").read_bytes() == "{\"claims\": [\"é\"]}".encode("utf-8")
    assert len(made) == 2  # made each time it is wanted, never kept


def test_a_deferred_file_takes_content_another_plugin_sets(tmp_path):
    file = DeferredFile.deferred(_config(tmp_path), DataFile("feed.xml", lambda: ("old",)))
    file.content_string = "new"
    assert file.content_bytes == b"new"
    file.content_bytes = b"\x00\x01"
    file.copy_file()
    assert (tmp_path / "site" / "feed.xml").read_bytes() == b"\x00\x01"


def test_a_written_once_file_lets_go_of_its_content_after_writing(tmp_path):
    file = WrittenOnceFile.generated(_config(tmp_path), "search/factcheck/manifest.json", content=b"{}")
    assert file.content_bytes == b"{}"
    file.copy_file()
    assert (tmp_path / "site" / "search" / "factcheck" / "manifest.json").read_bytes() == b"{}"
    assert file.content_bytes == b""


def test_the_generated_paths_the_docs_already_have_are_found_in_one_walk(tmp_path):
    docs = tmp_path / "docs"
    (docs / "claims").mkdir(parents=True)
    (docs / "claims" / "index.md").write_text("# Mine\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.md").write_text("# A\n", encoding="utf-8")
    (docs / "sources").symlink_to(elsewhere, target_is_directory=True)  # followed, as MkDocs follows it
    generated = ["claims/index.md", "claims/other.md", "sources/a.md", "sources/b.md", "data/claims.json", "claims"]
    assert already_in_docs(str(docs), generated) == ["claims/index.md", "sources/a.md", "claims"]
    assert already_in_docs(str(tmp_path / "missing"), generated) == []


def test_a_generated_file_at_the_path_of_one_already_there_stops_the_build(tmp_path) -> None:
    """Another plugin's or the theme's file at a path the plugin generates: a clear error, not a silent replacement."""
    import pytest
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File, Files

    from factcheck.mkdocs.plugin import FactcheckPlugin

    files = Files([File("claims/x.md", str(tmp_path), str(tmp_path / "site"), True)])
    FactcheckPlugin._add(files, File("claims/y.md", str(tmp_path), str(tmp_path / "site"), True))
    assert sorted(f.src_uri for f in files) == ["claims/x.md", "claims/y.md"]
    with pytest.raises(PluginError, match="docs/claims/x.md exists, but the plugin generates that page"):
        FactcheckPlugin._add(files, File("claims/x.md", str(tmp_path), str(tmp_path / "site"), True))
