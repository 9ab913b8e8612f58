"""Real reports (fixtures/real/, copied from the corpus): the table diagnostics, checked by hand.

Only the codes this layer owns (F, N, T) are compared, so the pins stay valid when the rules of
the other layers (S, D, C, P) change.

What was checked by hand:
- hzq2023 (淮安市洪泽区 2023, pdftotext -layout): 表二 is the 2021 format, 表三 keeps
  the 2019 single （六）其他处理 row (F203). Row “2.其他法律行政止公开” drops 法规禁 in the
  PDF itself (F206). 表四's data row in the PDF (checked with pdfminer: 15 evenly spaced
  cells) is 10 1 0 0 0 | 0 0 0 0 0 | 5 0 0 0 0: the 行政复议 总计 is 0 instead of 11 and
  the 复议后起诉 总计 0 instead of 5 (T404 twice). 表三 adds up in every column
  (一 21 + 二 0 = （七）21 + 四 0).
- hzq2024: the same template problems (F203, F206); every relation holds, 表四 1 1 0 0 2 | …
- 沭阳 2025 (Markdown, 表三 as one small table per group): every relation holds.
- szfgs2024 (淮安市 2024, layout with wrapped and vertical labels): every relation holds.
- section3_raw_text: a fragment cut after （四）1.: 表三's remaining rows are missing (F205).
- Pingtan 2019–2025: the report is one line with the cells run together (F207 for each table,
  at the table's start once the line is split at its headings; never guessed), except 2022's
  表四, whose 15 values are separated by spaces (0 1 1 0 2 | 1 0 0 0 1 | 0 0 0 0 0: bound, and
  every group adds up); 2018 uses the pre-2019 structure and has no such tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tablehelp import lint

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
HZQ2023 = "KIROGOVCOMPARE__hzq2023_working.pdftotext-layout.txt"
HZQ2024 = "KIROGOVCOMPARE__hzq2024_working.pdftotext-layout.txt"
SHUYANG = "KIROGOVCOMPARE__沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt"


def _pingtan(year: int, *columns: int) -> tuple[str, list[tuple[str, int, int]]]:
    return f"pingtan-gov-zwgk-archive__{year}_page.txt", [("F207", 10, c) for c in columns]


GOLDEN: dict[str, list[tuple[str, int, int]]] = dict([
    (HZQ2023, [("F201", 42, 15), ("F203", 130, 6), ("F206", 108, 29),
               ("T404", 149, 23), ("T404", 149, 67)]),
    (HZQ2024, [("F201", 42, 15), ("F203", 128, 6), ("F206", 107, 29)]),
    (SHUYANG, [("F201", 55, 5)]),
    ("govnianbao__section3_raw_text.txt", [("F205", 9, 1)]),
    ("govnianbao__szfgs2024.pdftotext-layout.txt", [("F201", 66, 1)]),
    ("pingtan-gov-zwgk-archive__2018_page.txt", []),
    _pingtan(2019, 4298, 4556, 5148),
    _pingtan(2020, 4609, 4875, 5468),
    _pingtan(2021, 2075, 2254, 2917),
    _pingtan(2022, 2316, 2493),  # its 表四 values are space-separated: bound, and they add up
    _pingtan(2023, 1792, 1968, 2629),
    _pingtan(2024, 1361, 1533, 2208),
    _pingtan(2025, 1251, 1425, 2098),
])


def test_every_real_text_is_pinned() -> None:
    assert sorted(p.name for p in REAL.glob("*.txt")) == sorted(GOLDEN)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_real_report(name: str) -> None:
    text = (REAL / name).read_text(encoding="utf-8")
    assert lint(text, name) == sorted(GOLDEN[name])
