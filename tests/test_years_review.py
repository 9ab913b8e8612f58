"""Across years in the outputs: which report was taken as last year's (parse, summary.csv,
the review pages), each issuer's key figures year by year with the Y findings marked on
them (index.html), what is kept of last year's report, and paired results cached by both
files.

The reports are the example (邵阳市商务局, 2020) made reports of 2019 and 2021 (title and
statistics period), 2019's carrying 2 requests of natural persons forward (2020 carried
over 0: Y801), 2021's with 3 new requests of natural persons instead of 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from clirun import ROOT, run

from reportlint.check.engine import last_year_report, parse_source
from reportlint.check.packs import load_rules
from reportlint.facts.context import Context
from reportlint.model import Settings
from reportlint.read import read_bytes
from reportlint.tables.layer import table_layer

EXAMPLE = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")
CARRIED = "四、结转下年度继续办理\n\t"
NEW_ROW = "一、本年新收政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1"


def _as_year(text: str, year: int) -> str:
    return (text.replace("2020年政府信息公开工作年度报告", f"{year}年政府信息公开工作年度报告", 1)
            .replace("自2020年1月1日起至2020年12月31日止",
                     f"自{year}年1月1日起至{year}年12月31日止", 1))


def _reports(root: Path) -> dict[int, Path]:
    folder = root / "reports"
    folder.mkdir()
    texts = {
        2019: _as_year(EXAMPLE, 2019).replace(f"{CARRIED}0", f"{CARRIED}2", 1),
        2020: EXAMPLE,
        2021: _as_year(EXAMPLE, 2021).replace(NEW_ROW, NEW_ROW.replace("\t1", "\t3"), 1),
    }
    assert NEW_ROW in EXAMPLE
    paths = {}
    for year, text in texts.items():
        paths[year] = folder / f"{year}.txt"
        paths[year].write_text(text, encoding="utf-8")
    return paths


def _cell(path: Path, table: str, row: str, column: str) -> str:
    """The number the report's bound table holds there, as the review should show it."""
    rules = load_rules()
    source, document = parse_source(read_bytes(path.name, path.read_bytes()), rules.data)
    cell = table_layer(Context(document, source.lines, rules.data)).tables[table].cells[
        row, column]
    assert cell.value is not None
    return format(cell.value.normalize(), "f")


