"""Word comments (批注) at each diagnostic, on the flagged paragraph or table cell.

The document is read again with the reader's own walk (``read.docxbody``), which names every
place as the diagnostics do (``第12段``, ``第3个表格第5行第2列``) and keeps the element there;
python-docx (>= 1.2) writes the comments, beside any the document already has.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from reportlint.annotate.notes import AUTHOR, note_text
from reportlint.model import Diagnostic
from reportlint.read.docxreview import parts_of
from reportlint.read.docxtext import W

_SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}txbxContent"})


def _body_places(document: Any) -> tuple[dict[str, Any], list[str | None]]:
    """Each place's element in the document body, and the place of each extracted line."""
    from reportlint.read.docxbody import Body

    body = Body(document, parts_of(document).roots)
    body.read(document.element.body)
    root = document.element.body
    anchors = {where: element for where, element in body.anchors.items()
               if any(parent is root for parent in element.iterancestors())}
    return anchors, [line.where for line in body.lines]


def _shown_runs(element: Any) -> list[Any]:
    """The ``<w:r>`` under a paragraph or cell that show text (not deleted, not in a text
    box anchored there)."""
    runs = []
    for run in element.iter(f"{W}r"):
        ancestors = run.iterancestors()
        skipped = False
        for parent in ancestors:
            if parent is element:
                break
            if parent.tag in _SKIPPED:
                skipped = True
                break
        if not skipped:
            runs.append(run)
    return runs


def _anchor_runs(document: Any, element: Any) -> list[Any]:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    runs = _shown_runs(element)
    if runs:
        return [Run(runs[0], document._body), Run(runs[-1], document._body)]
    first = element if element.tag == f"{W}p" else element.find(f"{W}p")
    if first is None:  # a cell without a paragraph is not valid Word; give it one
        first = element.add_p()
    return [Paragraph(first, document._body).add_run("")]


def _place_of(diagnostic: Diagnostic, line_places: Sequence[str | None]) -> str | None:
    if diagnostic.where is not None:
        return diagnostic.where
    index = diagnostic.span.line - 1
    return line_places[index] if 0 <= index < len(line_places) else None


def _first_paragraph(anchors: dict[str, Any]) -> tuple[str, Any] | None:
    return next(((w, e) for w, e in anchors.items() if w.endswith("段")), None)


def _end_of(diagnostic: Diagnostic, start: Any, anchors: dict[str, Any],
            line_places: Sequence[str | None]) -> Any:
    """The last paragraph of a span over several paragraphs (a title on two lines)."""
    index = diagnostic.span.end_line - 1
    place = line_places[index] if 0 <= index < len(line_places) else None
    end = anchors.get(place) if place is not None else None
    paragraphs = start.tag == f"{W}p" and end is not None and end.tag == f"{W}p"
    return end if paragraphs and diagnostic.span.end_line > diagnostic.span.line else start


def _targets(anchors: dict[str, Any], line_places: Sequence[str | None],
             diagnostics: Iterable[Diagnostic]) -> list[tuple[Any, Any, str]]:
    """(first element, last element, comment text) per diagnostic; one with no place in the
    body (a footer, a footnote) goes on the first paragraph and names its place."""
    fallback = _first_paragraph(anchors)
    targets = []
    for diagnostic in diagnostics:
        place = _place_of(diagnostic, line_places)
        text = note_text(diagnostic)
        if place in anchors:
            start = anchors[place]
            targets.append((start, _end_of(diagnostic, start, anchors, line_places), text))
        elif fallback is not None:
            where = f"（位置：{place}）" if place else ""
            targets.append((fallback[1], fallback[1], f"{text}{where}"))
    return targets


def annotate_docx(data: bytes, diagnostics: Sequence[Diagnostic]) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(data))
    anchors, line_places = _body_places(document)
    for start, end, text in _targets(anchors, line_places, diagnostics):
        runs = _anchor_runs(document, start)
        if end is not start:
            runs = [runs[0], _anchor_runs(document, end)[-1]]
        document.add_comment(runs, text=text, author=AUTHOR, initials="RL")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
