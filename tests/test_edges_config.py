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
        '[project.scripts]\nreportlint = "reportlint.cli:main"\n', encoding="utf-8")
    done = run("config", str(tmp_path / "sub"))
    assert f"# file: {tmp_path / 'reportlint.toml'}\n" in done.stdout


def test_a_tool_key_that_is_no_table_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("tool = 3\n", encoding="utf-8")
    done = run("check", "--config", str(config), str(EXAMPLE))
    assert done.exit_code == 2  # was: AttributeError traceback
    assert done.stderr == f"reportlint: {config}: key 'tool': expected a table\n"
