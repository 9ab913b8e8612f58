"""``reportlint export``: the example's cells checked one by one against the file, tables
that were not bound listed without cells, CSV and JSON lines carrying the same rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from clirun import ROOT, run

EXAMPLE = ROOT / "fixtures" / "example.txt"
RUN_TOGETHER = ROOT / "fixtures" / "renderings" / "runtogether.txt"


def _jsonl(path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    result = run(["export", "--format", "jsonl", str(path)], ROOT, monkeypatch, capsys)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_every_cell_of_the_example_is_its_text_at_its_line_and_column(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    cells = [r for r in _jsonl(EXAMPLE, monkeypatch, capsys) if r["record"] == "cell"]
    assert {r["table"] for r in cells} == {"table2", "table3", "table4"}
    for cell in cells:
        line, col, text = int(str(cell["line"])), int(str(cell["col"])), str(cell["text"])
        assert lines[line - 1][col - 1:col - 1 + len(text)] == text, cell
        written = text.replace("－", "-").replace("−", "-")
        assert cell["value"] == (int(written) if written.lstrip("-").isdigit() else cell["value"])
        assert cell["row_label"] and cell["column_label"]


def test_the_example_report_row_and_cells_users_look_up(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _jsonl(EXAMPLE, monkeypatch, capsys)
    report = rows[0]
    assert (report["record"], report["issuer"], report["year"], report["format_version"]) == (
        "report", "邵阳市商务局", 2020, "2019")
    assert (report["period_start"], report["period_end"], report["signed"]) == (
        "2020-01-01", "2020-12-31", "2021-01-29")
    assert "0739-2323188" in str(report["contacts"])
    by_key = {(r["table"], r["row"], r["column"]): r for r in rows if r["record"] == "cell"}
    natural = by_key["table3", "new", "natural"]
    assert (natural["value"], natural["line"], natural["col"]) == (1, 103, 2)
    change = by_key["table2", "other_services", "change"]
    assert (change["text"], change["value"], change["cell_status"]) == ("－2", -2, "nonstandard")


def test_tables_not_bound_are_listed_without_cells(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _jsonl(RUN_TOGETHER, monkeypatch, capsys)
    tables = [(r["table"], r["table_status"], r["line"]) for r in rows if r["record"] == "table"]
    assert tables == [("table2", "unrecoverable", 10), ("table3", "unrecoverable", 32),
                      ("table4", "unrecoverable", 64)]  # where F207 points
    assert not [r for r in rows if r["record"] == "cell"]


def test_csv_file_has_a_bom_and_the_same_rows_as_jsonl(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cells.csv"
    result = run(["export", str(EXAMPLE), "-o", str(out)], ROOT, monkeypatch, capsys)
    assert (result.code, result.out) == (0, "")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    rows = _jsonl(EXAMPLE, monkeypatch, capsys)
    assert len(table) == len(rows)
    assert [(r["record"], r["table"], r["row"], r["column"], r["value"], r["line"])
            for r in table] == [
        (r["record"], r["table"] or "", r["row"] or "", r["column"] or "",
         "" if r["value"] is None else str(r["value"]), "" if r["line"] is None else str(r["line"]))
        for r in rows]


def test_a_missing_path_is_one_line_and_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["export", "nope.txt"], tmp_path, monkeypatch, capsys)
    assert (result.code, result.out) == (2, "")
    assert result.err.strip().count("\n") == 0 and "nope.txt" in result.err


def test_an_unreadable_file_in_a_folder_is_a_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    result = run(["export", "--format", "jsonl", "broken.pdf"], tmp_path, monkeypatch, capsys)
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert result.code == 0
    assert [(r["record"], r["path"]) for r in rows] == [("unreadable", "broken.pdf")]
