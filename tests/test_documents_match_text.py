"""The example rendered as PDF, HTML and DOCX, and its one-cell mutations, give the same codes
as the text version (rendered on the fly by fixtures/make_documents.py)."""

from __future__ import annotations

import sys

import pytest
from readerhelp import ROOT, codes

sys.path.insert(0, str(ROOT / "fixtures"))
pytest.importorskip("reportlab")
import make_documents

EXAMPLE = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")


def _cell_after(label: str, offset: int = 1, text: str = EXAMPLE) -> int:
    """The 0-based line of the ``offset``-th cell after the cell holding ``label``."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == label)
    cells = [i for i in range(start + 1, len(lines)) if lines[i].startswith("\t")]
    return cells[offset - 1]


def _cell(label: str, offset: int, new: str) -> str:
    return make_documents.mutate(EXAMPLE, _cell_after(label, offset), new)


MUTATIONS = {
    "unchanged": EXAMPLE,
    "table3 new natural": _cell("一、本年新收政府信息公开申请数量", 1, "2"),
    "table3 total column": _cell("（七）总计", 7, "5"),
    "table2 not a number": _cell("规章", 1, "x"),
    "table4 first cell": _cell("行政诉讼", 18, "3"),
    "heading alias": EXAMPLE.replace("四、政府信息公开行政复议、行政诉讼情况",
                                     "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    "section six removed": "\n".join(line for line in EXAMPLE.split("\n")
                                     if "六、其他需要报告的事项" not in line),
    "title variant": EXAMPLE.replace("2020年政府信息公开工作年度报告",
                                     "2020年政府信息公开年度报告"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_format_gives_the_codes_of_the_text(name):
    text = MUTATIONS[name]
    expected = codes("report.txt", text.encode("utf-8"))
    rendered = make_documents.render_all(text)
    got = {suffix: codes(f"report{suffix}", data) for suffix, data in rendered.items()}
    assert got == dict.fromkeys(rendered, expected)


def test_mutations_change_what_they_say():
    assert MUTATIONS["heading alias"] != EXAMPLE
    assert "S105" in codes("r.txt", MUTATIONS["heading alias"].encode())
    assert "S103" in codes("r.txt", MUTATIONS["section six removed"].encode())
    lines = MUTATIONS["table4 first cell"].split("\n")
    assert lines[_cell_after("行政诉讼", 18)] == "\t3"


def test_the_pdf_diagnostic_is_on_the_page_of_the_heading():
    from readerhelp import lint

    data = make_documents.render_all(MUTATIONS["heading alias"])[".pdf"]
    (found,) = [d for d in lint("report.pdf", data) if d.code == "S105"]
    assert found.page == 3
