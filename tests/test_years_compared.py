"""The Y rules evaluated from what two runs kept (a batch's pairs: this year's report is not
linted again) give exactly the diagnostics of linting the report with last year's: codes,
spans, pages, Word cells, messages, severities and related places, under any selection.

Last year's report is the example (fixtures/example.txt) made a report of 2019 carrying 2
requests of natural persons forward (the example, 2020, carried over 0: Y801; its sections
一 and 五 repeat last year's: Y803); this year's is the example as text, PDF, Word and HTML
(fixtures/documents, made from the example)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casefiles import FIXTURES, Case, load_cases
from clirun import run

from reportlint.batch import work
from reportlint.batch.jobs import Job, Outcome, Plan
from reportlint.check.engine import (
    check_context,
    check_years,
    context_of,
    last_year_report,
    lint_bytes,
)
from reportlint.check.lastyear import summarize
from reportlint.check.packs import RuleSet, load_rules
from reportlint.check.selection import Selection
from reportlint.config.resolve import Resolved
from reportlint.facts.lastyear import LastYear, Years
from reportlint.model import FileReport, Settings, Severity
from reportlint.read import read_bytes

CARRIED = "四、结转下年度继续办理\n\t"
EXAMPLE = (FIXTURES / "example.txt").read_text(encoding="utf-8")
LAST = (EXAMPLE.replace("2020年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告", 1)
        .replace("自2020年1月1日起至2020年12月31日止", "自2019年1月1日起至2019年12月31日止", 1)
        .replace(f"{CARRIED}0", f"{CARRIED}2", 1))
DOCUMENTS = ["example.txt", "documents/example.pdf", "documents/example.docx",
             "documents/example.html"]
SELECTIONS = {
    "all": Selection(),
    "Y only": Selection(select=("Y",)),
    "Y803 ignored": Selection(ignore=("Y803",)),
    "Y801 an error": Selection(severity={"Y801": Severity.ERROR}),
    "no Y": Selection(ignore=("Y",)),
}


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _compared(name: str, data: bytes, previous: LastYear, rules: RuleSet,
              selection: Selection, settings: Settings) -> FileReport:
    """As a batch's second pass: the report's own run (without last year's) and what it
    kept, then the Y rules from both runs' records."""
    read = read_bytes(name, data)
    source, ctx = context_of(read, rules, settings)
    own = FileReport(name, check_context(source, ctx, rules, selection), read.shown_lines)
    this = summarize(name, data, ctx, source, rules)
    return check_years(own, Years(this, previous, rules.data), rules, selection)


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("selection", list(SELECTIONS), ids=list(SELECTIONS))
def test_compared_from_kept_records_as_linted_with_last_years(
        document: str, selection: str, rules: RuleSet) -> None:
    data = (FIXTURES / document).read_bytes()
    previous = last_year_report("2019.txt", LAST.encode("utf-8"), rules, Settings())
    assert previous is not None
    chosen = SELECTIONS[selection]
    linted = lint_bytes(document, data, rules, chosen, Settings(), previous)
    compared = _compared(document, data, previous, rules, chosen, Settings())
    assert compared == linted
    codes = {d.code for d in linted.diagnostics if d.code.startswith("Y")}
    assert codes == {c for c in ("Y801", "Y803") if chosen.enabled(c)}


CASES = [c for c in load_cases() if c.previous is not None]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_y_case_compared_from_kept_records(case: Case, rules: RuleSet) -> None:
    assert case.previous is not None
    settings = Settings(case.settings)
    name, text = case.previous
    previous = last_year_report(name, text.encode("utf-8"), rules, settings)
    assert previous is not None
    selection = Selection(select=case.select)
    compared = _compared(case.filename, case.data, previous, rules, selection, settings)
    assert compared == lint_bytes(case.filename, case.data, rules, selection, settings,
                                  previous)
    got = sorted((d.code, d.span.line, d.span.column) for d in compared.diagnostics)
    assert got == list(case.expect)


REAL = FIXTURES / "real"
HZQ_2023 = "KIROGOVCOMPARE__hzq2023_working.pdftotext-layout.txt"


@pytest.mark.parametrize("this_year", ["KIROGOVCOMPARE__hzq2024_working.pdf",
                                       "KIROGOVCOMPARE__hzq2024_working.pdftotext-layout.txt"])
def test_a_real_pairs_in_force_cells_compared_from_kept_records(
        this_year: str, rules: RuleSet) -> None:
    """A real pair (fixtures/real: one district's reports of 2023 and 2024, 2021 format),
    2023's 行政规范性文件 现行有效件数 changed from 5 to 7: Y802 on 2024's, with its own
    本年制发 and 本年废止 cells (on their page of the PDF) and last year's cell related."""
    lines = (REAL / HZQ_2023).read_text(encoding="utf-8").split("\n")
    assert lines[49].startswith("行政规范性文件") and lines[49].endswith("5       5")
    lines[49] = lines[49][:-1] + "7"
    previous = last_year_report(HZQ_2023, "\n".join(lines).encode("utf-8"), rules, Settings())
    assert previous is not None
    data = (REAL / this_year).read_bytes()
    linted = lint_bytes(this_year, data, rules, Selection(), Settings(), previous)
    compared = _compared(this_year, data, previous, rules, Selection(), Settings())
    assert compared == linted
    found = [d for d in compared.diagnostics if d.code.startswith("Y")]
    assert [d.code for d in found] == ["Y802"] and found[0].message.endswith("应为10")
    related = [(r.path, r.span.line, r.span.column) for r in found[0].related]
    assert related[0] == (HZQ_2023, 50, 37) and len(related) == 3
    pages = [r.page for r in found[0].related[1:]]
    assert pages == ([2, 2] if this_year.endswith(".pdf") else [None, None])


def test_a_paired_batch_lints_each_report_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The pipeline runs once per report, paired or not (the first pass's results serve the
    second), and not at all when the cache has every result."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2019.txt").write_text(LAST, encoding="utf-8")
    (tmp_path / "reports" / "2020.txt").write_text(EXAMPLE, encoding="utf-8")
    linted: list[str] = []
    compute = work._compute

    def counted(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
        linted.append(job.name)
        return compute(job, data, resolved, plan)

    monkeypatch.setattr(work, "_compute", counted)
    both = ["reports/2019.txt", "reports/2020.txt"]
    for cache, expected in (("--no-cache", both), ("--cache-dir=cache", both),
                            ("--cache-dir=cache", [])):
        linted.clear()
        result = run(["check", "-j", "1", "--format", "json", "--select", "Y", cache,
                      "reports"], tmp_path, monkeypatch, capsys)
        found = [(d["path"], d["code"], d["line"]) for d in json.loads(result.out)]
        assert found == [("reports/2020.txt", "Y803", 5), ("reports/2020.txt", "Y801", 112),
                         ("reports/2020.txt", "Y803", 395)]
        assert sorted(linted) == expected
