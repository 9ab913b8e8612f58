"""The register of units that must publish (``report --expect``): B901 on the register's line
for a unit without a report, B902 on a second report, loose name matching said as such."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import EXAMPLE, WARNING_ONLY, run, write

from reportlint.batch.register import NameForms, Seen, compare, load_register
from reportlint.check.engine import Selection
from reportlint.check.packs import load_rules

REGISTER = "单位名称,机关类型,发布期限\n商务局办公室,department\n邵阳市财政局,department,01-31\n"


def _compare(tmp_path: Path, register: str, seen: list[Seen]):  # type: ignore[no-untyped-def]
    (tmp_path / "units.csv").write_text(register, encoding="utf-8")
    units, lines = load_register(tmp_path / "units.csv")
    return compare(units, lines, "units.csv", seen, load_rules(), Selection())


def test_a_unit_without_a_report_is_b901_on_its_register_line(tmp_path: Path) -> None:
    result = _compare(tmp_path, REGISTER, [Seen("a.txt", "邵阳市商务局", 2020)])
    found = [(d.code, d.span.line, d.span.column) for d in result.register.diagnostics]
    assert found == [("B901", 3, 1)]
    assert result.register.diagnostics[0].message == "名录中的“邵阳市财政局”没有2020年度报告"
    assert result.loose == [("商务局办公室", "邵阳市商务局", "a.txt")]


def test_two_reports_of_one_unit_and_year_are_b902_on_the_second(tmp_path: Path) -> None:
    seen = [Seen("a.txt", "邵阳市商务局", 2020), Seen("b.txt", "邵阳市商务局", 2020),
            Seen("c.txt", "邵阳市财政局", 2020)]
    result = _compare(tmp_path, "邵阳市商务局,department\n邵阳市财政局,department\n", seen)
    assert result.register.diagnostics == ()
    assert [(path, d.code) for path, d in result.duplicates] == [("b.txt", "B902")]
    assert "a.txt" in result.duplicates[0][1].message and result.loose == []


def test_a_loose_name_shared_by_two_issuers_matches_neither(tmp_path: Path) -> None:
    seen = [Seen("a.txt", "新邵县财政局", 2020), Seen("b.txt", "隆回县财政局", 2020)]
    result = _compare(tmp_path, "财政局,department\n", seen)
    assert [d.code for d in result.register.diagnostics] == ["B901"] and result.loose == []


@pytest.mark.parametrize(("name", "loose"), [
    ("邵阳市商务局", "商务局"), ("湖南省邵阳市大祥区财政局", "财政局"),
    ("邵阳市人民政府办公室", "人民政府"), ("邵阳市人民政府", "邵阳市人民政府")])
def test_the_name_forms_a_register_tolerates(name: str, loose: str) -> None:
    assert NameForms.of(load_rules().by_code("B901")).loose(name) == loose


def test_report_expect_writes_the_register_into_the_review(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"in/a.txt": EXAMPLE, "in/b.txt": WARNING_ONLY, "units.csv": REGISTER})
    done = run(["report", "--no-cache", "in", "--expect", "units.csv", "-o", "out"], tmp_path,
               monkeypatch, capsys)
    assert done.code == 0
    found = [json.loads(line) for line in
             (tmp_path / "out" / "diagnostics.jsonl").read_text(encoding="utf-8").splitlines()]
    register = [(d["path"], d["code"], d["line"]) for d in found if d["code"].startswith("B")]
    assert register == [("units.csv", "B901", 3), ("in/b.txt", "B902", 1)]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "名录中未发布2020年度报告的单位（1）" in index and "宽松匹配" in index


def test_check_expect_reports_the_register_last_and_the_same_whatever_jobs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"in/a.txt": EXAMPLE, "in/b.txt": WARNING_ONLY, "units.csv": REGISTER})
    outputs = [run(["check", "--no-cache", "-j", jobs, "--format", "gcc", "--select", "B",
                    "in", "--expect", "units.csv"], tmp_path, monkeypatch, capsys)
               for jobs in ("1", "2")]
    assert outputs[0] == outputs[1]
    located = [line.split(": ")[0] for line in outputs[0].out.splitlines()]
    assert (outputs[0].code, located) == (1, ["units.csv:3:1", "in/b.txt:1:1"])
