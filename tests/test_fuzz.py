"""The fuzzer, briefly (``python -m tests.fuzz --long`` runs it at length), and every input
that ever failed it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.check.packs import RuleSet, load_rules
from tests.fuzz import FAILURES, check_input, make_input

_BRIEF = settings(max_examples=12, deadline=None, database=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])
_RULES = load_rules()


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "pdf"])
@_BRIEF
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_mutated_inputs_lint_and_format_within_budget(kind: str, seed: int) -> None:
    data = make_input(kind, random.Random(seed))
    assert check_input(f"fuzz.{kind}", data, _RULES) is None


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return _RULES


@pytest.mark.parametrize("path", sorted(FAILURES.glob("*.*")), ids=lambda p: p.name)
def test_every_input_that_once_failed(path: Path, rules: RuleSet) -> None:
    assert check_input(path.name, path.read_bytes(), rules) is None
