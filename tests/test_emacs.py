"""End to end with Emacs and eglot (the README's snippet): the diagnostics reach flymake at
the right characters. Skipped where Emacs or eglot is absent; .ci/run installs Debian's
emacs-nox and elpa-eglot so CI runs it. Deselect with ``-m "not editor"``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import EXAMPLE

pytest.importorskip("pygls", reason="the language server needs the lsp extra (pygls)")

pytestmark = [
    pytest.mark.editor,
    pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed"),
]

SCRIPT = Path(__file__).resolve().parent / "editors" / "eglot_check.el"


def test_eglot_shows_the_diagnostics_at_the_right_characters(tmp_path: Path) -> None:
    text = EXAMPLE.replace("根据《", "根据𠀀《", 1)
    text = text.replace("电话：0739-2323188", "电话：0739-23231", 1)
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()  # a project root for eglot
    env = {**os.environ, "HOME": str(tmp_path),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["emacs", "--batch", "-l", str(SCRIPT)], cwd=tmp_path, env=env,
                          timeout=120, capture_output=True, text=True)
    if "Cannot open load file" in done.stderr and "eglot" in done.stderr:
        pytest.skip("eglot is not installed (Debian: elpa-eglot)")
    assert done.returncode == 0, done.stderr
    line = text.split("\n")[3]
    column = line.index("0739-23231")  # characters from the start of the line
    assert done.stdout.splitlines() == [f"4 {column} eglot-error C604",
                                        "42 1 eglot-note N303"]
