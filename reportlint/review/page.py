"""The page of one report: its text with its tables as tables, each flagged line and cell
highlighted with its message beside it, page numbers for PDFs, related places linked.

``report_page`` is a pure function of the report (its shown lines and diagnostics) and its
facts: ``reportlint report``, the review folder and a web service all serve the same page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reportlint.batch.jobs import ReportFacts
from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.review.html import esc, frame
from reportlint.review.rows import KIND_LABELS, STATUS_LABELS

SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True)
class Link:
    """Another page of the review named among a report's facts: the attachment a web page
    published as its report, or the web page an attachment was published on."""

    label: str
    text: str
    href: str


FACTS_START = '<dl class="facts">'


def _link_fact(link: Link) -> str:
    return (f'<div class="link"><dt>{esc(link.label)}</dt>'
            f'<dd><a href="{esc(link.href)}">{esc(link.text)}</a></dd></div>')


def with_link(page: str, link: Link) -> str:
    """A page written already, with one more link among its facts (the review folder writes
    pages as outcomes arrive: an attachment may come before the web page it was on)."""
    return page.replace(FACTS_START, FACTS_START + _link_fact(link), 1)


@dataclass(frozen=True)
class Flag:
    """A diagnostic (or a place related to one) as it shows on one line."""

    number: int  # the diagnostic's number on the page
    diagnostic: Diagnostic
    span: Span
    related: bool = False
    quiet: bool = False  # highlighted, without a message of its own


def _flags(diagnostics: Sequence[Diagnostic]) -> dict[int, list[Flag]]:
    by_line: dict[int, list[Flag]] = defaultdict(list)
    for number, diagnostic in enumerate(diagnostics, 1):
        by_line[diagnostic.span.line].append(Flag(number, diagnostic, diagnostic.span))
        for related in (r for r in diagnostic.related if r.path is None):
            # on the diagnostic's own line, its message already lists the related places
            same = related.span.line == diagnostic.span.line
            by_line[related.span.line].append(
                Flag(number, diagnostic, related.span, True, quiet=same))
    return by_line


def _is_row(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _is_rule(text: str) -> bool:
    return set(text.strip()) <= set("|-: ")


def _cells(text: str) -> list[tuple[int, int, str]]:
    """A pipe row's cells as (first column, end column exclusive, text), 1-based."""
    bars = [i for i, ch in enumerate(text) if ch == "|"]
    return [(a + 2, b + 1, text[a + 1 : b].strip()) for a, b in pairwise(bars)]


def _cell_of(flag: Flag, cells: list[tuple[int, int, str]]) -> int | None:
    column = flag.span.column
    return next((k for k, (start, end, _) in enumerate(cells) if start - 1 <= column < end),
                None)


def _css(flag: Flag) -> str:
    return "related" if flag.related else flag.diagnostic.severity.label


def _marked(text: str, flags: list[Flag], line: int) -> str:
    """The line with each flagged range wrapped in <mark> (overlaps: the first wins)."""
    out, at = [], 0
    for flag in sorted(flags, key=lambda f: (f.span.column, f.related)):
        start = min(max(flag.span.column - 1, at), len(text))
        end = flag.span.end_column - 1 if flag.span.end_line == line else len(text)
        end = max(min(end, len(text)), start + (start < len(text)))
        if start < at or end <= start:
            continue
        out += [esc(text[at:start]),
                f'<mark class="{_css(flag)}" data-d="{flag.number}">{esc(text[start:end])}</mark>']
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def _link(line: int, label: str) -> str:
    return f'<a href="#L{line}">{esc(label)}</a>'


def _message(flag: Flag) -> str:
    d = flag.diagnostic
    if flag.related:
        return (f'<div class="msg related">↳ 与<a href="#d{flag.number}">问题{flag.number}</a>'
                f"相关：{esc(_related_message(flag))}</div>")
    links = "".join(f"<li>{_place(r)}{_page(r.page)}：{esc(r.message)}</li>"
                    for r in d.related)
    related = f'<ul class="rel">{links}</ul>' if links else ""
    where = f"（{esc(d.where)}）" if d.where else ""
    return (f'<div class="msg {d.severity.label}" id="d{flag.number}">'
            f'<span class="badge">{flag.number}</span> <b>{esc(d.code)}</b> '
            f"[{SEVERITY_LABELS[d.severity]}] {esc(d.message)}{where}{related}</div>")


def _place(related: Related) -> str:
    """A related place: a link to its line here, or the other file's name and line."""
    where = f"第{related.span.line}行"
    if related.path is not None:
        return esc(f"{related.path} {where}")
    return _link(related.span.line, where)


def _related_message(flag: Flag) -> str:
    return next((r.message for r in flag.diagnostic.related if r.span == flag.span), "")


def _page(page: int | None) -> str:
    return f"（第{page}页）" if page is not None else ""


