"""One row of the review table per input file: its facts, its counts, its codes, its status."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reportlint.batch.jobs import CLEAN, FINDINGS, NOT_A_REPORT, UNREADABLE, Figure, Outcome
from reportlint.check.attachments import attachment_of
from reportlint.model import Diagnostic, Severity

STATUS_LABELS = {CLEAN: "无问题", FINDINGS: "有问题", UNREADABLE: "无法读取",
                 NOT_A_REPORT: "不是报告"}
KIND_LABELS = {"government": "政府", "department": "部门"}
HEADERS = ("文件", "发布机关", "机关类型", "报告年度", "格式版本", "页数", "落款日期",
           "上年报告", "错误", "警告", "提示", "问题代码", "状态")
ACROSS_YEARS = "Y"  # the code prefix of the rules comparing a report with last year's


@dataclass(frozen=True)
class Across:
    """A diagnostic comparing the report with last year's, as the year-by-year view marks
    it: where it is and the places it names in other files, (path, line, column)."""

    code: str
    message: str
    severity: str
    at: tuple[int, int]
    elsewhere: tuple[tuple[str, int, int], ...] = ()


def codes_text(codes: Counter[str]) -> str:
    """``T401×2 S105``: most frequent first, then by code."""
    ranked = sorted(codes.items(), key=lambda item: (-item[1], item[0]))
    return " ".join(code if n == 1 else f"{code}×{n}" for code, n in ranked)


@dataclass(frozen=True)
class Row:
    path: str
    page: str  # the report's page, relative to the review folder ("" when none)
    issuer: str
    issuer_kind: str
    year: str
    format_version: str
    pages: str
    published: str
    errors: int
    warnings: int
    infos: int
    codes: str
    status: str
    attachment: str = ""  # a web page's report, saved beside it (not a column of the table)
    previous: str = ""  # the report taken as last year's
    figures: tuple[Figure, ...] = ()
    across: tuple[Across, ...] = ()

    @property
    def cells(self) -> tuple[str, ...]:
        return (self.path, self.issuer, KIND_LABELS.get(self.issuer_kind, self.issuer_kind),
                self.year, self.format_version, self.pages, self.published, self.previous,
                str(self.errors), str(self.warnings), str(self.infos), self.codes,
                STATUS_LABELS.get(self.status, self.status))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _across(diagnostics: Iterable[Diagnostic]) -> tuple[Across, ...]:
    return tuple(
        Across(d.code, d.message, d.severity.label, (d.span.line, d.span.column),
               tuple((r.path, r.span.line, r.span.column) for r in d.related if r.path))
        for d in diagnostics if d.code.startswith(ACROSS_YEARS))


def row_of(outcome: Outcome, page: str) -> Row:
    report, facts = outcome.report, outcome.facts
    severities = Counter(d.severity for d in report.diagnostics)
    return Row(
        path=report.path, page=page,
        issuer=_text(facts and facts.issuer), issuer_kind=_text(facts and facts.issuer_kind),
        year=_text(facts and facts.year), format_version=_text(facts and facts.format_version),
        pages=_text(facts and facts.pages), published=_text(facts and facts.published),
        errors=severities[Severity.ERROR], warnings=severities[Severity.WARNING],
        infos=severities[Severity.INFO],
        codes=codes_text(Counter(d.code for d in report.diagnostics)), status=outcome.status,
        attachment=attachment_of(report) or "",
        previous=_text(facts and facts.previous), figures=facts.figures if facts else (),
        across=_across(report.diagnostics),
    )


def csv_line(cells: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()
