"""--color and FORCE_COLOR; SARIF's rule help in Markdown and the run's invocation (exit code,
unreadable paths as tool notifications)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from clirun import BROKEN, run, write

from reportlint.output.choices import use_color

SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize(("terminal", "environ", "mode", "expected"), [
    (False, {}, "auto", False),
    (True, {}, "auto", True),
    (False, {"FORCE_COLOR": "1"}, "auto", True),           # a CI log that shows colours
    (True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", False),  # NO_COLOR wins
    (False, {"NO_COLOR": "1"}, "always", True),            # the option wins over both
    (True, {"FORCE_COLOR": "1"}, "never", False),
])
def test_colour_choice(terminal: bool, environ: dict[str, str], mode: str,
                       expected: bool) -> None:
    assert use_color(terminal, environ, mode) is expected


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write(tmp_path, {"error.txt": BROKEN})
    return tmp_path


@pytest.mark.parametrize(("args", "env", "coloured"), [
    (["--color", "always"], {}, True),
    ([], {"FORCE_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
])
def test_colour_on_the_command_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str], args: list[str],
                                    env: dict[str, str], coloured: bool) -> None:
    out = run(["check", *args, "error.txt"], project, monkeypatch, capsys, env=env).out
    assert ("\x1b[" in out) is coloured
    assert "S101" in out


def _sarif(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           *paths: str) -> tuple[int, dict[str, Any]]:
    done = run(["check", "--format", "sarif", *paths], project, monkeypatch, capsys)
    log = json.loads(done.out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert list(jsonschema.Draft7Validator(schema, format_checker=checker).iter_errors(log)) == []
    return done.code, log


def test_sarif_rules_have_help_in_markdown(project: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _, log = _sarif(project, monkeypatch, capsys, "error.txt")
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    markdown = rules["S101"]["help"]["markdown"]
    assert markdown.startswith(rules["S101"]["fullDescription"]["text"].rstrip())
    assert "\n\n**示例：**\n\n```\n" in markdown and markdown.endswith("\n```")


def test_sarif_invocation_of_a_run_with_findings(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, log = _sarif(project, monkeypatch, capsys, "error.txt")
    assert code == 1
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_sarif_invocation_names_unreadable_paths(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (project / "empty").mkdir()
    code, log = _sarif(project, monkeypatch, capsys, "error.txt", "gone.txt", "empty")
    assert code == 2
    assert log["runs"][0]["invocations"] == [{
        "executionSuccessful": False, "exitCode": 2,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": "gone.txt：文件或文件夹不存在"}},
            {"level": "warning", "message": {
                "text": "empty：没有找到报告文件"
                        "（.doc .docx .htm .html .md .pdf .shtml .txt .wps）"}},
        ]}]
    results = log["runs"][0]["results"]  # error.txt is still checked
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in results} == {"error.txt"}
