"""Render the document tree with spans, for rule authors and bug reports."""

from __future__ import annotations

from reportlint.model import Mark, Span
from reportlint.parse.tree import Block, Document, Image, Paragraph, Table

_PREVIEW = 40


def _at(span: Span) -> str:
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def _preview(text: str) -> str:
    text = text.replace("\t", "⇥")
    return text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…"


def _block(block: Block, indent: str) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"{indent}paragraph {_at(block.span)} {_preview(block.text)!r}"]
    if isinstance(block, Image):
        return [f"{indent}image {_at(block.span)} {_preview(block.piece.text)!r}"]
    assert isinstance(block, Table)
    head = f"{indent}table {_at(block.span)} ({len(block.lines)} lines)"
    return [head] + [f"{indent}  line {p.line} {_preview(p.text)!r}" for p in block.lines]


def dump(document: Document) -> str:
    out: list[str] = [f"document ({document.line_count} lines)"]
    if document.title:
        out.append(f"  title {_at(document.title.span)} {document.title.text!r}")
        if document.title.date:
            out.append(f"    date {_at(document.title.date.span)} {document.title.date.text!r}")
    if document.toc:
        out.append(f"  toc {_at(document.toc.span)} ({len(document.toc.pieces)} lines)")
        out += [f"    entry {_at(p.span)} {_preview(p.text)!r}" for p in document.toc.pieces]
    if document.preamble:
        out.append("  preamble")
        for block in document.preamble:
            out += _block(block, "    ")
    for section in document.sections:
        heading = section.heading
        out.append(f"  section {section.key or '?'} {_at(section.span)}")
        out.append(f"    heading {_at(heading.span)} {heading.text!r}")
        for block in section.blocks:
            out += _block(block, "    ")
    if document.signature:
        out.append(f"  signature {_at(document.signature.span)} {document.signature.text!r}")
    return "\n".join(out) + "\n"


_MARK_NAMES = {"watermark": "水印", "seal": "印章"}


def dump_marks(marks: tuple[Mark, ...]) -> str:
    """The watermarks and seals drawn over the pages, kept apart from the text."""
    if not marks:
        return ""
    out = ["marks"]
    out += [f"  {m.kind} {f'第{m.page}页' if m.page else '每页'} line {m.line} "
            f"{_MARK_NAMES.get(m.kind, m.kind)}“{m.text}”" for m in marks]
    return "\n".join(out) + "\n"
