"""Tables of the report's own beside the template's (channels and counts, per-department
applications): bound to nothing and never reported, only listed by ``reportlint parse``.

A table block of a template section is local when none of its cells names a row, a column, a
caption or an evidence word of the template: prose, a caption or an image separates it from the
template table. Inside the template table's own block, a run of rows after its last template
row is local only when it opens with a header (a row without numbers) after a blank line: a
lone row with numbers there is an extra row of the template table (F205).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from reportlint.common.datacache import once_per
from reportlint.model import Span
from reportlint.parse.tree import Piece, Section, Table
from reportlint.tables.labels import contains_at_least
from reportlint.tables.template import TableTemplate, label_key

_VALUE = re.compile(r"^[-+－]?[\d０-９,，.．]+%?$|^[/—-]$")
_SEPARATORS = re.compile(r"\s*\|\s*|\t|\s{2,}")
_HAN = re.compile("[\u4e00-\u9fff]")  # a cell with words holds a Chinese character
_CLOSE = 0.85  # a cell this much inside a template word names it (a typo, a wrapped label)
_MIN_KEY = 2
_MIN_FRAGMENT = 4


def _vocabulary(templates: Sequence[TableTemplate]) -> frozenset[str]:
    """Every word of the templates, one set per loaded combination of them: the same object
    each time (``_names_template`` remembers its answers under it)."""
    def build() -> frozenset[str]:
        words = frozenset[str]().union(*(template.words for template in templates))
        return frozenset(w for w in words if len(w) >= _MIN_KEY)
    return once_per(tuple(templates), "local vocabulary", build)


def _blank_ends(text: str) -> list[int]:
    """For each index, where the run of whitespace starting there ends (``len(text)`` for
    the end itself)."""
    ends = list(range(len(text) + 1))
    for index in range(len(text) - 1, -1, -1):
        if text[index].isspace():
            ends[index] = ends[index + 1]
    return ends


def cell_separators(text: str) -> Iterator[tuple[int, int]]:
    """The matches of ``\\s*\\|\\s*|\\t|\\s{2,}`` in ``text``, left to right, in linear time:
    Python's engine tries the first alternative from every blank of a run, so a long run of
    spaces without a pipe cost its length squared (a fuzzed line of 120,000 characters: 37 s)."""
    ends = _blank_ends(text)
    index = 0
    while index < len(text):
        blank_end = ends[index]
        if blank_end < len(text) and text[blank_end] == "|":
            end = ends[blank_end + 1]
        elif text[index] == "\t":
            end = index + 1
        elif blank_end - index >= 2:
            end = blank_end
        else:
            index += 1
            continue
        yield index, end
        index = end


def split_cells(text: str) -> list[str]:
    """``text`` split at its cell separators (as ``re.split`` with that pattern). Without a
    tab the pattern itself is linear (a run of blanks is tried once, and ``\\s{2,}`` then
    takes it whole), and most lines have none: they are split by the engine."""
    if "\t" not in text:
        return _SEPARATORS.split(text)
    parts, start = [], 0
    for begin, end in cell_separators(text):
        parts.append(text[start:begin])
        start = end
    return [*parts, text[start:]]


def _cells(text: str) -> list[str]:
    return [c for c in split_cells(text.strip()) if c.strip()]


def _wordy(cell: str) -> bool:
    return _HAN.search(cell) is not None


@lru_cache(maxsize=4096)  # header and label cells repeat within and across reports
def _names_template(cell: str, words: frozenset[str]) -> bool:
    key = label_key(cell)
    if len(key) < _MIN_KEY:
        return False
    if key in words or any(w in key for w in words):
        return True
    if len(key) < _MIN_FRAGMENT:  # 数量, 合计: words of any table
        return False
    return any(key in w or contains_at_least(key, w, _CLOSE) for w in words)


def _matches(lines: Iterable[Piece], words: frozenset[str]) -> bool:
    return any(_names_template(c, words) for p in lines for c in _cells(p.text) if _wordy(c))


def _has_words(lines: Iterable[Piece]) -> bool:
    return any(_wordy(c) for p in lines for c in _cells(p.text))


def _has_numbers(lines: Iterable[Piece]) -> bool:
    """Some cell is a value (a number or a blank mark), not a caption's ``表1``."""
    return any(_VALUE.match(c) for p in lines for c in _cells(p.text))


def _labelled_values(table: Table) -> bool:
    """Some row has a label and values: a table of its own, not header lines alone."""
    return any(_has_words(s) and _has_numbers(s) for s in _segments(table))


def _segments(table: Table) -> list[list[Piece]]:
    """The table's lines cut at its blank lines."""
    gaps, lines = set(table.gaps), table.lines
    cuts = [index for index in range(1, len(lines))
            if lines[index].line > lines[index - 1].line + 1
            and not gaps.isdisjoint(range(lines[index - 1].line + 1, lines[index].line))]
    bounds = [0, *cuts, len(lines)]
    return [list(lines[start:end]) for start, end in pairwise(bounds)]


def _table_of(lines: Sequence[Piece], gaps: Iterable[int]) -> Table:
    first, last = lines[0], lines[-1]
    span = Span(first.line, 1, last.line, len(last.text) + 1)
    return Table(tuple(lines), span, tuple(g for g in gaps if first.line < g < last.line))


def _split_tail(table: Table, words: frozenset[str]) -> tuple[Table, Table | None]:
    """The template table's block, and a local table after its last template row."""
    segments = _segments(table)
    last = next((i for i in range(len(segments) - 1, -1, -1) if _matches(segments[i], words)),
                -1)
    tail = segments[last + 1:]
    valued = [s for s in tail if _has_numbers(s)]
    if last < 0 or not tail or _has_numbers(tail[0]) or not _has_words(tail[0]) \
            or not valued or not all(_has_words(s) for s in valued):
        return table, None  # numbers without labels: the template's, under its long header
    kept = [p for s in segments[:last + 1] for p in s]
    local = [p for s in tail for p in s]
    return _table_of(kept, table.gaps), _table_of(local, table.gaps)


def split_local(section: Section,
                templates: Sequence[TableTemplate]) -> tuple[Section, list[Table]]:
    """The section with its local tables taken out, and those tables."""
    words = _vocabulary(templates)
    tables = section.tables
    matching = [t for t in tables if _matches(t.lines, words)]
    if not matching:
        return section, []
    template_blocks = {id(t) for t in matching}
    local: list[Table] = []
    blocks = []
    for block in section.blocks:
        if isinstance(block, Table) and id(block) not in template_blocks \
                and _labelled_values(block):
            local.append(block)
            continue
        if block is matching[-1]:
            block, tail = _split_tail(block, words)
            local.extend([tail] if tail is not None else [])
        blocks.append(block)
    if not local:
        return section, []
    return replace(section, blocks=tuple(blocks)), local
