"""Plain typed records passed between the hops: read → parse → bind → rules → format.

Positions are 1-based; columns count Unicode code points; ``end_column`` is exclusive.
Formatters that need UTF-16 units or bytes convert at the edge (see ``reportlint.output.columns``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (error, warning, info)") from None


# Named tuples made in per-line and per-cell loops (a span, a piece, a line token, a bound cell)
# are built as ``NamedTuple._make`` builds them, ``made(Cls, (field, ...))``: calling the class
# goes through a ``__new__`` written in Python, which costs as much as the rest of such a
# loop's body (callgrind, lint of the example: 28.0M -> 26.2M instructions). The fields are
# not counted: only where the tuple is written out field by field, in order.
made = tuple.__new__


class Span(NamedTuple):
    """A place in the text lines. A tuple, not a frozen dataclass: a report's lint makes
    hundreds (every piece, cell and finding has one), and a tuple is made in a third of
    the time; it orders as the dataclass did, by (line, column, end line, end column)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at_line(cls, line: int, text: str = "") -> Span:
        """The whole of one line (or its first column when it is empty)."""
        return cls(line, 1, line, max(len(text), 0) + 1)


@dataclass(frozen=True)
class Related:
    span: Span
    message: str
    page: int | None = None
    where: str | None = None  # as Diagnostic.where: the cell of a Word table, in words
    # A place in another file (last year's report): its path, and the text of its line (the
    # edge converts columns with it, as it does with the report's own lines).
    path: str | None = None
    line_text: str = ""


@dataclass(frozen=True)
class Edit:
    """Replace the text of ``span`` (on one line) by ``replacement``. ``original`` is the text
    the span held when the edit was made: an edit applies only where that text still is."""

    span: Span
    replacement: str
    original: str


@dataclass(frozen=True)
class Fix:
    """A safe automatic fix: its title (shown as a quick fix) and its edits."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Related, ...] = ()
    page: int | None = None
    # A human description of the place for formats without lines (``第3个表格第5行第2列``).
    where: str | None = None
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.line, self.span.column, self.code)


@dataclass(frozen=True)
class LineOrigin:
    """Where one line of the text that the grammar reads came from in the original file.

    Text column ``c`` of the line maps to original column ``column + c - 1`` on ``line``,
    unless ``char_columns`` gives a per-character original column (for lines assembled from
    pieces, such as HTML cells split over ``<span>`` elements).
    """

    line: int
    column: int = 1
    page: int | None = None
    where: str | None = None
    char_columns: tuple[int, ...] | None = None
    # With ``char_columns``, the original line of each character when a text line gathers
    # pieces from several source lines (an HTML table row whose cells sit on separate lines).
    char_lines: tuple[int, ...] | None = None
    # Table rows of formats without source columns (DOCX): (first text column of a cell, the
    # cell's place in words), so a diagnostic names the exact cell (``第3个表格第5行第2列``).
    cell_wheres: tuple[tuple[int, str], ...] | None = None


@dataclass(frozen=True)
class PageFact:
    """What a web page (or a crawler's header) says of the report outside the report's text:
    its title, publication date or source (来源). ``key``: ``title`` | ``published`` |
    ``source``; ``origin`` names where it was read (``<meta name="PubDate">``, ``发布时间：``);
    ``line`` is the line of the file it was read on."""

    key: str
    value: str
    origin: str
    line: int


@dataclass(frozen=True)
class Mark:
    """Text drawn over a page rather than in the report: a watermark (``kind`` "watermark")
    or an electronic seal's ring (``kind`` "seal"), on ``page`` (None: every page, as a Word
    header's); ``line`` is the first line of that page in the extracted text (1-based), where
    a diagnostic about it points."""

    kind: str
    text: str
    page: int | None
    line: int


@dataclass(frozen=True)
class Source:
    """A report turned into text lines, plus the map back to the file the user has.

    ``lines`` are normalised (one-for-one character map: same length as ``raw_lines``).
    ``origins`` is ``None`` when the text *is* the file (plain text): identity mapping.
    ``display_lines`` are the lines the mapped line numbers refer to, shown under a
    diagnostic by the text formatter (the original lines of a text or HTML file, the
    extracted lines of a PDF or DOCX).
    """

    path: str
    lines: tuple[str, ...]
    raw_lines: tuple[str, ...]
    kind: str = "text"
    origins: tuple[LineOrigin, ...] | None = None
    display_lines: tuple[str, ...] | None = None
    # What the reader found (bytes it could not decode …), addressed in the file's own lines
    # already: never re-mapped through ``origins``.
    problems: tuple[Diagnostic, ...] = field(default=())
    # The page's own metadata (web pages, crawler headers); its lines are not in ``lines``.
    page_facts: tuple[PageFact, ...] = field(default=())
    marks: tuple[Mark, ...] = ()  # watermarks and seals, kept apart from the text

    @property
    def shown_lines(self) -> tuple[str, ...]:
        return self.display_lines if self.display_lines is not None else self.raw_lines


@dataclass(frozen=True)
class FileReport:
    """The outcome of linting one file: what a formatter is given."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """Per-run facts that rules may use, from the command line or configuration."""

    options: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)
