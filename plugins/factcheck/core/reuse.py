"""Results kept from one run of a long ``mkdocs serve`` to the next, each beside the one argument it was made from.

On a save, a 10,000-claim site has one changed file among 12,000; the run before made nearly
everything this one needs. Each step that works one item at a time (reading a file, building a
record, verifying a quote, rendering a page) is a function of ONE frozen argument that holds
exactly what the step reads: a record, or a small frozen dataclass built from the site (a
renderer is given ``ClaimView``, not the site, so it cannot read what the argument leaves out).
Memoised with ``@kept_results.per_item(key)``, the step hands back the last result made for the
item ``key(argument)`` when the argument is that run's (by identity first, which is what an
unchanged record kept from the last run is, then by value), and makes it anew otherwise. So a
page is never the last run's after a change to anything it shows.

Off in a one-shot build (``mkdocs build``, ``factcheck validate``), where nothing repeats and
keeping results would only cost memory.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Hashable, TypeVar

A = TypeVar("A")
T = TypeVar("T")


class KeptResults:
    def __init__(self) -> None:
        self.on = False
        self._kept: dict[Hashable, tuple[Any, Any]] = {}  # (step, item) -> (argument, result)
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

        A result is kept until one made from another argument replaces it, not only while runs ask
        for it: a page handed back whole does not ask for the rows it was made from, and the
        run that next changes the page needs them. A removed claim's results stay until the
        server stops; an edited claim's are replaced.
        """
        self.made = self.kept = 0

    def per_item(self, key: Callable[[A], Hashable]) -> Callable[[Callable[[A], T]], Callable[[A], T]]:
        """Memoise a step of one frozen argument: while serving, the last result for the item
        ``key(argument)`` when that was made from an equal argument; made anew otherwise."""

        def memoise(make: Callable[[A], T]) -> Callable[[A], T]:
            @functools.wraps(make)
            def kept_or_made(argument: A) -> T:
                if not self.on:
                    return make(argument)
                slot = (make, key(argument))
                kept = self._kept.get(slot)
                if kept is not None and (kept[0] is argument or kept[0] == argument):
                    self.kept += 1
                    return kept[1]
                self.made += 1
                result = make(argument)
                self._kept[slot] = (argument, result)
                return result

            return kept_or_made

        return memoise

    def last(self, name: str) -> Any:
        """What ``keep(name, ...)`` last kept (None when nothing is, or when off): for a step that
        brings its own last result up to date."""
        kept = self._kept.get(name) if self.on else None
        return None if kept is None else kept[1]

    def keep(self, name: str, result: Any) -> None:
        if self.on:
            self._kept[name] = (None, result)

    def same(self, name: str, value: T) -> T:
        """``value``, or the equal value kept before: later comparisons of it are then by identity, at once."""
        if not self.on:
            return value
        kept = self._kept.get(name)
        if kept is not None and kept[0] == value:
            return kept[0]
        self._kept[name] = (value, None)
        return value


kept_results = KeptResults()
