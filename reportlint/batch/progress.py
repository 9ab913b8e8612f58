"""The live progress line of a long run: files done / total, rate, time left, errors."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from reportlint.model import FileReport, Severity

# Fewer files than this finish before a progress line would be read.
MIN_FILES = 8


def wanted(forced: bool | None, is_terminal: bool, quiet: bool, machine_to_stdout: bool,
           files: int) -> bool:
    """``--progress``/``--no-progress`` decide; else only on a terminal, not with ``--quiet``
    or a machine format on stdout, and for more than a handful of files."""
    if forced is not None:
        return forced
    return is_terminal and not quiet and not machine_to_stdout and files >= MIN_FILES


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}:{secs:02d}"


class Progress:
    """Rewrites one line of ``stream`` (a terminal) at most ``every`` seconds."""

    def __init__(self, total: int, stream: TextIO, every: float = 0.2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.stream, self.every, self.clock = total, stream, every, clock
        self.done = self.errors = 0
        self.started = clock()
        self._shown = float("-inf")

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        return (f"{self.done}/{self.total} 个文件  {rate:.1f} 个/秒  "
                f"剩余约 {_clock(left)}  错误 {self.errors}")

    def advance(self, report: FileReport) -> None:
        self.done += 1
        self.errors += sum(d.severity is Severity.ERROR for d in report.diagnostics)
        now = self.clock()
        if now - self._shown >= self.every or self.done == self.total:
            self._shown = now
            self.stream.write("\r\x1b[K" + self.line(now))
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()
