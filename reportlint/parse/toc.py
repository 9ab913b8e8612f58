"""Find a table of contents (目录) before the sections: its lines are never headings.

A table of contents is a block of consecutive heading lines (blank lines between them allowed),
with or without dot leaders and page numbers (``一、总体情况……………………1``), after a
``目录``/``目  录`` line or not. Without leaders or page numbers, a block counts only when the
heading it starts with comes again later (a 目录 line above it or not): a real section has a
body before the next heading, so bare headings in a row are empty sections (S106), not a table
of contents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlint.parse.catalogue import compact

_MARKERS = frozenset({"目录", "目次"})
_LEADERS = frozenset(".．·•…‥—-_ \t\u3000")
_PAGE_DIGITS = 3
_MIN_ENTRIES = 2

HeadingOf = Callable[[str], tuple[str, str] | None]


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, str] | None  # (numeral, compact label) of a numbered heading entry
    paged: bool  # dot leaders or a page number after the heading


def _without_page(text: str) -> tuple[str, bool]:
    """The entry text without its leaders and page number, and whether it had them."""
    stripped = text.strip()
    body = stripped.rstrip("0123456789")
    digits = len(stripped) - len(body)
    if digits > _PAGE_DIGITS or (digits and body.rstrip("".join(_LEADERS)) == body):
        return stripped, False  # no separator before the digits: part of the heading
    bare = body.rstrip("".join(_LEADERS))
    return bare, bare != stripped


def is_page_tail(text: str) -> bool:
    """Dot leaders and a page number, or one of them (what follows a heading in a 目录)."""
    body = text.strip().rstrip("0123456789")
    digits = len(text.strip()) - len(body)
    return bool(text.strip()) and digits <= _PAGE_DIGITS and not body.strip("".join(_LEADERS))


def _entry(text: str, heading_of: HeadingOf) -> _Entry | None:
    bare, paged = _without_page(text)
    if bare[-1:].isdigit():
        return None  # numbers in a row: a table line (``一、本年新收…  21  0  0``)
    numbered = heading_of(bare)
    if numbered is not None:
        return _Entry((numbered[0], compact(numbered[1])), paged)
    if paged and bare.lstrip().startswith(("（", "(")):
        return _Entry(None, True)  # a sub-item entry (（一）…… 2) inside the block
    return None


def is_marker(text: str) -> bool:
    return compact(text.strip().strip("#*").strip()) in _MARKERS


def _recurs(lines: Sequence[str], after: int, key: tuple[str, str], heading_of: HeadingOf) -> bool:
    for text in lines[after:]:
        numbered = heading_of(text)
        if numbered is not None and (numbered[0], compact(numbered[1])) == key:
            return True
    return False


def _block_at(lines: Sequence[str], start: int, stop: int,
              heading_of: HeadingOf) -> tuple[list[int], list[_Entry]]:
    """The entry lines of the block starting at ``start`` (blank lines between allowed), up
    to a heading whose numeral the block already listed."""
    found: list[int] = []
    entries: list[_Entry] = []
    numerals: set[str] = set()
    for index in range(start, stop):
        text = lines[index]
        if not text.strip():
            continue
        entry = _entry(text, heading_of)
        if entry is None or (entry.key is not None and entry.key[0] in numerals):
            break  # the numbering starts again: the first real heading
        if entry.key is not None:
            numerals.add(entry.key[0])
        found.append(index)
        entries.append(entry)
    return found, entries


def _is_toc(lines: Sequence[str], found: list[int], entries: list[_Entry], marked: bool,
            heading_of: HeadingOf) -> bool:
    numbered = [e for e in entries if e.key is not None]
    if not numbered or (len(numbered) < _MIN_ENTRIES and not marked):
        return False
    if sum(e.paged for e in entries) * 2 >= len(entries):
        return True
    first = numbered[0].key
    assert first is not None
    return _recurs(lines, found[-1] + 1, first, heading_of)


def find_toc(lines: Sequence[str], start: int, stop: int, heading_of: HeadingOf) -> list[int]:
    """The 0-based indices of the table of contents' lines (its 目录 line included) in
    ``lines[start:stop]``; empty when there is none. Only the first heading-like block is
    looked at: a table of contents comes before the sections."""
    for index in range(start, stop):
        text = lines[index]
        marked = is_marker(text)
        if not marked and _entry(text, heading_of) is None:
            continue
        first = index + 1 if marked else index
        found, entries = _block_at(lines, first, stop, heading_of)
        if found and _is_toc(lines, found, entries, marked, heading_of):
            return ([index] if marked else []) + found
        return []
    return []
