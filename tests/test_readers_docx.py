"""DOCX reader: merged cells, places in words, old formats, broken files."""

from __future__ import annotations

import io

import docx
import pytest
from readerhelp import BAD, DOCUMENTS, EXAMPLE_CODES, codes, lint, read, row_cells, row_starting

from reportlint.model import Diagnostic, Severity, Span
from reportlint.read import read_bytes
from reportlint.read.sourcemap import to_source


def _document() -> bytes:
    document = docx.Document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    document.add_paragraph("")  # empty paragraphs are not counted
    document.add_paragraph("\t一、总体情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "三、本年度办理结果"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "（一）予以公开"
    table.cell(1, 1).text = "甲\n乙"
    table.cell(1, 2).text = "7"
    table.cell(2, 0).text = "a|b"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_merged_cells_fill_their_first_position_only():
    source = read_bytes("t.docx", _document())
    rows = [row_cells(line) for line in source.raw_lines if line.startswith("|")]
    assert rows == [
        ["三、本年度办理结果", "（一）予以公开", ""],
        ["", "甲乙", "7"],
        ["a|b", "", ""],
    ]


def test_tabs_in_paragraphs_do_not_make_table_lines():
    source = read_bytes("t.docx", _document())
    assert source.raw_lines[1] == "  一、总体情况"


def test_places_name_paragraphs_and_cells():
    source = read_bytes("t.docx", _document())
    assert source.origins is not None
    assert source.origins[1].where == "第2段"
    line = next(i for i, t in enumerate(source.lines) if "甲乙" in t)
    column = source.lines[line].index("7") + 1
    diagnostic = Diagnostic("N301", "cell-not-number", Severity.ERROR, "x",
                            Span(line + 1, column, line + 1, column + 1))
    mapped = to_source(source, diagnostic)
    assert mapped.where == "第1个表格第2行第3列"
    assert mapped.span.line == line + 1  # a line of the extracted text


def test_generated_example_reads_like_the_text():
    source = read(DOCUMENTS / "example.docx")
    assert row_starting(source, "一、本年新收政府信息公开申请数量")[-7:] == [
        "1", "0", "0", "0", "0", "0", "1"]
    assert row_starting(source, "信息内容")[1] == "本年新制作数量"  # a line break in a cell
    assert codes("example.docx", (DOCUMENTS / "example.docx").read_bytes()) == EXAMPLE_CODES


BAD_DOCX = {"empty.docx": "E002", "truncated.docx": "E001", "encrypted.docx": "E001",
            "junk.docx": "E001", "no-text.docx": "E002", "old.doc": "E001", "old.wps": "E001"}


@pytest.mark.parametrize("name", sorted(BAD_DOCX))
def test_bad_word_files(name):
    assert [d.code for d in lint(name, (BAD / name).read_bytes())] == [BAD_DOCX[name]]


def test_old_formats_say_what_to_do():
    (found,) = lint("report.doc", (BAD / "old.doc").read_bytes())
    assert ".docx" in found.message and "PDF" in found.message


def test_a_zip_that_is_not_a_word_file():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert [d.code for d in lint("x.docx", buffer.getvalue())] == ["E001"]


_NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
  <w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>
  <w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>"""


def test_automatic_list_numbers_are_part_of_the_text():
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    num = parse_xml('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                    ' w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    items = [("总体情况", 0), ("主动公开情况。", 1), ("依申请公开情况。", 1),
             ("主动公开政府信息情况", 0), ("第十一项", 1)]
    for text, level in items:
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().set(qn("w:val"), str(level))
        num_pr.get_or_add_numId().set(qn("w:val"), "90")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = read_bytes("n.docx", buffer.getvalue()).raw_lines
    assert lines == ("一、总体情况", "（一）主动公开情况。", "（二）依申请公开情况。",
                     "二、主动公开政府信息情况", "（一）第十一项")


def test_chinese_numbers():
    from reportlint.read.docxnumbering import chinese_number

    assert [chinese_number(n) for n in (1, 10, 12, 20, 21, 105, 110)] == [
        "一", "十", "十二", "二十", "二十一", "一百零五", "一百一十"]


def test_paragraphs_inside_content_controls_are_read():
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("前文")
    sdt = parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:sdtContent><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    document.element.body.insert(1, sdt)
    document.add_paragraph("后文")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes("c.docx", buffer.getvalue()).raw_lines == ("前文", "一、总体情况", "后文")
