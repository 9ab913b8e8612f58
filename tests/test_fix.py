"""Safe automatic fixes: the bytes a fix keeps (encoding, BOM, line ends), when an edit
applies, and how a rule declares its fix. The fixed text per rule is data: the ``fixed``
key of the cases in tests/rules/*.yaml (test_rule_cases.py)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from casefiles import _text

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rule, load_rules
from reportlint.errors import UsageError
from reportlint.fix.apply import apply_edits
from reportlint.fix.run import fix_bytes
from reportlint.model import Diagnostic, Edit, FileReport, Fix, Settings, Severity, Span


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _fixed(rules: RuleSet, name: str, data: bytes) -> bytes:
    lint = partial(lint_bytes, rules=rules, selection=Selection(), settings=Settings())
    return fix_bytes(name, data, lint).data


ALIAS = ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-8", b"", "\r"), ("gb18030", b"", "\n"),
    ("utf-16-le", b"\xff\xfe", "\r\n"), ("utf-16-be", b"\xfe\xff", "\n"),
])
def test_a_fix_keeps_every_other_byte(rules: RuleSet, encoding: str, bom: bytes,
                                      newline: str) -> None:
    base = _text({"base": "example.txt"})
    broken = base.replace(*ALIAS, 1)
    expected = base.replace("\t－2\n", "\t-2\n", 1)

    def encoded(text: str) -> bytes:
        return bom + text.replace("\n", newline).encode(encoding)

    assert _fixed(rules, "report.txt", encoded(broken)) == encoded(expected)


def test_an_edit_applies_only_where_its_text_still_is() -> None:
    data = "第一行\n标题甲\n".encode()
    fitting = Edit(Span(2, 1, 2, 3), "标题乙", original="标题")
    moved = Edit(Span(1, 1, 1, 3), "标题乙", original="标题")
    assert apply_edits(data, [fitting]).data == "第一行\n标题乙甲\n".encode()
    assert apply_edits(data, [moved]).count == 0


def test_undecodable_bytes_are_never_rewritten() -> None:
    data = "标题\n".encode() + b"\xff\xfe\x00bad\n"
    assert apply_edits(data, [Edit(Span(1, 1, 1, 3), "题目", "标题")]).count == 0


def test_a_rule_whose_kind_cannot_fix_may_not_declare_a_fix(tmp_path: Path) -> None:
    rule = tmp_path / "X901.yaml"
    rule.write_text("code: X901\nname: no-draft\nseverity: warning\ndescription: 草稿。\n"
                    "kind: pattern\nparams: {patterns: ['征求意见稿'], message: 草稿}\n"
                    "fix: 删除\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"X901.yaml:7: key 'fix': kind 'pattern' has no"):
        load_rule(rule, "mine")


def test_a_round_of_fixes_that_brings_a_new_finding_is_undone() -> None:
    def lint(path: str, data: bytes) -> FileReport:
        # a stand-in rule pair: "甲" is fixable to "乙", and "乙" is itself a finding
        found = []
        text = data.decode("utf-8")
        if "甲" in text:
            edit = Edit(Span(1, 1, 1, 2), "乙", "甲")
            found.append(Diagnostic("X901", "x", Severity.WARNING, "甲", Span(1, 1, 1, 2),
                                    fix=Fix("改", (edit,))))
        if "乙" in text:
            found.append(Diagnostic("X902", "y", Severity.ERROR, "乙", Span(1, 1, 1, 2)))
        return FileReport(path, tuple(found))

    fixed = fix_bytes("a.txt", "甲\n".encode(), lint)
    assert (fixed.data, fixed.count) == ("甲\n".encode(), 0)
    assert [d.code for d in fixed.report.diagnostics] == ["X901"]
