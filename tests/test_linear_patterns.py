"""The built-in line patterns on the lines that made them backtrack for minutes: the same
answers as before, now in linear time (``bench/pattern_scaling.py`` measures the time)."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from reportlint.parse.lines import _weak_table_line, heading_label
from reportlint.parse.wrapped import _NUMBERED

SPACES = " " * 4000


@pytest.fixture(autouse=True)
def _bounded() -> Iterator[None]:
    """A pattern backtracking again fails its test after 30 s of processor time (a match
    in ``re`` is interrupted by signals) instead of stalling the suite."""
    def expired(signum: int, frame: object) -> None:
        raise AssertionError("over 30 s of processor time: a pattern backtracks")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, 30)
    yield
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.signal(signal.SIGPROF, previous)


@pytest.mark.parametrize(("line", "expected"), [
    ("四、a" + SPACES + "x", ("四", "a" + SPACES + "x")),
    ("四、概述" + SPACES, ("四", "概述")),
    ("**二、概述**", ("二", "概述")),
    ("## 二、 主动公开 ** ", ("二", "主动公开")),
    ("二、**", ("二", "**")),
    ("二、a****", ("二", "a**")),
    ("#" + SPACES + "**" + SPACES + "三、" + SPACES + "x", ("三", "x")),
    (SPACES + "x", None),
    ("四、" + SPACES, None),
])
def test_heading_label(line: str, expected: tuple[str, str] | None) -> None:
    assert heading_label(line) == expected


@pytest.mark.parametrize(("line", "table"), [
    ("办理" + " 1" * 16000 + "x", False),
    ("办理" + " 1" * 16000, True),
    ("行政处罚 12 3", True),
    ("12 3", False),  # numbers only, no label before them
    ("共 1,234", False),
])
def test_trailing_numbers(line: str, table: bool) -> None:
    assert _weak_table_line(line) is table


def test_wrapped_heading_pattern() -> None:
    found = _NUMBERED.match(SPACES + "# 四、政府信息公开行政复议" + SPACES)
    assert found is not None and found.group(1) == "四"
    assert found.group(2).rstrip() == "政府信息公开行政复议"
    assert _NUMBERED.match(SPACES + "#" + SPACES + "x") is None
