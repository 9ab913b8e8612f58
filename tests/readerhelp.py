"""Helpers shared by the reader tests."""

from __future__ import annotations

from pathlib import Path

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import Diagnostic, Settings, Source
from reportlint.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
BAD = DOCUMENTS / "bad"
REAL = ROOT / "fixtures" / "real"
RULES = load_rules()


def read(path: Path) -> Source:
    return read_bytes(str(path), path.read_bytes())


def lint(name: str, data: bytes) -> tuple[Diagnostic, ...]:
    return lint_bytes(name, data, RULES, Selection(), Settings()).diagnostics


def codes(name: str, data: bytes) -> list[str]:
    return sorted(d.code for d in lint(name, data))


def row_cells(line: str) -> list[str]:
    """The cells of a pipe line (``\\|`` kept as a literal bar)."""
    assert line.startswith("| ") and line.endswith(" |"), line
    inner = line[2:-2].replace("\\|", "\x00")
    return [c.replace("\x00", "|") for c in inner.split(" | ")]


def row_starting(source: Source, label: str) -> list[str]:
    """The cells of the first table row that holds a cell equal to ``label``."""
    for line in source.raw_lines:
        if line.startswith("|") and label in row_cells(line):
            return row_cells(line)
    raise AssertionError(f"no row with {label!r}")


# What the text version of the example gives (infos such as the detected format version, once
# the table rules are there): every rendering must give the same.
EXAMPLE_CODES = codes("example.txt", (ROOT / "fixtures" / "example.txt").read_bytes())
