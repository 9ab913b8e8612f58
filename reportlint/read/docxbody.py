"""A Word document's visible text in reading order, as lines, with its review marks placed.

Body paragraphs and tables in order (also inside content controls); after a paragraph, the
text boxes anchored in it (signature blocks often sit in one) and the footnotes it refers to;
after a table, the notes its cells refer to. Page headers and footers are not the report body,
except a footer holding a date: that is the 落款, read after the body. A table row becomes one
pipe line; a merged cell fills its first grid position and leaves the others empty; a row
deleted in review mode is left out. Every line names its place in words a user can find in
Word: ``第12段``, ``第3个表格第5行第2列``, ``第1个文本框``, ``第2个脚注``, ``页脚``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlint.read.build import OutLine
from reportlint.read.docxgrid import grid_rows, slivers, table_rows
from reportlint.read.docxnumbering import Numbering
from reportlint.read.docxpictures import has_picture, picture_title
from reportlint.read.docxtext import Fields, Mark, ParaText, Styles, W, paragraph_text
from reportlint.read.images import image_line
from reportlint.read.rows import join_pieces, pipe_row

_CONTAINERS = frozenset({f"{W}sdtContent", f"{W}customXml"})
_CELL_REVISIONS = ("cellIns", "cellDel", "cellMerge", "tcPrChange")
_NOTE_PLACE = {"footnote": "脚注", "endnote": "尾注"}
_DATE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日")
_PAGE_NUMBER = re.compile(r"^[\s\d\-—–第页共/，,.]*$")


@dataclass(frozen=True)
class Located:
    """A mark at (line, column) of the extracted text; line 0: in no line read (a header)."""

    mark: Mark
    line: int
    column: int
    where: str | None


def blocks(container: Any) -> Iterator[Any]:
    """The ``<w:p>`` and ``<w:tbl>`` of a body, cell, text box or note, in order, also those
    inside block-level content controls (``<w:sdt>``), which python-docx passes over."""
    for child in container.iterchildren():
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from blocks(content)
        elif child.tag in _CONTAINERS:
            yield from blocks(child)


def _expand_tabs(text: str, offset: int) -> int:
    """Where ``offset`` lands once each tab became two spaces."""
    return offset + text.count("\t", 0, offset)


@dataclass
class _Cell:
    pieces: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


class Body:
    """Reads one document into :attr:`lines` and :attr:`located` marks."""

    def __init__(self, document: Any, parts: dict[str, Any]) -> None:
        self.story = document._body  # the parent python-docx's paragraphs and tables want
        self.styles = Styles(parts.get("styles"))
        self.fields = Fields()
        self.numbering = Numbering(document)
        self.notes = {kind: _notes_by_id(parts.get(kind)) for kind in _NOTE_PLACE}
        self.lines: list[OutLine] = []
        self.located: list[Located] = []
        self.pending: list[Mark] = []
        self.counts = {"段": 0, "表格": 0, "文本框": 0, "脚注": 0, "尾注": 0, "图片": 0}
        self.notes_read: set[tuple[str, str]] = set()
        # The first element (``<w:p>``, ``<w:tc>``) at each place: where a comment goes.
        self.anchors: dict[str, Any] = {}

    # ------------------------------------------------------------------ lines and marks

    def emit(self, line: OutLine, marks: list[tuple[Mark, int]] | None = None) -> None:
        number = len(self.lines) + 1
        self.lines.append(line)
        for mark in self.pending:
            self.located.append(Located(mark, number, 1, line.where))
        self.pending = []
        for mark, column in marks or ():
            where = _cell_where(line, column) or line.where
            self.located.append(Located(mark, number, min(column, len(line.text) + 1), where))

    def unplaced(self, marks: list[Mark]) -> None:
        """Marks in text that gives no line (a deleted paragraph): at the next line."""
        self.pending.extend(marks)

    def finish(self) -> None:
        for mark in self.pending:
            self.located.append(Located(mark, len(self.lines), 1, None))
        self.pending = []

    def count(self, place: str) -> int:
        self.counts[place] += 1
        return self.counts[place]

    # ------------------------------------------------------------------ blocks

    def read(self, container: Any, place: str | None = None) -> None:
        """The blocks of ``container``; ``place`` names its lines (a text box, a note),
        else each paragraph is ``第N段``."""
        carry: tuple[Any, ParaText] | None = None
        for block in blocks(container):
            if block.tag == f"{W}tbl":
                if carry is not None:
                    self.paragraph(*carry, place)
                    carry = None
                self.table(block)
                continue
            para = paragraph_text(block, self.styles, self.fields)
            if carry is not None:
                para = carry[1].then(para)
            carry = (block, para)
            if not para.mark_deleted:
                self.paragraph(block, para, place)
                carry = None
        if carry is not None:
            self.paragraph(*carry, place)

    def paragraph(self, element: Any, para: ParaText, place: str | None) -> None:
        from docx.text.paragraph import Paragraph

        label = "" if para.mark_deleted else self.numbering.label(Paragraph(element, self.story))
        text = label + para.text
        if text.strip():
            where = place or f"第{self.count('段')}段"
            self.anchors.setdefault(where, element)
            self.paragraph_lines(text, para.marks, len(label), where)
        elif has_picture(element):
            where = f"第{self.count('图片')}张图片"
            self.emit(OutLine(image_line(picture_title(element)), where=where),
                      [(m, 1) for m in para.marks])
        else:
            self.unplaced(para.marks)
        for box in para.boxes:
            self.read(box, f"第{self.count('文本框')}个文本框")
        self.read_notes(para.notes)

    def paragraph_lines(self, text: str, marks: list[Mark], shift: int, where: str) -> None:
        # Tabs become two spaces: a tab-led line would read as a table cell in the text format.
        offsets = [(m, _expand_tabs(text, m.offset + shift)) for m in marks]
        start = 0
        for piece in text.replace("\t", "  ").split("\n"):  # a manual line break
            end = start + len(piece)
            mine = [(m, o - start + 1) for m, o in offsets if start <= o <= end]
            offsets = [(m, o) for m, o in offsets if o > end]
            if piece.strip():
                self.emit(OutLine(piece.rstrip(), where=where), mine)
            else:
                self.unplaced([m for m, _ in mine])
            start = end + 1

    def read_notes(self, notes: list[tuple[str, str]]) -> None:
        for kind, key in notes:
            note = self.notes[kind].get(key)
            if note is None or (kind, key) in self.notes_read:
                continue
            self.notes_read.add((kind, key))
            place = _NOTE_PLACE[kind]
            self.read(note, f"第{self.count(place)}个{place}")

    # ------------------------------------------------------------------ tables

    def table(self, element: Any) -> None:
        number = self.count("表格")
        rows = grid_rows(element)
        thin = slivers(element, rows)
        seen: set[Any] = set()
        notes: list[tuple[str, str]] = []
        r = 0
        for tr, cells in rows:
            tr_pr = tr.find(f"{W}trPr")
            if tr_pr is not None and tr_pr.find(f"{W}del") is not None:
                self.unplaced([Mark("revision", 0)])  # a row deleted in review mode
                continue
            r += 1
            row_marks = [Mark("revision", 0)] if tr_pr is not None and \
                tr_pr.find(f"{W}ins") is not None else []
            kept = [c for i, c in enumerate(cells) if i not in thin]
            self.row(kept, seen, f"第{number}个表格第{r}行", row_marks, notes)
        self.read_notes(notes)

    def row(self, row: list[Any], seen: set[Any], where: str, row_marks: list[Mark],
            notes: list[tuple[str, str]]) -> None:
        texts: list[str] = []
        cells: list[_Cell] = []
        for key in row:
            content = _Cell() if key in seen else self.cell(key)
            seen.add(key)
            texts.append(join_pieces(content.pieces))
            cells.append(content)
            notes.extend(content.notes)
        piped = pipe_row(texts)
        wheres = tuple(f"{where}第{c}列" for c in range(1, len(texts) + 1))
        for key, place in zip(row, wheres, strict=True):
            self.anchors.setdefault(place, key)
        if row:
            self.anchors.setdefault(where, row[0])
        marks = [(m, 1) for m in row_marks]
        marks += [(m, start) for content, start in zip(cells, piped.starts, strict=True)
                  for m in content.marks]
        self.emit(OutLine(piped.text, where=where,
                          cell_wheres=tuple(zip(piped.starts, wheres, strict=True))), marks)

    def cell(self, container: Any, into: _Cell | None = None) -> _Cell:
        """A cell's paragraphs, line breaks, text boxes and nested tables, as pieces."""
        out = into if into is not None else _Cell()
        tc_pr = container.find(f"{W}tcPr")
        if tc_pr is not None and any(tc_pr.find(f"{W}{t}") is not None for t in _CELL_REVISIONS):
            out.marks.append(Mark("revision", 0))
        for block in blocks(container):
            if block.tag == f"{W}tbl":
                for tr in table_rows(block):
                    for tc in tr.iterchildren(f"{W}tc"):
                        self.cell(tc, out)
                continue
            para = paragraph_text(block, self.styles, self.fields)
            out.pieces.extend(para.text.split("\n"))
            out.marks.extend(para.marks)
            out.notes.extend(para.notes)
            for box in para.boxes:
                self.cell(box, out)
        return out

    # ------------------------------------------------------------------ outside the body

    def footer_signature(self, footers: list[Any]) -> None:
        """A 落款 placed in the page footer (the footer that holds a date) ends the report."""
        for footer in footers:
            paragraphs = [(p, paragraph_text(p, self.styles, Fields())) for p in blocks(footer)
                          if p.tag == f"{W}p"]
            if any(_DATE.search(para.text) for _, para in paragraphs):
                for _, para in paragraphs:  # its marks are counted with the other footers'
                    if not _PAGE_NUMBER.match(para.text):
                        self.paragraph_lines(para.text, [], 0, "页脚")
                return

    def outside(self, roots: list[Any]) -> list[Mark]:
        """Revisions and comments in headers and footers (not read as text)."""
        marks: list[Mark] = []
        for root in roots:
            for p in root.iter(f"{W}p"):
                para = paragraph_text(p, self.styles, Fields())
                marks.extend(m for m in para.marks if m.kind != "hidden")
        return marks


def _cell_where(line: OutLine, column: int) -> str | None:
    if not line.cell_wheres:
        return None
    found = [where for start, where in line.cell_wheres if start <= column]
    return found[-1] if found else None


def _notes_by_id(root: Any | None) -> dict[str, Any]:
    """Footnotes or endnotes by id, without the separators Word keeps among them."""
    if root is None:
        return {}
    return {note.get(f"{W}id", ""): note for note in root
            if isinstance(note.tag, str) and note.get(f"{W}type") in (None, "normal")}
