"""Golden results of the E and S rules on the real reports in fixtures/real/ (text and PDF).

Each pinned diagnostic was read against the report:
- 沭阳县 2025: section 五 is headed 五、政府信息公开工作存在的主要问题及改进情况, a known alias.
- section3_raw_text is a fragment (表二's tail and 表三's head from a PDF): no title, and only
  section 三 is there; the missing sections are placed before 三 (一, 二) and after it.
- Pingtan: the crawler's header (标题, 发布时间 … up to ==== 正文 ====) is page metadata, not
  the report (FORMAT.md: the report's own title is the one to judge). 2019 and 2020 open their
  body with a standard title (…2019年政府信息公开工作年度报告): no S102. 2018's own title doubles
  年度 (S102 on the body's line 10). 2021–2025 have no title in the body (2021 opens with the
  site's breadcrumb, the others with 本报告根据…): the page's 标题 stands in, written with 年度
  doubled, so S102 at line 1 where that title is. The crawled body is one line, split at its
  headings, so the six sections are found. 2022 misspells section 四 as
  政府信息公开行政法复议、行政诉讼情况 (S105).
  2018 uses the pre-2019 structure, which was current for a 2018 report: no S103/S104/S107.
- The PDF renderings and the PDFs themselves have a correct structure.
Only E and S are compared: the other layers pin their own codes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rules
from reportlint.model import Settings

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
SHUYANG = "KIROGOVCOMPARE__沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt"
DOUBLED_YEAR = [("S102", 1, 1)]  # the page's 标题, standing in for a body without a title

GOLDEN: dict[str, list[tuple[str, int, int]]] = {
    "KIROGOVCOMPARE__hzq2023_working.pdftotext-layout.txt": [],
    "KIROGOVCOMPARE__hzq2024_working.pdftotext-layout.txt": [],
    "KIROGOVCOMPARE__hzq2023_working.pdf": [],
    "KIROGOVCOMPARE__hzq2024_working.pdf": [],
    "govnianbao__szfgs2024.pdftotext-layout.txt": [],
    "govnianbao__szfgs2024.pdf": [],
    SHUYANG: [("S105", 175, 4)],
    "govnianbao__section3_raw_text.txt": [
        ("S101", 1, 1), ("S103", 8, 1), ("S103", 8, 1), ("S103", 46, 1), ("S103", 46, 1),
        ("S103", 46, 1)],
    **{f"pingtan-gov-zwgk-archive__{year}_page.txt": DOUBLED_YEAR
       for year in (2021, 2023, 2024, 2025)},
    "pingtan-gov-zwgk-archive__2018_page.txt": [("S102", 10, 1)],
    "pingtan-gov-zwgk-archive__2019_page.txt": [],
    "pingtan-gov-zwgk-archive__2020_page.txt": [],
    "pingtan-gov-zwgk-archive__2022_page.txt": [*DOUBLED_YEAR, ("S105", 10, 3175)],
}


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def test_every_real_report_is_pinned() -> None:
    reports = {p.name for p in REAL.iterdir() if p.suffix in (".txt", ".pdf")}
    assert reports == set(GOLDEN)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_structure_of_real_report(name: str, rules: RuleSet) -> None:
    report = lint_bytes(name, (REAL / name).read_bytes(), rules,
                        Selection(select=("E", "S")), Settings())
    found = [(d.code, d.span.line, d.span.column) for d in report.diagnostics]
    assert found == GOLDEN[name]
