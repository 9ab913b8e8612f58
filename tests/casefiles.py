"""Rule test cases as data: ``tests/rules/*.yaml``, an input and its expected diagnostics.

A case file names its rule and lists cases::

    rule: S103
    cases:
      - name: section four removed            # what the case shows
        base: example.txt                     # a file under fixtures/ ...
        edits:                                # ... changed like this (in order):
          - delete: 四、政府信息公开行政复议    #   drop the first line holding the text
          - replace: [旧文字, 新文字]            #   replace the first occurrence
          - insert_after: [某行文字, 新的一行]   #   add a line after the first line holding it
        expect:                               # (code, line, column) of every diagnostic
          - [S103, 380, 1]                    #   of the rule, compared as a sorted list
      - name: inline text
        input: |                              # or the report text itself
          ...
        filename: report.md                   # optional: chooses the reader (default .txt)
      - name: a Word file
        document: documents/drafts/x.docx     # or a file under fixtures/ read as it is (its
                                              # suffix chooses the reader)
        settings: {report-year: 2021}         # optional: run settings
        select: [S103, S104]                  # optional: codes compared (default: rule)
        fixed:                                # optional (rules with a fix): the text after
          - replace: [新文字, 规范文字]           #   check --fix, as edits to the input;
                                              #   `fixed: []`: the fix leaves it alone
        previous:                             # optional (Y rules): last year's report,
          base: example.txt                   #   given as an input is (base + edits or
          edits: [...]                        #   input; filename: its name, default
                                              #   last-year.txt)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CASES = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    text: str
    filename: str
    select: tuple[str, ...]
    expect: tuple[tuple[str, int, int], ...]
    settings: dict[str, Any] = field(default_factory=dict)
    fixed: str | None = None  # the text after every safe fix of the selected rules
    document: str | None = None  # a file under fixtures/, read as bytes instead of ``text``
    previous: tuple[str, str] | None = None  # last year's report: (file name, text)

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"

    @property
    def data(self) -> bytes:
        if self.document is not None:
            return (FIXTURES / self.document).read_bytes()
        return self.text.encode("utf-8")


def _apply(text: str, edit: dict[str, Any]) -> str:
    lines = text.split("\n")
    if "delete" in edit:
        index = next(i for i, line in enumerate(lines) if edit["delete"] in line)
        del lines[index]
        return "\n".join(lines)
    if "insert_after" in edit:
        anchor, new = edit["insert_after"]
        index = next(i for i, line in enumerate(lines) if anchor in line)
        lines.insert(index + 1, new)
        return "\n".join(lines)
    if "replace" in edit:
        old, new = edit["replace"]
        if old not in text:
            raise ValueError(f"replace: {old!r} not in the base text")
        return text.replace(old, new, 1)
    raise ValueError(f"unknown edit {edit!r}")


def _text(raw: dict[str, Any]) -> str:
    if "document" in raw:
        return ""
    if "input" in raw:
        return str(raw["input"])
    text = (FIXTURES / raw["base"]).read_text(encoding="utf-8")
    for edit in raw.get("edits", ()):
        text = _apply(text, edit)
    return text


def _fixed(raw: dict[str, Any], text: str) -> str | None:
    if "fixed" not in raw:
        return None
    for edit in raw["fixed"]:
        text = _apply(text, edit)
    return text


def _previous(raw: dict[str, Any]) -> tuple[str, str] | None:
    if "previous" not in raw:
        return None
    last = raw["previous"]
    return str(last.get("filename", "last-year.txt")), _text(last)


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in doc["cases"]:
            select = tuple(raw.get("select", [doc["rule"]]))
            expect = tuple(sorted((str(c), int(li), int(co)) for c, li, co in raw["expect"]))
            text = _text(raw)
            document = raw.get("document")
            filename = Path(document).name if document else raw.get("filename", "case.txt")
            cases.append(Case(path.name, raw["name"], text, filename, select, expect,
                              dict(raw.get("settings") or {}), _fixed(raw, text), document,
                              _previous(raw)))
    return cases
