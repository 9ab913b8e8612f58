"""PDF and Word locations in the editor and CI formats: the line and column are in the
extracted text, so the page and the Word table's cell are said in words, for the main
location and for every related one."""

from __future__ import annotations

import io
import json

import docx

from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.read import read_bytes
from reportlint.read.sourcemap import to_source


def _word_table() -> bytes:
    document = docx.Document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["总计", "5", "9"]):
        table.cell(1, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _mapped() -> tuple[Diagnostic, tuple[str, ...]]:
    source = read_bytes("t.docx", _word_table())
    line = next(i for i, text in enumerate(source.lines) if "总计" in text)
    text = source.lines[line]
    total, part = text.index("9") + 1, text.index("5") + 1
    diagnostic = Diagnostic("T401", "row-sum", Severity.ERROR, "总计为 9，但各列之和为 5",
                            Span(line + 1, total, line + 1, total + 1),
                            related=(Related(Span(line + 1, part, line + 1, part + 1), "自然人"),))
    return to_source(source, diagnostic), source.raw_lines


def test_related_word_cells_carry_their_table_row_and_column() -> None:
    mapped, _ = _mapped()
    assert mapped.where == "第1个表格第2行第3列"
    assert [r.where for r in mapped.related] == ["第1个表格第2行第2列"]


def _render(name: str) -> str:
    mapped, lines = _mapped()
    return FORMATTERS[name]([FileReport("t.docx", (mapped,), lines)], FormatOptions())


def test_gcc_names_the_cell_of_the_diagnostic_and_of_its_notes() -> None:
    first, note = _render("gcc").splitlines()
    assert first.endswith(": error: 总计为 9，但各列之和为 5（第1个表格第2行第3列） [T401]")
    assert note.endswith(": note: 自然人（第1个表格第2行第2列） [T401]")


def test_github_names_the_cells_in_the_annotation() -> None:
    annotation = _render("github").splitlines()[0]
    message = annotation.split("::", 2)[2]
    assert message.startswith("总计为 9，但各列之和为 5（第1个表格第2行第3列）%0At.docx:")
    assert message.endswith("（第1个表格第2行第2列）: 自然人")


def test_sarif_puts_the_cell_in_the_message_and_the_region_properties() -> None:
    result = json.loads(_render("sarif"))["runs"][0]["results"][0]
    assert result["message"]["text"] == "总计为 9，但各列之和为 5（第1个表格第2行第3列）"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"where": "第1个表格第2行第3列"}
    related = result["relatedLocations"][0]
    assert related["message"]["text"] == "自然人（第1个表格第2行第2列）"
    assert related["physicalLocation"]["region"]["properties"] == {
        "where": "第1个表格第2行第2列"}


def test_text_names_the_related_cell() -> None:
    related = _render("text").splitlines()[3]
    assert related.startswith("      = t.docx:") and related.endswith(
        " (第1个表格第2行第2列): 自然人")
