"""Every diagnostic on every real report (fixtures/real/) is pinned in a golden file: code, line
and severity. A change in what reportlint says about a real report shows in review as a diff of
fixtures/real/golden/; regenerate with ``python3 fixtures/make_real_golden.py`` and read each
changed finding against the report (fixtures/README.md says what each golden holds)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reportlint.check.packs import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

from make_real_golden import findings_of, golden_path, real_reports  # noqa: E402


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def test_every_real_report_has_a_golden() -> None:
    goldens = {p.name for p in golden_path(real_reports()[0]).parent.iterdir()}
    assert goldens == {golden_path(r).name for r in real_reports()}


@pytest.mark.parametrize("report", real_reports(), ids=lambda p: p.name)
def test_real_report_matches_its_golden(report: Path, rules: RuleSet) -> None:
    expected = golden_path(report).read_text(encoding="utf-8")
    assert findings_of(report, rules) == expected