def _text_line(number: int, text: str, flags: list[Flag]) -> str:
    css = " flagged" if any(not f.related for f in flags) else (" rel" if flags else "")
    messages = "".join(_message(f) for f in flags if not f.quiet)
    return (f'<div class="line{css}" id="L{number}"><span class="no">{number}</span>'
            f'<span class="tx">{_marked(text, flags, number) or "&nbsp;"}</span></div>'
            f"{messages}")


def _row(number: int, text: str, flags: list[Flag]) -> str:
    cells = _cells(text)
    by_cell: dict[int | None, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_cell[_cell_of(flag, cells)].append(flag)
    tds = []
    for k, (start, _, value) in enumerate(cells):
        here = by_cell.get(k, [])
        css = " ".join(sorted({_css(f) for f in here}))
        title = esc("；".join(f"{f.diagnostic.code} {f.diagnostic.message}" for f in here))
        attrs = f' class="flag {css}" title="{title}"' if here else ""
        tds.append(f'<td id="L{number}c{start}"{attrs}>{esc(value)}</td>')
    messages = "".join(_message(f) for f in flags if not f.quiet)
    extra = (f'<tr class="msgs"><td></td><td colspan="{max(len(cells), 1)}">{messages}</td></tr>'
             if messages else "")
    flagged = " flagged" if any(not f.related for f in flags) else ""
    return (f'<tr id="L{number}" class="row{flagged}"><td class="no">{number}</td>'
            f"{''.join(tds)}</tr>{extra}")


def _body(lines: Sequence[str], flags: dict[int, list[Flag]],
          page_starts: dict[int, int]) -> str:
    out: list[str] = []
    in_table = False
    for number, raw in enumerate(lines, 1):
        text = raw.rstrip("\r\n")
        if number in page_starts:
            if in_table:
                out.append("</table>")
                in_table = False
            out.append(f'<div class="pagebreak">第{page_starts[number]}页</div>')
        row = _is_row(text)
        if row and not in_table:
            out.append('<table class="grid">')
        elif not row and in_table:
            out.append("</table>")
        in_table = row
        if row and _is_rule(text) and not flags.get(number):
            continue
        here = flags.get(number, [])
        out.append(_row(number, text, here) if row else _text_line(number, text, here))
    if in_table:
        out.append("</table>")
    return "".join(out)


def _facts(facts: ReportFacts | None, status: str) -> str:
    items: list[tuple[str, object]] = [("状态", STATUS_LABELS.get(status, status))]
    if facts is not None:
        items += [("发布机关", facts.issuer or "—"),
                  ("机关类型", KIND_LABELS.get(facts.issuer_kind or "", "—")),
                  ("报告年度", facts.year or "—"), ("格式版本", facts.format_version or "—"),
                  ("落款日期", facts.published or "—")]
        if facts.pages:
            items.append(("页数", facts.pages))
        items.append(("上年报告", facts.previous or "无（未与上年报告比较）"))
    return "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in items)


def _index(diagnostics: Sequence[Diagnostic], shown: int) -> str:
    """The list of findings; each links to its message beside its line, when the page shows
    that line (a file that could not be read shows none)."""
    if not diagnostics:
        return '<p class="none">未发现问题。</p>'
    items = "".join(
        f'<li class="{d.severity.label}">{_to_message(n, d, shown)} <b>{esc(d.code)}</b> '
        f"[{SEVERITY_LABELS[d.severity]}] {esc(d.message)}</li>"
        for n, d in enumerate(diagnostics, 1))
    return f'<ol class="findings">{items}</ol>'


def _to_message(number: int, diagnostic: Diagnostic, shown: int) -> str:
    where = f"第{diagnostic.span.line}行{_page(diagnostic.page)}"
    return f'<a href="#d{number}">{where}</a>' if diagnostic.span.line <= shown else where


def report_page(report: FileReport, facts: ReportFacts | None = None, status: str = "",
                back: str | None = None, links: Sequence[Link] = ()) -> str:
    """The whole HTML page of one report; ``back``: the link to the dashboard, if any;
    ``links``: other pages of the review named among its facts."""
    diagnostics = sorted(report.diagnostics, key=lambda d: d.sort_key)
    counts = {s: sum(d.severity is s for d in diagnostics) for s in SEVERITY_LABELS}
    tally = "，".join(f"{SEVERITY_LABELS[s]} {n}" for s, n in counts.items())
    nav = f'<a class="back" href="{esc(back)}">← 返回总览</a>' if back else ""
    starts = dict(facts.page_starts) if facts is not None else {}
    body = (f'<header>{nav}<h1>{esc(report.path)}</h1><p class="tally">{tally}</p>'
            f'{FACTS_START}{"".join(map(_link_fact, links))}{_facts(facts, status)}</dl>'
            f"</header><section><h2>问题清单</h2>{_index(diagnostics, len(report.lines))}"
            "</section>"
            f'<section><h2>报告原文</h2><div class="doc">'
            f"{_body(report.lines, _flags(diagnostics), starts)}</div></section>")
    return frame(f"{report.path} — 检查结果", body)
