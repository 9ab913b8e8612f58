"""Find the data folders ``grammar/`` and ``rules/``.

In a wheel they are copied into ``reportlint/_data/``; in a source checkout or an editable
install they sit beside the package. Try the installed place first, then the checkout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # reportlint/


@cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} not found (broken install?)")


def grammar_path(filename: str) -> Path:
    return data_dir("grammar") / filename


def builtin_rules_dir() -> Path:
    return data_dir("rules") / "gov-annual-report"
