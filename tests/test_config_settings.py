"""Rule settings from a configuration file reach the rules (deadlines, issuer kind)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import example_text, run


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "reportlint.toml").write_text(config, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(example_text(), encoding="utf-8")
    return report


def test_an_earlier_deadline_in_the_config_file_makes_the_example_late(tmp_path: Path) -> None:
    # 邵阳市商务局 (a department) signed on 2021年1月29日, line 407.
    report = _project(tmp_path, 'deadlines = { department = "1-20" }\n')
    result = run("check", "--format", "json", "--select", "D507", str(report))
    assert result.triples() == [("D507", 407, 1)]


def test_the_default_deadline_keeps_the_example_on_time(tmp_path: Path) -> None:
    report = _project(tmp_path, 'select = ["D"]\n')
    assert run("check", "--format", "json", str(report)).triples() == []


def test_the_command_line_deadline_wins_over_the_file(tmp_path: Path) -> None:
    report = _project(tmp_path, 'deadlines = { department = "01-20" }\n')
    result = run("check", "--format", "json", "--select", "D507", "--deadline", "02-28",
                 str(report))
    assert result.triples() == []


def test_a_bad_deadline_in_the_config_file_is_one_line(tmp_path: Path) -> None:
    report = _project(tmp_path, 'deadlines = { department = "13-40" }\n')
    result = run("check", str(report))
    assert result.exit_code == 2
    assert "deadlines.department" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_rules_lists_the_packs_of_the_configuration_in_effect(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / "X901.yaml").write_text(
        "code: X901\nname: no-draft\nseverity: warning\ndescription: 草稿标记\n"
        "kind: pattern\nparams:\n  patterns: ['征求意见稿']\n  message: 草稿\n", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rules = ["house-rules"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "X901" in run("rules").stdout
    assert run("rule", "X901").exit_code == 0
