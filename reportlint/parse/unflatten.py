"""Split crawler-flattened text (a whole report on one line) at its section headings.

Web crawlers often keep a report's body as one long line. Cutting it before and after each
known section heading gives the parser lines to work with; the source map keeps every
column pointing into the original line. A shorter line that opens with a heading and goes on
with the section's text (a run-in heading) is cut after the heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from reportlint.model import LineOrigin, Source
from reportlint.parse.catalogue import Catalogue
from reportlint.parse.toc import is_page_tail
from reportlint.parse.wrapped import rejoin_headings

# Only lines at least this long are searched: a real heading line is far shorter.
LONG_LINE = 300
_NUMBERED = re.compile(r"([一二三四五六])\s*、")
_NUMERALS = frozenset("一二三四五六七八九十")  # what ``_heading_pattern`` opens with
_HEADING_ENDS = ("情况", "事项")  # every section heading of the catalogue ends with one
_MAX_LABEL = 32


@cache
def _heading_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    spaced = [r"\s*".join(re.escape(ch) for ch in label) for label in labels]
    return re.compile(r"[一二三四五六七八九十]{1,2}\s*、\s*(?:" + "|".join(spaced) + ")")


def _labels(catalogue: Catalogue) -> tuple[str, ...]:
    labels = {s.heading for s in catalogue.sections}
    labels.update(a for s in catalogue.sections for a in s.aliases)
    labels.update(catalogue.old_headings)
    return tuple(sorted(labels, key=len, reverse=True))  # longest first: no partial match


def _misspelt_headings(line: str, catalogue: Catalogue) -> Iterator[tuple[int, int]]:
    """Headings with a typo (``四、政府信息公开行政法复议、行政诉讼情况``): a numbered label up
    to its closing word that the catalogue matches only fuzzily, under the same numeral."""
    for found in _NUMBERED.finditer(line):
        window = line[found.end() : found.end() + _MAX_LABEL]
        ends = [window.find(word) + len(word) for word in _HEADING_ENDS if word in window]
        if not ends:
            continue
        label = window[: min(ends)]
        if catalogue.is_table_row_label(label):
            continue
        if catalogue.match(label, found.group(1)) is not None:
            yield found.start(), found.end() + min(ends)


# A flattened report opens with its title, then its text (…工作年度报告 根据《条例》…).
_LEADING_TITLE = re.compile(r"^\s*[^\s。，；]{0,50}?政府信息公开(?:工作)?年度报告")


def _cuts(line: str, pattern: re.Pattern[str], catalogue: Catalogue) -> list[int]:
    cuts: set[int] = set()
    title = _LEADING_TITLE.match(line)
    if title:
        cuts.add(title.end())
    for found in pattern.finditer(line):
        cuts.update((found.start(), found.end()))
    for start, end in _misspelt_headings(line, catalogue):
        if start not in cuts:
            cuts.update((start, end))
    return sorted(c for c in cuts if 0 < c < len(line))


_AFTER_HEADING = "：:。.，, \t\u3000"


def _heading_then_text(line: str, pattern: re.Pattern[str], catalogue: Catalogue) -> list[int]:
    """A heading with its first sentence on the same line (``六、其他需要报告的事项：本年度…``,
    as web pages and Word files with run-in headings give it): cut after the heading and the
    punctuation that closes it, when it names its section exactly under the section's own
    numeral (``二、其他事项：无。`` inside section 六 is a list item). Table lines (tab or pipe
    cells) are never cut."""
    body = line.lstrip()
    if line.startswith("\t") or body[:1] not in _NUMERALS:
        return []  # a table line, or no numeral where the heading pattern needs one
    indent = len(line) - len(body)
    found = pattern.match(line, indent)
    numeral = _NUMBERED.match(line, indent)
    if found is None or numeral is None:
        return []
    match = catalogue.match(line[numeral.end():found.end()], numeral.group(1))
    if match is None or match.kind == "fuzzy" or match.spec.number != numeral.group(1):
        return []
    rest = line[found.end():]
    if is_page_tail(rest):
        return []  # an entry of a table of contents (``一、总体情况……1``)
    cut = found.end() + len(rest) - len(rest.lstrip(_AFTER_HEADING))
    return [cut] if cut < len(line.rstrip()) else []


def _origin(source: Source, index: int, start: int, end: int) -> LineOrigin:
    if source.origins is None:
        return LineOrigin(line=index + 1, column=start + 1)
    origin = source.origins[index]
    columns = origin.char_columns[start:end] if origin.char_columns else None
    lines = origin.char_lines[start:end] if origin.char_lines else None
    return replace(origin, line=lines[0] if lines else origin.line,
                   column=columns[0] if columns else origin.column + start,
                   char_columns=columns, char_lines=lines)


def _unchanged_origin(source: Source, index: int) -> LineOrigin:
    return source.origins[index] if source.origins is not None else LineOrigin(line=index + 1)


def _line_cuts(line: str, pattern: re.Pattern[str], catalogue: Catalogue) -> list[int]:
    if len(line) >= LONG_LINE:
        return _cuts(line, pattern, catalogue)
    return _heading_then_text(line, pattern, catalogue)


def unflatten(source: Source, catalogue: Catalogue) -> Source:
    source = rejoin_headings(source, catalogue)
    pattern = _heading_pattern(_labels(catalogue))
    # Most lines are neither long nor open with a numeral: told without a call.
    cuts_at = {i: c for i, line in enumerate(source.lines)
               if (len(line) >= LONG_LINE or line.lstrip()[:1] in _NUMERALS)
               and (c := _line_cuts(line, pattern, catalogue))}
    if not cuts_at:
        return source
    lines: list[str] = []
    raw: list[str] = []
    origins: list[LineOrigin] = []
    for index, line in enumerate(source.lines):
        cuts = cuts_at.get(index)
        if not cuts:
            lines.append(line)
            raw.append(source.raw_lines[index])
            origins.append(_unchanged_origin(source, index))
            continue
        for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True):
            lines.append(line[start:end])
            raw.append(source.raw_lines[index][start:end])
            origins.append(_origin(source, index, start, end))
    display = source.display_lines if source.display_lines is not None else source.raw_lines
    return replace(source, lines=tuple(lines), raw_lines=tuple(raw), origins=tuple(origins),
                   display_lines=display)