class _Cells(HTMLParser):
    """The year-by-year tables of index.html: rows of (text, class, title) per cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, str, str]]]] = []
        self._cell: list[str] | None = None
        self._attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "table" and found.get("class") == "years":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell, self._attrs = [], found

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(("".join(self._cell).strip(),
                                        self._attrs.get("class", ""),
                                        self._attrs.get("title", "")))
            self._cell = None
        elif tag == "table":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    _reports(tmp_path)
    result = run(["report", "--no-cache", "reports", "-o", "review"], tmp_path, monkeypatch,
                 capsys)
    assert result.code == 0
    return tmp_path


def test_the_index_shows_the_key_figures_year_by_year_as_the_tables_hold_them(
        review: Path) -> None:
    parser = _Cells()
    parser.feed((review / "review" / "index.html").read_text(encoding="utf-8"))
    [table] = parser.tables
    head, *rows = table
    assert [text[:5] for text, _, _ in head[1:]] == ["2019年", "2020年", "2021年"]
    by_label = {row[0][0]: row[1:] for row in rows}
    figures = {"表三 本年新收": ("table3", "new", "total"),
               "表三 上年结转": ("table3", "prior", "total"),
               "表三 （七）总计": ("table3", "total", "total"),
               "表三 结转下年度继续办理": ("table3", "next", "total"),
               "表四 行政复议总计": ("table4", "counts", "review_total")}
    for label, (key, row, column) in figures.items():
        shown = [re.sub(r"[A-Z]\d{3}.*|↗", "", text) for text, _, _ in by_label[label]]
        expected = [_cell(review / "reports" / f"{year}.txt", key, row, column)
                    for year in (2019, 2020, 2021)]
        assert shown == expected, label
    assert [c[0] for c in by_label["表三 本年新收"]] == ["1", "1", "3"]


def test_the_y_findings_are_marked_on_the_figures_and_years_they_concern(
        review: Path) -> None:
    parser = _Cells()
    parser.feed((review / "review" / "index.html").read_text(encoding="utf-8"))
    by_label = {row[0][0]: row[1:] for row in parser.tables[0][1:]}
    prior = by_label["表三 上年结转"]
    assert [c[1] for c in prior] == ["", "y-mark warning", ""]  # 2020 carried over 0, not 2
    assert prior[1][0] == "0Y801" and "上年报告结转下年度继续办理为2" in prior[1][2]
    carried = by_label["表三 结转下年度继续办理"]
    assert [c[1] for c in carried] == ["y-rel", "", ""]  # 2019's cell it was compared with
    assert "与2020年报告的Y801相关" in carried[0][2]
    others = [c[0] for c in by_label["其他跨年度问题"]]
    assert others[0] == "" and others[1].count("Y803") == 2 and others[2].count("Y803") == 2


def test_summary_csv_and_the_pages_name_the_report_taken_as_last_years(review: Path) -> None:
    text = (review / "review" / "summary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["文件"], r["上年报告"]) for r in rows] == [
        ("reports/2019.txt", ""), ("reports/2020.txt", "reports/2019.txt"),
        ("reports/2021.txt", "reports/2020.txt")]
    page = (review / "review" / "reports" / "reports_2021.txt.html").read_text(encoding="utf-8")
    assert "<dt>上年报告</dt><dd>reports/2020.txt</dd>" in page
    first = (review / "review" / "reports" / "reports_2019.txt.html").read_text(encoding="utf-8")
    assert "<dt>上年报告</dt><dd>无（未与上年报告比较）</dd>" in first


def test_parse_says_which_report_is_taken_as_last_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _reports(tmp_path)
    folder = tmp_path / "reports"

    def last_year(*args: str) -> list[str]:
        out = run(["parse", *args], folder, monkeypatch, capsys).out
        return [line.strip() for line in out.splitlines() if "last-year" in line]

    assert last_year("--previous", "2019.txt", "2020.txt") == ["last-year '2019.txt' (2019)"]
    assert last_year("2020.txt") == ["last-year -"]
    assert last_year("--previous", "2019.txt", "2021.txt") == [
        "last-year - ('2019.txt' is of 2019, not of the year before)"]


def test_what_is_kept_of_last_years_report_is_what_the_y_rules_name(tmp_path: Path) -> None:
    path = _reports(tmp_path)[2019]
    rules = load_rules()
    kept = last_year_report("2019.txt", path.read_bytes(), rules, Settings())
    assert kept is not None and kept.year == 2019
    # Y801 names last(next.$c): 表三's 结转下年度 row; Y802 names last($r.in_force), 2021 only
    # (the example is of the 2019 format, whose 表二 has no such column)
    assert {(t, r) for t, r, _ in kept.cells} == {("table3", "next")}
    assert len(kept.cells) == 7
    cell = kept.cells["table3", "next", "natural"]
    assert (cell.text, cell.place.span.line, cell.place.span.column) == ("2", 337, 2)
    assert sorted(kept.sections) == ["overview", "problems"]
    assert kept.sections["problems"].place.span.line == 395


def _y801(out: str) -> list[tuple[str, int]]:
    return [(d["path"], d["line"]) for d in json.loads(out) if d["code"] == "Y801"]


def test_a_paired_result_is_cached_by_both_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    paths = _reports(tmp_path)
    args = ["check", "--format", "json", "-j", "1", "reports"]
    first = run(args, tmp_path, monkeypatch, capsys)
    assert _y801(first.out) == [("reports/2020.txt", 112)]
    assert run(args, tmp_path, monkeypatch, capsys).out == first.out  # from the cache
    # last year's report corrected: this year's result is not served stale
    paths[2019].write_text(_as_year(EXAMPLE, 2019), encoding="utf-8")
    assert _y801(run(args, tmp_path, monkeypatch, capsys).out) == []


def test_previous_gives_the_same_bytes_with_one_or_two_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _reports(tmp_path)
    args = ["check", "--no-cache", "--previous", "reports/2019.txt", "reports/2020.txt",
            "reports/2021.txt"]
    one = run([*args, "-j", "1"], tmp_path, monkeypatch, capsys)
    two = run([*args, "-j", "2"], tmp_path, monkeypatch, capsys)
    assert "Y801" in one.out and (one.code, one.out) == (two.code, two.out)


def test_a_previous_past_its_budget_is_not_compared_and_stops_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Last year's report is read within the file budget of its own folder, as any report."""
    paths = _reports(tmp_path)
    (tmp_path / "last").mkdir()
    (tmp_path / "last" / "reportlint.toml").write_text("max-bytes = 1000\n", encoding="utf-8")
    paths[2019].rename(tmp_path / "last" / "2019.txt")
    result = run(["check", "--no-cache", "--format", "json", "--previous", "last/2019.txt",
                  "reports/2020.txt"], tmp_path, monkeypatch, capsys)
    assert result.code == 0 and not [d for d in json.loads(result.out)
                                     if d["code"].startswith("Y")]
    within = run(["check", "--no-cache", "--format", "json", "--previous", "last/2019.txt",
                  "--isolated", "reports/2020.txt"], tmp_path, monkeypatch, capsys)
    assert _y801(within.out) == [("reports/2020.txt", 112)]


def test_a_paired_batch_gives_the_same_bytes_with_one_or_two_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _reports(tmp_path)
    args = ["check", "--no-cache", "--format", "json", "reports"]
    one = run([*args, "-j", "1"], tmp_path, monkeypatch, capsys)
    two = run([*args, "-j", "2"], tmp_path, monkeypatch, capsys)
    assert _y801(one.out) == [("reports/2020.txt", 112)]
    assert (one.code, one.out) == (two.code, two.out)
