"""``reportlint server`` without the lsp extra: one line naming the extra, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_without_pygls_the_server_says_how_to_install_it(tmp_path: Path) -> None:
    shadow = tmp_path / "pygls"  # a pygls that cannot be imported, ahead of the real one
    shadow.mkdir()
    (shadow / "__init__.py").write_text("raise ImportError('no pygls here')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "reportlint", "server"], env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("reportlint: the language server needs pygls: "
                                  "pip install 'reportlint[lsp]'")
    assert len(done.stderr.splitlines()) == 1
