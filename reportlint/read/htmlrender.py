"""Render the element tree of an HTML page into text lines with source points."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reportlint.read.build import OutLine
from reportlint.read.htmldoc import Element, Point, Text, parse_tree
from reportlint.read.htmlpage import Page
from reportlint.read.images import image_line
from reportlint.read.limits import current_limits, too_costly
from reportlint.read.rows import is_wide

__all__ = ["parse_tree", "render", "render_page"]

_SKIP = frozenset(
    [
        "script",
        "style",
        "head",
        "nav",
        "noscript",
        "template",
        "iframe",
        "svg",
        "select",
        "button",
        "textarea",
        "object",
        "canvas",
        "audio",
        "video",
        "map",
    ]
)
# Site chrome around the report: navigation, page header and footer. Any of these words in an
# element's id or class (split on spaces, - and _) marks chrome ...
_CHROME_WORDS = frozenset(
    [
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "sidebar",
        "footer",
        "copyright",
        "banner",
        "logo",
        "search",
        "toolbar",
        "share",
    ]
)
# ... and these only as the whole name ("article-header" holds the report's title).
_CHROME_NAMES = frozenset(["header", "head", "top", "topbar", "site-header", "bottom", "foot"])
_NAME_SPLIT = re.compile(r"[\s_-]+")
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "blockquote",
        "pre",
        "header",
        "footer",
        "center",
        "address",
        "figure",
        "figcaption",
        "caption",
        "form",
        "fieldset",
        "main",
        "aside",
        "hr",
        "tr",
        "table",
        "title",
    ]
)
_CELL = frozenset({"td", "th"})
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})

Char = tuple[str, Point]
_ICON = 48  # pixels: a picture narrower or lower than this is an icon, not a table
_PIXELS = re.compile(r"(\d{1,6})(?:px)?$")
_PASSAGE = 300  # characters: a table cell holding more is page layout, not data


def _collapse(chars: list[Char]) -> list[Char]:
    """HTML whitespace rules, CJK-aware: runs of ASCII whitespace become one space, dropped at
    the ends and next to CJK; NBSP and U+3000 are text and stay."""
    out: list[Char] = []
    pending: Char | None = None
    for ch, point in chars:
        if ch in " \t\n\r\f":
            if out and pending is None:
                pending = (" ", point)
            continue
        if pending is not None and not (is_wide(out[-1][0]) or is_wide(ch)):
            out.append(pending)
        pending = None
        out.append((ch, point))
    return out


def _is_nav(element_attrs: dict[str, str]) -> bool:
    """Navigation, page header or footer of the site, by id, class or ARIA role."""
    if element_attrs.get("role", "").lower() in _CHROME_ROLES:
        return True
    for name in (element_attrs.get("id", ""), *element_attrs.get("class", "").split()):
        lowered = name.lower()
        if lowered in _CHROME_NAMES or _CHROME_WORDS.intersection(_NAME_SPLIT.split(lowered)):
            return True
    return False


def _text_length(element: Element) -> int:
    return sum(
        len(c.chars.strip()) if isinstance(c, Text) else _text_length(c) for c in element.children
    )


def _is_layout(table: Element) -> bool:
    """A table used for page layout, read as flowing text: it holds another table, has a
    single column, or a cell holding a whole passage of text."""
    if _has_table(table):
        return True
    rows = list(_rows(table))
    cells = [c for row in rows for c in row.children if isinstance(c, Element) and c.tag in _CELL]
    widest = max(
        (
            sum(
                c.attr_int("colspan")
                for c in row.children
                if isinstance(c, Element) and c.tag in _CELL
            )
            for row in rows
        ),
        default=0,
    )
    return widest <= 1 or any(_text_length(c) > _PASSAGE for c in cells)


def _has_table(element: Element) -> bool:
    return any(
        isinstance(c, Element) and (c.tag == "table" or _has_table(c)) for c in element.children
    )


class _Renderer:
    """Walks the tree and produces text lines (lists of characters with source points)."""

    def __init__(self, skip: frozenset[int] = frozenset()) -> None:
        self.lines: list[OutLine] = []
        self.current: list[Char] = []
        self.skip = skip  # ids of elements that are not the report (page chrome inside it)

    def flush(self) -> None:
        chars = _collapse(self.current)
        self.current = []
        if chars:
            self.lines.append(
                OutLine("".join(c for c, _ in chars), points=tuple(p for _, p in chars))
            )

    def walk(self, node: Element | Text) -> None:
        if isinstance(node, Text):
            self.current.extend(zip(node.chars, node.points, strict=True))
            return
        if node.tag in _SKIP or _is_nav(node.attrs) or id(node) in self.skip:
            return
        if node.tag == "br":
            self.flush()
            return
        if node.tag == "img":
            self.image(node)
            return
        if node.tag == "table" and not _is_layout(node):
            self.flush()
            self.table(node)
            return
        block = node.tag in _BLOCK or node.tag in _CELL
        if block:
            self.flush()
        for child in node.children:
            self.walk(child)
        if block:
            self.flush()

    def image(self, node: Element) -> None:
        """A picture big enough to hold a table (no icon) is a line of its own: the marker,
        every character pointing at the ``<img`` tag."""
        if any(_pixels(node.attrs.get(size, "")) < _ICON for size in ("width", "height")):
            return
        self.flush()
        text = image_line(node.attrs.get("alt", "") or node.attrs.get("title", ""))
        self.lines.append(OutLine(text, points=(node.start,) * len(text)))

    def cell_text(self, cell: Element) -> list[Char]:
        """A cell's content with its lines (``<br>``, ``<p>``) joined, CJK-aware."""
        inner = _Renderer()
        inner.walk_children(cell)
        inner.flush()
        joined: list[Char] = []
        for line in inner.lines:
            assert line.points is not None
            chars = list(zip(line.text, line.points, strict=True))
            if joined and not (is_wide(joined[-1][0]) or is_wide(chars[0][0])):
                joined.append((" ", chars[0][1]))
            joined.extend(chars)
        return joined

    def walk_children(self, node: Element) -> None:
        for child in node.children:
            self.walk(child)

    def table(self, table: Element) -> None:
        for caption in (c for c in table.children if isinstance(c, Element) and c.tag == "caption"):
            self.walk(caption)
        for row in _grid(table, self.cell_text):
            self.lines.append(_pipe_line(row))


