"""Page geometry → text lines: ruled tables as grids, everything else as lines of text.

Pure Python over plain records (no pdfminer here), so it can be tested on made-up pages.
PDF coordinates: y grows upwards. A table is a connected set of ruling segments (lines and the
edges of rectangles); its grid comes from the distinct x of its vertical and y of its horizontal
rules; a missing rule between two grid positions means a merged cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reportlint.read.images import IMAGE_MARK
from reportlint.read.rows import drop_wide_spaces, is_wide, join_pieces, pipe_row

SNAP = 2.5  # points: rules closer than this are one rule; thinner rows/columns are noise
_THIN = 2.0  # a rectangle thinner than this is a rule, not a box
_PAGE_NUMBER = re.compile(
    r"^[-—–]?\s*\d{1,3}\s*[-—–]?$|^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"
)
_MARGIN = 0.1  # the top and bottom tenth of a page hold running headers and page numbers


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    angle: float = 0.0  # the baseline's direction on the page, degrees (pdfturn.angle_of)

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Picture:
    """Where a page draws an image (any PDF engine can give its box)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def holds(self, glyph: Glyph) -> bool:
        return self.x0 <= glyph.xc <= self.x1 and self.y0 <= glyph.yc <= self.y1


@dataclass(frozen=True)
class Segment:
    """A horizontal (``at`` = y, from ``lo`` to ``hi`` in x) or vertical rule."""

    horizontal: bool
    at: float
    lo: float
    hi: float


def segments_of_box(x0: float, y0: float, x1: float, y1: float,
                    edges: bool = True) -> list[Segment]:
    """The rules a drawn rectangle contributes: itself when thin, else its four edges
    (only when ``edges``: a stroked outline, not a filled area)."""
    if y1 - y0 < _THIN and x1 - x0 >= _THIN:
        return [Segment(True, (y0 + y1) / 2, x0, x1)]
    if x1 - x0 < _THIN and y1 - y0 >= _THIN:
        return [Segment(False, (x0 + x1) / 2, y0, y1)]
    if (x1 - x0 < _THIN and y1 - y0 < _THIN) or not edges:
        return []
    return [Segment(True, y0, x0, x1), Segment(True, y1, x0, x1),
            Segment(False, x0, y0, y1), Segment(False, x1, y0, y1)]


def _merge_collinear(segments: Iterable[Segment]) -> list[Segment]:
    """Rules on the same line that touch or overlap become one (cell boxes repeat edges)."""
    merged: list[Segment] = []
    for bucket in _buckets(sorted(segments, key=lambda s: (s.horizontal, s.at))):
        at = sum(s.at for s in bucket) / len(bucket)
        for seg in sorted(bucket, key=lambda s: s.lo):
            last = merged[-1] if merged and merged[-1].at == at else None
            if last is not None and last.horizontal == seg.horizontal and seg.lo <= last.hi + SNAP:
                merged[-1] = Segment(seg.horizontal, at, last.lo, max(last.hi, seg.hi))
            else:
                merged.append(Segment(seg.horizontal, at, seg.lo, seg.hi))
    return merged


def _buckets(ordered: list[Segment]) -> list[list[Segment]]:
    """Runs of rules of one direction whose positions lie within SNAP of each other."""
    out: list[list[Segment]] = []
    for seg in ordered:
        if out and out[-1][-1].horizontal == seg.horizontal and seg.at - out[-1][-1].at <= SNAP:
            out[-1].append(seg)
        else:
            out.append([seg])
    return out


def _touch(h: Segment, v: Segment) -> bool:
    return (h.lo - SNAP <= v.at <= h.hi + SNAP) and (v.lo - SNAP <= h.at <= v.hi + SNAP)


