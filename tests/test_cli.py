"""The command line: exit codes, selection, inputs, output formats, rule listing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, example_text, run

BROKEN = example_text().replace("四、政府信息公开行政复议、行政诉讼情况\n", "")  # S103 error
NONCANONICAL = example_text().replace(
    "五、存在的主要问题及改进情况", "五、存在问题及改进情况")  # S105 warning


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_example_is_clean() -> None:
    result = run("check", "--format", "json", str(EXAMPLE))
    assert result.exit_code == 0
    assert [d for d in result.json() if d["severity"] in ("error", "warning")] == []


def test_error_exits_1_and_reports_location(tmp_path: Path) -> None:
    result = run("check", "--format", "json", "--select", "S",
                 str(write(tmp_path, "r.txt", BROKEN)))
    assert result.exit_code == 1
    assert result.triples() == [("S103", 394, 1)]


@pytest.mark.parametrize(("fail_on", "code"), [
    ("error", 0), ("warning", 1), ("info", 1), ("never", 0),
])
def test_fail_on_with_a_warning(tmp_path: Path, fail_on: str, code: int) -> None:
    path = write(tmp_path, "r.txt", NONCANONICAL)
    assert run("check", "--fail-on", fail_on, str(path)).exit_code == code


def test_fail_on_never_with_an_error(tmp_path: Path) -> None:
    assert run("check", "--fail-on", "never", str(write(tmp_path, "r.txt", BROKEN))).exit_code == 0


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--select", "S105", [("S105", 395, 1)]),
    ("--select", "S10", [("S105", 395, 1)]),
    ("--ignore", "S105", []),
    ("--ignore", "S", []),
    ("--select", "S,E", [("S105", 395, 1)]),
    ("--select", "S103", []),
])
def test_select_and_ignore(tmp_path: Path, option: str, value: str,
                           expected: list[tuple[str, int, int]]) -> None:
    path = write(tmp_path, "r.txt", NONCANONICAL)
    result = run("check", "--format", "json", option, value, str(path))
    assert [t for t in result.triples() if t[0].startswith("S")] == expected


def test_more_specific_select_beats_ignore(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", NONCANONICAL)
    result = run("check", "--format", "json", "--ignore", "S", "--select", "S105", str(path))
    assert result.triples() == [("S105", 395, 1)]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_lints_report_files_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "a/good.txt", example_text())
    write(tmp_path, "a/bad.md", BROKEN)
    write(tmp_path, ".hidden/bad.txt", BROKEN)
    write(tmp_path, "a/notes.csv", BROKEN)
    result = run("check", "--format", "json", "--select", "S", str(tmp_path))
    assert result.exit_code == 1
    assert {Path(d["path"]).name for d in result.json()} == {"bad.md"}
    assert "共检查2个文件" in run("check", str(tmp_path)).stdout


def test_stdin_with_a_filename() -> None:
    result = run("check", "--format", "json", "--select", "S", "--stdin-filename", "draft.txt", "-",
                 stdin=BROKEN.encode("gb18030"))
    assert result.exit_code == 1
    assert [(d["path"], d["code"], d["line"]) for d in result.json()] == [
        ("draft.txt", "S103", 394)]


def test_binary_file_is_e001_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 8)
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 1
    assert result.triples() == [("E001", 1, 1)]


def test_empty_file_is_e002(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("check", "--format", "json", str(path))
    assert (result.exit_code, result.triples()) == (1, [("E002", 1, 1)])


def test_json_keys_and_order(tmp_path: Path) -> None:
    two = write(tmp_path, "b.txt", BROKEN)
    one = write(tmp_path, "a.txt", NONCANONICAL)
    items = run("check", "--format", "json", "--select", "S", str(two), str(one)).json()
    assert [d["path"] for d in items] == [str(one), str(two)]
    assert set(items[0]) == {"path", "code", "name", "severity", "message", "line", "column",
                             "end_line", "end_column", "page", "related"}
    first = items[0]
    assert (first["name"], first["severity"], first["page"], first["related"]) == (
        "heading-nonstandard", "warning", None, [])
    assert (first["end_line"], first["end_column"]) == (395, 12)


def test_text_format_shows_location_source_caret_and_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", NONCANONICAL)
    lines = run("check", "--select", "S", str(path)).stdout.splitlines()
    assert lines[0].startswith(f"{path}:395:1: S105 [警告] ")
    assert lines[1] == "  395 | 五、存在问题及改进情况"
    # 11 CJK characters, two terminal cells each
    assert lines[2] == "      | " + "^" * 22
    assert lines[-1] == "共检查1个文件：0个错误、1个警告、0个提示"


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"E001", "E002", "S101", "S107"} <= set(codes)
    assert codes == sorted(codes)


def test_rule_shows_description_and_example() -> None:
    result = run("rule", "s103")
    assert result.exit_code == 0
    assert result.stdout.startswith("S103 section-missing [错误]  （规则包 gov-annual-report")
    assert "示例" in result.stdout


def test_unknown_rule_is_a_usage_error() -> None:
    result = run("rule", "Z999")
    assert result.exit_code == 2


def test_parse_prints_the_tree_with_spans() -> None:
    out = run("parse", str(EXAMPLE)).stdout
    assert "  section review 348:1-391:3" in out
    assert "    heading 348:1-348:20 '四、政府信息公开行政复议、行政诉讼情况'" in out
    assert "  signature 406:1-407:11" in out


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json",
                             "--select", "S", str(EXAMPLE)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_text_that_is_no_report_is_never_clean(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "会议纪要\n今天讨论了三件事。\n一是预算。\n")
    result = run("check", "--format", "json", "--select", "S", str(path))
    assert result.exit_code == 1
    codes = [c for c, _, _ in result.triples()]
    assert codes[0] == "S101" and codes.count("S103") == 6


def test_an_unreadable_file_does_not_stop_the_others(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.txt", BROKEN)
    locked = write(tmp_path, "b.txt", example_text())
    real_open = Path.open

    def open_(path: Path, *args: Any, **kwargs: Any) -> Any:  # as without read permission
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    result = run("check", "--format", "json", "--select", "S", str(tmp_path))
    assert result.exit_code == 2
    assert [(Path(d["path"]).name, d["code"]) for d in result.json()] == [("a.txt", "S103")]
    assert "b.txt: cannot read: Permission denied" in result.stderr
