"""The VS Code problem matcher in the README, run by Node (VS Code's JavaScript engine) over
real ``github`` output: it lands on the flagged character, counting columns in UTF-16 units as
VS Code does, also after a character outside the BMP (𠀀, two units) and after CJK."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from reportlint.model import Diagnostic, FileReport, Severity, Span
from reportlint.output import FORMATTERS, FormatOptions

LINES = ("𠀀县人民政府2020年政府信息公开工作年度报告",
         "    𠀀乡本年共收到申请12件，其中：依申请公开3件。")

# Node: each output line the matcher takes, as [severity, file, line, column, code, and the
# text from that column to the end column in the file, by JavaScript's UTF-16 indexing].
NODE = r"""
const fs = require("fs");
const [matcherFile, outputFile] = process.argv.slice(2);
const matcher = JSON.parse(fs.readFileSync(matcherFile, "utf8"));
const p = matcher.pattern;
const re = new RegExp(p.regexp);
const found = [];
for (const line of fs.readFileSync(outputFile, "utf8").split("\n")) {
  const m = re.exec(line);
  if (!m) continue;
  const text = fs.readFileSync(m[p.file], "utf8").split("\n")[Number(m[p.line]) - 1];
  const column = m[p.column] === undefined ? null : Number(m[p.column]);
  const end = m[p.endColumn] === undefined ? null : Number(m[p.endColumn]);
  const flagged = column === null ? null : text.substring(column - 1, end - 1);
  found.push([m[p.severity], m[p.file], Number(m[p.line]), column, m[p.code], flagged]);
}
console.log(JSON.stringify(found));
"""


def _matcher() -> dict[str, Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## VS Code task", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert block is not None
    matcher: dict[str, Any] = json.loads(block.group(1))["tasks"][0]["problemMatcher"]
    return matcher


def _diagnostic(code: str, severity: Severity, span: Span) -> Diagnostic:
    return Diagnostic(code, "x", severity, "消息，含逗号: 与冒号", span)


def test_the_matcher_lands_on_the_flagged_text(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs)")
    (tmp_path / "年报.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    report = FileReport("年报.txt", (
        _diagnostic("S105", Severity.WARNING, Span(1, 2, 1, 4)),     # 县人, after 𠀀
        _diagnostic("P701", Severity.ERROR, Span(2, 14, 2, 16)),     # 12
        _diagnostic("N303", Severity.INFO, Span(2, 26, 2, 27)),      # 3
        _diagnostic("S101", Severity.ERROR, Span(1, 1, 2, 3)),       # two lines: no columns
    ), LINES)
    options = FormatOptions(base_dir=str(tmp_path), cwd=str(tmp_path))
    (tmp_path / "out.txt").write_text(FORMATTERS["github"]([report], options), encoding="utf-8")
    (tmp_path / "matcher.json").write_text(json.dumps(_matcher()), encoding="utf-8")
    (tmp_path / "match.js").write_text(NODE, encoding="utf-8")
    done = subprocess.run([node, "match.js", "matcher.json", "out.txt"], cwd=tmp_path,
                          capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout) == [
        ["error", "年报.txt", 1, None, "S101", None],
        ["warning", "年报.txt", 1, 3, "S105", "县人"],   # 𠀀 is two UTF-16 units
        ["error", "年报.txt", 2, 15, "P701", "12"],
        ["notice", "年报.txt", 2, 27, "N303", "3"],
    ]
