"""A budget per file: one report never stalls a run or eats the machine.

API (what the ``check`` command calls for each file, and what a worker pool calls in each
worker):

``lint_bounded(path, data, rules, selection, settings) -> FileReport``
    Lints ``data`` like :func:`~reportlint.check.engine.lint_bytes`, within the budget that
    ``settings`` give (:func:`budget_of`). A file past a limit gets one E003 diagnostic
    naming the limit, instead of its findings, and the run goes on. A rule that fails
    raises :class:`~reportlint.check.engine.RuleFailure` as ``lint_bytes`` does.

``budget_of(settings) -> Budget``
    The time (``timeout``, seconds), memory (``memory-limit``, MB) and size caps
    (``max-bytes`` …, :mod:`reportlint.read.limits`) in effect; each key of the
    configuration or the command line, else a default.

Mechanism: where ``os.fork`` exists and a time or memory limit is set, the file is linted in
a forked child. The child caps its own address space (``RLIMIT_AS``: the memory it has at
the fork plus the memory limit), so an allocation past it is a ``MemoryError`` in the child
only; the parent waits for the result up to the deadline and then kills the child (SIGKILL).
A signal handler could not do that: SIGALRM runs its Python handler only when the interpreter
checks for signals, never inside one long C call (a decompression, lxml parsing a huge XML
part, a C library laying out a page), and it cannot give back memory already taken. The fork
copies the loaded rules and caches (copy on write), so a file costs a fork, not a start-up.
Elsewhere (no fork, or no time and memory limit) the file is linted in this process with
the size caps only.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reportlint.check.packs import RuleSet
from reportlint.check.selection import Selection
from reportlint.errors import InputProblem, RuleFailure
from reportlint.model import FileReport, Settings
from reportlint.read.limits import KEYS, MB, Limits, limits_in_effect, too_costly

DEFAULT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 2048
_MEMORY_EXIT = 3  # the child's exit status after a MemoryError it could not report


@dataclass(frozen=True)
class Budget:
    seconds: float | None = DEFAULT_SECONDS  # None or 0: no time limit
    memory_mb: int | None = DEFAULT_MEMORY_MB  # None or 0: no memory limit
    limits: Limits = field(default_factory=Limits)


def budget_of(settings: Settings) -> Budget:
    caps = {name: settings.get(key) for key, name in KEYS.items() if settings.get(key)}
    return Budget(seconds=settings.get("timeout", DEFAULT_SECONDS),
                  memory_mb=settings.get("memory-limit", DEFAULT_MEMORY_MB),
                  limits=Limits(**caps))


T = TypeVar("T")


def run_bounded(run: Callable[[], T], budget: Budget, warm: Callable[[], None]) -> T | InputProblem:
    """``run()`` (any per-file work whose result pickles) under ``budget``: the size caps in
    effect, and in a forked child when a time or memory limit is set (``warm`` first, once,
    so that the child finds the caches built); past a limit, the E003 problem."""

    def capped() -> T:
        with limits_in_effect(budget.limits):
            return run()

    if not hasattr(os, "fork") or not (budget.seconds or budget.memory_mb):
        return capped()
    warm()
    return _in_child(capped, budget)


def lint_bounded(path: str, data: bytes, rules: RuleSet, selection: Selection,
                 settings: Settings) -> FileReport:
    from reportlint.check.engine import input_report, lint_bytes

    budget = budget_of(settings)
    if len(data) > budget.limits.max_bytes:
        problem = too_costly("文件大小（字节）", budget.limits.max_bytes, "max-bytes")
        return input_report(path, problem, rules, selection)

    def run() -> FileReport:
        with limits_in_effect(budget.limits):
            return lint_bytes(path, data, rules, selection, settings)

    if not hasattr(os, "fork") or not (budget.seconds or budget.memory_mb):
        return run()
    warm(rules, selection, settings)
    outcome: FileReport | InputProblem = _in_child(run, budget)
    if isinstance(outcome, InputProblem):
        return input_report(path, outcome, rules, selection)
    return outcome


_WARMED: set[int] = set()
# A small report with a heading, a paragraph and a table line: enough to build the parser,
# the section catalogue and the table templates, which every child then finds ready
_WARM_UP = ("2020年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实《条例》。\n"
            "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n| 规章 | 0 |\n").encode()


def warm(rules: RuleSet, selection: Selection, settings: Settings) -> None:
    """Lint a tiny report once in this process, so that the caches a file fills (parser,
    catalogue, templates, compiled patterns) are built before the fork, not in every child."""
    from reportlint.check.engine import lint_bytes
    from reportlint.check.lastyear import wanted

    if id(rules) in _WARMED:
        return
    _WARMED.add(id(rules))
    # a rule failing here fails on the real file too, and is reported there
    with limits_in_effect(Limits()), contextlib.suppress(Exception):
        lint_bytes("warm-up.txt", _WARM_UP, rules, selection, settings)
        wanted(rules)  # what is kept for next year's Y rules: their relations parsed


def _in_child(run: Callable[[], T], budget: Budget) -> T | InputProblem:
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its result comes back through the pipe
        os.close(reading)
        _child(run, budget, writing)
    os.close(writing)
    try:
        payload = _collect(reading, budget.seconds or None)
    finally:
        os.close(reading)
        status = _reap(pid)
    if payload is None:
        return too_costly("检查用时（秒）", budget.seconds or 0, "timeout 或命令行 --timeout")
    result: T | InputProblem = _outcome(payload, status, budget)
    return result


def _child(run: Callable[[], Any], budget: Budget, writing: int) -> None:
    """Run, send ``("report", …)``, ``("memory",)`` or ``("failure", message)``, and exit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent reports it
    status = 0
    try:
        if budget.memory_mb:
            _cap_memory(budget.memory_mb)
        message: tuple[Any, ...] = ("report", run())
    except BaseException as error:  # a bug: reported by the parent as one line
        message = _failure(error)
    try:
        _send(writing, pickle.dumps(message))
    except MemoryError:
        status = _MEMORY_EXIT
    finally:
        os._exit(status)


