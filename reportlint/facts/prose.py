"""Prose of a report as one searchable text: several text blocks joined, mapped back to spans.

A sentence may run over blocks (a PDF line that the classifier took for a new paragraph), so
facts such as the contact block are searched in the joined text of a region (the preamble).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlint.model import Span
from reportlint.parse.tree import Document, Paragraph, TextBlock


@dataclass(frozen=True)
class Joined:
    blocks: tuple[TextBlock, ...]
    starts: tuple[int, ...]  # offset of each block in ``text``
    text: str

    @classmethod
    def of(cls, blocks: Sequence[TextBlock]) -> Joined:
        starts: list[int] = []
        offset = 0
        for block in blocks:
            starts.append(offset)
            offset += len(block.text)
        return cls(tuple(blocks), tuple(starts), "".join(b.text for b in blocks))

    def _block_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def span_of(self, start: int, end: int) -> Span:
        first = self._block_at(start)
        last = self._block_at(max(end - 1, start))
        head = self.blocks[first].span_of(start - self.starts[first], start - self.starts[first])
        tail_block = self.blocks[last]
        local = max(end - 1, start) - self.starts[last]
        tail = tail_block.span_of(local, local + 1)
        return Span(head.line, head.column, tail.end_line, tail.end_column)

    @property
    def span(self) -> Span:
        return self.span_of(0, max(len(self.text), 1))


def preamble_paragraphs(document: Document) -> tuple[Paragraph, ...]:
    return tuple(b for b in document.preamble if isinstance(b, Paragraph))


def prose_blocks(document: Document) -> Iterator[TextBlock]:
    """Every text block: title, its date, paragraphs, headings, signature (reading order)."""
    if document.title:
        yield document.title
        if document.title.date:
            yield document.title.date
    yield from preamble_paragraphs(document)
    for section in document.sections:
        yield Paragraph((section.heading.piece,))
        yield from section.paragraphs
    if document.signature:
        yield document.signature
