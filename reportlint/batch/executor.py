"""Executors: run a function over items and yield the results in the items' order, as soon
as each result and all before it are ready, with a bounded number of items in flight (so
memory stays flat however many files there are)."""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class InProcess:
    """``-j 1``: the calling process does the work, one item after another."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # a run in one process does not import the pool (start-up)

    # fork starts workers with reportlint already imported; elsewhere, the platform default
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class ProcessPool:
    """``-j N``: N worker processes; ``window`` items in flight per worker."""

    def __init__(self, workers: int, window: int = 4) -> None:
        self.workers = workers
        self.window = workers * window

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(self.workers, mp_context=_context()) as pool:
            pending: deque[Future[R]] = deque()
            source = iter(items)
            for item in source:
                pending.append(pool.submit(fn, item))
                if len(pending) >= self.window:
                    break
            while pending:
                result = pending.popleft().result()
                for item in source:
                    pending.append(pool.submit(fn, item))
                    break
                yield result


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def executor_for(jobs: int | None, items: int) -> Executor:
    """``jobs`` workers (None: every core), never more than there are items; one: in-process."""
    workers = min(jobs or available_cores(), items)
    return ProcessPool(workers) if workers > 1 else InProcess()
