"""Paths on the command line: a missing one is named and the others still checked; a folder
without reports says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import BROKEN, WARNING_ONLY, Result, codes, run, write


def _check(tmp: Path, mp: pytest.MonkeyPatch, cap: pytest.CaptureFixture[str],
           *args: str) -> Result:
    return run(["check", "--select", "S", *args], tmp, mp, cap)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write(tmp_path, {"error.txt": BROKEN, "warning.txt": WARNING_ONLY})
    (tmp_path / "empty").mkdir()
    return tmp_path


def test_a_missing_path_is_named_and_the_others_are_checked(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = _check(project, monkeypatch, capsys, "--format", "jsonl",
                  "error.txt", "gone.txt", "warning.txt")
    # was: exit 2 at once, nothing checked
    assert codes(done.out) == [("error.txt", "S101"), *[("error.txt", "S103")] * 5,
                               ("warning.txt", "S102")]
    assert done.err == "reportlint: gone.txt：文件或文件夹不存在\n"
    assert done.code == 2


def test_a_missing_path_in_english(project: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    done = _check(project, monkeypatch, capsys, "--lang", "en", "-q", "gone", "warning.txt")
    assert (done.code, done.out) == (2, "0 errors, 1 warning, 0 infos in 1 file\n")
    assert done.err == "reportlint: gone: no such file or directory\n"


def test_an_empty_folder_says_no_report_files_were_found(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = _check(project, monkeypatch, capsys, "empty")
    assert done.code == 0
    assert done.out == "共检查0个文件：0个错误、0个警告、0个提示\n"
    assert done.err == ("reportlint: empty：没有找到报告文件"
                        "（.doc .docx .htm .html .md .pdf .shtml .txt .wps）\n")


def test_an_output_file_beside_a_missing_path(project: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    done = _check(project, monkeypatch, capsys, "-o", "warning.txt", "gone", "warning.txt")
    assert done.code == 2  # still refused: the output file is one of the inputs
    assert "warning.txt: the output file is one of the inputs" in done.err
