"""Rule files are validated when loaded; --rules adds a user pack on top of the built-in one."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLE, run

GOOD_RULE = """\
code: X901
name: no-draft-marker
severity: warning
description: |
  草稿标记“征求意见稿”不应出现在发布的报告中。
kind: pattern
params:
  patterns: ['征求意见稿']
  message: 报告中仍有草稿标记“{match}”
"""


def pack(tmp_path: Path, text: str, name: str = "X901.yaml") -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def report(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "2020年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告（征求意见稿）", 1)
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_pack_adds_a_rule(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD_RULE)
    result = run("check", "--format", "json", "--select", "X", "--rules", str(folder),
                 str(report(tmp_path)))
    assert result.triples() == [("X901", 2, 19)]
    assert result.exit_code == 0  # a warning, and --fail-on is error
    assert "X901" in run("rules", "--rules", str(folder)).stdout


@pytest.mark.parametrize(("change", "line", "key"), [
    (("kind: pattern", "kind: no-such-kind"), 6, "'kind'"),
    (("code: X901\n", ""), 1, "'code'"),
    (("severity: warning", "severity: fatal"), 3, "'severity'"),
    (("severity: warning", "severity: [warning]"), 3, "'severity'"),
    (("  message:", "  colour: red\n  message:"), 9, "'params.colour'"),
    (("  patterns: ['征求意见稿']\n", ""), 8, "'params.patterns'"),
    (("  patterns: ['征求意见稿']", "  patterns: 征求意见稿"), 8, "'params.patterns'"),
    (("name: no-draft-marker", "name: No Draft"), 2, "'name'"),
    (("description:", "colour: red\ndescription:"), 4, "'colour'"),
])
def test_bad_rule_file_is_one_line_with_file_line_and_key(
    tmp_path: Path, change: tuple[str, str], line: int, key: str
) -> None:
    old, new = change
    assert old in GOOD_RULE
    folder = pack(tmp_path, GOOD_RULE.replace(old, new))
    result = run("check", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message
    assert message.startswith(f"reportlint: {folder / 'X901.yaml'}:{line}: key {key}")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD_RULE + "params: [unclosed\n")
    result = run("check", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2
    assert f"{folder / 'X901.yaml'}:" in result.stderr
    assert "invalid YAML" in result.stderr


def test_duplicate_code_is_rejected(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD_RULE.replace("X901", "S101"))
    result = run("check", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2
    assert "S101 is already defined" in result.stderr


def test_missing_pack_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", "--rules", str(tmp_path / "none"), str(EXAMPLE))
    assert result.exit_code == 2


BAD_RELATION = """\
code: X950
name: bad-relation
severity: error
description: |
  一条写错的勾稽关系。
kind: table-relation
params:
  message: "{cell}"
  relations:
    - table: table3
      check: "new.total + = prior.total"
      at: new.total
"""


def test_a_relation_that_cannot_be_parsed_fails_when_the_pack_loads(tmp_path: Path) -> None:
    folder = pack(tmp_path, BAD_RELATION, "X950.yaml")
    result = run("check", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"reportlint: {folder / 'X950.yaml'}:9: key 'params.relations': relation 1:")


@pytest.mark.parametrize(("change", "line"), [
    (("patterns: ['征求意见稿']", "patterns: ['征求意见稿', '[']"), 8),
    (("patterns: ['征求意见稿']", "patterns: ['征求意见稿', 3]"), 8),
])
def test_a_bad_regular_expression_fails_when_the_pack_loads(
    tmp_path: Path, change: tuple[str, str], line: int
) -> None:
    folder = pack(tmp_path, GOOD_RULE.replace(*change))
    result = run("check", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"reportlint: {folder / 'X901.yaml'}:{line}: key 'params.patterns': ")


@pytest.mark.parametrize(("options", "codes"), [
    ((), ["N303"]),                                   # F201 is off by default
    (("--select", "F201,N"), ["F201", "N303"]),       # named by a select prefix
    (("--extend-select", "F2"), ["F201", "N303"]),
    (("--select", "F", "--ignore", "F201"), []),
])
def test_a_rule_off_by_default_runs_only_when_selected(options: tuple[str, ...],
                                                       codes: list[str]) -> None:
    done = run("check", "--format", "json", *options, str(EXAMPLE))
    assert [code for code, _, _ in done.triples()] == codes


def test_enabled_must_be_true_or_false(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "X901.yaml").write_text(
        "code: X901\nname: house-rule\nseverity: info\ndescription: d\nkind: pattern\n"
        "enabled: 'no'\nparams:\n  patterns: ['x']\n  message: m\n", encoding="utf-8")
    done = run("check", "--rules", str(pack), str(EXAMPLE))
    assert done.exit_code == 2
    assert "X901.yaml:6: key 'enabled'" in done.stderr
