"""Word documents as drafters leave them: tracked changes, comments, hidden text, text boxes,
content controls, fields, notes, headers and footers (fixtures/documents/drafts/)."""

from __future__ import annotations

import io

import docx
import pytest
from readerhelp import DOCUMENTS, lint

from reportlint.read import read_bytes

DRAFTS = DOCUMENTS / "drafts"
# The example's one diagnostic, in every draft: (code, line, column, place).
EXAMPLE = ("N303", 14, 21, "第2个表格第4行第3列")
EXTRA = {
    "tracked-cell.docx": [("E004", 29, 28, "第6个表格第4行第4列")],
    "tracked-heading.docx": [("E004", 57, 1, "第9段")],
    "tracked-moves.docx": [("E004", 64, 1, "第16段")],
    "comments.docx": [("E004", 2, 1, "第2段")],
    "hidden-text.docx": [("E005", 1, 1, "第1段")],
    "textbox-signature.docx": [],
    "textbox-tracked.docx": [("E004", 67, 1, "第1个文本框")],
    "controls-and-fields.docx": [],
    "footnote.docx": [],
    "footer-signature.docx": [],
}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _found(name: str, data: bytes) -> list[tuple[str, int, int, str | None]]:
    return sorted((d.code, d.span.line, d.span.column, d.where) for d in lint(name, data))


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_each_draft_lints_like_the_example(name):
    got = _found(name, (DRAFTS / name).read_bytes())
    assert got == sorted([EXAMPLE, *EXTRA[name]])


def _message(name: str, code: str) -> str:
    (found,) = [d for d in lint(name, (DRAFTS / name).read_bytes()) if d.code == code]
    return found.message


def test_revisions_and_comments_are_counted():
    assert "2处未接受的修订" in _message("tracked-cell.docx", "E004")  # old value out, new in
    assert "1处未接受的修订" in _message("tracked-heading.docx", "E004")  # text and its mark
    assert "3处未接受的修订" in _message("tracked-moves.docx", "E004")
    comments = _message("comments.docx", "E004")
    assert "2条批注" in comments and "修订" not in comments.split("：")[0]


def test_hidden_text_is_named_and_counted():
    message = _message("hidden-text.docx", "E005")
    assert "2处隐藏文字" in message and "XX局（单位名称）" in message


def _lines(name: str) -> list[tuple[str, str | None]]:
    source = read_bytes(name, (DRAFTS / name).read_bytes())
    assert source.origins is not None
    return [(line, origin.where) for line, origin in zip(source.raw_lines, source.origins,
                                                          strict=True)]


def test_the_accepted_text_is_read():
    lines = dict(_lines("tracked-cell.docx"))
    row = next(line for line in lines if line.startswith("| 一、本年新收政府信息公开申请数量"))
    assert row.split(" | ")[3] == "1"  # the inserted 1, not the deleted 2
    moved = [line for line, _ in _lines("tracked-moves.docx")]
    assert "（三）加强与县市区商务部门的联系沟通。" in moved
    assert "暂无其他需要报告的事项。" in moved  # the moved-from words are gone
    assert not any("XX局" in line for line in moved)  # a deleted paragraph


def test_text_boxes_notes_and_footers_are_placed():
    assert _lines("textbox-signature.docx")[-2:] == [
        ("邵阳市商务局", "第1个文本框"), ("2021年1月29日", "第1个文本框")]  # read once
    notes = _lines("footnote.docx")
    index = next(i for i, (line, _) in enumerate(notes) if line.startswith("（一）目前还不能"))
    assert notes[index + 1] == (" 统计口径：市商务局门户网站及政务新媒体。", "第1个脚注")
    footer = _lines("footer-signature.docx")
    assert footer[-2:] == [("邵阳市商务局", "页脚"), ("2021年1月29日", "页脚")]
    assert not any(line == "邵阳市商务局2020年政府信息公开工作年度报告" for line, _ in footer)


