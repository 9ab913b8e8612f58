"""Pages whose report is elsewhere: an attachment (附件：….pdf), an embedded document viewer
(``<iframe src="…/viewer.html?file=….pdf">``, ``<embed>``, ``<object>``).

Such a page holds a title and a link, not a report: linting it would report every section as
missing. It is one E006 naming the document instead, and only when the page has no report
structure of its own (a report page that also offers its PDF is linted as usual).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from reportlint.errors import InputProblem
from reportlint.read.build import OutLine
from reportlint.read.htmldoc import Element, elements
from reportlint.read.htmlpage import text_of

DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps", ".ofd")
_EMBEDS = {"iframe": "src", "embed": "src", "object": "data", "frame": "src"}
_REPORT_WORDS = ("报告", "年报")
_HEADING = re.compile(r"^\s*([一二三四五六])\s*、")
_HEADINGS_MIN = 3


@dataclass(frozen=True)
class Target:
    """A document the page points to: its address, its name as shown, where the link is."""

    href: str
    label: str
    line: int
    column: int
    embedded: bool
    tag: str = "a"

    @property
    def file_name(self) -> str:
        return posixpath.basename(urlsplit(self.href).path)


def _document_address(address: str) -> str | None:
    """The document an address names: itself, or a viewer's ``file=`` parameter."""
    parts = urlsplit(address.strip())
    if unquote(parts.path).lower().endswith(DOCUMENT_SUFFIXES):
        return address.strip()
    for _, value in parse_qsl(parts.query):
        if urlsplit(value).path.lower().endswith(DOCUMENT_SUFFIXES):
            return value
    return None



def _target(element: Element) -> Target | None:
    if element.tag == "a":
        label = re.sub(r"\s+", " ", text_of(element)).strip()
        href = _document_address(element.attrs.get("href", ""))
        if href is None and label.lower().endswith(DOCUMENT_SUFFIXES):
            address = element.attrs.get("href", "").strip()
            href = label if not address or address.lower().startswith("javascript:") else address
        embedded = False
    elif element.tag in _EMBEDS:
        href = _document_address(element.attrs.get(_EMBEDS[element.tag], ""))
        label, embedded = "", True
    else:
        return None
    if href is None:
        return None
    return Target(href, label or posixpath.basename(urlsplit(href).path), *element.start,
                  embedded=embedded, tag=element.tag)


def document_targets(root: Element) -> list[Target]:
    """Every document the page links or embeds, once each, in document order."""
    found: dict[str, Target] = {}
    for target in map(_target, elements(root)):
        if target is not None:
            found.setdefault(target.href, target)
    return list(found.values())


def _main_target(targets: list[Target]) -> Target:
    """An embedded viewer first (it is what the page shows), then a link naming a report."""
    embedded = [t for t in targets if t.embedded]
    reports = [t for t in targets if any(w in t.label + unquote(t.href) for w in _REPORT_WORDS)]
    return (embedded or reports or targets)[0]


def _message(target: Target, others: int) -> str:
    how = "以文档查看器嵌入" if target.embedded else "作为附件发布"
    name = f"“{target.label}”" if target.label != target.file_name else ""
    more = f"（页面另有{others}个文档链接）" if others else ""
    return (f"本页没有报告正文：报告{how}{name}（{target.href}）{more}；"
            "请检查该文件，本页不做结构和内容检查")


def reads_like_report(lines: Sequence[OutLine]) -> bool:
    """Numbered section headings in the text read (a report laid out in a layout table has
    no heading element for the page finder, but its text still has them)."""
    numerals = {m.group(1) for m in (_HEADING.match(line.text) for line in lines) if m}
    return len(numerals) >= _HEADINGS_MIN


def raise_if_elsewhere(root: Element, has_report: bool) -> None:
    """E006 when a page without report structure points to its report as a document."""
    if has_report:
        return
    targets = document_targets(root)
    if not targets:
        return
    target = _main_target(targets)
    raise InputProblem("E006", _message(target, len(targets) - 1),
                       at=(target.line, target.column, target.column + len(target.tag) + 1))
