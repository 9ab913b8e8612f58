"""The dashboard's year-by-year view: for each issuer with reports of two or more years,
its key figures (表三、表四) side by side, year by year, with the findings that compare a
report with last year's (Y801-Y803) marked on the figures they concern (a related place
in last year's report marks last year's figure too) and the others under their year."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlint.batch.jobs import CLEAN, FINDINGS
from reportlint.batch.pairing import issuer_key
from reportlint.review.html import esc
from reportlint.review.rows import Across, Row, codes_text


@dataclass
class _Marks:
    """The findings on each (figure, report) cell, and those on no figure, by report."""

    own: dict[tuple[str, int], list[Across]] = field(default_factory=lambda: defaultdict(list))
    related: dict[tuple[str, int], list[tuple[Across, int]]] = field(
        default_factory=lambda: defaultdict(list))
    elsewhere: dict[int, list[Across]] = field(default_factory=lambda: defaultdict(list))


def _groups(rows: Sequence[Row]) -> list[list[Row]]:
    """The reports of each issuer (named alike once normalised, as pairing compares them)
    that has reports of two years or more, by year."""
    by_issuer: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        key = issuer_key(row.issuer)
        if key is not None and row.year and row.status in (CLEAN, FINDINGS):
            by_issuer[key].append(row)
    groups = [sorted(g, key=lambda r: (r.year, r.path)) for _, g in sorted(by_issuer.items())]
    return [g for g in groups if len({r.year for r in g}) > 1]


def _figure_at(row: Row, place: tuple[int, int]) -> str | None:
    return next((f.label for f in row.figures if place in f.cells), None)


def _marks(group: Sequence[Row]) -> _Marks:
    marks = _Marks()
    columns = {row.path: k for k, row in enumerate(group)}
    for k, row in enumerate(group):
        for finding in row.across:
            label = _figure_at(row, finding.at)
            if label is None:
                marks.elsewhere[k].append(finding)
            else:
                marks.own[label, k].append(finding)
            for path, line, column in finding.elsewhere:
                other = columns.get(path)
                at = _figure_at(group[other], (line, column)) if other is not None else None
                if other is not None and at is not None:
                    marks.related[at, other].append((finding, k))
    return marks


def _titles(findings: Sequence[Across]) -> str:
    return "；".join(f"{f.code} {f.message}" for f in findings)


def _cell(value: str | None, own: list[Across], related: list[tuple[Across, int]],
          group: Sequence[Row]) -> str:
    shown = esc(value) if value is not None else '<span class="none-value">—</span>'
    if own:
        worst = "warning" if all(f.severity != "error" for f in own) else "error"
        codes = codes_text(Counter(f.code for f in own))
        return (f'<td class="y-mark {worst}" title="{esc(_titles(own))}">{shown}'
                f"<sup>{esc(codes)}</sup></td>")
    if related:
        title = "；".join(f"与{group[k].year}年报告的{f.code}相关：{f.message}"
                         for f, k in related)
        return f'<td class="y-rel" title="{esc(title)}">{shown}<sup>↗</sup></td>'
    return f"<td>{shown}</td>"


def _head(row: Row) -> str:
    year = f"{esc(row.year)}年"
    link = f'<a href="{esc(row.page)}">{year}</a>' if row.page else year
    return f'<th>{link}<div class="path">{esc(row.path)}</div></th>'


def _labels(group: Sequence[Row]) -> list[str]:
    labels: list[str] = []
    for row in group:
        labels += [f.label for f in row.figures if f.label not in labels]
    return labels


def _others(findings: list[Across]) -> str:
    if not findings:
        return "<td></td>"
    items = "".join(f'<li class="{esc(f.severity)}"><b>{esc(f.code)}</b> {esc(f.message)}</li>'
                    for f in findings)
    return f'<td class="y-others"><ul>{items}</ul></td>'


def _issuer(group: Sequence[Row]) -> str:
    marks = _marks(group)
    body = []
    for label in _labels(group):
        cells = []
        for k, row in enumerate(group):
            value = next((f.value for f in row.figures if f.label == label), None)
            cells.append(_cell(value, marks.own.get((label, k), []),
                               marks.related.get((label, k), []), group))
        body.append(f"<tr><th>{esc(label)}</th>{''.join(cells)}</tr>")
    body.append("<tr><th>其他跨年度问题</th>"
                f"{''.join(_others(marks.elsewhere.get(k, [])) for k in range(len(group)))}"
                "</tr>")
    found = sum(len(row.across) for row in group)
    years = "、".join(dict.fromkeys(f"{row.year}年" for row in group))
    summary = f"{esc(group[-1].issuer)}（{years}）" + (
        f'<span class="y-count">跨年度问题 {found} 个</span>' if found else "")
    return (f'<details class="issuer"{" open" if found else ""}><summary>{summary}</summary>'
            f'<table class="years"><tr><th>指标</th>{"".join(_head(r) for r in group)}</tr>'
            f"{''.join(body)}</table></details>")


def years_view(rows: Sequence[Row]) -> str:
    """The section, or "" when no issuer has reports of two years."""
    groups = _groups(rows)
    if not groups:
        return ""
    issuers = "".join(_issuer(group) for group in groups)
    return (f'<section id="years"><h2>跨年度对比</h2><p class="note">同一发布机关各年度报告的'
            f"主要数字并列；与上年报告比较发现的问题（Y801–Y803）标在所涉数字上，上年报告中的相关"
            f"数字以 ↗ 标出，未落在这些数字上的问题列在最后一行。</p>{issuers}</section>")
