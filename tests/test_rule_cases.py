"""Every rule's failing and passing cases, as data (tests/rules/*.yaml)."""

from __future__ import annotations

import pytest
from casefiles import Case, load_cases

from reportlint.check.budget import lint_bounded
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rules
from reportlint.model import Settings
from reportlint.read.limits import KEYS

CASES = load_cases()


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, rules: RuleSet) -> None:
    # the budget's caps apply in lint_bounded; a fork per case would triple the run time
    lint = lint_bounded if set(case.settings) & set(KEYS) else lint_bytes
    report = lint(case.filename, case.text.encode("utf-8"), rules,
                  Selection(select=case.select), Settings(case.settings))
    got = sorted((d.code, d.span.line, d.span.column) for d in report.diagnostics)
    assert got == list(case.expect)


def test_every_rule_has_a_failing_and_a_passing_case(rules: RuleSet) -> None:
    failing = {code for c in CASES for code, _, _ in c.expect}
    passing = {code for c in CASES if not c.expect for code in c.select}
    missing = [r.code for r in rules.rules
               if r.code not in failing or r.code not in passing]
    assert missing == []
