"""Configuration files as editors save them, and rule packs named more than once."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import EXAMPLE, Result, codes, run, write

HOUSE_RULE = ("code: X901\nname: house-title\nseverity: warning\ndescription: 本单位要求的标题。\n"
              "kind: title-present\nparams:\n  patterns: [本单位专用标题]\n"
              "  message: 缺少本单位专用标题\n")


def _check(tmp: Path, mp: pytest.MonkeyPatch, cap: pytest.CaptureFixture[str],
           *args: str) -> Result:
    return run(["check", "--format", "jsonl", *args], tmp, mp, cap)


def test_a_config_saved_with_a_bom_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"packs/house/X901.yaml": HOUSE_RULE, "good.txt": EXAMPLE})
    (tmp_path / "reportlint.toml").write_bytes(
        '\ufeffrules = ["packs/house"]\nselect = ["X9"]\n'.encode())
    done = _check(tmp_path, monkeypatch, capsys, "good.txt")
    assert done.err == ""  # was: invalid TOML: Invalid statement (at line 1, column 1)
    assert codes(done.out) == [("good.txt", "X901")]


def test_a_gbk_config_is_one_line_asking_for_utf8(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"good.txt": EXAMPLE})
    config = tmp_path / "reportlint.toml"
    config.write_bytes('# 本单位的设置\nselect = ["S"]\n'.encode("gbk"))
    done = _check(tmp_path, monkeypatch, capsys, "good.txt")
    assert done.code == 2
    assert done.err == (f"reportlint: {config}: not UTF-8 text: "
                        "save the configuration file as UTF-8\n")


@pytest.mark.parametrize("twice", [
    ["--rules", "packs/house"],                                   # config and --rules
    ["--isolated", "--rules", "packs/house", "--rules", "./packs/house/"],  # --rules twice
])
def test_a_pack_named_twice_is_loaded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str],
                                           twice: list[str]) -> None:
    write(tmp_path, {"packs/house/X901.yaml": HOUSE_RULE, "good.txt": EXAMPLE,
                     "reportlint.toml": 'rules = ["packs/house"]\n'})
    done = _check(tmp_path, monkeypatch, capsys, *twice, "--select", "X9", "good.txt")
    assert done.err == ""  # was: X901 is already defined in the same file
    assert codes(done.out) == [("good.txt", "X901")]


def test_the_readme_sample_config_runs_the_house_rule_it_adds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    sample = readme.split("# reportlint.toml (in pyproject.toml", 1)[1].split("```", 1)[0]
    sample = sample.split("\n", 1)[1]
    write(tmp_path, {"lint/house-rules/X901.yaml": HOUSE_RULE, "good.txt": EXAMPLE,
                     "reportlint.toml": sample})
    done = _check(tmp_path, monkeypatch, capsys, "good.txt")
    assert done.err == ""
    assert ("good.txt", "X901") in codes(done.out)
