"""Unit tests of the date, issuer and contact facts, and of P701 against bound tables
(pre-filled into ``Context.memo["tables"]``, which is what the table layer's binding fills)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.kinds.registry import KINDS
from reportlint.check.packs import RuleSet, load_rules
from reportlint.errors import UsageError
from reportlint.facts.context import Context
from reportlint.facts.issuer import classify
from reportlint.facts.issuerkind import run_options
from reportlint.model import Settings, Severity, Span
from reportlint.parse.catalogue import catalogue_from_data
from reportlint.parse.dates import find_dates, first_year
from reportlint.parse.parser import parse
from reportlint.tables import BOUND, UNRECOVERABLE, BoundCell, BoundTable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.mark.parametrize(("text", "expected"), [
    ("2020年1月1日", (2020, 1, 1)),
    ("2023 年 1 月 1 日", (2023, 1, 1)),
    ("2020.1.1", (2020, 1, 1)),
    ("2020-01-01", (2020, 1, 1)),
    ("2020/1/1", (2020, 1, 1)),
    ("二〇二一年一月二十九日", (2021, 1, 29)),
    ("二○二一年元月", (2021, 1, None)),
    ("二〇二〇年十二月三十一日", (2020, 12, 31)),
])
def test_date_forms(text: str, expected: tuple[int, int, int | None]) -> None:
    found = list(find_dates(text))
    assert [(d.year, d.month, d.day) for d in found] == [expected]
    assert found[0].valid


@pytest.mark.parametrize("text", ["0591-23165250", "2019-2020学年", "规划（2021-2035）", "12345"])
def test_not_dates(text: str) -> None:
    assert list(find_dates(text, month_days=True)) == []


def test_month_day_without_year_and_invalid_dates() -> None:
    found = list(find_dates("2019年1月1日到12月31日，2021年2月30日", month_days=True))
    assert [(d.year, d.month, d.day, d.valid) for d in found] == [
        (2019, 1, 1, True), (None, 12, 31, True), (2021, 2, 30, False)]


def test_first_year_in_title_forms() -> None:
    assert first_year("沐阳县人民政府 2025 年 政府信息公开工作年度报告") == 2025
    assert first_year("某局二〇二一年政府信息公开工作年度报告") == 2021
    assert first_year("政府信息公开工作年度报告") is None


@pytest.mark.parametrize(("name", "kind"), [
    ("洪泽区人民政府", "government"),
    ("平潭综合实验区管委会", "government"),
    ("苏州工业园区管理委员会", "government"),
    ("平潭综合实验区", "government"),
    ("淮安市人民政府办公室", "department"),
    ("平潭综合实验区管委会办公室", "department"),
    ("邵阳市商务局", "department"),
    ("邵阳市发展和改革委员会", "department"),
    (None, "department"),
])
def test_issuer_kind(name: str | None, kind: str, rules: RuleSet) -> None:
    decided = classify(name, rules.data["issuer"])
    assert decided.kind == kind
    assert decided.reasons


def test_run_options() -> None:
    assert run_options(None, None) == {}
    assert run_options("government", "3-15") == {"issuer-kind": "government",
                                                 "deadlines": {"government": "03-15"}}
    both = run_options(None, "01-20")["deadlines"]
    assert both == {"government": "01-20", "department": "01-20"}
    with pytest.raises(UsageError):
        run_options(None, "02-30")


def test_stale_template_year_is_a_warning(rules: RuleSet) -> None:
    text = (FIXTURES / "example.txt").read_text(encoding="utf-8")
    text = text.replace("2020年政府信息公开工作年度报告", "2021年政府信息公开工作年度报告", 1)
    text = text.replace("自2020年1月1日起至2020年12月31日止", "自2021年1月1日起至2021年12月31日止")
    report = lint_bytes("r.txt", text.encode(), rules, Selection(select=("D503",)), Settings())
    assert [(d.code, d.severity) for d in report.diagnostics] == [("D503", Severity.WARNING)]


def test_configured_severity_wins_over_the_findings(rules: RuleSet) -> None:
    text = (FIXTURES / "example.txt").read_text(encoding="utf-8")
    text = text.replace("2020年政府信息公开工作年度报告", "2021年政府信息公开工作年度报告", 1)
    text = text.replace("自2020年1月1日起至2020年12月31日止", "自2021年1月1日起至2021年12月31日止")
    selection = Selection(select=("D503",), severity={"D503": Severity.INFO})
    report = lint_bytes("r.txt", text.encode(), rules, selection, Settings())
    assert [d.severity for d in report.diagnostics] == [Severity.INFO]


# P701 against bound tables -------------------------------------------------------------------

def _cell(table: str, row: str, column: str, value: int, line: int) -> BoundCell:
    return BoundCell(table, row, column, str(value), Decimal(value), Span(line, 2, line, 3))


def _table3(new: int, prior: int, carried: int, status: str = BOUND) -> BoundTable:
    cells = {(c.row, c.column): c for c in (
        _cell("table3", "new", "total", new, 109),
        _cell("table3", "prior", "total", prior, 118),
        _cell("table3", "next", "total", carried, 343),
    )}
    return BoundTable("table3", status, Span(85, 1, 343, 3), "2019", cells)


def _table4(review: int, direct: int, after: int) -> BoundTable:
    cells = {(c.row, c.column): c for c in (
        _cell("table4", "counts", "review_total", review, 381),
        _cell("table4", "counts", "direct_total", direct, 386),
        _cell("table4", "counts", "after_total", after, 391),
    )}
    return BoundTable("table4", BOUND, Span(350, 1, 391, 3), "2019", cells)


def _p701(text: str, rules: RuleSet, tables: dict[str, BoundTable]) -> list[tuple[int, int, str]]:
    lines = tuple(text.split("\n"))
    document = parse(lines, catalogue_from_data(rules.data["sections"]))
    ctx = Context(document, lines, rules.data, Settings())
    ctx.memo["tables"] = tables
    rule = rules.by_code("P701")
    assert rule is not None
    found = KINDS[rule.kind].check(ctx, rule.params)
    return [(f.span.line, f.span.column, f.message) for f in found]


_REPORT = """某局2020年政府信息公开工作年度报告
一、总体情况
{text}
"""


@pytest.mark.parametrize(("text", "columns"), [
    ("全年共收到政府信息公开申请21件，办结20件。", [14]),  # ≠ 一 总计 20
    ("全年共收到政府信息公开申请20件，办结20件。", []),
    ("本年度全区共收到21件申请。", [9]),
    ("共受理政府信息公开申请22件（含上年结转2件）。", []),  # 一 + 二 = 22
    ("共受理政府信息公开申请21件（含上年结转2件）。", [12]),
    ("全县共受理政府信息公开申请22件。", []),  # 一 + 二 without saying so: no contradiction
    ("全县共受理政府信息公开申请23件。", [14]),
    ("结转下年度继续办理3件。", [10]),  # ≠ 四 总计 1
    ("另有 1 件顺延到下年度答复。", []),
    ("结转至2021年1件。", []),
    ("政府信息公开行政复议 4 件，行政诉讼 3 件。", [21]),  # 复议 4 ok; 诉讼 ≠ 1 + 1
    ("行政复议4起，行政诉讼2起。", []),
    ("收到行政复议申请5件。", [9]),
    ("另有3,001件结转下年度。", [3]),  # read whole (3001 ≠ 1), never as 001
])
def test_p701_statements(text: str, columns: list[int], rules: RuleSet) -> None:
    tables = {"table3": _table3(20, 2, 1), "table4": _table4(4, 1, 1)}
    found = _p701(_REPORT.format(text=text), rules, tables)
    assert [column for _, column, _ in found] == columns
    assert all(line == 3 for line, _, _ in found)


def test_p701_relates_the_cells(rules: RuleSet) -> None:
    tables = {"table3": _table3(20, 2, 1)}
    lines = tuple(_REPORT.format(text="共收到政府信息公开申请21件。").split("\n"))
    document = parse(lines, catalogue_from_data(rules.data["sections"]))
    ctx = Context(document, lines, rules.data, Settings())
    ctx.memo["tables"] = tables
    rule = rules.by_code("P701")
    assert rule is not None
    (finding,) = KINDS[rule.kind].check(ctx, rule.params)
    assert [r.span for r in finding.related] == [Span(109, 2, 109, 3)]
    assert "21" in finding.message and "20" in finding.message


@pytest.mark.parametrize("tables", [
    {},  # no table found
    {"table3": _table3(20, 2, 1, UNRECOVERABLE)},  # table unrecoverable: silent
])
def test_p701_silent_without_a_bound_table(tables: dict[str, BoundTable],
                                           rules: RuleSet) -> None:
    assert _p701(_REPORT.format(text="全年共收到政府信息公开申请21件。"), rules, tables) == []


def test_local_number_is_a_warning_bad_number_an_error(rules: RuleSet) -> None:
    text = (FIXTURES / "example.txt").read_text(encoding="utf-8")
    text = text.replace("电话：0739-2323188", "电话：2323188、0739-23231")
    report = lint_bytes("r.txt", text.encode(), rules, Selection(select=("C604",)), Settings())
    assert [d.severity for d in report.diagnostics] == [Severity.WARNING, Severity.ERROR]


def _table2(version: str, column: str, rules_count: int, normative: int) -> BoundTable:
    cells = {(c.row, c.column): c for c in (
        _cell("table2", "rules", column, rules_count, 19),
        _cell("table2", "normative", column, normative, 24),
    )}
    return BoundTable("table2", BOUND, Span(9, 1, 80, 3), version, cells)


@pytest.mark.parametrize(("table", "columns"), [
    (_table2("2021", "issued", 1, 8), []),
    (_table2("2019", "new_made", 1, 8), []),
    (_table2("2021", "issued", 0, 8), [13]),  # 规章 1 stated, 0 in the table
    (_table2("2019", "new_made", 1, 9), [46]),  # 规范性文件 8 stated, 9 in the table
])
def test_p701_table2_either_version(table: BoundTable, columns: list[int],
                                    rules: RuleSet) -> None:
    text = ("全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件，"
            "制发行政规范性文件 8 件。")
    found = _p701(_REPORT.format(text=text), rules, {"table2": table})
    assert [column for _, column, _ in found] == columns
