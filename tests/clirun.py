"""Run the command line in-process, in a folder, with a controlled environment."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportlint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")
# The example with its title in a variant form: one S102 warning, nothing else.
WARNING_ONLY = EXAMPLE.replace("2020年政府信息公开工作年度报告", "2020年政府信息公开年度报告", 1)
# No title and no sections two to six: S101 and five S103 errors.
BROKEN = "一、总体情况\n本机关认真贯彻落实《条例》。\n"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(args: Sequence[str], cwd: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], env: Mapping[str, str] | None = None,
        stdin: bytes = b"") -> Result:
    """``reportlint ARGS`` in ``cwd``; the variables that change output are cleared first
    (CI sets ``GITHUB_ACTIONS=true``) unless ``env`` gives them."""
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    capsys.readouterr()
    code: object = 0
    try:
        main(list(args))
    except SystemExit as done:
        code = done.code
    captured = capsys.readouterr()
    return Result(code if isinstance(code, int) else 1, captured.out, captured.err)


def write(folder: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# Configuration tests look at the structure rules (S) and a test pack's X901 only: the
# reports they use are broken on purpose, and rules added later (dates, contact details,
# tables) find more in them, which says nothing about the configuration.
WATCHED = ("S", "X")


def codes(jsonl: str) -> list[tuple[str, str]]:
    """(path, code) of each watched diagnostic in ``--format jsonl`` output, sorted."""
    import json

    found = [json.loads(line) for line in jsonl.splitlines() if line.strip()]
    return sorted((os.path.normpath(d["path"]), d["code"]) for d in found
                  if d["code"].startswith(WATCHED))
