"""End to end with a real editor: Neovim (headless) and its built-in LSP client open a report
and read ``vim.diagnostic.get()``. Skipped where Neovim is absent; .ci/run installs Debian's
package so CI runs it. Deselect with ``-m "not editor"``."""

from __future__ import annotations

import json
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
    pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim (nvim) is not installed"),
]

SCRIPT = Path(__file__).resolve().parent / "editors" / "nvim_check.lua"


def test_neovim_shows_the_diagnostics_at_the_right_bytes(tmp_path: Path) -> None:
    # 𠀀 (four UTF-8 bytes, two UTF-16 units) before the flagged phone number
    text = EXAMPLE.replace("根据《", "根据𠀀《", 1)
    text = text.replace("电话：0739-2323188", "电话：0739-23231", 1)
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "REPORTLINT_PYTHON": sys.executable, "REPORTLINT_NVIM_OUT": str(out),
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    subprocess.run(["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", str(report),
                    "-c", f"luafile {SCRIPT}"], cwd=tmp_path, env=env, timeout=120,
                   check=True, capture_output=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ok"] is True
    line = text.split("\n")[3]
    start = len(line[: line.index("0739-23231")].encode("utf-8"))  # Neovim counts bytes
    found = sorted((d["code"], d["lnum"], d["col"], d["end_col"], d["severity"])
                   for d in result["diagnostics"])
    assert found == [("C604", 3, start, start + len(b"0739-23231"), 1),
                     ("N303", 41, 1, 1 + len("－2".encode()), 3)]
    assert {d["source"] for d in result["diagnostics"]} == {"reportlint"}
