"""The wheel carries grammar/ and rules/: install it in a fresh virtualenv and lint from
outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT


def _sh(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          check=False, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = _sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", work / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("reportlint-*.whl"))
    assert len(wheels) == 1
    venv.create(work / "env", with_pip=True)
    python = work / "env" / "bin" / "python"
    done = _sh(python, "-m", "pip", "install", "-q", wheels[0])
    assert done.returncode == 0, done.stderr
    return work


def test_installed_wheel_lints_the_example_from_elsewhere(installed: Path) -> None:
    outside = installed / "elsewhere"
    outside.mkdir()
    report = outside / "report.txt"
    report.write_bytes(EXAMPLE.read_bytes())
    result = _sh(installed / "env" / "bin" / "reportlint", "check", "--format", "json",
                 "--extend-select", "F201", "report.txt", cwd=outside)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [d for d in found if d["severity"] != "info"] == []
    assert "F201" in [d["code"] for d in found]  # the tables were bound: F201 names the version


def test_installed_wheel_finds_its_rules_not_the_checkout(installed: Path) -> None:
    result = _sh(installed / "env" / "bin" / "python", "-c",
                 "from reportlint.common.resources import builtin_rules_dir; "
                 "print(builtin_rules_dir())",
                 cwd=installed)
    assert result.returncode == 0, result.stderr
    assert "_data" in result.stdout and str(ROOT) not in result.stdout


def test_broken_report_fails_in_the_installed_wheel(installed: Path) -> None:
    report = installed / "broken.txt"
    report.write_text("一、总体情况\n正文。\n", encoding="utf-8")
    result = _sh(installed / "env" / "bin" / "python", "-m", "reportlint", "check", report,
                 cwd=installed)
    assert result.returncode == 1
    assert "S101" in result.stdout
