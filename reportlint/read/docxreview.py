"""A Word document read as drafters leave it: its lines, and E004/E005 for what is not the
report yet.

Unaccepted tracked changes (修订) and reviewers' comments (批注) give one E004 with their
counts at the first of them: the text is read as if every change were accepted. Hidden text
is left out of the lint and gives one E005 at the first hidden run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlint.model import Diagnostic, Severity, Span
from reportlint.read.build import OutLine
from reportlint.read.docxbody import Body, Located
from reportlint.read.docxtext import Mark, W

_PARTS = {"styles", "footnotes", "endnotes", "comments", "header", "footer"}
_SAMPLE = 20


@dataclass
class Parts:
    """The XML roots of the document's parts that the body reader needs."""

    roots: dict[str, Any]
    headers: list[Any]
    footers: list[Any]


def _root(part: Any) -> Any:
    from docx.oxml import parse_xml

    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def parts_of(document: Any) -> Parts:
    roots: dict[str, Any] = {"styles": document.styles.element}
    headers: list[Any] = []
    footers: list[Any] = []
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in _PARTS or kind == "styles":
            continue
        root = _root(rel.target_part)
        if kind == "header":
            headers.append(root)
        elif kind == "footer":
            footers.append(root)
        else:
            roots[kind.rstrip("s")] = root
    return Parts(roots, headers, footers)


def read_word(document: Any) -> tuple[list[OutLine], tuple[Diagnostic, ...]]:
    """The document's lines and what it says of its own state (E004, E005)."""
    parts = parts_of(document)
    body = Body(document, parts.roots)
    body.read(document.element.body)
    body.footer_signature(parts.footers)
    body.finish()
    elsewhere = body.outside(parts.headers + parts.footers)
    comments = _comment_total(parts.roots.get("comment"), body.located, elsewhere)
    problems = [_revisions(body.located, elsewhere, comments), _hidden(body.located)]
    return body.lines, tuple(p for p in problems if p is not None)


def _comment_total(root: Any | None, located: list[Located], elsewhere: list[Mark]) -> int:
    written = len(root.findall(f"{W}comment")) if root is not None else 0
    keys = {m.key for m in [*(p.mark for p in located), *elsewhere] if m.kind == "comment"}
    return max(written, len(keys))


def _first(located: list[Located], kinds: set[str]) -> Located | None:
    found = [p for p in located if p.mark.kind in kinds and p.line > 0]
    return min(found, key=lambda p: (p.line, p.column)) if found else None


def _span(place: Located | None) -> Span:
    if place is None:
        return Span(1, 1, 1, 2)
    return Span(place.line, place.column, place.line, place.column + 1)


def _revisions(located: list[Located], elsewhere: list[Mark],
               comments: int) -> Diagnostic | None:
    revisions = sum(1 for p in located if p.mark.kind == "revision")
    revisions += sum(1 for m in elsewhere if m.kind == "revision")
    if not revisions and not comments:
        return None
    held = "、".join(part for part in (f"{revisions}处未接受的修订" if revisions else "",
                                       f"{comments}条批注" if comments else "") if part)
    advice = "按接受全部修订后的文字检查；" if revisions else ""
    message = (f"文档中还有{held}：{advice}发布前请在 Word/WPS 的“审阅”中"
               f"{'接受或拒绝修订' if revisions else ''}{'、' if revisions and comments else ''}"
               f"{'删除批注' if comments else ''}")
    place = _first(located, {"revision", "comment"})
    return Diagnostic("E004", "document-revisions", Severity.WARNING, message,
                      _span(place), where=place.where if place else None)


def _hidden(located: list[Located]) -> Diagnostic | None:
    hidden = [p for p in located if p.mark.kind == "hidden"]
    if not hidden:
        return None
    place = _first(hidden, {"hidden"})
    sample = place.mark.sample.strip() if place else ""
    if len(sample) > _SAMPLE:
        sample = sample[:_SAMPLE] + "…"
    message = (f"文档中有{len(hidden)}处隐藏文字（如“{sample}”），不显示也不打印，"
               "未作为报告内容检查")
    return Diagnostic("E005", "hidden-text", Severity.INFO, message, _span(place),
                      where=place.where if place else None)
