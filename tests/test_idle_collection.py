"""idle_collection.py: a serve build's garbage is collected after the build, unless the next one starts first."""

from __future__ import annotations

import gc
import time

from factcheck.idle_collection import IdleCollection


def full_collections(seconds: float) -> int:
    """How many full (generation 2) collections ran in the next ``seconds``."""
    seen: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(count)
    try:
        time.sleep(seconds)
    finally:
        gc.callbacks.remove(count)
    return len(seen)


def test_a_full_collection_runs_after_the_delay():
    collection = IdleCollection(delay_s=0.05)
    collection.schedule()
    assert full_collections(0.5) >= 1


def test_a_build_that_starts_first_cancels_it():
    collection = IdleCollection(delay_s=0.3)
    collection.schedule()
    collection.cancel()  # what on_pre_build does
    assert full_collections(0.6) == 0


def test_scheduling_again_replaces_the_waiting_collection():
    collection = IdleCollection(delay_s=0.2)
    collection.schedule()
    first = collection._timer
    collection.schedule()
    assert first is not None and first.finished.is_set()  # cancelled: one collection waits, not two
    collection.cancel()
