"""File names cannot forge output lines, and an unreadable sub-folder is named (exit 2)."""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint.common.names import one_line
from tests.helpers import EXAMPLE, Run, run

HOSTILE = "x\n::error file=x,line=1::forged\nfake.txt:9:9: error: forged\x1b[2J.txt"


@pytest.mark.parametrize("output", ["text", "gcc"])
def test_a_stdin_filename_cannot_forge_a_line(output: str) -> None:
    result = run("check", "--isolated", "--format", output, "--stdin-filename", HOSTILE, "-",
                 stdin=b"\xe4\xb8\x80\xe3\x80\x81\n")
    lines = result.stdout.splitlines()
    assert not any(line.startswith(("::error", "fake.txt:")) for line in lines)
    assert "\x1b" not in result.stdout
    assert lines[0].startswith("x\\x0a::error file=x,line=1::forged\\x0afake.txt:9:9:")


def test_one_line_escapes_controls_and_bidi_overrides() -> None:
    assert one_line("a\tb\u202ec\x85.txt") == "a\\x09b\\u202ec\\x85.txt"
    assert one_line("报告.txt") == "报告.txt"


def _as_nobody(call: Callable[[], Run]) -> Run:
    """``call()``, in a child process that cannot read what only root may (as root, every
    folder is readable)."""
    if os.geteuid() != 0:
        return call()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(reading)
        try:
            for codec in ("ascii", "utf-8", "utf-8-sig", "utf-16", "gb18030"):
                "".encode(codec)  # load the codecs while the interpreter's files are readable
            os.setgid(65534)
            os.setuid(65534)
            os.write(writing, pickle.dumps(call()))
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        payload = stream.read()
    os.waitpid(pid, 0)
    result: Run = pickle.loads(payload)
    return result


def test_an_unreadable_sub_folder_is_named_and_exits_2() -> None:
    top = Path(tempfile.mkdtemp())
    try:
        os.chmod(top, 0o755)
        for name, mode in (("ok", 0o755), ("locked", 0o000)):
            (top / name).mkdir()
            shutil.copy(EXAMPLE, top / name / "report.txt")
            os.chmod(top / name / "report.txt", 0o644)
            os.chmod(top / name, mode)
        result = _as_nobody(lambda: run("check", "--isolated", "-q", str(top)))
    finally:
        os.chmod(top / "locked", 0o755)
        shutil.rmtree(top)
    assert result.exit_code == 2
    assert result.stdout == "共检查1个文件：0个错误、0个警告、1个提示\n"
    assert f"{top / 'locked'}: cannot read folder: Permission denied" in result.stderr
