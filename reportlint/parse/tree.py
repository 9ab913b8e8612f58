"""The located document tree that the parser builds and the rules read.

Every node has a :class:`~reportlint.model.Span` in the text lines (1-based, end exclusive,
code points). Rules never see Lark: only these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from reportlint.common.cached import cached
from reportlint.model import Span, made


class Piece(NamedTuple):
    """A run of text on one line: the stripped content of a physical line. (A tuple, as
    ``Span``: the classifier and the table layer make one per line and per cell.)"""

    line: int
    column: int
    text: str

    @property
    def span(self) -> Span:
        line, column, text = self
        return made(Span, (line, column, line, column + len(text)))


def piece_of(line: int, text: str) -> Piece:
    """The stripped content of a line, keeping its true column."""
    stripped = text.lstrip()
    column = len(text) - len(stripped) + 1
    if stripped.startswith("#"):  # Markdown heading marks
        body = stripped.lstrip("#").lstrip()
        column += len(stripped) - len(body)
        stripped = body
    return Piece(line, column, stripped.rstrip())


def pieces_span(pieces: tuple[Piece, ...]) -> Span:
    first, last = pieces[0], pieces[-1]
    return Span(first.line, first.column, last.line, last.column + len(last.text))


@dataclass(frozen=True)
class TextBlock:
    """Text made of pieces on consecutive lines, joined without separators.

    Chinese text wraps without spaces, so a phrase may cross a line break; ``locate``
    turns an offset into the joined ``text`` back into a line and column.
    """

    pieces: tuple[Piece, ...]

    # Records are frozen: what is derived from them is computed once, on first use (the
    # rules read a block's text and a document's paragraphs many times each).
    @cached
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def span(self) -> Span:
        return pieces_span(self.pieces)

    def locate(self, offset: int) -> tuple[int, int]:
        for piece in self.pieces:
            if offset < len(piece.text):
                return piece.line, piece.column + offset
            offset -= len(piece.text)
        last = self.pieces[-1]
        return last.line, last.column + len(last.text) + offset

    def span_of(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (end exclusive)."""
        line, column = self.locate(start)
        end_line, end_column = self.locate(max(end - 1, start))
        return Span(line, column, end_line, end_column + 1)


@dataclass(frozen=True)
class Paragraph(TextBlock):
    pass


@dataclass(frozen=True)
class Title(TextBlock):
    date: TextBlock | None = None


@dataclass(frozen=True)
class Signature(TextBlock):
    pass


@dataclass(frozen=True)
class Toc(TextBlock):
    """A table of contents (目录): the headings it lists are not the sections."""


@dataclass(frozen=True)
class Heading:
    piece: Piece
    number: str  # the Chinese numeral: 一 … 六
    label: str  # the heading text after the numbering, spaces removed

    @property
    def span(self) -> Span:
        return self.piece.span

    @property
    def text(self) -> str:
        return self.piece.text


@dataclass(frozen=True)
class Table:
    """A table region: its physical lines, in the rendering the report used.

    The table layer (binding to a format template) splits rows and cells from these lines;
    the core only guarantees that a table's lines are never taken for headings or prose.
    """

    lines: tuple[Piece, ...]  # non-blank lines, with their leading whitespace kept
    span: Span
    gaps: tuple[int, ...] = ()  # line numbers of blank lines inside the table


@dataclass(frozen=True)
class Image:
    """A picture where text would be (its marker line): a table published as an image."""

    piece: Piece

    @property
    def span(self) -> Span:
        return self.piece.span

    @property
    def alt(self) -> str:
        """The picture's alternative text, as the reader put it in the marker."""
        text = self.piece.text
        return text[text.index("：") + 1:-1] if "：" in text else ""


Block = Paragraph | Table | Image


@dataclass(frozen=True)
class Section:
    heading: Heading
    blocks: tuple[Block, ...]
    key: str | None  # the catalogue key of the section this heading names, if any
    span: Span

    @cached
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @cached
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @cached
    def images(self) -> tuple[Image, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Image))

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Document:
    title: Title | None
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    signature: Signature | None
    line_count: int
    toc: Toc | None = None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @cached
    def paragraphs(self) -> tuple[Paragraph, ...]:
        found = [b for b in self.preamble if isinstance(b, Paragraph)]
        for section in self.sections:
            found.extend(section.paragraphs)
        return tuple(found)

    @cached
    def tables(self) -> tuple[Table, ...]:
        found = [b for b in self.preamble if isinstance(b, Table)]
        for section in self.sections:
            found.extend(section.tables)
        return tuple(found)
