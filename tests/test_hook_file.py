"""The pre-commit hook definition runs on every report type reportlint reads."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from reportlint.read import READERS

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"
# .pdf, .html, .htm and .docx come with the readers branch; the hook lists them already.
REPORT_TYPES = {".txt", ".md", ".pdf", ".html", ".htm", ".docx"}


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    found: dict[str, object] = next(h for h in hooks if h["id"] == "reportlint")
    return found


def test_hook_runs_reportlint_check() -> None:
    hook = _hook()
    assert hook["entry"] == "reportlint check"
    assert hook["language"] == "python"


def test_hook_files_cover_every_report_type() -> None:
    pattern = re.compile(str(_hook()["files"]))
    for suffix in REPORT_TYPES | set(READERS):
        assert pattern.search(f"reports/2020年报{suffix}"), suffix
        assert pattern.search(f"REPORT{suffix.upper()}"), suffix
    for other in ("setup.py", "data.csv", "report.txt.bak", "notes.mdx"):
        assert not pattern.search(other), other
