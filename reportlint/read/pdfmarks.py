"""Text drawn over a page, kept apart from the report's text before lines and cells are built.

A published PDF carries more than the report: a diagonal watermark (征求意见稿, the site's
name) and an electronic seal whose issuer name is set around a circle. Their glyphs are not
upright (each glyph's angle comes from its text matrix, :func:`~reportlint.read.pdfturn.
angle_of`, on the page as turned for reading), so they never enter a line or a cell; a ring's
glyph that happens to stand upright at its top, and the star at its centre, go with the ring.
What they say is returned as :class:`PageMark`. Pure geometry over :class:`Glyph` records.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.read.pdfgeom import Glyph

LEVEL = 3.0  # degrees: a glyph turned less than this is upright text
_SAME_ANGLE = 1.0  # degrees: glyphs of one straight run of text
_QUARTER = 2.0  # degrees: text within this of a quarter turn is sideways, not a watermark
_PLACE = 0.15  # of a glyph's size: how far a ring's upright glyph may lie from its place
_RING_MIN = 3  # glyphs at distinct angles before a ring is believed
# Glyphs each at an angle of their own, past which a page is not searched for rings (a chart
# of labels at every angle): clustering them costs the square of their number.
_MOST_SINGLE = 500


@dataclass(frozen=True)
class PageMark:
    kind: str  # "watermark" | "seal"
    text: str


@dataclass(frozen=True)
class _Ring:
    x: float
    y: float
    radius: float
    size: float


def is_level(glyph: Glyph) -> bool:
    return abs(glyph.angle) < LEVEL


def split_marks(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], list[PageMark]]:
    """The page's upright report text, and the watermarks and seals drawn over it."""
    turned = [g for g in glyphs if not is_level(g)]
    if not turned:
        return list(glyphs), []
    runs, single = _straight_runs(turned)
    marks = [PageMark("watermark", _text(run)) for run in runs if _diagonal(run[0].angle)]
    clusters = _clusters(single) if len(single) <= _MOST_SINGLE else []
    rings = [ring for ring in map(_fit, clusters) if ring is not None]
    body = [g for g in glyphs if is_level(g)]
    for ring, members in rings:
        top = min((g for g in body if _on_ring(g, ring)), key=lambda g: _off_top(g, ring),
                  default=None)
        tops = [top] if top is not None else []
        body = [g for g in body if g is not top and not _centre_symbol(g, ring)]
        marks.append(PageMark("seal", _ring_text(members + tops)))
    return body, [m for m in marks if m.text]


def _diagonal(angle: float) -> bool:
    """Not a quarter turn: sideways text (a column heading laid on its side) is no watermark."""
    return all(abs(angle - q) > _QUARTER for q in (-180.0, -90.0, 90.0, 180.0))


def _direction(angle: float) -> tuple[float, float]:
    radians = math.radians(angle)
    return math.cos(radians), math.sin(radians)


def _straight_runs(turned: list[Glyph]) -> tuple[list[list[Glyph]], list[Glyph]]:
    """Glyphs of one angle on one baseline, in reading order (two or more: a run); the rest
    (every glyph of a ring has an angle of its own)."""
    groups: list[list[Glyph]] = []
    for glyph in sorted(turned, key=lambda g: g.angle):
        if groups and glyph.angle - groups[-1][0].angle <= _SAME_ANGLE:
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    runs: list[list[Glyph]] = []
    single: list[Glyph] = []
    for group in groups:
        for line in _baselines(group):
            if len(line) > 1:
                runs.append(line)
            else:
                single.extend(line)
    return runs, single


def _baselines(group: list[Glyph]) -> list[list[Glyph]]:
    dx, dy = _direction(group[0].angle)
    across = sorted(group, key=lambda g: g.xc * -dy + g.yc * dx)
    lines: list[list[Glyph]] = []
    for glyph in across:
        offset = glyph.xc * -dy + glyph.yc * dx
        last = lines[-1][-1] if lines else None
        if last is not None and abs(last.xc * -dy + last.yc * dx - offset) <= 0.5 * glyph.size:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda g: g.xc * dx + g.yc * dy) for line in lines]


