"""Rule and configuration files are checked when they load: one line, exit 2, never a hang
or a failure halfway through a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config.resolve import matches
from tests.helpers import EXAMPLE, run

_RULE = """code: X901
name: draft-marker
severity: warning
description: d
kind: pattern
params:
  patterns: ['征求意见稿']
  message: '{message}'
"""


def _pack(folder: Path, message: str) -> Path:
    (folder / "X901.yaml").write_text(_RULE.replace("{message}", message), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("message", "problem"), [
    ("草稿标记“{matc}”", "unknown placeholder {matc} in the message (known: {match})"),
    ("{match.__class__.__mro__}", "placeholder {match.__class__.__mro__} in the message"),
    ("{match:>1000000000}", "placeholder {match:>1000000000} in the message"),
    ("{match[0]}", "placeholder {match[0]} in the message"),
    ("{match!r}", "placeholder {match!r} in the message"),
    ("{0}", "placeholder {0} in the message"),
    ("草稿{", "bad message template"),
])
def test_a_bad_message_template_is_a_load_error(tmp_path: Path, message: str,
                                                problem: str) -> None:
    result = run("check", "--isolated", "--rules", str(_pack(tmp_path, message)), str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reportlint: {tmp_path / 'X901.yaml'}:8: key "
                                    "'params.message': ")
    assert problem in result.stderr
    assert result.stdout == ""


def test_a_good_template_loads(tmp_path: Path) -> None:
    result = run("check", "--isolated", "-q", "--rules",
                 str(_pack(tmp_path, "草稿标记“{match}”，{{原样}}")), str(EXAMPLE))
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_alias_bomb_as_a_mapping_key(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
               for i in range(8)]
    bomb = "\n".join(levels) + "\n? *i\n: 1\n"
    (tmp_path / "X901.yaml").write_text(bomb, encoding="utf-8")
    result = run("check", "--isolated", "--rules", str(tmp_path), str(EXAMPLE))
    assert result.exit_code == 2
    # the line of the anchored list the alias names
    assert result.stderr == (f"reportlint: {tmp_path / 'X901.yaml'}:9: invalid YAML: a key "
                             "must be a plain value (not a list, mapping or alias of one)\n")


def test_a_glob_of_many_double_stars_against_a_deep_path() -> None:
    deep = "a/" * 3000 + "y"
    assert matches("**/" * 12 + "z", deep) is False
    assert matches("**/" * 12 + "y", deep) is True


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("archive/**", "archive/2020/a.txt", True),
    ("archive/", "archive/a.txt", True),
    ("**/draft-*.txt", "x/y/draft-1.txt", True),
    ("**/draft-*.txt", "draft-1.txt", True),
    ("*.txt", "x/y/a.txt", True),
    ("x/*.txt", "x/y/a.txt", False),
    ("x/?.txt", "x/a.txt", True),
    ("a/**/b", "a/b", True),
    ("a/**/b", "a/x/y/b", True),
    ("a/**/b", "a/xb", False),
])
def test_globs(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_a_configuration_nested_too_deeply(tmp_path: Path) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = run("check", "--config", str(config), str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr == f"reportlint: {config}: invalid TOML: nested too deeply\n"
