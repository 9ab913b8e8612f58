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
from reportlint.read.htmldoc import Element, Text, elements
from reportlint.read.htmlpage import text_of

_PAGER_WORDS = re.compile(r"^\s*(上一页|下一页|上页|下页|尾页|末页|第\s*\d{1,3}\s*页)\s*$")
_PAGER_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")
_PAGE_FILE = re.compile(r"(.+)\.(s?html?)", re.IGNORECASE)
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


def _index(name: str, stem: str, ext: str) -> int | None:
    """The part number of file ``name`` in the family ``stem``/``ext`` (``stem.ext`` is 0)."""
    if name.lower() == f"{stem}.{ext}".lower():
        return 0
    found = re.fullmatch(re.escape(stem) + r"_(\d{1,2})\." + re.escape(ext), name, re.IGNORECASE)
    return int(found.group(1)) if found else None


def _stems(name: str) -> list[tuple[str, str]]:
    """The families a file name may belong to: ``t2023_12_1.html`` is part 1 of ``t2023_12``
    or part 0 of ``t2023_12_1``."""
    found = _PAGE_FILE.fullmatch(name)
    if not found:
        return []
    base, ext = found.group(1), found.group(2)
    shorter = re.fullmatch(r"(.+)_\d{1,2}", base)
    return [(base, ext)] + ([(shorter.group(1), ext)] if shorter else [])


def _pager_links(root: Element) -> list[tuple[Element, str]]:
    """Links labelled as a pager (上一页, 下一页, 第N页, a bare number) to a page file."""
    links = []
    for element in elements(root):
        if element.tag != "a":
            continue
        label = text_of(element)
        name = posixpath.basename(urlsplit(element.attrs.get("href", "")).path)
        if _stems(name) and (_PAGER_WORDS.match(label) or _PAGER_NUMBER.match(label)):
            links.append((element, name))
    return links


def _family(names: list[str], own: str) -> tuple[str, str, int | None] | None:
    """The family every pager link belongs to, this page's too when its name fits."""
    candidates = sorted({c for n in [own, *names] for c in _stems(n)},
                        key=lambda c: -len(c[0]))
    fitting = [(stem, ext) for stem, ext in candidates
               if all(_index(n, stem, ext) is not None for n in names)]
    for stem, ext in fitting:
        current = _index(own, stem, ext)
        if current is not None:
            return stem, ext, current
    return (*fitting[0], None) if fitting else None


def _from_links(root: Element, own: str) -> Parts | None:
    links = _pager_links(root)
    worded = [e for e, _ in links if _PAGER_WORDS.match(text_of(e))]
    family = _family([n for _, n in links], own) if worded else None
    if family is None:
        return None
    stem, ext, current = family
    indexes = {_index(n, stem, ext) or 0 for _, n in links}
    if current is None and max(indexes) == 0:
        return None  # links to another article, not to this one's other pages
    indexes.add(current or 0)
    files = tuple(part_name(stem, i, ext) for i in range(max(indexes) + 1))
    return Parts(files, current, *worded[0].start) if len(files) > 1 else None


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
    own = posixpath.basename(path.replace("\\", "/"))
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
