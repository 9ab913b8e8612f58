"""Golden results of the D, C and P rules on the real reports in fixtures/real/.

Every diagnostic pinned here was read against the report and is true:
- P708: these governments' reports do not mention 社会评议 / 责任追究 (洪泽区 2023 and 淮安市 2024
  not 考核 either; 沭阳县 2025 mentions 考核 but neither 评议 nor 责任追究).
- D505: the PDF renderings carry no 落款 date; the last non-footer line is pointed at. The
  crawled Pingtan pages carry none either, but their crawler header gives the page's 发布时间
  (a page fact, not report text), so D505 is silent there and D507 checks that date: each was
  published by 31 March of the next year (the issuer is 平潭综合实验区, a government).
- C601: 沭阳县 2025 and 平潭 2024/2025 give no contact details at all.
- P701: 洪泽区 2024 says 区政府办代表区政府受理政府信息公开申请 17 件 while its 表三
  一、本年新收 总计 is 95 (the other real reports' stated counts agree with their tables:
  淮安市 2024 3119/351/46/103/规章 1, 沭阳县 2025 749 = 一 713 + 二 36 and 结转 31,
  洪泽区 2023 21).
- P702: 平潭 2020 lists 11 parts adding up to 2603 under “共公布政府信息2602条”.
- Pingtan pages (split at their headings before parsing): 2019–2021 and 2023–2025 say nothing
  of 社会评议 (2023 covers 考核 and 追究; the others none of the three); 2022 has 三是落实社会评议和
  责任追究制度 and gets no P708.
- section3_raw_text is a fragment (no preamble, no period, no date): C601, D501, D505.
Only the codes D, C and P are compared, so other engineers' rules do not change these lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rules
from reportlint.model import Settings

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
SHUYANG = "KIROGOVCOMPARE__沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt"

GOLDEN: dict[str, list[tuple[str, int, int]]] = {
    "KIROGOVCOMPARE__hzq2023_working.pdftotext-layout.txt": [("P708", 11, 4), ("D505", 168, 1)],
    "KIROGOVCOMPARE__hzq2024_working.pdftotext-layout.txt": [
        ("P708", 10, 3), ("P701", 25, 8), ("D505", 166, 1)],
    SHUYANG: [("C601", 6, 1), ("P708", 8, 4)],
    "govnianbao__section3_raw_text.txt": [("C601", 2, 1), ("D501", 2, 1), ("D505", 46, 1)],
    "govnianbao__szfgs2024.pdftotext-layout.txt": [("P708", 11, 4), ("D505", 241, 1)],
    "pingtan-gov-zwgk-archive__2018_page.txt": [],
    "pingtan-gov-zwgk-archive__2019_page.txt": [("P708", 10, 449)],
    "pingtan-gov-zwgk-archive__2020_page.txt": [("P708", 10, 511), ("P702", 10, 649)],
    "pingtan-gov-zwgk-archive__2021_page.txt": [("P708", 10, 503)],
    "pingtan-gov-zwgk-archive__2022_page.txt": [],
    "pingtan-gov-zwgk-archive__2023_page.txt": [("P708", 10, 319)],
    # No contact details: pointed at the body's first line (the crawler header is not report text).
    "pingtan-gov-zwgk-archive__2024_page.txt": [("C601", 10, 1), ("P708", 10, 227)],
    "pingtan-gov-zwgk-archive__2025_page.txt": [("C601", 10, 1), ("P708", 10, 236)],
}


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def test_every_real_text_report_is_pinned() -> None:
    assert sorted(GOLDEN) == sorted(p.name for p in REAL.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden(name: str, rules: RuleSet) -> None:
    data = (REAL / name).read_bytes()
    report = lint_bytes(name, data, rules, Selection(select=("D", "C", "P")), Settings())
    got = sorted((d.code, d.span.line, d.span.column) for d in report.diagnostics)
    assert got == sorted(GOLDEN[name])
