"""The README's first two commands work as written on a machine with only python3 and its venv
module (Debian and Ubuntu refuse ``pip install`` into the system Python): they create and use a
virtualenv themselves. The first is run in a copy of the checkout with the system's ``python3``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT

_SKIP = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache",
                               ".pytest_cache", ".import_linter_cache", "dist", "build")


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    return block.group(1).splitlines()[:2]


def test_both_commands_make_and_use_a_virtualenv() -> None:
    for command in _setup_commands():
        steps = command.split(" && ")
        assert steps[0] == "python3 -m venv .venv"
        # every later step runs a program of that virtualenv, never the system's pip
        assert all(step.startswith(".venv/bin/") for step in steps[1:]), command


def _system_python_path() -> str:
    """A PATH without any virtualenv: the system's python3, as on a fresh machine."""
    folders = [f for f in os.environ.get("PATH", "").split(os.pathsep)
               if f and not (Path(f).parent / "pyvenv.cfg").exists()]
    return os.pathsep.join(folders)


def test_the_first_command_lints_the_example_in_a_fresh_copy(tmp_path: Path) -> None:
    path = _system_python_path()
    if shutil.which("python3", path=path) is None:
        pytest.skip("no system python3 outside a virtualenv")
    probe = subprocess.run(["python3", "-c", "import ensurepip, venv"], env={"PATH": path},
                           capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("the system python3 has no venv module (apt-get install python3-venv)")
    copy = tmp_path / "reportlint"
    shutil.copytree(ROOT, copy, ignore=_SKIP)
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(["bash", "-c", _setup_commands()[0]], cwd=copy,
                          env={**env, "PATH": path, "NO_COLOR": "1"},
                          capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    linted = done.stdout[done.stdout.index("fixtures/example.txt:"):]  # after pip's lines
    assert linted.startswith("fixtures/example.txt:42:2: N303 [提示] ")
    assert done.stdout.endswith("共检查1个文件：0个错误、0个警告、1个提示\n")
