"""The diagnostics every output format is tested on, built as records (no parser needed).

They cover what the formats must carry: a character outside the BMP (U+20000) before the
flagged number, a diagnostic with related locations and PDF pages, each severity, a message
holding the characters GitHub escapes (``%``, ``:``, ``,``, a line break), a clean file, a
path given absolute under the working directory and one outside it.
"""

from __future__ import annotations

from dataclasses import replace

from reportlint.check.packs import Rule
from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.output.base import FormatOptions

BASE_DIR = "/home/user/project"


def _rule(code: str, name: str, severity: Severity, summary: str) -> Rule:
    return Rule(code=code, name=name, severity=severity, description=f"{summary}。\n详细说明。",
                kind="test", params={}, summary=summary, example="错误：……\n正确：……",
                file=f"rules/{code}.yaml", pack="test-pack")


RULES = (
    _rule("P701", "prose-table-mismatch", Severity.WARNING, "正文数字与表格不一致"),
    _rule("S101", "title-missing", Severity.ERROR, "缺少标题"),
    _rule("T401", "row-total", Severity.ERROR, "表三某行总计不等于各列之和"),
    # N303 is not defined: its diagnostics must still get a rule descriptor.
)

# 𠀀 (U+20000) is one code point, two UTF-16 units, four UTF-8 bytes, two screen cells.
RARE_LINES = (
    "𠀀县人民政府2020年政府信息公开工作年度报告",
    "",
    "一、总体情况",
    "\t𠀀乡本年共收到申请12件，其中：依申请公开3件。",
)

PDF_LINES = (
    "表三 收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量 5 3 0 0 0 0 9",
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
)


def _span(line: int, column: int, end_column: int) -> Span:
    return Span(line, column, line, end_column)


RARE = FileReport(
    path="reports/罕见字 年报.txt",
    lines=RARE_LINES,
    diagnostics=(
        Diagnostic("P701", "prose-table-mismatch", Severity.WARNING,
                   "正文所述新收申请数（12件）与表三（9件）不一致", _span(4, 11, 13),
                   related=(Related(_span(1, 1, 8), "表三“一、本年新收”总计"),)),
        Diagnostic("N303", "number-nonstandard", Severity.INFO,
                   "比例 10%, 已按: 数字处理\n（第二行）", _span(4, 23, 24)),
        Diagnostic("S101", "title-missing", Severity.ERROR,
                   "标题写法不对", Span(1, 1, 3, 7)),
    ),
)

PDF = FileReport(
    path=f"{BASE_DIR}/reports/report.pdf",
    lines=PDF_LINES,
    diagnostics=(
        Diagnostic("T401", "row-total", Severity.ERROR,
                   "总计为 9，但各列之和为 8（5+3+0+0+0+0）", _span(2, 30, 31),
                   related=(Related(_span(2, 18, 19), "自然人", page=2),
                            Related(_span(2, 20, 21), "商业企业", page=2)),
                   page=2, where="第1个表格第2行第8列"),
    ),
)

CLEAN = FileReport(path="/elsewhere/clean.txt", lines=("一、总体情况",), diagnostics=())

REPORTS = (RARE, PDF, CLEAN)
OPTIONS = FormatOptions(color=False, rules=RULES, base_dir=BASE_DIR,
                        fail_on={RARE.path: "warning"})


def moved(report: FileReport, by: int) -> FileReport:
    """The same report with ``by`` unrelated lines inserted at its top."""
    def shift(span: Span) -> Span:
        return Span(span.line + by, span.column, span.end_line + by, span.end_column)

    diagnostics = tuple(
        replace(d, span=shift(d.span),
                related=tuple(replace(r, span=shift(r.span)) for r in d.related))
        for d in report.diagnostics)
    return FileReport(report.path, diagnostics, ("插入的一行",) * by + report.lines)
