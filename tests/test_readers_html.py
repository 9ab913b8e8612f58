"""HTML reader: charsets, grids from rowspan/colspan, text joining, the source map."""

from __future__ import annotations

import pytest
from readerhelp import BAD, DOCUMENTS, EXAMPLE_CODES, codes, lint, read, row_cells, row_starting

from reportlint.errors import InputProblem
from reportlint.model import Diagnostic, Severity, Span
from reportlint.read import read_bytes
from reportlint.read.html import declared_charset
from reportlint.read.sourcemap import map_span, to_source

PAGE = """<html><head><meta charset="utf-8"><title>标题不算正文</title>
<script>document.write("<p>脚本</p>")</script><style>p{}</style></head>
<body><nav><a>首页</a></nav><div class="top-menu">栏目导航</div>
<h1>某某局2021年政府信息公开<span>工作</span>年度报告</h1>
<table>
<tr><td rowspan="2">三、本年度<br>办理结果</td>
<td colspan="2">（一）予以<span>公开</span></td><td>1<span>2</span></td></tr>
<tr><td>（三）</td><td>1.属于国家秘密</td><td>&nbsp;</td></tr>
<tr><td>a|b</td><td></td></tr>
</table>
</body></html>
"""


def _source(html: str, name: str = "page.html"):
    return read_bytes(name, html.encode("utf-8"))


def test_rowspan_colspan_expand_into_a_grid():
    rows = [line for line in _source(PAGE).raw_lines if line.startswith("|")]
    assert [row_cells(r) for r in rows] == [
        ["三、本年度办理结果", "（一）予以公开", "", "12"],
        ["", "（三）", "1.属于国家秘密", "\u00a0"],
        ["a|b", "", "", ""],
    ]
    assert rows[2].startswith("| a\\|b |")


def test_scripts_navigation_and_head_are_skipped():
    text = "\n".join(_source(PAGE).raw_lines)
    assert "脚本" not in text and "首页" not in text and "栏目导航" not in text
    assert "标题不算正文" not in text
    assert "某某局2021年政府信息公开工作年度报告" in text


def test_nbsp_reads_as_blank_after_normalising():
    source = _source(PAGE)
    row = next(line for line in source.lines if "国家秘密" in line)
    assert row_cells(row)[-1].strip() == ""


def test_columns_point_into_the_html_source():
    source = _source(PAGE)
    display = source.shown_lines
    index = next(i for i, line in enumerate(source.lines) if "国家秘密" in line)
    column = source.lines[index].index("1.属于") + 1
    span = map_span(source, Span(index + 1, column, index + 1, column + 6))
    assert display[span.line - 1][span.column - 1:].startswith("1.属于国家秘密")
    # A cell split over <span>s: each character still maps to its own place.
    index = next(i for i, line in enumerate(source.lines) if "予以公开" in line)
    column = source.lines[index].index("公开") + 1
    span = map_span(source, Span(index + 1, column, index + 1, column + 2))
    assert display[span.line - 1][span.column - 1:].startswith("公开</span>")


def test_a_row_gathered_from_several_source_lines_maps_each_cell():
    html = ("<table>\n<tr>\n  <td>规章</td>\n  <td>7</td>\n</tr>\n"
            "<tr><td>x</td><td>y</td></tr></table>")
    source = _source(html)
    line = source.lines[0]
    seven = line.index("7") + 1
    span = map_span(source, Span(1, seven, 1, seven + 1))
    assert (span.line, span.column) == (4, 7)


@pytest.mark.parametrize("charset", ["gb2312", "GBK", "gb18030"])
def test_gb_pages_decode_by_their_declared_charset(charset):
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            "</head><body><p>政府信息公开\u2002工作年度报告</p></body></html>")
    source = read_bytes("gb.html", html.encode("gb18030"))
    assert "政府信息公开 工作年度报告" in source.lines


def test_declared_charset_names():
    assert declared_charset(b'<meta charset="GB2312">') == "gb18030"
    assert declared_charset(b"<meta charset=utf-8>") == "utf-8"
    assert declared_charset(b"<p>none</p>") is None


def test_generated_example_reads_like_the_text():
    source = read(DOCUMENTS / "example.html")
    assert row_starting(source, "一、本年新收政府信息公开申请数量")[-7:] == [
        "1", "0", "0", "0", "0", "0", "1"]
    assert row_starting(source, "信息内容")[1] == "本年新制作数量"  # <br> inside a cell
    assert codes("example.html", (DOCUMENTS / "example.html").read_bytes()) == EXAMPLE_CODES


