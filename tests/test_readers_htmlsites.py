"""Web pages as government sites serve them (issue 22): hidden elements are not read; a page
whose report is an attachment or an embedded viewer is one E006; one part of a split article
linted alone is one E006 info. Pages made by fixtures/make_pages.py from the example's HTML,
in GB18030 declared gb2312 (``pages/``) and in UTF-8 (``pages/utf8/``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from readerhelp import DOCUMENTS, lint

from reportlint.cli.main import cli
from reportlint.model import Diagnostic, Severity
from reportlint.read import read_bytes

PAGES = DOCUMENTS / "pages"
ENCODINGS = {"gb18030": PAGES, "utf-8": PAGES / "utf8"}
EXAMPLE = DOCUMENTS / "example.html"


def _found(path: Path) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in lint(path.name, path.read_bytes())]


def _only(path: Path) -> Diagnostic:
    found = lint(path.name, path.read_bytes())
    assert len(found) == 1, found
    return found[0]


def _where(path: Path, encoding: str, needle: str) -> tuple[int, int]:
    """(line, code-point column) of the first occurrence of ``needle`` in the file."""
    for number, line in enumerate(path.read_bytes().decode(encoding).split("\n"), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_hidden_copies_of_headings_change_nothing(encoding: str) -> None:
    assert _found(ENCODINGS[encoding] / "hidden.html") == _found(EXAMPLE)


def _page(body: str, style: str = "") -> bytes:
    return (f"<html><head><style>{style}</style></head><body><div>"
            f"<p>标题</p>{body}<p>shown</p></div></body></html>").encode()


@pytest.mark.parametrize(("body", "style"), [
    ('<div style="color:red; display: none">hidden</div>', ""),
    ('<div style="visibility:hidden">hidden</div>', ""),
    ('<div class="a printcopy">hidden</div>', "/* print */ .printcopy { display:none }"),
    ('<div id="m2">hidden</div>', "td{border:0} div#m2, .x{visibility:hidden!important}"),
    ("<div hidden>hidden</div>", ""),
    ("<template><p>hidden</p></template>", ""),
    ("<noscript>hidden</noscript>", ""),
    ("<script>document.write('hidden')</script>", ""),
])
def test_what_a_browser_does_not_show_is_not_read(body: str, style: str) -> None:
    lines = read_bytes("page.html", _page(body, style)).raw_lines
    assert lines == ("标题", "shown")


@pytest.mark.parametrize(("body", "style"), [
    ('<div class="printcopy">shown</div>', "@media print { .printcopy { display:none } }"),
    ('<div class="c">shown</div>', ".menu .c { display:none }"),
    ('<div class="c">shown</div>', ".c { display:block }"),
    ('<span class="c">shown</span>', "div.c { display:none }"),
])
def test_rules_that_hide_only_somewhere_leave_the_text_read(body: str, style: str) -> None:
    lines = read_bytes("page.html", _page(body, style)).raw_lines
    assert lines == ("标题", "shown", "shown")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_attachment_page_is_one_warning_naming_the_attachment(encoding: str) -> None:
    page = ENCODINGS[encoding] / "attachment.html"
    found = _only(page)
    assert (found.code, found.severity) == ("E006", Severity.WARNING)
    assert (found.span.line, found.span.column) == _where(page, encoding, '<a href="/xxgk')
    assert "邵阳市商务局2020年政府信息公开工作年度报告.pdf" in found.message
    assert "P020210129385201.pdf" in found.message


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("name", "tag"), [("viewer.html", "<iframe"), ("embed.html", "<embed")])
def test_an_embedded_document_is_one_warning_naming_it(encoding: str, name: str,
                                                        tag: str) -> None:
    page = ENCODINGS[encoding] / name
    found = _only(page)
    assert (found.code, found.severity) == ("E006", Severity.WARNING)
    assert (found.span.line, found.span.column) == _where(page, encoding, tag)
    assert "P020210129385201.pdf" in found.message


def test_a_report_page_that_also_offers_its_pdf_is_linted_as_usual() -> None:
    text = EXAMPLE.read_bytes().decode("gb18030")
    offered = text.replace("年度报告</span></p>",
                           '年度报告</span></p><p>附件：<a href="report.pdf">报告.pdf</a></p>', 1)
    assert offered != text
    found = lint("page.html", offered.encode("gb18030"))
    assert [(d.code, d.span.line, d.span.column) for d in found] == _found(EXAMPLE)


def test_a_plain_link_list_is_not_an_attachment_page() -> None:
    html = '<html><body><p>通知</p><a href="list_2.html">更多</a></body></html>'
    assert "E006" not in {d.code for d in lint("page.html", html.encode())}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("name", "pager", "other"), [
    ("index.html", ">下一页<", "index_1.html"),
    ("index_1.html", "<script>createPageHTML", "index.html"),
])
def test_one_part_of_an_article_alone_is_one_info(encoding: str, name: str, pager: str,
                                                  other: str) -> None:
    page = ENCODINGS[encoding] / "article" / name
    found = _only(page)
    assert (found.code, found.severity) == ("E006", Severity.INFO)
    line, column = _where(page, encoding, pager)
    if pager.startswith(">"):  # the link's start tag, just before its label
        column = page.read_bytes().decode(encoding).split("\n")[line - 1].rindex(
            "<a", 0, column) + 1
    assert (found.span.line, found.span.column) == (line, column)
    assert other in found.message and "共2页" in found.message


def test_the_pager_script_names_the_parts_under_any_file_name() -> None:
    html = ('<html><body><p>一、总体情况</p><p>正文</p>'
            '<script>createPageHTML(3, 0, "t20240130_1", "shtml");</script></body></html>')
    found = lint("saved.html", html.encode())
    assert [(d.code, d.severity) for d in found] == [("E006", Severity.INFO)]
    assert "t20240130_1_1.shtml、t20240130_1_2.shtml" in found[0].message


def test_an_attachment_saved_beside_its_page_is_named_and_linted(tmp_path: Path) -> None:
    shutil.copy(PAGES / "attachment.html", tmp_path / "index.html")
    shutil.copy(DOCUMENTS / "example.pdf", tmp_path / "P020210129385201.pdf")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path)])
    found = {Path(d["path"]).name: d for d in json.loads(result.output)}
    pdf = [(d.code, d.span.line) for d in lint("example.pdf",
                                              (DOCUMENTS / "example.pdf").read_bytes())]
    assert found["index.html"]["code"] == "E006"
    assert str(tmp_path / "P020210129385201.pdf") in found["index.html"]["message"]
    assert [(d["code"], d["line"]) for d in json.loads(result.output)
            if d["path"].endswith(".pdf")] == pdf


def test_a_report_laid_out_in_a_layout_table_is_not_an_attachment_page() -> None:
    sections = "".join(f"<p>{n}、第{n}部分</p><p>正文</p>" for n in "一二三四五六")
    html = ('<html><body><table><tr><td><table><tr><td>x</td></tr></table>'
            f"{sections}<p>附件：<a href=\"report.pdf\">报告.pdf</a></p></td></tr></table>"
            "</body></html>")
    assert "E006" not in {d.code for d in lint("page.html", html.encode())}


def _pager_page(links: str) -> bytes:
    return (f"<html><body><p>一、总体情况</p><p>正文</p><div>{links}</div></body></html>"
            ).encode()


def test_a_cms_article_name_with_its_own_number_is_told_from_its_part_number() -> None:
    html = _pager_page('<a href="t20230130_123.html">上一页</a> <a href="t20230130_123.html">1'
                       "</a> <span>2</span>")
    found = lint("t20230130_123_1.html", html)
    assert [(d.code, d.severity) for d in found] == [("E006", Severity.INFO)]
    assert "第2页（共2页）" in found[0].message and "t20230130_123.html" in found[0].message


def test_a_link_to_another_article_is_no_pager() -> None:
    html = _pager_page('<a href="t20230101_999.html">下一页</a>')
    assert "E006" not in {d.code for d in lint("t20230102_5.html", html)}
