"""Readers at their edges: a text report with a few bytes in another encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLE, run

CLEAN = [("N303", 42, 2)]  # what the example gives (info; F201 is off by default)


def _with_bytes(tmp_path: Path, pasted: bytes, encoding: str = "utf-8") -> Path:
    """The example in ``encoding`` with ``pasted`` bytes put before "一、总体情况" (line 5,
    after its two leading spaces)."""
    data = EXAMPLE.read_text(encoding="utf-8").encode(encoding)
    at = data.index("一、总体情况".encode(encoding))
    path = tmp_path / "mixed.txt"
    path.write_bytes(data[:at] + pasted + data[at:])
    return path


@pytest.mark.parametrize(("pasted", "encoding", "column"), [
    ("报".encode("gbk") + b"\xff", "utf-8", 3),  # a GBK character and a stray byte in UTF-8
    (b"\xff", "gb18030", 3),  # a byte GB18030 has no reading for
])
def test_a_few_bad_bytes_are_one_e001_at_their_place(tmp_path: Path, pasted: bytes,
                                                     encoding: str, column: int) -> None:
    path = _with_bytes(tmp_path, pasted, encoding)
    done = run("check", "--format", "json", "--ignore", "S,P", str(path))
    assert done.exit_code == 1
    # was: one E001 at 1:1 "not a text file" and nothing else checked
    assert ("E001", 5, column) in done.triples()
    assert [t for t in done.triples() if t[0] != "E001"][:1] == CLEAN[:1]


def test_e001_for_bad_bytes_obeys_ignore_and_severity(tmp_path: Path) -> None:
    path = _with_bytes(tmp_path, b"\xff")
    ignored = run("check", "--format", "json", "--ignore", "E001", str(path))
    assert "E001" not in [code for code, _, _ in ignored.triples()]
    (tmp_path / "reportlint.toml").write_text('[severity]\nE001 = "warning"\n', encoding="utf-8")
    softened = run("check", "--format", "json", str(path))
    assert [(d["code"], d["severity"]) for d in softened.json() if d["code"] == "E001"] == [
        ("E001", "warning")]


DOCUMENTS = EXAMPLE.parent / "documents"


@pytest.mark.parametrize("wrapper", ["<font>", "<div>", "<table><tr><td>"])
def test_html_nested_thousands_deep_is_read(tmp_path: Path, wrapper: str) -> None:
    page = tmp_path / "deep.html"
    before = "<html><body>" + wrapper * 5000
    page.write_text(before + "x</body></html>", encoding="utf-8")
    done = run("check", "--format", "json", str(page))
    assert done.exit_code == 1  # was: RecursionError traceback
    assert ("S101", 1, len(before) + 1) in done.triples()  # at the "x", the only text


def test_html_unclosed_fonts_before_the_tables_keep_them(tmp_path: Path) -> None:
    source = (DOCUMENTS / "example.html").read_bytes()
    at = source.index(b'<div class="article">')
    page = tmp_path / "fonts.html"
    page.write_bytes(source[:at] + b"<font>" * 3000 + source[at:])  # lines unchanged
    plain = run("check", "--format", "json", str(DOCUMENTS / "example.html"))
    done = run("check", "--format", "json", str(page))
    assert done.triples() == plain.triples() == [("N303", 63, 36)]


def test_a_reader_failing_is_e001_for_that_file_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import read as readers

    def broken(path: str, data: bytes) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(readers.READERS, ".html", broken)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(EXAMPLE.read_bytes())
    done = run("check", "--format", "json", str(tmp_path))
    assert done.exit_code == 1
    assert [(Path(d["path"]).name, d["code"], d["line"]) for d in done.json()] == [
        ("a.html", "E001", 1), ("b.txt", "N303", 42)]
    extract = run("extract", str(tmp_path / "a.html"))
    assert (extract.exit_code, extract.stderr.count("\n")) == (2, 1)


@pytest.mark.parametrize(("head", "suffix"), [
    (b'<?xml version="1.0" encoding="gbk"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML">', ".html"),
    (b"\xef\xbb\xbf <!-- saved from url --> <HTML><HEAD>", ".html"),
    (b"\r\n%PDF-1.7\n", ".pdf"),
    (b"PK\x03\x04\x14\x00", ".docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", ".doc"),
    ("一、总体情况\n见 <html> 标签".encode(), None),
])
def test_sniffed_type_of_input_without_a_suffix(head: bytes, suffix: str | None) -> None:
    from reportlint.read.sniff import sniffed_suffix

    assert sniffed_suffix(head) == suffix


def test_a_text_report_mentioning_the_pdf_header_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("附件格式说明：文件头为 %PDF-1.4。\n" + EXAMPLE.read_text(encoding="utf-8"),
                    encoding="utf-8")
    done = run("check", "--format", "json", "--select", "E", str(path))
    assert (done.exit_code, done.triples()) == (0, [])


def test_extracted_text_never_holds_lone_surrogates() -> None:
    from reportlint.read.build import OutLine, make_source

    source = make_source("r.pdf", "pdf", [OutLine("一、总体\ud835情况", page=1)])
    assert source.raw_lines == ("一、总体\ufffd情况",)  # same length: columns stay true
    assert source.lines == source.raw_lines
