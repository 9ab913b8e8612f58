"""The pre-commit hook, for real: ``pre-commit try-repo`` against this checkout.

try-repo needs a committed repository, so the working tree (tracked and untracked files that
git does not ignore) is copied into a throwaway repository and committed there; this works
with uncommitted changes and in CI's clean clone. pre-commit then builds the hook's
environment from it (pip install, which needs PyPI or a mirror). Slow: deselect with
``-m "not precommit"``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.precommit,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

GIT_ENV = {"GIT_AUTHOR_NAME": "reportlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
           "GIT_COMMITTER_NAME": "reportlint tests",
           "GIT_COMMITTER_EMAIL": "tests@example.invalid", "GIT_CONFIG_NOSYSTEM": "1"}


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          env={**os.environ, **GIT_ENV}, timeout=120)
    return done.stdout.decode("utf-8", "replace")


def _snapshot(target: Path) -> Path:
    """This checkout's working tree, committed in a fresh repository."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=target)
    return target


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    return _snapshot(tmp_path_factory.mktemp("hook-repo"))


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # pre-commit's own cache, shared by both runs so the environment is built once.
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(hook_repo: Path, home: Path, report: str,
              tmp: Path) -> subprocess.CompletedProcess[str]:
    user = tmp / "user-repo"
    user.mkdir()
    (user / "docs").mkdir()
    (user / "docs" / "2020年报.txt").write_text(report, encoding="utf-8")
    _git("init", "-q", cwd=user)
    _git("add", "-A", cwd=user)
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}
    for name in ("GITHUB_ACTIONS", "NO_COLOR"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "reportlint",
         "--all-files", "--color", "never"],
        cwd=user, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900,
    )


def test_a_broken_report_fails_the_hook(hook_repo: Path, pre_commit_home: Path,
                                        tmp_path: Path) -> None:
    done = _try_repo(hook_repo, pre_commit_home, BROKEN, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "reportlint" in done.stdout and "Failed" in done.stdout
    assert "docs/2020年报.txt:1:1: S101" in done.stdout


def test_a_correct_report_passes_the_hook(hook_repo: Path, pre_commit_home: Path,
                                          tmp_path: Path) -> None:
    done = _try_repo(hook_repo, pre_commit_home, EXAMPLE, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
