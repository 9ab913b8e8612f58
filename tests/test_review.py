"""The review folder: summary.csv (UTF-8 with BOM, one row per input), diagnostics.jsonl,
index.html and a page per report; ``reportlint report FILE`` prints the same page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE, WARNING_ONLY, run, write

from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.review.page import report_page
from reportlint.review.rows import codes_text

FILES = {"in/a.txt": EXAMPLE, "in/b.txt": WARNING_ONLY, "in/c.txt": BROKEN,
         "in/README.md": "# 说明\n\n本文件夹存放报告。\n"}


@pytest.fixture
def review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    write(tmp_path, FILES)
    (tmp_path / "in" / "d.pdf").write_bytes(b"%PDF-1.4 truncated")
    done = run(["report", "--no-cache", "-j", "2", "in", "-o", "out"], tmp_path, monkeypatch,
               capsys)
    assert done.code == 0
    return tmp_path / "out"


def test_summary_csv_has_one_row_per_input_with_bom(review: Path) -> None:
    data = (review / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["文件", "发布机关", "机关类型", "报告年度"]
    by_path = {row[0]: row for row in rows[1:]}
    assert sorted(by_path) == ["in/README.md", "in/a.txt", "in/b.txt", "in/c.txt", "in/d.pdf"]
    assert by_path["in/a.txt"][1:5] == ["邵阳市商务局", "部门", "2020", "2019"]
    assert [by_path[p][-1] for p in sorted(by_path)] == ["不是报告", "有问题", "有问题",
                                                         "有问题", "无法读取"]
    assert by_path["in/c.txt"][-2].startswith("S103×5")


def test_diagnostics_jsonl_carries_the_facts(review: Path) -> None:
    lines = (review / "diagnostics.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert (first["path"], first["code"], first["line"]) == ("in/a.txt", "N303", 42)
    assert first["facts"]["issuer"] == "邵阳市商务局" and first["facts"]["year"] == 2020


def test_every_report_has_a_page_linked_from_the_dashboard(review: Path) -> None:
    index = (review / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (review / "reports").iterdir())
    assert pages == ["in_a.txt.html", "in_b.txt.html", "in_c.txt.html", "in_d.pdf.html"]
    assert all(f'href="reports/{name}"' in index for name in pages)
    for text in [index, *((review / "reports" / n).read_text(encoding="utf-8") for n in pages)]:
        assert "http://" not in text and "https://" not in text  # nothing from the network


def test_report_file_prints_the_same_page(review: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    done = run(["report", "--no-cache", "in/b.txt"], review.parent, monkeypatch, capsys)
    page = (review / "reports" / "in_b.txt.html").read_text(encoding="utf-8")
    assert done.out == page.replace('<a class="back" href="../index.html">← 返回总览</a>', "")


def test_a_page_marks_the_flagged_cell_and_links_the_related_ones() -> None:
    lines = ("标题", "| 项目 | 甲 | 乙 | 合计 |", "| 数量 | 1 | 2 | 4 |")
    related = (Related(Span(3, 8, 3, 9), "甲：1"), Related(Span(3, 12, 3, 13), "乙：2"))
    wrong = Diagnostic("T401", "row-total", Severity.ERROR, "合计为4，之和为3",
                       Span(3, 16, 3, 17), related)
    page = report_page(FileReport("t.md", (wrong,), lines))
    assert '<td id="L3c15" class="flag error"' in page
    assert page.count('class="flag related"') == 2
    assert 'id="d1"' in page and 'href="#L3"' in page


def test_the_codes_column_counts_repeats() -> None:
    from collections import Counter

    assert codes_text(Counter(["S105", "T401", "T401"])) == "T401×2 S105"


def test_a_pdf_page_shows_where_each_page_starts(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from clirun import ROOT

    pdf = ROOT / "fixtures" / "documents" / "example.pdf"
    done = run(["report", "--no-cache", str(pdf)], tmp_path, monkeypatch, capsys)
    breaks = [part.split("<", 1)[0] for part in done.out.split('<div class="pagebreak">')[1:]]
    assert breaks == ["第1页", "第2页", "第3页"]
