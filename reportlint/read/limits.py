"""Size caps on what reading one file may cost, so that no input eats the machine.

The caps travel in a context variable rather than through every reader's signature: the
per-file budget (``reportlint.check.budget``) sets them around one file's pipeline, and a
reader asks :func:`current_limits` where it decompresses, lays out or expands. Past a cap a
reader raises :func:`too_costly` (E003), naming the cap and the configuration key that raises it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from reportlint.errors import InputProblem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 100 * MB  # read from a file or standard input
    max_decompressed: int = 200 * MB  # inflated from one DOCX part or one PDF stream
    max_page_glyphs: int = 200_000  # characters laid out on one PDF page
    max_table_cells: int = 100_000  # cells of one HTML or Word table, spans expanded


# configuration key → field, in the order the keys are documented
KEYS = {
    "max-bytes": "max_bytes",
    "max-decompressed-bytes": "max_decompressed",
    "max-page-glyphs": "max_page_glyphs",
    "max-table-cells": "max_table_cells",
}

_DEFAULT = Limits()
_CURRENT: ContextVar[Limits | None] = ContextVar("reportlint_limits", default=None)


def current_limits() -> Limits:
    return _CURRENT.get() or _DEFAULT


@contextmanager
def limits_in_effect(limits: Limits) -> Iterator[None]:
    token = _CURRENT.set(limits)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def too_costly(what: str, limit: float, key: str, page: int | None = None) -> InputProblem:
    """E003: ``what`` went past ``limit``; the message says how to raise it."""
    shown = int(limit) if float(limit).is_integer() else limit
    return InputProblem("E003", f"{what}超过上限 {shown}（可用配置项 {key} 调高）", page=page)
