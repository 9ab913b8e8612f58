"""The per-file budget (E003): hostile inputs stop at a limit, and the run goes on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reportlint.check.budget import lint_bounded
from reportlint.check.engine import Selection
from reportlint.check.packs import RuleSet, load_rules
from reportlint.model import Settings
from tests import hostile
from tests.helpers import EXAMPLE, run

MB = 1 << 20


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _lint(rules: RuleSet, name: str, data: bytes, **settings: Any) -> list[tuple[str, int, str]]:
    report = lint_bounded(name, data, rules, Selection(), Settings(settings))
    return [(d.code, d.span.line, d.message) for d in report.diagnostics]


def _only_e003(found: list[tuple[str, int, str]], key: str) -> None:
    assert [(code, line) for code, line, _ in found] == [("E003", 1)]
    assert key in found[0][2]


def test_a_docx_part_inflating_past_the_cap(rules: RuleSet) -> None:
    found = _lint(rules, "bomb.docx", hostile.docx_bomb(40),
                  **{"max-decompressed-bytes": 10 * MB})
    _only_e003(found, "max-decompressed-bytes")


def test_a_docx_part_declaring_more_than_its_data_holds_is_damaged_not_too_costly(
        rules: RuleSet) -> None:
    """A header that says 3 GB for a few hundred bytes of deflated XML cannot be true: the part
    is measured, and the file is read as it is (zipfile reads a part to its data's end)."""
    example = (Path(__file__).parent.parent / "fixtures" / "documents" / "example.docx")
    data = hostile.docx_declaring(example.read_bytes(), "[Content_Types].xml", 3 << 30)
    found = [(code, line) for code, line, _ in _lint(rules, "damaged.docx", data)]
    assert found == [(code, line) for code, line, _ in
                     _lint(rules, "example.docx", example.read_bytes())]
    assert "E003" not in {code for code, _ in found}


def test_memory_past_the_limit_stops_the_file_only(rules: RuleSet) -> None:
    found = _lint(rules, "bomb.docx", hostile.docx_bomb(300),
                  **{"max-decompressed-bytes": 4096 * MB, "memory-limit": 100})
    _only_e003(found, "memory-limit")


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_pdf_stream_inflating_past_the_cap(rules: RuleSet, engine: str) -> None:
    # pdfminer inflates streams in Python, where the cap applies; PDFium inflates them in
    # native code, so the file's streams are measured before PDFium opens it
    found = _lint(rules, "bomb.pdf", hostile.pdf_flate_bomb(30),
                  **{"max-decompressed-bytes": 10 * MB, "pdf-engine": engine})
    _only_e003(found, "max-decompressed-bytes")


def test_glyphs_per_pdf_page(rules: RuleSet) -> None:
    report = lint_bounded("dense.pdf", hostile.pdf_glyph_page(5000), rules, Selection(),
                          Settings({"max-page-glyphs": 1000}))
    assert [(d.code, d.page) for d in report.diagnostics] == [("E003", 1)]
    assert "max-page-glyphs" in report.diagnostics[0].message


def test_html_cells_spanning_65534_rows_and_columns(rules: RuleSet) -> None:
    _only_e003(_lint(rules, "spans.html", hostile.html_span_bomb()), "max-table-cells")


def test_a_row_span_ends_with_the_table(rules: RuleSet) -> None:
    found = _lint(rules, "spans.html", hostile.html_span_bomb(rows=3))
    assert "E003" not in [code for code, _, _ in found]


def test_bytes_read_past_the_cap(rules: RuleSet) -> None:
    _only_e003(_lint(rules, "big.txt", EXAMPLE.read_bytes(), **{"max-bytes": 100}),
               "max-bytes")


def test_within_the_budget_a_file_is_linted_as_usual(rules: RuleSet) -> None:
    found = _lint(rules, "example.txt", EXAMPLE.read_bytes(), timeout=60, **{"memory-limit": 500})
    assert [(code, line) for code, line, _ in found] == [("N303", 42)]


def _pack(folder: Path) -> Path:
    for name, text in hostile.regex_bomb_pack().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_backtracking_pack_pattern_returns_at_once(tmp_path: Path) -> None:
    """``(a+)+$`` on 30 a and ! ran for ever on Python's engine; pack patterns run on RE2."""
    pack = _pack(tmp_path)
    stuck = tmp_path / "stuck.txt"
    stuck.write_text(f"一、概述\n{hostile.REGEX_BOMB_LINE}\naaa\n", encoding="utf-8")
    result = run("check", "--isolated", "--rules", str(pack), "--format", "json",
                 "--select", "X,E", str(stuck))
    assert [(d["code"], d["line"]) for d in result.json()] == [("X901", 3)]


def test_a_file_past_the_timeout_stops_and_the_run_goes_on(tmp_path: Path) -> None:
    # a page of 400,000 glyphs, the glyph cap raised: pdfminer lays it out for a minute
    dense = tmp_path / "dense.pdf"
    dense.write_bytes(hostile.pdf_glyph_page(400_000))
    (tmp_path / "reportlint.toml").write_text("max-page-glyphs = 10000000\n", encoding="utf-8")
    result = run("check", "--config", str(tmp_path / "reportlint.toml"), "--pdf-engine",
                 "pdfminer", "--timeout", "2", "--format", "json", "--select", "E,N",
                 str(dense), str(EXAMPLE))
    found = {(d["path"], d["code"], d["line"]): d["message"] for d in result.json()}
    assert sorted(found) == sorted([(str(dense), "E003", 1), (str(EXAMPLE), "N303", 42)])
    assert "timeout" in found[(str(dense), "E003", 1)]
    assert result.exit_code == 1


def test_dev_zero_ends_at_the_byte_cap(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    (tmp_path / "reportlint.toml").write_text("max-bytes = 1000000\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--format", "json", "/dev/zero"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert '"code": "E003"' in done.stdout


def test_timeout_must_be_positive() -> None:
    assert run("check", "--timeout", "0", str(EXAMPLE)).exit_code == 2