def _pixels(value: str) -> float:
    """A size attribute in pixels (``120``, ``120px``); unknown sizes count as large."""
    found = _PIXELS.match(value.strip())
    return float(found.group(1)) if found else float("inf")


Cell = tuple[list[Char], Point]  # content, the cell's start tag (for empty cells)


def _rows(table: Element) -> Iterator[Element]:
    for child in table.children:
        if isinstance(child, Element) and child.tag == "tr":
            yield child
        elif isinstance(child, Element) and child.tag in _SECTIONS:
            yield from _rows(child)


def _grid(table: Element, text_of: Callable[[Element], list[Char]]) -> list[list[Cell]]:
    """Expand rowspan/colspan: positions a merged cell covers after its first are empty."""
    grid: list[list[Cell | None]] = []
    rows = list(_rows(table))
    cells = 0
    for r, tr in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        column = 0
        for cell in (c for c in tr.children if isinstance(c, Element) and c.tag in _CELL):
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            content = text_of(cell)
            # as in a browser, a row span ends with the table's rows
            down = min(cell.attr_int("rowspan"), len(rows) - r)
            cells = _count_cells(cells, down * cell.attr_int("colspan"))
            for dr in range(down):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                for dc in range(cell.attr_int("colspan")):
                    while len(target) <= column + dc:
                        target.append(None)
                    first = dr == 0 and dc == 0
                    target[column + dc] = (content if first else [], cell.start)
            column += cell.attr_int("colspan")
    width = max((len(row) for row in grid), default=0)
    filled: list[list[Cell]] = []
    for row in grid:
        if not row:
            continue
        last = next(c for c in reversed(row) if c is not None)
        filled.append(
            [c if c is not None else ([], last[1]) for c in row]
            + [([], last[1])] * (width - len(row))
        )
    return filled


def _count_cells(cells: int, more: int) -> int:
    limit = current_limits().max_table_cells
    if cells + more > limit:
        raise too_costly("表格展开合并单元格后的单元格数", limit, "max-table-cells")
    return cells + more


def _pipe_line(row: list[Cell]) -> OutLine:
    """``| a | b |`` with every character mapped: cell text to its source, separators and
    padding to the start of the neighbouring cell."""
    chars: list[Char] = []
    for index, (content, anchor) in enumerate(row):
        start = content[0][1] if content else anchor
        chars.append(("|", start))
        chars.append((" ", start))
        for ch, point in content:
            if ch == "|":
                chars.append(("\\", point))
            chars.append((ch, point))
        end = content[-1][1] if content else anchor
        chars.append((" ", end))
        if index == len(row) - 1:
            chars.append(("|", end))
    return OutLine("".join(c for c, _ in chars), points=tuple(p for _, p in chars))


def render(tree: Element, skip: frozenset[int] = frozenset()) -> list[OutLine]:
    renderer = _Renderer(skip)
    renderer.walk(tree)
    renderer.flush()
    return renderer.lines


def render_page(tree: Element, page: Page) -> list[OutLine]:
    """The report's element (and the article's title above it); the whole page when no
    element holds the report's structure."""
    if page.report is None:
        return render(tree)
    title = render(page.title) if page.title is not None else []
    return title + render(page.report, page.skip)
