"""How ``mkdocs serve`` learns that a claim or a source changed, without walking every file twice a second.

MkDocs' server watches paths by polling (watchdog's ``PollingObserver``, every 0.5 s): each poll
lists and stats every file under a watched folder, in a thread of the process that also builds,
so on a large site the polls take time from the rebuild they wait for.

So the claims and sources folders are watched here with the system's own file events
(watchdog's native observer: inotify on Linux, FSEvents on macOS), which cost nothing until
something changes; each change rewrites one small file in a temporary folder, and that folder is
what MkDocs' server polls (``server.watch``, its public way to be told to rebuild). Where the
native observer cannot start (too many watches, an unsupported file system), the folders are
given to MkDocs' server as they are.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from watchdog.events import (
    FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer


# What changes a file or its presence. Not reading it: the build itself opens every file, and
# those events (two per file) would each wake the observer's thread while the build runs.
CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent]


class ChangeSignal:
    """Native file events on some folders, turned into a change of one file for a poller to see."""

    def __init__(self, folders: Iterable[Path]):
        self.folder = Path(tempfile.mkdtemp(prefix="factcheck-watch-"))
        self.marker = self.folder / "changed"
        self.marker.write_text("0", encoding="ascii")
        self._observer = Observer()
        handler = FileSystemEventHandler()
        handler.on_any_event = self._changed  # type: ignore[method-assign]
        try:
            for folder in folders:
                self._observer.schedule(handler, str(folder), recursive=True, event_filter=CHANGES)
            self._observer.start()
        except OSError:
            self.close()
            raise

    def _changed(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        # a new size and time, whatever the poller compares
        self.marker.write_text(str(time.time_ns()), encoding="ascii")

    def close(self) -> None:
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def watch(folders: list[Path], files: list[Path], server_watch: Callable[[str], None], log_warning: Callable[[str], None]) -> Optional[ChangeSignal]:
    """Have ``server_watch`` (MkDocs' ``server.watch``) follow the folders through a ``ChangeSignal``
    and the single files as they are; the folders themselves where no native observer starts."""
    for file in files:
        server_watch(str(file))
    if not folders:
        return None
    try:
        signal = ChangeSignal(folders)
    except OSError as error:
        log_warning(f"factcheck: watching {', '.join(map(str, folders))} by polling ({error})")
        for folder in folders:
            server_watch(str(folder))
        return None
    server_watch(str(signal.folder))
    return signal


__all__ = ["ChangeSignal", "watch"]
