"""Tables of contents in the grammar; pictures where tables would be, in every reader."""

from __future__ import annotations

import io
import sys

import pytest
from readerhelp import ROOT, read
from test_parser import parsed

from reportlint.errors import InputProblem
from reportlint.parse.tree import Image
from reportlint.read import read_bytes
from reportlint.read.images import image_line, is_image_line
from reportlint.read.pdfgeom import Glyph, Picture, picture_blocks

TITLE = "某局2020年政府信息公开工作年度报告"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
BODY = "\n".join(f"{h}\n本部分正文。" for h in HEADINGS)


@pytest.mark.parametrize("toc", [
    ["目  录", *HEADINGS],  # a 目录 line
    ["目录", "", *HEADINGS],
    HEADINGS,  # bare: the headings come again below
    [f"{h}……………………{n}" for n, h in enumerate(HEADINGS, 1)],  # leaders, page numbers
    [f"{h}  {n}" for n, h in enumerate(HEADINGS, 1)],  # Word's tab before the page number
    [f"{h}.........{n}" for n, h in enumerate(HEADINGS, 1)],
])
def test_table_of_contents_is_its_own_node(toc: list[str]) -> None:
    document = parsed("\n".join([TITLE, *toc, BODY]))
    assert document.toc is not None
    assert [p.line for p in document.toc.pieces] == [
        i for i, t in enumerate(toc, 2) if t.strip()]
    first_heading = len(toc) + 2
    assert [(s.key, s.heading.span.line) for s in document.sections] == [
        ("overview", first_heading), ("proactive", first_heading + 2),
        ("requests", first_heading + 4)]
    assert all(s.blocks for s in document.sections)


def test_two_bare_headings_are_an_empty_section_not_a_toc() -> None:
    document = parsed(f"{TITLE}\n一、总体情况\n二、主动公开政府信息情况\n正文。")
    assert document.toc is None
    assert [s.key for s in document.sections] == ["overview", "proactive"]


def test_table_rows_numbered_like_headings_are_no_toc() -> None:
    text = (f"{TITLE}\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量     21    0   0   0   0   0    21\n"
            "二、上年结转政府信息公开申请数量      0    0   0   0   0   0     0\n")
    assert parsed(text).toc is None


def test_picture_marker_is_an_image_block() -> None:
    document = parsed(f"{TITLE}\n三、收到和处理政府信息公开申请情况\n[图片：表三]\n")
    (block,) = document.sections[0].blocks
    assert isinstance(block, Image) and block.alt == "表三" and block.span.line == 3


@pytest.mark.parametrize(("alt", "line"), [("", "[图片]"), ("表 三", "[图片：表 三]"),
                                           ("a]b", "[图片：ab]")])
def test_marker_line(alt: str, line: str) -> None:
    assert image_line(alt) == line and is_image_line(line)


def test_large_picture_without_text_over_it_is_a_marker_line() -> None:
    table = Picture(72, 300, 520, 700)
    logo = Picture(72, 780, 120, 820)
    scan = Picture(72, 100, 520, 280)  # an invisible OCR layer: text
    words = [Glyph("表", 100, 110, 150, 160, 10)]
    blocks = picture_blocks([table, logo, scan], words, 595, 842)
    assert [(b.text, b.top) for b in blocks] == [("[图片]", 700)]


def _html(body: str) -> bytes:
    return f"<html><body><p>{TITLE}</p>{body}</body></html>".encode()


@pytest.mark.parametrize(("img", "lines"), [
    ('<img src="t.png">', ["[图片]"]),
    ('<img src="t.png" alt="表三" width="600px">', ["[图片：表三]"]),
    ('<img src="icon.png" width="16" height="16">', []),  # an icon
])
def test_html_picture(img: str, lines: list[str]) -> None:
    source = read_bytes("r.html", _html(f"<p>{img}</p>"))
    assert [t for t in source.lines if is_image_line(t)] == lines


def test_docx_picture_and_only_pictures() -> None:
    docx = pytest.importorskip("docx")
    pytest.importorskip("PIL")
    sys.path.insert(0, str(ROOT / "fixtures"))
    from make_documents import table_picture_png

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_picture(io.BytesIO(table_picture_png()))
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes("r.docx", buffer.getvalue())
    assert source.lines[-1] == "[图片]"
    assert source.origins is not None and source.origins[-1].where == "第1张图片"

    only = docx.Document()
    only.add_picture(io.BytesIO(table_picture_png()))
    buffer = io.BytesIO()
    only.save(buffer)
    with pytest.raises(InputProblem) as problem:
        read_bytes("r.docx", buffer.getvalue())
    assert problem.value.code == "E002"


def test_pdf_image_page_among_text_pages() -> None:
    source = read(ROOT / "fixtures" / "variants" / "image-table.pdf")
    marks = [i for i, t in enumerate(source.lines) if is_image_line(t)]
    assert len(marks) == 1
    assert source.origins is not None and source.origins[marks[0]].page == 3


def test_picture_above_the_title_is_not_part_of_it() -> None:
    document = parsed(f"[图片]\n{TITLE}\n{BODY}")
    assert document.title is not None and document.title.text == TITLE
    assert document.title.span.line == 2


def test_a_lone_mulu_line_does_not_swallow_the_first_section() -> None:
    document = parsed(f"{TITLE}\n目录\n{BODY}")
    assert document.toc is None
    assert [s.heading.span.line for s in document.sections] == [3, 5, 7]
