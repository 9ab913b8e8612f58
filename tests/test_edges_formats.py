"""Output formats at their edges: what one format carries the others must not drop, and the
characters each format's specification forbids."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from formatdata import OPTIONS, PDF

from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.output import FORMATTERS


def _related_pages(name: str) -> list[Any]:
    found = json.loads(FORMATTERS[name]([PDF], OPTIONS))
    if name == "sarif":
        return [r.get("properties", {}).get("page") for result in found["runs"][0]["results"]
                for r in result.get("relatedLocations", [])]
    return [r["page"] for d in found for r in d["related"]]


def test_json_related_locations_carry_their_page_as_sarif_does() -> None:
    # a total on one page and its cells on another: the page is the only way to find them
    assert _related_pages("json") == _related_pages("sarif") == [2, 2]


def test_junit_is_well_formed_with_lone_surrogates_and_controls() -> None:
    odd = FileReport(
        "reports/\udcff\udcb1\udca8.txt",
        (Diagnostic("S101", "title-missing", Severity.ERROR, "缺少标题\x1b[1m\udcff]]>",
                    Span(1, 1, 1, 2), related=(Related(Span(1, 1, 1, 2), "x"),)),),
        ("标题",))
    text = FORMATTERS["junit"]([odd], OPTIONS)
    root = ET.fromstring(text.encode("utf-8"))  # strict UTF-8, well-formed XML
    case = root.find(".//testcase")
    # not GB18030 either (0xff leads no character): the bytes as escapes
    assert case is not None and case.get("name") == "reports/\\xff\\xb1\\xa8.txt"


# pdftotext puts a form feed at the start of each page's first line; an ESC would drive the
# terminal. Vim and Emacs show both as ^L, ^[ (two cells).
CONTROL = FileReport("ctl.txt", (Diagnostic("S105", "heading-noncanonical", Severity.WARNING,
                                            "标题不规范", Span(1, 5, 1, 8)),),
                     ("\f\x1b  五、存在问题",))


def test_gcc_counts_control_characters_as_two_screen_cells() -> None:
    assert FORMATTERS["gcc"]([CONTROL], OPTIONS).startswith("ctl.txt:1:7: warning: ")


def test_vim_lands_on_the_character_after_a_form_feed(tmp_path: Path) -> None:
    if shutil.which("vim") is None:
        pytest.skip("vim is not installed")
    (tmp_path / "ctl.txt").write_text(CONTROL.lines[0] + "\n", encoding="utf-8")
    (tmp_path / "out.txt").write_text(FORMATTERS["gcc"]([CONTROL], OPTIONS), encoding="utf-8")
    (tmp_path / "jump.vim").write_text("\n".join([
        "set encoding=utf-8 fileencodings=utf-8 nomore",
        r"set errorformat=%f:%l:%v:\ %t%*[^:]:\ %m",
        "cgetfile out.txt",
        "cc 1",
        r"call writefile([matchstr(getline('.'), '\%' . col('.') . 'c.')], 'landed.txt')",
        "qa!",
    ]), encoding="utf-8")
    subprocess.run(["vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-S", "jump.vim"],
                   cwd=tmp_path, check=False, timeout=60, capture_output=True)
    assert (tmp_path / "landed.txt").read_text(encoding="utf-8") == "五\n"


def test_text_shows_control_characters_and_puts_the_caret_under_the_flagged_text() -> None:
    text = FORMATTERS["text"]([CONTROL], OPTIONS)
    source, carets = text.splitlines()[1:3]
    assert source == "    1 | ^L^[  五、存在问题"  # no raw ESC reaches the terminal
    assert carets == "      | " + " " * 6 + "^" * 6
