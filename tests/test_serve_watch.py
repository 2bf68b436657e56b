"""serve_watch.py: the claims and sources folders watched with native file events, signalled to MkDocs' poller."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from factcheck.mkdocs.serve_watch import ChangeSignal, watch


def wait_for(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_change_under_a_folder_rewrites_the_marker_and_reading_does_not(tmp_path: Path):
    claims = tmp_path / "claims"
    (claims / "nested").mkdir(parents=True)
    existing = claims / "a.yaml"
    existing.write_text("claim: one\n", encoding="utf-8")
    signal = ChangeSignal([claims])
    try:
        before = signal.marker.read_text()
        existing.read_text(encoding="utf-8")  # the build reads every file: no change
        time.sleep(0.3)
        assert signal.marker.read_text() == before
        existing.write_text("claim: two\n", encoding="utf-8")
        assert wait_for(lambda: signal.marker.read_text() != before)
        after_edit = signal.marker.read_text()
        (claims / "nested" / "b.yaml").write_text("claim: new\n", encoding="utf-8")  # below a sub-folder too
        assert wait_for(lambda: signal.marker.read_text() != after_edit)
        after_new = signal.marker.read_text()
        existing.unlink()
        assert wait_for(lambda: signal.marker.read_text() != after_new)
    finally:
        signal.close()
    assert not signal.folder.exists()  # the temporary folder goes with it


def test_watch_gives_the_server_the_signal_folder_and_the_single_files(tmp_path: Path):
    (tmp_path / "claims").mkdir()
    people = tmp_path / "people.yaml"
    people.write_text("{}\n", encoding="utf-8")
    watched: list[str] = []
    signal = watch([tmp_path / "claims"], [people], watched.append, lambda message: None)
    try:
        assert signal is not None and watched == [str(people), str(signal.folder)]
    finally:
        signal.close()


def test_watch_falls_back_to_the_servers_polling_when_no_native_observer_starts(tmp_path: Path):
    missing = tmp_path / "no-such-folder"  # the native observer cannot watch it
    watched: list[str] = []
    warnings: list[str] = []
    before = set(Path(tempfile.gettempdir()).glob("factcheck-watch-*"))
    assert watch([missing], [], watched.append, warnings.append) is None
    assert watched == [str(missing)] and "polling" in warnings[0]
    assert set(Path(tempfile.gettempdir()).glob("factcheck-watch-*")) == before  # its temporary folder removed