def test_a_diagnostic_points_at_the_html_line():
    source = read(DOCUMENTS / "example.html")
    index = next(i for i, t in enumerate(source.lines) if t.strip() == "六、其他需要报告的事项")
    column = source.lines[index].index("六") + 1
    diagnostic = Diagnostic("S106", "section-empty", Severity.ERROR, "x",
                            Span(index + 1, column, index + 1, column + 2))
    mapped = to_source(source, diagnostic)
    shown = source.shown_lines[mapped.span.line - 1]
    assert shown[mapped.span.column - 1:].startswith("六、其")
    assert shown[: mapped.span.column - 1].endswith("&nbsp;<span style=\"font-size:12pt\">")


BAD_HTML = {"empty.html": "E002", "junk.html": "E001", "only-scripts.html": "E002"}


@pytest.mark.parametrize("name", sorted(BAD_HTML))
def test_bad_html(name):
    assert [d.code for d in lint(name, (BAD / name).read_bytes())] == [BAD_HTML[name]]


def test_truncated_html_is_linted_as_far_as_it_goes():
    found = {d.code for d in lint("truncated.html", (BAD / "truncated.html").read_bytes())}
    assert "S103" in found and not found & {"E001", "E002"}


def test_empty_page_body():
    with pytest.raises(InputProblem):
        _source("<html><body>   </body></html>")


def test_layout_tables_read_as_flowing_text():
    long_text = "根据条例规定编制本报告。" * 30
    html = (f"<table><tr><td><p>某局2021年政府信息公开工作年度报告</p><p>{long_text}</p>"
            "<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>1</td></tr>"
            "</table></td></tr></table>")
    lines = _source(html).raw_lines
    assert lines[:2] == ("某局2021年政府信息公开工作年度报告", long_text)
    assert lines[2:] == ("| 规章 | 0 |", "| 规范性文件 | 1 |")
    single = "<table><tr><td>一、总体情况</td></tr><tr><td>正文。</td></tr></table>"
    assert _source(single).raw_lines == ("一、总体情况", "正文。")


def test_a_few_bad_bytes_in_a_gbk_page_do_not_reject_it():
    html = ('<meta charset="gbk"><p>政府信息公开工作年度报告</p><p>坏字节：'.encode("gb18030")
            + b"\x81\x20" + "。</p>".encode("gb18030"))
    source = read_bytes("bad-bytes.html", html)
    assert source.lines[0] == "政府信息公开工作年度报告"


def test_site_chrome_around_a_report_is_left_out():
    example = (DOCUMENTS / "example.html").read_bytes().decode("gb18030")
    body = example[example.index('<div class="article">'):example.index('<div class="footer">')]
    page = ('<html><head><meta charset="utf-8"></head><body>'
            '<div id="header"><div class="logo">某市人民政府</div><div class="search-box">搜索'
            '</div></div><div class="main-nav">首页 政务公开 办事服务</div>'
            '<div class="bread-crumb">首页 &gt; 政府信息公开年报</div>'
            '<div class="article-header"><p>来源：本站 发布时间：2021-01-29</p></div>'
            f"{body}"
            '<div id="footer"><p>版权所有：某市人民政府 主办单位：某市人民政府办公室</p>'
            '<p>网站标识码：4305000001 ICP备案号：湘ICP备00000000号</p></div>'
            '<div class="copyright">技术支持</div></body></html>')
    source = read_bytes("site.html", page.encode("utf-8"))
    lines = source.raw_lines
    text = "\n".join(lines)
    assert "搜索" not in text and "首页" not in text and "版权所有" not in text
    # The article's info line is the page's metadata, not report text (issue 10).
    assert "来源：本站" not in text
    assert [(f.key, f.value) for f in source.page_facts] == [
        ("source", "本站"), ("published", "2021-01-29")]
    assert lines[-1] == "2021年1月29日"


def test_a_flattened_page_split_at_its_headings_still_maps_each_character():
    # One long <p> written over several source lines (as CMS editors do): the engine cuts it
    # at the section headings, and every piece keeps pointing at its own source line.
    filler = "本机关认真贯彻落实条例规定，持续推进政务公开工作。" * 8
    html = ("<html><body><p>某局2021年政府信息公开工作年度报告</p>\n<p>一、总体情况"
            f"{filler}\n二、主动公开政府信息情况{filler}\n三、收到和处理政府信息公开申请情况"
            f"{filler}</p></body></html>")
    found = [d for d in lint("flat.html", html.encode("utf-8")) if d.code == "S103"]
    assert found  # sections four to six are missing
    source_lines = html.split("\n")
    from readerhelp import RULES

    from reportlint.check.engine import parse_source

    split, _ = parse_source(read_bytes("flat.html", html.encode("utf-8")), RULES.data)
    index = next(i for i, t in enumerate(split.lines) if t.startswith("三、收到"))
    span = map_span(split, Span(index + 1, 1, index + 1, 3))
    assert source_lines[span.line - 1][span.column - 1:].startswith("三、收到")