def _text(run: list[Glyph]) -> str:
    return "".join(g.text for g in run)


def _clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs near each other (within four glyph sizes, chained)."""
    clusters: list[list[Glyph]] = []
    for glyph in glyphs:
        near = [c for c in clusters if any(_distance(glyph, g) <= 4 * max(glyph.size, g.size)
                                           for g in c)]
        merged = [glyph] + [g for c in near for g in c]
        clusters = [c for c in clusters if c not in near] + [merged]
    return clusters


def _distance(a: Glyph, b: Glyph) -> float:
    return math.hypot(a.xc - b.xc, a.yc - b.yc)


def _fit(glyphs: list[Glyph]) -> tuple[_Ring, list[Glyph]] | None:
    """The circle the glyphs stand on, each with its head pointing away from (or towards) the
    centre: position = centre + radius · up, solved by least squares; None when they do not
    make a ring."""
    if len(glyphs) < _RING_MIN:
        return None
    ups = [(-math.sin(math.radians(g.angle)), math.cos(math.radians(g.angle))) for g in glyphs]
    n = len(glyphs)
    su = sum(u[0] for u in ups)
    sv = sum(u[1] for u in ups)
    sx = sum(g.xc for g in glyphs)
    sy = sum(g.yc for g in glyphs)
    sxu = sum(g.xc * u[0] + g.yc * u[1] for g, u in zip(glyphs, ups, strict=True))
    # the normal equations: n cx + su r = sx, n cy + sv r = sy, su cx + sv cy + n r = sxu
    denominator = n * n - su * su - sv * sv
    if abs(denominator) < 1e-6 * n * n:
        return None
    radius = (n * sxu - su * sx - sv * sy) / denominator
    cx, cy = (sx - su * radius) / n, (sy - sv * radius) / n
    size = sorted(g.size for g in glyphs)[n // 2]
    fits = all(math.hypot(g.xc - cx - radius * u[0], g.yc - cy - radius * u[1]) <= 0.5 * size
               for g, u in zip(glyphs, ups, strict=True))
    if not fits or abs(radius) < size:
        return None
    return _Ring(cx, cy, radius, size), glyphs


def _off_top(glyph: Glyph, ring: _Ring) -> float:
    return math.hypot(glyph.xc - ring.x, glyph.yc - ring.y - ring.radius)


def _on_ring(glyph: Glyph, ring: _Ring) -> bool:
    """An upright glyph standing just where the ring's top (or bottom) glyph would, the size
    of its glyphs: the report's text under a seal is never exactly there."""
    return (_off_top(glyph, ring) <= _PLACE * ring.size
            and abs(glyph.size - ring.size) <= 0.1 * ring.size)


def _centre_symbol(glyph: Glyph, ring: _Ring) -> bool:
    """The star (or another symbol) at the seal's centre."""
    near = math.hypot(glyph.xc - ring.x, glyph.yc - ring.y) <= 0.5 * abs(ring.radius)
    return near and all(unicodedata.category(ch).startswith("S") for ch in glyph.text)


def _ring_text(glyphs: list[Glyph]) -> str:
    """Read round the ring the way its text runs: clockwise from after the widest gap
    between neighbouring glyphs (the bottom of a seal, where the ring is open)."""
    ordered = sorted(glyphs, key=lambda g: -g.angle)
    if len(ordered) < 2:
        return _text(ordered)
    angles = [g.angle for g in ordered]
    gaps = [(angles[i] - angles[i + 1]) for i in range(len(angles) - 1)]
    wrap = angles[-1] + 360 - angles[0]
    if wrap >= max(gaps):
        return _text(ordered)
    start = gaps.index(max(gaps)) + 1
    return _text(ordered[start:] + ordered[:start])
