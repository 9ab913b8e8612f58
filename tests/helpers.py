"""Run the command line in-process and read its output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from reportlint.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example.txt"


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def triples(self) -> list[tuple[str, int, int]]:
        return [(d["code"], d["line"], d["column"]) for d in self.json()]


def run(*args: str, stdin: bytes | None = None) -> Run:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