def _components(segments: list[Segment]) -> list[list[Segment]]:
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segments) if s.horizontal]
    vs = [i for i, s in enumerate(segments) if not s.horizontal]
    for i in hs:
        for j in vs:
            if _touch(segments[i], segments[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, seg in enumerate(segments):
        groups.setdefault(find(i), []).append(seg)
    return list(groups.values())


def _cluster(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= SNAP:
            continue
        out.append(value)
    return out


def _covers(segments: Sequence[Segment], at: float, lo: float, hi: float) -> bool:
    """Whether a rule at ``at`` runs along most of ``lo``–``hi``."""
    need = (hi - lo) * 0.5
    return any(abs(s.at - at) <= SNAP and min(s.hi, hi) - max(s.lo, lo) >= need
               for s in segments)


@dataclass
class Table:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom (descending y)
    owner: dict[tuple[int, int], tuple[int, int]]  # grid position → its merged cell's first
    rules: list[Segment] = field(default_factory=list)  # the horizontal rules
    glyphs: dict[tuple[int, int], list[Glyph]] = field(default_factory=dict)

    def open_edges(self) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
        """Per column: no rule drawn along the top edge / the bottom edge (a cell that goes on
        over a page break)."""
        columns = range(len(self.xs) - 1)
        top = tuple(not _covers(self.rules, self.ys[0], self.xs[c], self.xs[c + 1])
                    for c in columns)
        bottom = tuple(not _covers(self.rules, self.ys[-1], self.xs[c], self.xs[c + 1])
                       for c in columns)
        return top, bottom

    @property
    def top(self) -> float:
        return self.ys[0]

    def contains(self, glyph: Glyph) -> bool:
        return (self.xs[0] - 1 <= glyph.xc <= self.xs[-1] + 1
                and self.ys[-1] - 1 <= glyph.yc <= self.ys[0] + 1)

    def place(self, glyph: Glyph) -> None:
        c = _index(self.xs, glyph.xc, ascending=True)
        r = _index(self.ys, glyph.yc, ascending=False)
        self.glyphs.setdefault(self.owner[(r, c)], []).append(glyph)

    def rows(self) -> list[list[str]]:
        """Cell texts in grid order. A grid row without text is dropped: in a PDF it is a
        gap between rules (a row where only merged cells go on, a thin spacer row)."""
        out: list[list[str]] = []
        for r in range(len(self.ys) - 1):
            cells = [self._text(r, c) for c in range(len(self.xs) - 1)]
            if any(cells):
                out.append(cells)
        return out

    def _text(self, r: int, c: int) -> str:
        if self.owner[(r, c)] != (r, c):
            return ""
        return cell_text(self.glyphs.get((r, c), []))


def _index(bounds: list[float], value: float, ascending: bool) -> int:
    for i in range(len(bounds) - 1):
        low, high = (bounds[i], bounds[i + 1]) if ascending else (bounds[i + 1], bounds[i])
        if low <= value <= high:
            return i
    if ascending:
        return 0 if value < bounds[0] else len(bounds) - 2
    return 0 if value > bounds[0] else len(bounds) - 2


def _grid(group: list[Segment]) -> Table | None:
    hs = [s for s in group if s.horizontal]
    vs = [s for s in group if not s.horizontal]
    # Rules that run past the outermost rule across them imply a border that is not drawn
    # (a table cut by a page break has no bottom rule on the first page, no top on the next).
    xs = _cluster([s.at for s in vs] + [min(s.lo for s in hs), max(s.hi for s in hs)])
    ys = sorted(_cluster([s.at for s in hs] + [min(s.lo for s in vs), max(s.hi for s in vs)]),
                reverse=True)
    if len(xs) < 3 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 4:
        return None
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(p: tuple[int, int]) -> tuple[int, int]:
        while parent.get(p, p) != p:
            p = parent[p]
        return p

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the top-left position represents the cell

    rows, cols = len(ys) - 1, len(xs) - 1
    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covers(vs, xs[c + 1], ys[r + 1], ys[r]):
                union((r, c), (r, c + 1))
            if r + 1 < rows and not _covers(hs, ys[r + 1], xs[c], xs[c + 1]):
                union((r, c), (r + 1, c))
    owner = {(r, c): find((r, c)) for r in range(rows) for c in range(cols)}
    return Table(xs, ys, owner, hs)


def find_tables(segments: Iterable[Segment]) -> list[Table]:
    merged = _merge_collinear(segments)
    tables = [_grid(g) for g in _components(merged)]
    return sorted((t for t in tables if t is not None), key=lambda t: -t.top)


def _lines_of(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines: top to bottom, each left to right."""
    lines: list[list[Glyph]] = []
    centres: list[float] = []
    for glyph in sorted(glyphs, key=lambda g: -g.yc):
        tolerance = max(glyph.size, 1.0) * 0.5
        for i in range(len(lines) - 1, max(len(lines) - 3, -1), -1):
            if abs(centres[i] - glyph.yc) <= tolerance:
                lines[i].append(glyph)
                break
        else:
            lines.append([glyph])
            centres.append(glyph.yc)
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def line_text(glyphs: Sequence[Glyph]) -> str:
    """A line's text with spaces from gaps: two for a column gap, one between Latin words."""
    out = ""
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = max(previous.size, glyph.size, 1.0)
            if gap > 1.5 * size:
                out += "  "
            elif gap > 0.2 * size and not (is_wide(out[-1]) or is_wide(glyph.text[:1])):
                out += " "
        out += glyph.text
        previous = glyph
    return out


def cell_text(glyphs: Sequence[Glyph]) -> str:
    return drop_wide_spaces(join_pieces([line_text(line) for line in _lines_of(glyphs)]))


@dataclass(frozen=True)
class Block:
    """A text line or a table row of one page, in reading order. Rows keep their cells, and
    the first and last rows of a table say which columns have no rule on their outer edge."""

    text: str
    top: float
    cells: tuple[str, ...] | None = None
    table: int = -1  # which table of the page a row belongs to
    open_top: tuple[bool, ...] = ()
    open_bottom: tuple[bool, ...] = ()
    in_margin: bool = False  # a text line in the top or bottom tenth of the page

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def _body_left(lines: list[list[Glyph]]) -> float:
    lefts = sorted(round(line[0].x0) for line in lines if len(line) >= 10)
    if not lefts:
        return min((line[0].x0 for line in lines), default=0.0)
    return float(max(set(lefts), key=lefts.count))


def _in_margin(line: list[Glyph], height: float) -> bool:
    middle = line[0].yc
    return middle < height * _MARGIN or middle > height * (1 - _MARGIN)


def page_blocks(glyphs: Sequence[Glyph], segments: Iterable[Segment],
                height: float) -> list[Block]:
    """The page as blocks: ruled tables become rows of cells, the rest lines of text.
    Page numbers and running numbers in the margins are dropped."""
    tables = find_tables(segments)
    loose: list[Glyph] = []
    for glyph in glyphs:
        table = next((t for t in tables if t.contains(glyph)), None)
        if table is None:
            loose.append(glyph)
        else:
            table.place(glyph)
    blocks: list[Block] = []
    lines = _lines_of(loose)
    left = _body_left(lines)
    for line in lines:
        text = line_text(line)
        margin = _in_margin(line, height)
        if margin and _PAGE_NUMBER.match(text.strip()):
            continue
        indent = "  " if line[0].x0 > left + 1.5 * max(line[0].size, 1.0) else ""
        blocks.append(Block(indent + text, max(g.y1 for g in line), in_margin=margin))
    for number, table in enumerate(tables):
        rows = table.rows()
        top, bottom = table.open_edges()
        for r, cells in enumerate(rows):
            edges = (top if r == 0 else (), bottom if r == len(rows) - 1 else ())
            blocks.append(Block(pipe_row(cells).text, table.top - r * 0.001, tuple(cells),
                                number, *edges))
    return sorted(blocks, key=lambda b: -b.top)


def row_block(block: Block, cells: list[str]) -> Block:
    """``block`` with new cell texts."""
    return Block(pipe_row(cells).text, block.top, tuple(cells), block.table, block.open_top,
                 block.open_bottom)


_PICTURE_WIDTH = 0.3  # of the page: a narrower or lower image is a logo, a seal or an icon
_PICTURE_HEIGHT = 0.1


def picture_blocks(pictures: Iterable[Picture], glyphs: Sequence[Glyph], width: float,
                   height: float) -> list[Block]:
    """A marker line for each large image with no text over it (a table or a page published
    as a picture; a scan with an invisible text layer is text), at the image's top."""
    found: list[Block] = []
    for picture in pictures:
        large = (picture.x1 - picture.x0 >= width * _PICTURE_WIDTH
                 and picture.y1 - picture.y0 >= height * _PICTURE_HEIGHT)
        if large and not any(picture.holds(g) for g in glyphs):
            found.append(Block(IMAGE_MARK, picture.y1))
    return found
