"""Run one function on several pieces of work side by side, in forked copies of this process.

The streaming counter ends with work on the whole vocabulary (the term of each form,
:func:`analysis.count_table.vocabulary_terms`) and writes a large CSV, where one process
would leave the other cores waiting.
:func:`map_forked` shares such work out: the first piece runs here, each other piece in a
child process forked for it, which starts with this process's memory (the vocabulary, the
lexicon: nothing is pickled on the way in) and sends back only its result.

>>> map_forked(sorted, [[3, 1], [2, 0]], processes=2)
[[1, 3], [0, 2]]
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: What the forked children run: (function, pieces); set just before they are forked.
_WORK: tuple[Callable, Sequence] | None = None


def can_fork() -> bool:
    """Whether child processes can be forked here (Linux; elsewhere everything runs in this
    process, with the same results)."""
    return sys.platform.startswith("linux")


def process_context():
    """The multiprocessing context for worker processes: fork on Linux (the children start
    with this process's memory), spawn elsewhere."""
    return mp.get_context("fork" if can_fork() else "spawn")


def died_error(what: str, then: str = "") -> RuntimeError:
    """The error for a child process that ended without sending its result back (an
    executor breaks then, where a ``multiprocessing.Pool`` would wait for ever); ``then``
    says what became of the work."""
    return RuntimeError(f"{what} ended without sending its result back (killed, or out of memory?){then}")


def stop_executor(executor) -> None:
    """Stop a ``ProcessPoolExecutor`` at once (on an error or Ctrl-C), not waiting for its work.

    Its processes are terminated and reaped; then this process's end of the results pipe
    is closed, so that the executor's thread, if it was reading a result that a process was
    stopped in the middle of writing, reads the end of the pipe instead of waiting for the
    rest for ever (CPython's executor cannot stop its workers itself before 3.14); then the
    executor shuts down.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():                       # pragma: no cover - a process ignoring SIGTERM
            process.kill()
            process.join()
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    executor.shutdown(wait=True, cancel_futures=True)


def map_forked(func: Callable[[T], R], pieces: Sequence[T], *, processes: int) -> list[R]:
    """``[func(piece) for piece in pieces]``, with up to ``processes`` pieces at a time.

    Parameters
    ----------
    func : callable
        Called once per piece; its result must be picklable (it travels back from a child).
    pieces : sequence
        The work, one piece per call; the first runs in this process.
    processes : int
        How many processes work at once, this one included; 1 (or a platform without
        ``fork``) runs every piece here, in order.

    Returns
    -------
    list
        The results, in the order of ``pieces``.
    """
    global _WORK
    if processes <= 1 or len(pieces) <= 1 or not can_fork():
        return [func(piece) for piece in pieces]
    _WORK = (func, pieces)
    try:
        # an executor, not a Pool: a child that dies (killed, out of memory) breaks it with an
        # error here, where a Pool would wait for the lost result for ever
        executor = ProcessPoolExecutor(min(processes, len(pieces)) - 1, mp_context=mp.get_context("fork"))
        try:
            others = [executor.submit(_run_piece, index) for index in range(1, len(pieces))]
            first = func(pieces[0])
            results = [first, *(future.result() for future in others)]
        except BrokenProcessPool:
            stop_executor(executor)
            raise died_error("a forked process") from None
        except BaseException:                       # an error here, or Ctrl-C: the others stop at once
            stop_executor(executor)
            raise
        executor.shutdown(wait=True)
        return results
    finally:
        _WORK = None


def _run_piece(index: int):
    func, pieces = _WORK
    return func(pieces[index])
