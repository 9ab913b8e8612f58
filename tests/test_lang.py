"""The text format's language: Chinese by default, English by --lang en or the configuration;
the machine formats keep their English keys and values."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import BROKEN, WARNING_ONLY, Result, run, write


def _check(tmp: Path, mp: pytest.MonkeyPatch, cap: pytest.CaptureFixture[str],
           *args: str) -> Result:
    return run(["check", "--select", "S", *args], tmp, mp, cap)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write(tmp_path, {"error.txt": BROKEN, "warning.txt": WARNING_ONLY})
    return tmp_path


def test_text_is_chinese_by_default(project: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = _check(project, monkeypatch, capsys, "warning.txt").out.splitlines()
    assert out[0].startswith("warning.txt:1:1: S102 [警告] ")
    assert out[-1] == "共检查1个文件：0个错误、1个警告、0个提示"


def test_lang_en_speaks_english_with_plurals(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = _check(project, monkeypatch, capsys, "--lang", "en", "warning.txt").out.splitlines()
    assert out[0].startswith("warning.txt:1:1: S102 [warning] ")
    assert out[-1] == "0 errors, 1 warning, 0 infos in 1 file"
    both = _check(project, monkeypatch, capsys, "--lang", "en", "-q", ".").out
    assert both == "6 errors, 1 warning, 0 infos in 2 files\n"


def test_lang_from_the_configuration_and_the_command_line_wins(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'lang = "en"\n'})
    assert _check(project, monkeypatch, capsys, "-q", "warning.txt").out == (
        "0 errors, 1 warning, 0 infos in 1 file\n")
    assert _check(project, monkeypatch, capsys, "--lang", "zh", "-q", "warning.txt").out == (
        "共检查1个文件：0个错误、1个警告、0个提示\n")


def test_a_bad_lang_in_the_configuration_is_one_line(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'lang = "fr"\n'})
    done = _check(project, monkeypatch, capsys, "warning.txt")
    assert done.code == 2
    assert done.err == f"reportlint: {project / 'reportlint.toml'}: key 'lang': 'fr' is not " \
                       "one of zh, en\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_machine_formats_keep_english_values(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             lang: str) -> None:
    out = _check(project, monkeypatch, capsys, "--lang", lang, "--format", "gcc",
                 "warning.txt").out
    assert out.startswith("warning.txt:1:1: warning: ")


def test_statistics_speak_the_language(project: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = _check(project, monkeypatch, capsys, "--lang", "en", "--statistics", ".").out
    assert out.splitlines()[-2:] == ["1  S102  title-nonstandard [warning]",
                                     "6 errors, 1 warning, 0 infos in 2 files"]


def test_related_cells_are_named_by_their_labels_not_template_keys() -> None:
    from helpers import ROOT
    from helpers import run as cli_run

    report = ROOT / "fixtures/real/KIROGOVCOMPARE__hzq2024_working.pdftotext-layout.txt"
    found = cli_run("check", "--format", "json", "--select", "P701", str(report)).json()
    # was: "table3 new/total：95"
    assert [r["message"] for d in found for r in d["related"]] == [
        "表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”行“总计”列：95"]


def test_config_shows_the_lang_it_sets(project: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'lang = "en"\n'})
    out = run(["config", "."], project, monkeypatch, capsys).out
    assert 'lang = "en"\n' in out
