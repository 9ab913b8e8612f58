"""``--previous``: this year's report compared with last year's (Y801-Y803), last year's
places named in its own file (path, line, column, page) in every output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import ROOT, run

from reportlint.read import read_bytes

EXAMPLE = ROOT / "fixtures" / "example.txt"
EXAMPLE_PDF = ROOT / "fixtures" / "documents" / "example.pdf"  # the example (2020) as a PDF


def _as_year(text: str, year: int) -> str:
    """The example made a report for ``year`` (title and statistics period)."""
    return (text.replace("2020年政府信息公开工作年度报告", f"{year}年政府信息公开工作年度报告", 1)
            .replace("自2020年1月1日起至2020年12月31日止",
                     f"自{year}年1月1日起至{year}年12月31日止", 1))


@pytest.fixture
def this_year(tmp_path: Path) -> Path:
    path = tmp_path / "2021.txt"
    path.write_text(_as_year(EXAMPLE.read_text(encoding="utf-8"), 2021), encoding="utf-8")
    return path


def test_last_years_pdf_is_the_related_place_with_its_path_line_and_page(
        this_year: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--format", "json", "--select", "Y", "--previous", str(EXAMPLE_PDF),
                  this_year.name], this_year.parent, monkeypatch, capsys)
    found = json.loads(result.out)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [
        ("Y803", 5, 3), ("Y803", 395, 1)]
    assert "100%" in found[0]["message"]
    places = [(r["path"], r["line"], r["column"], r["page"]) for d in found for r in d["related"]]
    assert places == [(str(EXAMPLE_PDF), 10, 3, 1), (str(EXAMPLE_PDF), 73, 3, 3)]
    lines = read_bytes(EXAMPLE_PDF.name, EXAMPLE_PDF.read_bytes()).shown_lines
    assert lines[9][2:].startswith("一、总体情况")
    assert lines[72][2:].startswith("五、存在的主要问题及改进情况")
    assert result.code == 0  # warnings


def test_text_gcc_and_sarif_name_last_years_file(
        this_year: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--select", "Y803", "--previous", str(EXAMPLE_PDF), this_year.name]
    text = run(args, this_year.parent, monkeypatch, capsys).out
    assert f"= {EXAMPLE_PDF}:10:3 (第1页): 上年报告的同一部分" in text
    gcc = run([*args, "--format", "gcc"], this_year.parent, monkeypatch, capsys).out
    # screen columns: the two en spaces before the heading are one cell each
    assert f"{EXAMPLE_PDF}:10:3: note: 上年报告的同一部分" in gcc
    sarif = json.loads(run([*args, "--format", "sarif"], this_year.parent, monkeypatch,
                           capsys).out)
    related = sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("documents/example.pdf")
    assert related["region"]["startLine"] == 10


def test_last_years_cell_is_related_to_this_years_carry_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    carried = "四、结转下年度继续办理\n\t"
    last = _as_year(text, 2019).replace(f"{carried}0", f"{carried}2", 1)
    (tmp_path / "2019.txt").write_text(last, encoding="utf-8")
    (tmp_path / "2020.txt").write_text(text, encoding="utf-8")
    result = run(["check", "--format", "json", "--select", "Y801", "--previous", "2019.txt",
                  "2020.txt"], tmp_path, monkeypatch, capsys)
    found = json.loads(result.out)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("Y801", 112, 2)]
    assert [(r["path"], r["line"], r["column"]) for r in found[0]["related"]] == [
        ("2019.txt", 337, 2)]
    assert found[0]["message"].endswith("“自然人”列为0，上年报告结转下年度继续办理为2")


def test_a_report_without_last_years_gets_no_y_diagnostics(
        this_year: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--format", "json", "--select", "Y", this_year.name],
                 this_year.parent, monkeypatch, capsys)
    assert (result.code, json.loads(result.out)) == (0, [])


def test_a_previous_that_does_not_exist_is_a_usage_error(
        this_year: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--previous", "nope.txt", this_year.name], this_year.parent,
                 monkeypatch, capsys)
    assert result.code == 2 and "nope.txt" in result.err


def _folder(tmp_path: Path, last_issuer: str) -> None:
    """2020.txt: the example; 2019.txt: the example for 2019 by ``last_issuer``, carrying
    2 requests of natural persons forward (this year carried over 0)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    carried = "四、结转下年度继续办理\n\t"
    last = _as_year(text, 2019).replace(f"{carried}0", f"{carried}2", 1)
    last = last.replace("邵阳市商务局\n", f"{last_issuer}\n", 1)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2019.txt").write_text(last, encoding="utf-8")
    (tmp_path / "reports" / "2020.txt").write_text(text, encoding="utf-8")


def _y_codes(out: str) -> list[tuple[str, str, int]]:
    return [(d["path"], d["code"], d["line"]) for d in json.loads(out)]


def test_a_batch_pairs_one_issuers_consecutive_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path, "邵阳市商务局")
    args = ["check", "--format", "json", "--select", "Y801", "--no-cache", "reports"]
    for jobs in ("1", "2"):
        result = run([*args, "-j", jobs], tmp_path, monkeypatch, capsys)
        assert _y_codes(result.out) == [("reports/2020.txt", "Y801", 112)]
        related = json.loads(result.out)[0]["related"][0]
        assert (related["path"], related["line"]) == ("reports/2019.txt", 337)
    unpaired = run([*args, "--no-pair"], tmp_path, monkeypatch, capsys)
    assert _y_codes(unpaired.out) == []


def test_a_batch_never_pairs_different_bodies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path, "邵东市商务局")
    result = run(["check", "--format", "json", "--select", "Y", "reports"], tmp_path,
                 monkeypatch, capsys)
    assert _y_codes(result.out) == []


def test_the_review_says_which_report_was_taken_as_last_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path, "邵阳市商务局")
    result = run(["report", "--select", "Y801", "reports", "-o", "review"], tmp_path,
                 monkeypatch, capsys)
    assert result.code == 0
    rows = [json.loads(line) for line in
            (tmp_path / "review" / "diagnostics.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["path"], r["code"], r["facts"]["previous"]) for r in rows] == [
        ("reports/2020.txt", "Y801", "reports/2019.txt")]
