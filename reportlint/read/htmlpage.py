"""The report inside a web page: which element holds it, and what the page says of it.

A government site wraps a report in its chrome: title bar, navigation, breadcrumb, an info
line (发布时间：… 来源：…), then 分享到, 【打印本页】, 相关链接 and a footer. None of it is
the report.
The report's element is found structurally, on any site: the deepest element that holds all
the numbered section headings (一、 … 六、) the page has. The article's title above it is
taken too when the element does not open with one. The info line between them and the
``<meta>`` tags of the national website guideline (ArticleTitle, PubDate, ContentSource) are
read as page facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.model import PageFact
from reportlint.read.htmldoc import Element, Text, elements

_HEADING = re.compile(r"^\s*([一二三四五六])\s*、")
_HEADINGS_MIN = 3  # fewer numbered headings than this: no report structure to go by
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "div",
                          "section", "article", "center", "font", "span", "strong", "b"})
_TITLE = re.compile(r"(?:19|20)\d\d\s*年.{0,60}?报告")
_TITLE_MAX = 80
_NOT_TITLE = ("位置", "首页", ">", "›", "链接")
_META = {"articletitle": ("title", '<meta name="ArticleTitle">'),
         "pubdate": ("published", '<meta name="PubDate">'),
         "contentsource": ("source", '<meta name="ContentSource">')}
_INFO = re.compile(r"(发布时间|发布日期|时间|来源)\s*[:：]\s*"
                   r"((?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                   r"|[^\s　|｜]+)")
_INFO_NEAR = 4  # elements before the report: the info line sits right above it
_INFO_KEYS = {"发布时间": "published", "发布日期": "published", "时间": "published",
              "来源": "source"}


# Page furniture after an article: share and print links, related links, next/previous.
_AFTER = re.compile(r"分享到|打印本页|关闭窗口|相关链接|相关文章|上一篇|下一篇|扫一扫|【字体")


@dataclass(frozen=True)
class Page:
    title: Element | None  # the article's title, outside the report's element
    report: Element | None  # the element holding the report; None: read the whole page
    facts: tuple[PageFact, ...]
    skip: frozenset[int] = frozenset()  # ids of chrome elements inside the report's element


def text_of(element: Element) -> str:
    parts: list[str] = []
    for child in element.children:
        parts.append(child.chars if isinstance(child, Text) else text_of(child))
    return "".join(parts)


def _headings(element: Element, found: dict[int, frozenset[str]]) -> frozenset[str]:
    """The section numerals whose headings open a text block inside ``element`` (tables are
    data: their 一、二、 row labels are not headings); memoised by element id in ``found``."""
    numerals: set[str] = set()
    if element.tag in _TEXT_BLOCKS and not any(
            isinstance(c, Element) and c.tag in ("p", "div", "table") for c in element.children):
        match = _HEADING.match(text_of(element))
        if match:
            numerals.add(match.group(1))
    for child in element.children:
        if isinstance(child, Element) and child.tag not in ("table", "script", "style", "head"):
            numerals |= _headings(child, found)
    found[id(element)] = frozenset(numerals)
    return found[id(element)]


def _report_element(root: Element) -> tuple[Element, list[Element]] | None:
    """The deepest element holding every heading, and the path of elements down to it."""
    found: dict[int, frozenset[str]] = {}
    every = _headings(root, found)
    if len(every) < _HEADINGS_MIN:
        return None
    path = [root]
    while True:
        holders = [c for c in path[-1].children
                   if isinstance(c, Element) and found.get(id(c)) == every]
        if len(holders) != 1:
            return path[-1], path
        path.append(holders[0])


def _title_like(element: Element) -> bool:
    text = re.sub(r"\s+", "", text_of(element))
    return (len(text) <= _TITLE_MAX and _TITLE.search(text) is not None
            and not any(word in text for word in _NOT_TITLE))


def _opens_with_title(report: Element) -> bool:
    head = re.sub(r"\s+", "", text_of(report))[:_TITLE_MAX]
    return "报告" in head


def _before(path: list[Element]) -> Iterator[Element]:
    """The elements before the report's element, nearest first: its earlier siblings, then
    its ancestors' earlier siblings."""
    for parent, child in zip(reversed(path[:-1]), reversed(path[1:]), strict=True):
        index = next(i for i, c in enumerate(parent.children) if c is child)
        for sibling in reversed(parent.children[:index]):
            if isinstance(sibling, Element):
                yield sibling


def _info_facts(element: Element) -> list[PageFact]:
    text = text_of(element)
    facts = []
    for found in _INFO.finditer(text):
        key = _INFO_KEYS[found.group(1)]
        if key == "published" and not re.match(r"\d", found.group(2)):
            continue
        facts.append(PageFact(key, found.group(2).strip(), f"“{found.group(1)}：”",
                              element.start[0]))
    return facts


def _meta_facts(root: Element) -> list[PageFact]:
    facts = []
    for element in elements(root):
        if element.tag != "meta":
            continue
        known = _META.get(element.attrs.get("name", "").lower())
        content = element.attrs.get("content", "").strip()
        if known and content:
            facts.append(PageFact(known[0], content, known[1], element.start[0]))
    return facts



def find_page(root: Element) -> Page:
    facts = _meta_facts(root)
    located = _report_element(root)
    if located is None:
        return Page(None, None, tuple(facts))
    report, path = located
    title = None
    for distance, element in enumerate(_before(path)):
        if distance < _INFO_NEAR and _INFO.search(text_of(element)):
            facts += _info_facts(element)
        if _title_like(element):
            title = element
            break
    skip, inner = _inner_chrome(report, found_headings(report))
    if _opens_with_title(report):
        title = None
    return Page(title, report, tuple(facts + inner), frozenset(skip))


def found_headings(report: Element) -> list[int]:
    """Indexes of the report element's children that hold a section heading."""
    memo: dict[int, frozenset[str]] = {}
    return [i for i, c in enumerate(report.children)
            if isinstance(c, Element) and _headings(c, memo)]


def _inner_chrome(report: Element, holders: list[int]) -> tuple[list[int], list[PageFact]]:
    """Chrome the site put inside the report's element (a flat article): the info line
    before the first heading, and share/print/related-link blocks after the last one."""
    if not holders:
        return [], []
    skip: list[int] = []
    facts: list[PageFact] = []
    for child in report.children[:holders[0]]:
        if not isinstance(child, Element) or len(text_of(child)) > _TITLE_MAX * 2:
            continue
        read = _info_facts(child)
        if any(f.key == "published" for f in read) and not _title_like(child):
            skip.append(id(child))
            facts += read
    for child in report.children[holders[-1] + 1:]:
        if isinstance(child, Element) and _AFTER.search(text_of(child)):
            skip.append(id(child))
    return skip, facts
