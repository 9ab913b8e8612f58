"""Every rule's failing and passing cases, as data (tests/rules/*.yaml)."""

from __future__ import annotations

from functools import partial

import pytest
from casefiles import Case, load_cases

from reportlint.check.budget import lint_bounded
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rules
from reportlint.fix.run import fix_bytes
from reportlint.model import Settings
from reportlint.read.limits import KEYS

CASES = load_cases()
FIX_CASES = [c for c in CASES if c.fixed is not None]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, rules: RuleSet) -> None:
    # the budget's caps apply in lint_bounded; a fork per case would triple the run time
    lint = lint_bounded if set(case.settings) & set(KEYS) else lint_bytes
    report = lint(case.filename, case.data, rules,
                  Selection(select=case.select), Settings(case.settings))
    got = sorted((d.code, d.span.line, d.span.column) for d in report.diagnostics)
    assert got == list(case.expect)


def test_every_rule_has_a_failing_and_a_passing_case(rules: RuleSet) -> None:
    failing = {code for c in CASES for code, _, _ in c.expect}
    passing = {code for c in CASES if not c.expect for code in c.select}
    # register rules (B901, B902) compare a whole run with a register: tests/test_register.py
    missing = [r.code for r in rules.rules if r.kind != "register"
               and (r.code not in failing or r.code not in passing)]
    assert missing == []


@pytest.mark.parametrize("case", FIX_CASES, ids=[c.id for c in FIX_CASES])
def test_fixed_text(case: Case, rules: RuleSet) -> None:
    lint = partial(lint_bytes, rules=rules, selection=Selection(select=case.select),
                   settings=Settings(case.settings))
    fixed = fix_bytes(case.filename, case.text.encode("utf-8"), lint)
    assert fixed.data.decode("utf-8") == case.fixed


def test_every_fixable_rule_has_a_case_it_fixes(rules: RuleSet) -> None:
    fixed = {code for c in FIX_CASES if c.fixed != c.text for code in c.select}
    assert [r.code for r in rules.rules if r.fix and r.code not in fixed] == []
