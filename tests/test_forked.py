"""Work in a second, forked process (factcheck.forked)."""

from __future__ import annotations

import os
import time

import pytest

from factcheck import forked

HELD_BY_THE_PARENT = {"words": ["only", "in", "memory"]}


def _count_words(extra: list[str]) -> tuple[int, int]:
    return len(HELD_BY_THE_PARENT["words"]) + len(extra), os.getpid()


def _fail() -> None:
    raise ValueError("no such claim")


def _sleep_then_write(path: str) -> None:
    time.sleep(30)
    with open(path, "w") as file:
        file.write("still running")


def test_the_result_comes_back_from_another_process_that_sees_what_this_one_holds():
    HELD_BY_THE_PARENT["words"].append("changed")  # after import: the child is a copy of now
    with forked.Forked(_count_words, ["a", "b"]) as work:
        count, pid = work.result()
    assert count == 6 and pid != os.getpid()


def test_a_failure_in_the_second_process_is_raised_here_with_its_traceback():
    with forked.Forked(_fail) as work:
        with pytest.raises(RuntimeError, match="ValueError: no such claim"):
            work.result()


def test_leaving_the_block_without_the_result_ends_the_second_process(tmp_path):
    marker = tmp_path / "marker"
    with forked.Forked(_sleep_then_write, str(marker)) as work:
        process = work._process
    assert process is not None and not process.is_alive()
    assert not marker.exists()


def test_a_second_process_is_started_only_when_a_processor_is_idle(monkeypatch):
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(forked.sys, "platform", "linux")
    monkeypatch.setattr(forked, "_running", lambda: 1)  # only this process
    assert forked.available()
    monkeypatch.setattr(forked, "_running", lambda: 2)  # and another one, busy
    assert not forked.available()
    monkeypatch.setattr(forked.sys, "platform", "darwin")
    monkeypatch.setattr(forked, "_running", lambda: 1)
    assert not forked.available()


def _available_in_a_pool_worker(_: int) -> bool:
    return forked.available()


def test_a_worker_of_a_process_pool_does_not_start_one(monkeypatch):
    import multiprocessing

    monkeypatch.setattr(forked, "_running", lambda: 1)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_available_in_a_pool_worker, [0]) == [False]


def test_the_count_of_running_processes_includes_this_one():
    assert forked._running() >= 1  # read from /proc/loadavg (this project's machines run Linux)



def _squares(count: int):
    for number in range(count):
        yield number * number


def _two_then_fail():
    yield 1
    yield 2
    raise ValueError("claim file vanished")


def test_streamed_values_arrive_in_order_whether_taken_in_between_or_at_the_end():
    with forked.Streamed(_squares, 1_000, batch=7) as work:
        for _ in range(20):  # take in whatever has come, as the loader does between its own files
            work.arrived()
            time.sleep(0.002)
        assert work.results() == [number * number for number in range(1_000)]
    with forked.Streamed(_squares, 0) as work:
        assert work.results() == []


def test_a_failure_part_way_through_a_stream_is_raised_here_with_its_traceback():
    with forked.Streamed(_two_then_fail, batch=1) as work:
        with pytest.raises(RuntimeError, match="ValueError: claim file vanished"):
            work.results()
