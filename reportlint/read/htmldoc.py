"""A light element tree built with the standard library's html.parser, every character keeping
its (line, column) in the HTML source.

Why html.parser (measured, see bench/readers.py and the commit message): it is the only one of
html.parser, lxml and selectolax that reports columns (lxml gives a line per element, selectolax
nothing), a report page parses in a few milliseconds, and it adds no dependency.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

Point = tuple[int, int]  # 1-based line, 1-based column in the decoded HTML source

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Start tags that close an open element of these names (HTML's implied end tags, simplified).
_CLOSES: dict[str, frozenset[str]] = {
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"td", "th", "tr"}),
    "tbody": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "thead": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "tfoot": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "li": frozenset({"li"}),
    "p": frozenset({"p"}),
}
MAX_DEPTH = 200  # real report pages nest a few dozen elements deep
INLINE_DEPTH = 100
INLINE = frozenset(["font", "span", "b", "i", "u", "s", "em", "strong", "small", "big", "a",
                    "sub", "sup", "strike", "o:p"])
# Elements whose end stops the implied closing search (a td inside a nested table must not
# close the outer table's cell).
_SCOPES = frozenset({"table", "td", "th"})


@dataclass
class Text:
    chars: str
    points: list[Point]


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: Point
    children: list[Element | Text] = field(default_factory=list)

    def attr_int(self, name: str) -> int:
        try:
            return max(1, min(int(self.attrs.get(name, "1").strip() or "1"), 1000))
        except ValueError:
            return 1


def elements(root: Element) -> Iterator[Element]:
    """``root`` and every element below it, in document order."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.root = Element("#root", {}, (1, 1))
        self.stack: list[Element] = [self.root]

    def _point(self) -> Point:
        line, offset = self.getpos()
        return line, offset + 1

    def _close_implied(self, tag: str) -> None:
        closes = _CLOSES.get(tag)
        if not closes:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.stack[depth].tag
            if name in closes:
                del self.stack[depth:]
                return
            if name in _SCOPES or (tag == "p" and name not in ("span", "font", "b", "strong")):
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        element = Element(tag, {k: v or "" for k, v in attrs}, self._point())
        self.stack[-1].children.append(element)
        # Generated pages may leave thousands of <font> or <div> unclosed. Deep down, content
        # stays in the deepest element (its text is kept) so that the recursive walks over
        # the tree stay within Python's recursion limit: inline wrappers from INLINE_DEPTH
        # on (tables and paragraphs below them keep their structure), anything at MAX_DEPTH.
        depth = len(self.stack)
        if tag not in VOID and depth < MAX_DEPTH and (depth < INLINE_DEPTH or tag not in INLINE):
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}, self._point()))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            if self.stack[depth].tag in _SCOPES and tag not in _SCOPES:
                return  # a stray end tag inside a cell: ignore it

    def _add_text(self, chars: str, points: list[Point]) -> None:
        self.stack[-1].children.append(Text(chars, points))

    def handle_data(self, data: str) -> None:
        line, column = self._point()
        points: list[Point] = []
        for ch in data:
            points.append((line, column))
            if ch == "\n":
                line, column = line + 1, 1
            else:
                column += 1
        self._add_text(data, points)

    def _reference(self, raw: str) -> None:
        text = html.unescape(raw)
        point = self._point()
        self._add_text(text, [point] * len(text))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")


def parse_tree(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root
