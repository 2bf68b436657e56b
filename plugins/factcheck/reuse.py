"""Results kept from one run of a long ``mkdocs serve`` to the next, each beside what it was made from.

On a save, a 10,000-claim site has one changed file among 12,000; the run before made nearly
everything this one needs. Each step that works one item at a time (parsing a file, building a
record, verifying a quote, rendering a page) asks ``reused`` for its result: it is handed back
when the inputs it was made from are equal to this run's, and made anew otherwise. The inputs
are everything the result is made from, named by the caller beside the work; records are
frozen dataclasses compared by value (by identity first, which is what an unchanged record
kept from the last run is), so a result is never handed back for inputs that changed.

Off in a one-shot build (``mkdocs build``, ``factcheck validate``), where nothing repeats and
keeping results would only cost memory.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")
MISSING: Any = object()  # what ``Reuse.get`` gives when it has nothing to hand back


class Reuse:
    def __init__(self) -> None:
        self.on = False
        self._kept: dict[Hashable, tuple[Any, Any]] = {}  # (kind, key) -> (inputs, result)
        self.made = 0  # results asked for and not kept: made anew in this run (for tests and measurements)
        self.kept = 0  # results handed back

    def start(self) -> None:
        """Keep results from now on (a long ``mkdocs serve``)."""
        self.on = True

    def stop(self) -> None:
        self.on = False
        self._kept = {}

    def new_run(self) -> None:
        """Called once at the start of each run (it counts from there).

        A result is kept until one made from other inputs replaces it, not only while runs ask
        for it: a page handed back whole does not ask for the rows it was made from, and the
        run that next changes the page needs them. A removed claim's results stay until the
        server stops; an edited claim's are replaced.
        """
        self.made = self.kept = 0

    def __call__(self, kind: str, key: Hashable, inputs: Any, make: Callable[[], T]) -> T:
        """``make()``, or what it gave for ``(kind, key)`` before if ``inputs`` are equal to those it had then."""
        if not self.on:
            return make()
        result = self.get(kind, key, inputs)
        if result is MISSING:
            result = make()
            self.put(kind, key, inputs, result)
        return result

    def get(self, kind: str, key: Hashable, inputs: Any) -> Any:
        """What was made for ``(kind, key)`` from equal ``inputs``, else ``MISSING``."""
        if not self.on:
            return MISSING
        kept = self._kept.get((kind, key))
        if kept is not None and kept[0] == inputs:
            self.kept += 1
            return kept[1]
        self.made += 1
        return MISSING

    def put(self, kind: str, key: Hashable, inputs: Any, result: Any) -> None:
        """Keep ``result``, made from ``inputs``, for the runs to come."""
        if self.on:
            self._kept[(kind, key)] = (inputs, result)

    def last(self, kind: str, key: Hashable) -> Any:
        """What was kept for ``(kind, key)``, whatever it was made from (None when nothing is, or when off):
        for a step that brings its own last result up to date."""
        kept = self._kept.get((kind, key)) if self.on else None
        return None if kept is None else kept[1]

    def same(self, kind: str, key: Hashable, value: T) -> T:
        """``value``, or the equal value kept before: later comparisons of it are then by identity, at once."""
        if not self.on:
            return value
        kept = self._kept.get((kind, key))
        if kept is not None and kept[0] == value:
            return kept[0]
        self._kept[(kind, key)] = (value, None)
        return value


reused = Reuse()