def test_fields_show_their_result_not_their_code():
    lines = [line for line, _ in _lines("controls-and-fields.docx")]
    assert lines[-1] == "2021年1月29日"
    assert not any("DATE" in line or "DOCPROPERTY" in line for line in lines)
    assert lines[1] == "2020年政府信息公开工作年度报告"  # inside a content control


# ---------------------------------------------------------------- small documents


def _body(xml: str, styles: str = "") -> bytes:
    """A document whose body is ``xml`` (WordprocessingML, prefix ``w``)."""
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    wrapper = parse_xml(f'<w:body xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/'
                        f'markup-compatibility/2006">{xml}</w:body>')
    for index, child in enumerate(list(wrapper)):
        body.insert(index, child)
    if styles:
        document.styles.element.append(parse_xml(f'<w:style xmlns:w="{W_NS}" {styles}'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _review(data: bytes) -> list[tuple[str, int, int, str | None]]:
    """E004/E005 of a small document (a fragment, not a report: the other rules are noise)."""
    return [(d.code, d.span.line, d.span.column, d.where) for d in lint("d.docx", data)
            if d.code in ("E004", "E005")]


def _read(xml: str, styles: str = "") -> tuple[str, ...]:
    return read_bytes("d.docx", _body(xml, styles)).raw_lines


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str, properties: str = "") -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_insertions_inside_nested_tables_are_read():
    inserted = _p('<w:ins w:id="1" w:author="a">' + _r("甲") + "</w:ins>")
    inner = f"<w:tbl><w:tr><w:tc>{inserted}</w:tc><w:tc>{_p(_r('乙'))}</w:tc></w:tr></w:tbl>"
    xml = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc><w:tc>{_p(_r('7'))}</w:tc></w:tr></w:tbl>"
    assert _read(xml) == ("| 甲乙 | 7 |",)


def test_a_row_deleted_in_review_mode_is_left_out():
    deleted = '<w:trPr><w:del w:id="1" w:author="a"/></w:trPr>'
    gone = _p('<w:del w:id="2" w:author="a"><w:r><w:delText>二</w:delText></w:r></w:del>')
    xml = (f"<w:tbl><w:tr><w:tc>{_p(_r('一'))}</w:tc></w:tr>"
           f"<w:tr>{deleted}<w:tc>{gone}</w:tc></w:tr>"
           f"<w:tr><w:tc>{_p(_r('三'))}</w:tc></w:tr></w:tbl>")
    assert _read(xml) == ("| 一 |", "| 三 |")


def test_a_deleted_paragraph_mark_joins_two_paragraphs():
    mark = '<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
    assert _read(_p(mark + _r("一、总体")) + _p(_r("情况"))) == ("一、总体情况",)


def test_alternate_content_is_read_once_and_field_codes_never():
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           f"{_p(_r('甲'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
           f"<w:txbxContent>{_p(_r('甲'))}</w:txbxContent></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r>")
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
             '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("3")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert _read(_p(_r("前文") + box) + _p(_r("第") + field + _r("页"))) == (
        "前文", "甲", "第3页")


def test_a_field_result_may_span_paragraphs():
    begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    xml = _p(begin + _r("一、总体情况\t1")) + _p(_r("二、主动公开\t2") + end) + _p(_r("正文"))
    assert _read(xml) == ("一、总体情况  1", "二、主动公开  2", "正文")


def test_hidden_by_a_character_style_and_shown_again_by_the_run():
    style = 'w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
    hidden = '<w:rPr><w:rStyle w:val="Secret"/></w:rPr>'
    shown = '<w:rPr><w:rStyle w:val="Secret"/><w:vanish w:val="0"/></w:rPr>'
    data = _body(_p(_r("甲", hidden) + _r("乙", shown) + _r("丙")), style)
    assert read_bytes("d.docx", data).raw_lines == ("乙丙",)
    assert _review(data) == [("E005", 1, 1, "第1段")]


