"""Rejoin a section heading wrapped over two lines (``四、政府信息公开行政复议、行政诉讼`` /
``情况``), as narrow PDF pages and Word files with fixed line breaks give it.

With the short fragment on the next line, the heading names its section (under its own
numeral) better than its first line alone: exactly where the line alone matched fuzzily or
not at all, canonically where it matched a shorter alias. The two lines
become one text line whose characters keep their original line and column (source map), so
diagnostics on the heading point into the file as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportlint.model import LineOrigin, Source, Span
from reportlint.parse.catalogue import Catalogue
from reportlint.read.sourcemap import map_span

# Linear in the line length: ``\s*#*\s*`` would let two repeats share a run of spaces.
_NUMBERED = re.compile(r"^\s*(?:#+\s*)?([一二三四五六七八九十]{1,2})\s*[、，,.．]\s*(\S.*)")
_MAX_FRAGMENT = 16  # characters of the wrapped rest of a heading
_SENTENCE = "。；;！？"


_RANK = {"canonical": 2, "alias": 1}


def _rank(catalogue: Catalogue, numeral: str, label: str) -> int:
    """2: the canonical heading, 1: a known alias, 0: fuzzy or none (under this numeral)."""
    match = catalogue.match(label, numeral)
    if match is None or match.spec.number != numeral:
        return 0
    return _RANK.get(match.kind, 0)


def _fragment(text: str) -> bool:
    stripped = text.strip()
    return (0 < len(stripped) <= _MAX_FRAGMENT and not text.startswith("\t")
            and not stripped.startswith("|") and not any(p in stripped for p in _SENTENCE)
            and _NUMBERED.match(stripped) is None)


def _wrapped_at(lines: tuple[str, ...], catalogue: Catalogue) -> list[int]:
    """Indexes of heading lines whose rest is on the next line."""
    found: list[int] = []
    for index in range(len(lines) - 1):
        line = lines[index]
        if line.startswith("\t"):  # a table cell (most lines of a report)
            continue
        heading = _NUMBERED.match(line)
        if heading is None or not _fragment(lines[index + 1]):
            continue
        numeral, label = heading.group(1), heading.group(2).rstrip()
        joined = _rank(catalogue, numeral, label + lines[index + 1].strip())
        if joined > _rank(catalogue, numeral, label):  # 行政诉讼 / 情况: an alias cut short
            found.append(index)
    return found


def _char_origins(source: Source, index: int, start: int, end: int) -> list[tuple[int, int]]:
    """(original line, column) of characters ``start:end`` of text line ``index``."""
    spots = []
    for column in range(start + 1, end + 1):
        span = map_span(source, Span(index + 1, column, index + 1, column + 1))
        spots.append((span.line, span.column))
    return spots


def _joined(source: Source, index: int) -> tuple[str, str, LineOrigin]:
    first, second = source.lines[index], source.lines[index + 1]
    end = len(first.rstrip())
    start = len(second) - len(second.lstrip())
    stop = len(second.rstrip())
    text = first[:end] + second[start:stop]
    raw = source.raw_lines[index][:end] + source.raw_lines[index + 1][start:stop]
    spots = _char_origins(source, index, 0, end) + _char_origins(source, index + 1, start, stop)
    base = source.origins[index] if source.origins is not None else LineOrigin(line=index + 1)
    origin = replace(base, line=spots[0][0], column=spots[0][1],
                     char_columns=tuple(c for _, c in spots),
                     char_lines=tuple(li for li, _ in spots), cell_wheres=None)
    return text, raw, origin


def rejoin_headings(source: Source, catalogue: Catalogue) -> Source:
    wrapped = set(_wrapped_at(source.lines, catalogue))
    if not wrapped:
        return source
    lines: list[str] = []
    raw: list[str] = []
    origins: list[LineOrigin] = []
    index = 0
    while index < len(source.lines):
        if index in wrapped:
            text, raw_text, origin = _joined(source, index)
            lines.append(text)
            raw.append(raw_text)
            origins.append(origin)
            index += 2
            continue
        lines.append(source.lines[index])
        raw.append(source.raw_lines[index])
        origins.append(source.origins[index] if source.origins is not None
                       else LineOrigin(line=index + 1))
        index += 1
    display = source.display_lines if source.display_lines is not None else source.raw_lines
    return replace(source, lines=tuple(lines), raw_lines=tuple(raw), origins=tuple(origins),
                   display_lines=display)
