"""Work done at the same time in a second process, a copy (fork) of this one, for large sites.

The second process starts with everything this one holds, so nothing is sent to it; only its
result comes back, pickled: whole when it is done (``Forked``), or in batches as it is made
(``Streamed``), for this process to take in between its own share of the work. Used only where that is cheap and safe: on Linux (where fork is the
default way to start a process) with a second processor that is idle. Callers decide from how
much work there is whether starting it is worth it; the results are the same either way.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterable, Optional, TypeVar

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


class _Worker:
    """A forked process running ``produce(*args)``, an iterable, and the pipe its values come back by.

    The worker pickles its values in batches and hands each to a thread of its own that writes
    it to the pipe, so it goes on working while this process is busy and has not read yet.
    """

    def __init__(self, produce: Callable[..., Iterable[Any]], args: tuple, batch: int):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._process: Optional[multiprocessing.process.BaseProcess] = context.Process(
            target=_run, args=(produce, args, batch, sending), daemon=True,
        )
        self._process.start()
        sending.close()  # this process only reads; the pipe closes when the worker's end does
        self._values: list[Any] = []
        self._ended = False

    def _take(self, wait: bool) -> None:
        """Unpickle what has arrived (``wait``: everything, until the worker says it is done)."""
        assert self._process is not None, "the results were taken already"
        while not self._ended and (wait or self._receiving.poll()):
            try:
                kind, payload = pickle.loads(self._receiving.recv_bytes())
            except EOFError:  # the worker died without answering (killed, out of memory)
                self.close()
                raise RuntimeError(f"the second process stopped with exit code {self._exit_code}") from None
            if kind == _FAILED:
                self.close()
                raise RuntimeError(f"the second process failed:\n{payload}")
            if kind == _END:
                self._ended = True
            else:
                self._values.extend(payload)

    def _all(self) -> list[Any]:
        try:
            self._take(wait=True)
        finally:
            self.close()
        return self._values

    def close(self) -> None:
        if self._process is None:
            return
        if self._process.is_alive() and not self._ended:
            self._process.terminate()
        self._process.join()
        self._exit_code = self._process.exitcode
        self._receiving.close()
        self._process = None

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class Forked(_Worker, Generic[T]):
    """``work(*args)`` running in a forked process; ``result()`` waits for it and returns it.

    Use it as a context manager: leaving the block ends the process if its result was not
    taken (when the run stopped early on an error).
    """

    def __init__(self, work: Callable[..., T], *args: Any):
        super().__init__(_once, (work, *args), batch=1)

    def result(self) -> T:
        return self._all()[0]

    def __enter__(self) -> "Forked[T]":
        return self


class Streamed(_Worker, Generic[T]):
    """``work(*args)``, which yields values, running in a forked process; they come back in
    batches as they are made, so that this process can take them in between its own work
    (``arrived``) instead of all at the end.
    """

    def __init__(self, work: Callable[..., Iterable[T]], *args: Any, batch: int = 100):
        super().__init__(work, args, batch)

    def arrived(self) -> None:
        """Take in the batches that have arrived, without waiting for more."""
        self._take(wait=False)

    def results(self) -> list[T]:
        """Every value, in the order yielded, once the worker is done."""
        return self._all()

    def __enter__(self) -> "Streamed[T]":
        return self


_VALUES, _END, _FAILED = "values", "end", "failed"


def _once(work: Callable[..., T], *args: Any) -> tuple[T]:
    return (work(*args),)


def _run(produce: Callable[..., Iterable[Any]], args: tuple, batch: int, sending: Any) -> None:
    import queue
    import threading

    pickled: queue.SimpleQueue = queue.SimpleQueue()

    def write() -> None:  # the write blocks until this process's reader takes it; the work goes on meanwhile
        while (message := pickled.get()) is not None:
            sending.send_bytes(message)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()

    def send(kind: str, payload: Any) -> None:
        pickled.put(pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL))

    try:
        values: list[Any] = []
        for value in produce(*args):
            values.append(value)
            if len(values) >= batch:
                send(_VALUES, values)
                values = []
        if values:
            send(_VALUES, values)
        send(_END, None)
    except BaseException:  # the worker's own failure, reported in the process that waits for it
        send(_FAILED, traceback.format_exc())
    pickled.put(None)
    writer.join()
    sending.close()