def test_a_page_break_inside_a_paragraph_ends_its_line():
    xml = _p(_r("上一页的字") + '<w:r><w:br w:type="page"/></w:r>' + _r("二、主动公开政府信息情况"))
    assert _read(xml) == ("上一页的字", "二、主动公开政府信息情况")


def test_inline_content_controls_smart_tags_and_links_are_read():
    xml = _p('<w:sdt><w:sdtContent>' + _r("甲") + '</w:sdtContent></w:sdt>'
             '<w:smartTag w:element="x">' + _r("乙") + "</w:smartTag>"
             '<w:hyperlink w:anchor="x">' + _r("丙") + "</w:hyperlink>"
             '<w:fldSimple w:instr=" AUTHOR ">' + _r("丁") + "</w:fldSimple>")
    assert _read(xml) == ("甲乙丙丁",)


def test_a_revision_in_a_deleted_paragraph_points_at_the_next_line():
    deleted = (_p('<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
                  '<w:del w:id="2" w:author="a"><w:r><w:delText>旧段落</w:delText></w:r></w:del>'))
    data = _body(_p(_r("第一段")) + deleted + _p(_r("第二段")))
    assert read_bytes("d.docx", data).raw_lines == ("第一段", "第二段")
    assert _review(data) == [("E004", 2, 1, "第2段")]


def _sliver_table(second_row: str) -> str:
    grid = ('<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="1999"/><w:gridCol w:w="1"/>'
            '<w:gridCol w:w="2000"/></w:tblGrid>')
    span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    first = (f"<w:tc>{_p(_r('规章'))}</w:tc><w:tc>{span}{_p(_r('0'))}</w:tc>"
             f"<w:tc>{_p(_r('1'))}</w:tc>")
    return f"<w:tbl>{grid}<w:tr>{first}</w:tr><w:tr>{second_row}</w:tr></w:tbl>"


def test_a_sliver_column_left_by_a_converter_is_not_a_cell():
    span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    spanned = "".join(f"<w:tc>{_p(_r(t))}</w:tc>" for t in ("合计", "2")) + \
        f"<w:tc>{span}{_p(_r('3'))}</w:tc>"
    assert _read(_sliver_table(spanned)) == ("| 规章 | 0 | 1 |", "| 合计 | 2 | 3 |")
    own = "".join(f"<w:tc>{_p(_r(t))}</w:tc>" for t in ("合计", "2", "x", "3"))
    assert _read(_sliver_table(own)) == ("| 规章 | 0 |  | 1 |", "| 合计 | 2 | x | 3 |")


def test_vertical_merges_and_cells_before_the_first_column():
    restart = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
    going_on = "<w:tcPr><w:vMerge/></w:tcPr>"
    before = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'
    xml = (f"<w:tbl><w:tr><w:tc>{restart}{_p(_r('甲'))}</w:tc><w:tc>{_p(_r('1'))}</w:tc></w:tr>"
           f"<w:tr><w:tc>{going_on}<w:p/></w:tc><w:tc>{_p(_r('2'))}</w:tc></w:tr>"
           f"<w:tr>{before}<w:tc>{_p(_r('3'))}</w:tc></w:tr></w:tbl>")
    assert _read(xml) == ("| 甲 | 1 |", "|  | 2 |", "| 3 |")


def test_the_committed_drafts_are_what_the_generator_makes():
    """Each draft rendered again by fixtures/make_word_drafts.py lints like the committed file
    (the bytes differ only by zip timestamps)."""
    import sys

    from readerhelp import ROOT

    sys.path.insert(0, str(ROOT / "fixtures"))
    import make_word_drafts

    base = make_word_drafts.base_docx()
    for name, (change, codes) in make_word_drafts.DRAFTS.items():
        fresh = _found(name, make_word_drafts.render(change, base))
        assert fresh == _found(name, (DRAFTS / name).read_bytes()), name
        assert sorted({code for code, *_ in fresh} - {"N303"}) == sorted(codes), name
