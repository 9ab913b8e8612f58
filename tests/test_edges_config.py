"""Configuration files at their edges: the TOML spellings of ``[tool.reportlint]``."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLE, run


@pytest.mark.parametrize("pyproject", [
    '[tool]\nreportlint = { select = ["S"] }\n',
    'tool.reportlint.select = ["S"]\n',
    '[tool.reportlint]\nselect = ["S"]\n',
])
def test_every_toml_spelling_of_the_table_is_found(tmp_path: Path, pyproject: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    done = run("config", str(tmp_path))
    # was: the first two passed over silently (every rule ran)
    assert done.exit_code == 0
    assert f"# file: {tmp_path / 'pyproject.toml'} [tool.reportlint]\n" in done.stdout
    assert 'select = ["S"]\n' in done.stdout


def test_a_pyproject_naming_reportlint_elsewhere_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('select = ["S"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text(
        '[project.scripts]\nreportlint = "reportlint.cli.main:main"\n', encoding="utf-8")
    done = run("config", str(tmp_path / "sub"))
    assert f"# file: {tmp_path / 'reportlint.toml'}\n" in done.stdout


def test_a_tool_key_that_is_no_table_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("tool = 3\n", encoding="utf-8")
    done = run("check", "--config", str(config), str(EXAMPLE))
    assert done.exit_code == 2  # was: AttributeError traceback
    assert done.stderr == f"reportlint: {config}: key 'tool': expected a table\n"


BROKEN = EXAMPLE.read_text(encoding="utf-8").replace("四、政府信息公开行政复议、行政诉讼情况\n", "")


@pytest.mark.parametrize("glob", ["archive/**", "./archive/**", "archive/", "/archive/"])
def test_per_file_ignores_folder_spellings(tmp_path: Path, glob: str) -> None:
    (tmp_path / "reportlint.toml").write_text(f'[per-file-ignores]\n"{glob}" = ["S103"]\n',
                                             encoding="utf-8")
    for folder in ("archive/2020", "current"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(BROKEN, encoding="utf-8")
    done = run("check", "--format", "json", "--select", "S", str(tmp_path))
    # was: "./archive/**" and "archive/" matched nothing, silently
    assert [(Path(d["path"]).parent.name, d["code"]) for d in done.json()] == [
        ("current", "S103")]
