"""Articles a CMS splits over pages: ``index.html``, ``index_1.html`` … linked by 上一页/下一页/
第N页 (or written by the TRS pager script ``createPageHTML(count, current, "index", "html")``).

One part alone is not the report: its missing sections are on the other parts. A part is found
by its pager: links named like pages of one article (the file name with ``_N`` before the
suffix) and labelled as a pager, or the pager script.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from reportlint.errors import InputProblem
from reportlint.read.htmldoc import Element, Text
from reportlint.read.htmlpage import text_of

_PAGER_WORDS = re.compile(r"^\s*(上一页|下一页|上页|下页|尾页|末页|第\s*\d{1,3}\s*页)\s*$")
_PAGER_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")
_PART_FILE = re.compile(r"^(?P<stem>.+?)(?:_(?P<index>\d{1,3}))?\.(?P<ext>s?html?)$",
                        re.IGNORECASE)
_SCRIPT = re.compile(r"createPageHTML\(\s*['\"]?(\d{1,3})['\"]?\s*,\s*['\"]?(\d{1,3})['\"]?\s*,"
                     r"\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]")


@dataclass(frozen=True)
class Parts:
    """The pages of one article: file names in order, this page's place, where its pager is."""

    files: tuple[str, ...]
    current: int | None
    line: int
    column: int


def part_name(stem: str, index: int, ext: str) -> str:
    return f"{stem}.{ext}" if index == 0 else f"{stem}_{index}.{ext}"


def _part_of(name: str) -> tuple[str, int, str] | None:
    found = _PART_FILE.match(name)
    if not found:
        return None
    return found.group("stem"), int(found.group("index") or 0), found.group("ext")


def _pager_links(root: Element) -> list[tuple[Element, tuple[str, int, str]]]:
    links = []
    stack = [root]
    while stack:
        element = stack.pop()
        stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))
        if element.tag != "a":
            continue
        label = text_of(element)
        href = posixpath.basename(urlsplit(element.attrs.get("href", "")).path)
        part = _part_of(href)
        if part and (_PAGER_WORDS.match(label) or _PAGER_NUMBER.match(label)):
            links.append((element, part))
    return links


def _from_links(root: Element, own: tuple[str, int, str] | None) -> Parts | None:
    links = _pager_links(root)
    worded = [(e, p) for e, p in links if _PAGER_WORDS.match(text_of(e))]
    if not worded:
        return None
    stem, _, ext = worded[0][1]
    indexes = {p[1] for _, p in links if p[0] == stem}
    current = own[1] if own and own[0] == stem else None
    if current is not None:
        indexes.add(current)
    if len(indexes) < 2 and current is None:
        indexes.add(0)
    files = tuple(part_name(stem, i, ext) for i in range(max(indexes) + 1))
    first = worded[0][0]
    return Parts(files, current, *first.start) if len(files) > 1 else None


def _from_script(root: Element) -> Parts | None:
    stack = [root]
    while stack:
        element = stack.pop()
        stack.extend(c for c in element.children if isinstance(c, Element))
        if element.tag != "script":
            continue
        code = "".join(c.chars for c in element.children if isinstance(c, Text))
        found = _SCRIPT.search(code)
        if found and int(found.group(1)) > 1:
            count, current = int(found.group(1)), int(found.group(2))
            files = tuple(part_name(found.group(3), i, found.group(4)) for i in range(count))
            return Parts(files, min(current, count - 1), *element.start)
    return None


def find_parts(root: Element, path: str) -> Parts | None:
    """The article's parts when this page is one of several; read before scripts are dropped."""
    own = _part_of(posixpath.basename(path.replace("\\", "/")))
    return _from_script(root) or _from_links(root, own)


def one_part_of_several(parts: Parts) -> InputProblem:
    """The info for a part linted alone: it is one page of several, not a report missing its
    other sections."""
    place = f"第{parts.current + 1}页" if parts.current is not None else "其中一页"
    others = [f for i, f in enumerate(parts.files) if i != parts.current]
    return InputProblem(
        "E006",
        f"本页是分页发布的文章的{place}（共{len(parts.files)}页），其余部分在"
        f"{'、'.join(others)}：单独一页不是完整的报告，不做结构和内容检查；"
        "把各页放在同一文件夹中一起检查",
        at=(parts.line, parts.column, parts.column + 1), severity="info")


_PAGER_ONLY = re.compile(r"(?:上一页|下一页|上页|下页|首页|尾页|末页|第\d+页|共\d+页|当前|\d+"
                         r"|[\[\]|｜/:：>»«<\s\u3000])*")


def _parents(root: Element) -> dict[int, Element]:
    parents: dict[int, Element] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        for child in element.children:
            if isinstance(child, Element):
                parents[id(child)] = element
                stack.append(child)
    return parents


def drop_pager(root: Element) -> None:
    """Take the pager (上一页 2 3 下一页 …) out of the page, in place: it is not report text
    (after the 落款 it would hide the signature date)."""
    links = [e for e, _ in _pager_links(root)]
    if not links:
        return
    parents = _parents(root)
    for link in links:
        block = link
        while id(block) in parents and parents[id(block)] is not root and \
                _PAGER_ONLY.fullmatch(text_of(parents[id(block)])):
            block = parents[id(block)]
        holder = parents.get(id(block))
        if holder is not None:
            holder.children = [c for c in holder.children if c is not block]
