"""Exit codes under each --fail-on, and the output options of ``reportlint check``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from clirun import BROKEN, EXAMPLE, WARNING_ONLY, run, write

from reportlint.output.choices import base_dir, default_format, statistics, use_color

SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"
# One file per worst severity; the info one is the warning report with S102 made info.
# Only the structure rules run, so that the worst severity of each file is known.
FILES = {"clean.txt": EXAMPLE, "error.txt": BROKEN, "warning.txt": WARNING_ONLY,
         "reportlint.toml": 'select = ["S"]\n',
         "info/warning.txt": WARNING_ONLY,
         "info/reportlint.toml": 'select = ["S"]\n[severity]\nS102 = "info"\n'}
TARGETS = {"clean": "clean.txt", "error": "error.txt", "warning": "warning.txt",
           "info": "info/warning.txt"}
# (worst severity in the file, --fail-on) → exit code
EXPECTED = {
    ("clean", "error"): 0, ("clean", "warning"): 0, ("clean", "info"): 0, ("clean", "never"): 0,
    ("error", "error"): 1, ("error", "warning"): 1, ("error", "info"): 1, ("error", "never"): 0,
    ("warning", "error"): 0, ("warning", "warning"): 1, ("warning", "info"): 1,
    ("warning", "never"): 0,
    ("info", "error"): 0, ("info", "warning"): 0, ("info", "info"): 1, ("info", "never"): 0,
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write(tmp_path, FILES)
    return tmp_path


@pytest.mark.parametrize(("worst", "fail_on"), sorted(EXPECTED))
def test_exit_code_under_each_fail_on(worst: str, fail_on: str, project: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--fail-on", fail_on, TARGETS[worst]], project, monkeypatch, capsys)
    assert result.code == EXPECTED[(worst, fail_on)]


def test_default_fail_on_is_error(project: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "warning.txt"], project, monkeypatch, capsys).code == 0
    assert run(["check", "error.txt"], project, monkeypatch, capsys).code == 1


def test_fail_on_per_configuration(project: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"strict/warning.txt": WARNING_ONLY,
                    "strict/reportlint.toml": 'select = ["S"]\nfail-on = "warning"\n'})
    assert run(["check", "warning.txt"], project, monkeypatch, capsys).code == 0
    assert run(["check", "warning.txt", "strict"], project, monkeypatch, capsys).code == 1


def test_usage_errors_exit_2(project: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "missing.txt"], project, monkeypatch, capsys).code == 2
    assert run(["check", "--format", "xml", "clean.txt"], project, monkeypatch, capsys).code == 2


def test_output_file(project: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--format", "sarif", "--output-file", "out/r.sarif", "error.txt"],
                 project, monkeypatch, capsys)
    assert result.code == 2 and "out/r.sarif" in result.err  # the folder does not exist
    (project / "out").mkdir()
    result = run(["check", "--format", "sarif", "-o", "out/r.sarif", "error.txt"],
                 project, monkeypatch, capsys)
    assert result.code == 1
    assert result.out == "共检查1个文件：6个错误、0个警告、0个提示\n"
    sarif = json.loads((project / "out" / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 6
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert list(jsonschema.Draft7Validator(schema, format_checker=checker).iter_errors(sarif)) == []
    run_ = sarif["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    assert run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "error.txt", "uriBaseId": "%SRCROOT%"}


def test_statistics(project: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--statistics", "error.txt", "warning.txt"], project, monkeypatch,
                 capsys)
    assert result.out.splitlines() == [
        "5  S103  section-missing [错误]",
        "1  S101  title-missing [错误]",
        "1  S102  title-nonstandard [警告]",
        "共检查2个文件：6个错误、1个警告、0个提示",
    ]
    assert result.code == 1


def test_statistics_of_nothing() -> None:
    assert statistics([]) == "共检查0个文件：0个错误、0个警告、0个提示\n"


def test_quiet_shows_the_summary_only(project: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--quiet", "error.txt"], project, monkeypatch, capsys)
    assert result.out == "共检查1个文件：6个错误、0个警告、0个提示\n"
    assert result.code == 1


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    assert use_color(True, {})
    assert not use_color(False, {})
    assert not use_color(True, {"NO_COLOR": "1"})
    assert use_color(True, {"NO_COLOR": ""})  # no-color.org: set and not empty


def test_no_colour_when_not_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "error.txt"], project, monkeypatch, capsys)
    assert "\x1b[" not in result.out and "S101 [错误]" in result.out


def test_colour_on_a_terminal_unless_no_color(project: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert "\x1b[31m" in run(["check", "error.txt"], project, monkeypatch, capsys).out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    plain = run(["check", "error.txt"], project, monkeypatch, capsys, env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.out


def test_github_format_inside_github_actions(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    actions = {"GITHUB_ACTIONS": "true"}
    result = run(["check", "error.txt"], project, monkeypatch, capsys, env=actions)
    assert result.out.startswith("::error file=error.txt,line=1,col=1,")
    chosen = run(["check", "--format", "text", "error.txt"], project, monkeypatch, capsys,
                 env=actions)
    assert chosen.out.startswith("error.txt:1:1: S101")
    assert default_format(None, {}) == "text"
    assert default_format(None, {"GITHUB_ACTIONS": "false"}) == "text"
    assert default_format("gcc", actions) == "gcc"


def test_paths_are_relative_to_the_github_workspace(project: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(project.parent)}
    result = run(["check", "error.txt"], project, monkeypatch, capsys, env=env)
    assert result.out.startswith(f"::error file={project.name}/error.txt,line=1,")
    assert base_dir("/w/repo/sub", {"GITHUB_WORKSPACE": "/w/repo"}) == "/w/repo"
    assert base_dir("/elsewhere", {"GITHUB_WORKSPACE": "/w/repo"}) == "/elsewhere"
    assert base_dir("/w/repo2", {"GITHUB_WORKSPACE": "/w/repo"}) == "/w/repo2"
    assert base_dir("/w/repo", {}) == "/w/repo"
