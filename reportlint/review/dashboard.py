"""``index.html``: totals, counts per rule, per issuer kind and per issuer, each issuer's key
figures year by year (review/years.py), and the list of reports, sortable and filterable by
status, code and issuer (a small inline script)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reportlint.review.html import asset, esc, frame
from reportlint.review.rows import HEADERS, KIND_LABELS, STATUS_LABELS, Row
from reportlint.review.years import years_view


def _table(title: str, counts: Counter[str], head: str) -> str:
    rows = "".join(f"<tr><td>{esc(k)}</td><td class='n'>{n}</td></tr>"
                   for k, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
    return (f'<div class="panel"><h2>{esc(title)}</h2><table class="counts"><tr><th>{head}'
            f"</th><th>数量</th></tr>{rows}</table></div>")


def _totals(rows: Sequence[Row]) -> str:
    status = Counter(r.status for r in rows)
    items = [("报告文件", len(rows))]
    items += [(label, status[key]) for key, label in STATUS_LABELS.items()]
    items += [("错误", sum(r.errors for r in rows)), ("警告", sum(r.warnings for r in rows)),
              ("提示", sum(r.infos for r in rows))]
    return "".join(f'<div class="total"><b>{n}</b><span>{esc(k)}</span></div>' for k, n in items)


def _rule_counts(rows: Sequence[Row]) -> Counter[str]:
    found: Counter[str] = Counter()
    for row in rows:
        for part in row.codes.split():
            code, _, times = part.partition("×")
            found[code] += int(times or 1)
    return found


class _Entries:
    """Where each listed file's entry is, and which web pages published each attachment."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.numbers = {row.path: n for n, row in enumerate(rows, 1)}
        self.pages = {row.path: row.page for row in rows}
        self.published_on: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            if row.attachment:
                self.published_on[row.attachment].append(row.path)

    def link(self, path: str) -> str:
        """The file's own page, else its row; only its name when it was not in the run."""
        if path not in self.numbers:
            return esc(path)
        href = self.pages[path] or f"#r{self.numbers[path]}"
        return f'<a href="{esc(href)}">{esc(path)}</a>'

    def related(self, row: Row) -> str:
        pairs = [("报告附件", row.attachment)] if row.attachment else []
        pairs += [("发布页面", web) for web in self.published_on.get(row.path, ())]
        return "".join(f'<div class="via">{label}：{self.link(path)}</div>'
                       for label, path in pairs)


def _report_row(number: int, row: Row, entries: _Entries) -> str:
    cells = row.cells
    link = (f'<a href="{esc(row.page)}">{esc(row.path)}</a>' if row.page else esc(row.path))
    tds = [f"<td>{link}{entries.related(row)}</td>"] + [f"<td>{esc(c)}</td>" for c in cells[1:]]
    return (f'<tr id="r{number}" data-status="{esc(row.status)}" data-codes=" {esc(row.codes)} " '
            f'data-issuer="{esc(row.issuer)}">{"".join(tds)}</tr>')


def _filters(rows: Sequence[Row], codes: Counter[str]) -> str:
    statuses = "".join(f'<option value="{esc(k)}">{esc(v)}</option>'
                       for k, v in STATUS_LABELS.items())
    code_options = "".join(f'<option value="{esc(c)}">{esc(c)}</option>' for c in sorted(codes))
    return (f'<div class="filters"><label>状态 <select id="f-status"><option value="">全部'
            f"</option>{statuses}</select></label>"
            f'<label>问题代码 <select id="f-code"><option value="">全部</option>{code_options}'
            f'</select></label><label>发布机关 <input id="f-issuer" type="search" '
            f'placeholder="输入名称的一部分"></label><span id="shown"></span></div>')


def dashboard(rows: Sequence[Row], extra: str = "") -> str:
    """The dashboard page; ``extra``: more HTML for the end of the summary (a register)."""
    codes = _rule_counts(rows)
    kinds = Counter(KIND_LABELS.get(r.issuer_kind, r.issuer_kind or "未知") for r in rows
                    if r.issuer_kind)
    issuers = Counter(r.issuer or "（未识别）" for r in rows if r.status != "not a report")
    head = "".join(f'<th data-col="{i}">{esc(h)}</th>' for i, h in enumerate(HEADERS))
    entries = _Entries(rows)
    body = (f'<header><h1>政府信息公开工作年度报告检查总览</h1></header>'
            f'<section class="totals">{_totals(rows)}</section>'
            f'<section class="panels">{_table("各规则问题数", codes, "规则")}'
            f'{_table("按机关类型", kinds, "机关类型")}{_table("按发布机关", issuers, "发布机关")}'
            f"</section>{extra}{years_view(rows)}<section><h2>报告列表</h2>{_filters(rows, codes)}"
            f'<table id="reports" class="list"><thead><tr>{head}</tr></thead><tbody>'
            f"{''.join(_report_row(n, r, entries) for n, r in enumerate(rows, 1))}"
            "</tbody></table></section>")
    return frame("年度报告检查总览", body, asset("dashboard.js"))