def _failure(error: BaseException) -> tuple[str, ...]:
    """What the parent is told of an exception (out of memory, even when a reader or a rule
    wrapped the MemoryError in its own error)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, MemoryError):
            return ("memory",)
        cause = cause.__cause__
    if isinstance(error, RuleFailure):
        return ("failure", str(error))
    return ("failure", f"{type(error).__name__}: {error}")


def _cap_memory(memory_mb: int) -> None:
    limit = _address_space() + memory_mb * MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """This process's virtual memory size now (0 when the system does not say)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _send(writing: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(writing, view):]


def _collect(reading: int, seconds: float | None) -> bytes | None:
    """Everything the child sends, or None when the deadline passed first."""
    deadline = None if seconds is None else time.monotonic() + seconds
    chunks: list[bytes] = []
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return None
        ready, _, _ = select.select([reading], [], [], left)
        if not ready:
            continue
        chunk = os.read(reading, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int) -> int:
    """Stop the child if it still runs; its wait status."""
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    return status


def _outcome(payload: bytes, status: int, budget: Budget) -> Any:
    if not payload:  # killed from outside (the system's OOM killer) or out of memory
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT:
            raise KeyboardInterrupt
        return _memory_problem(budget)
    message: tuple[Any, ...] = pickle.loads(payload)
    if message[0] == "memory":
        return _memory_problem(budget)
    if message[0] == "failure":
        raise BudgetFailure(message[1])
    return message[1]


def _memory_problem(budget: Budget) -> InputProblem:
    return too_costly("内存用量（MB）", budget.memory_mb or 0, "memory-limit")


class BudgetFailure(RuleFailure):
    """A failure in the child (a rule raised), re-raised in the parent as one line."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
