"""Work done at the same time in a second process, a copy (fork) of this one, for large sites.

The second process starts with everything this one holds, so nothing is sent to it; only its
result comes back, pickled. Used only where that is cheap and safe: on Linux (where fork is the
default way to start a process) with a second processor that is idle. Callers decide from how
much work there is whether starting it is worth it; the results are the same either way.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING, Any, Callable, Generic, Optional, TypeVar

if TYPE_CHECKING:
    import multiprocessing.process

T = TypeVar("T")


def available() -> bool:
    """Whether a second process can run beside this one: fork, and a processor idle right now.

    On a machine busy with other work a second process would only take turns with this one,
    and the copying and pickling would make the run slower.
    """
    if sys.platform != "linux":
        return False
    import multiprocessing  # here, not at the top: a small site never needs it (3 MB, 20 ms)

    if multiprocessing.current_process().daemon:
        return False  # a daemonic process (a worker of a pool) may not start processes
    return _running() < len(os.sched_getaffinity(0))


def _running() -> int:
    """How many processes (threads) on this machine are running or ready to, this one included."""
    try:
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            return int(loadavg.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return 1


class Forked(Generic[T]):
    """``work(*args)`` running in a forked process; ``result()`` waits for it and returns it.

    Use it as a context manager: leaving the block ends the process if its result was not
    taken (when the run stopped early on an error).
    """

    def __init__(self, work: Callable[..., T], *args: Any):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._process: Optional[multiprocessing.process.BaseProcess] = context.Process(
            target=_run, args=(work, args, sending), daemon=True,
        )
        self._process.start()
        sending.close()  # this process only reads; the pipe closes when the worker's end does

    def result(self) -> T:
        assert self._process is not None, "the result was taken already"
        try:
            failed, value = self._receiving.recv()
        except EOFError:  # the worker died without answering (killed, out of memory)
            raise RuntimeError(f"the second process stopped with exit code {self._process.exitcode}") from None
        finally:
            self.close()
        if failed:
            raise RuntimeError(f"the second process failed:\n{value}")
        return value

    def close(self) -> None:
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiving.close()
        self._process = None

    def __enter__(self) -> "Forked[T]":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _run(work: Callable[..., Any], args: tuple, sending: Any) -> None:
    try:
        answer = (False, work(*args))
    except BaseException:  # the worker's own failure, reported in the process that waits for it
        answer = (True, traceback.format_exc())
    sending.send(answer)
    sending.close()

