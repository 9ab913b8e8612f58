"""A register of the units that must publish (``--expect UNITS.csv``) against the reports of
a run: B901 for a unit without a report for the year, B902 for a second report of one unit
and year. The messages and the name forms that match loosely come from the rules' YAML."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.check.packs import Rule, RuleSet
from reportlint.check.selection import Selection
from reportlint.common.linear import Compiled, cached_linear
from reportlint.errors import UsageError
from reportlint.model import Diagnostic, FileReport, Span

_HEADER_WORDS = ("单位", "名称", "unit", "name")


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    deadline: str
    line: int


@dataclass(frozen=True)
class Seen:
    """What the register needs of one report."""

    path: str
    issuer: str | None
    year: int | None


@dataclass
class Comparison:
    register: FileReport  # B901 on the register's lines
    duplicates: list[tuple[str, Diagnostic]] = field(default_factory=list)  # B902: (path, …)
    loose: list[tuple[str, str, str]] = field(default_factory=list)  # (unit, name, path)
    matched: dict[str, str] = field(default_factory=dict)  # unit → report path
    year: int | None = None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError("the register is neither UTF-8 nor GB18030 text")


def load_register(path: Path) -> tuple[list[Unit], tuple[str, ...]]:
    """The units of a CSV (unit name, issuer kind, optional deadline) and its lines."""
    try:
        text = _decode(path.read_bytes())
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None
    lines = tuple(text.splitlines())
    units = []
    for number, line in enumerate(lines, 1):
        cells = [c.strip() for c in next(csv.reader(io.StringIO(line)), [])]
        if not cells or not cells[0]:
            continue
        if number == 1 and any(w in cells[0].lower() for w in _HEADER_WORDS):
            continue  # a header row
        cells += ["", ""]
        units.append(Unit(cells[0], cells[1], cells[2], number))
    return units, lines


@dataclass(frozen=True)
class NameForms:
    region: Compiled | None
    suffixes: tuple[str, ...]

    @classmethod
    def of(cls, rule: Rule | None) -> NameForms:
        params = rule.params if rule is not None else {}
        pattern = params.get("region") or ""
        return cls(cached_linear(pattern) if pattern else None,
                   tuple(params.get("suffixes", ())))

    def _without_region(self, name: str) -> str:
        found = self.region.search(name) if self.region else None
        if found is None or self.region is None:
            return name
        group = "region" if "region" in self.region.groupindex else 0
        return name[:found.start(group)] + name[found.end(group):]

    def exact(self, name: str) -> str:
        return re.sub(r"\s+", "", name)

    def loose(self, name: str) -> str:
        name = self.exact(name)
        for _ in range(3):  # 湖南省邵阳市大祥区财政局: every region prefix
            stripped = self._without_region(name)
            if stripped == name or not stripped:
                break
            name = stripped
        for suffix in self.suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
        return name


def _index(seen: Sequence[Seen], key: Callable[[str], str]) -> dict[str, list[Seen]]:
    found: dict[str, list[Seen]] = defaultdict(list)
    for report in seen:
        if report.issuer:
            found[key(report.issuer)].append(report)
    return found


def _year(seen: Sequence[Seen]) -> int | None:
    years = Counter(s.year for s in seen if s.year is not None)
    return years.most_common(1)[0][0] if years else None


def _diagnostic(rule: Rule, selection: Selection, message: str, span: Span) -> Diagnostic:
    return Diagnostic(rule.code, rule.name, selection.severity_of(rule), message, span)


def compare(units: Sequence[Unit], lines: tuple[str, ...], register_path: str,
            seen: Sequence[Seen], rules: RuleSet, selection: Selection) -> Comparison:
    b901, b902 = rules.by_code("B901"), rules.by_code("B902")
    forms = NameForms.of(b901)
    year = _year(seen)
    in_year = [s for s in seen if year is None or s.year in (year, None)]
    exact, loose = _index(in_year, forms.exact), _index(in_year, forms.loose)
    result = Comparison(FileReport(register_path, (), lines), year=year)
    missing: list[Diagnostic] = []
    for unit in units:
        reports = exact.get(forms.exact(unit.name))
        if not reports:
            candidates = loose.get(forms.loose(unit.name), [])
            # a loose form shared by two issuers (两个县的“财政局”) matches neither
            if len({forms.exact(r.issuer or "") for r in candidates}) == 1:
                reports = candidates
                result.loose.append((unit.name, candidates[0].issuer or "", candidates[0].path))
        if reports:
            result.matched[unit.name] = reports[0].path
            if b902 is not None and selection.enabled("B902", b902.enabled):
                result.duplicates += _duplicates(unit, reports, year, b902, selection)
        elif b901 is not None and selection.enabled("B901", b901.enabled):
            message = b901.params["message"].format(unit=unit.name,
                                                    year=year if year else "当")
            span = Span.at_line(unit.line, lines[unit.line - 1])
            missing.append(_diagnostic(b901, selection, message, span))
    result.register = FileReport(register_path, tuple(missing), lines)
    return result


def _duplicates(unit: Unit, reports: list[Seen], year: int | None, rule: Rule,
                selection: Selection) -> list[tuple[str, Diagnostic]]:
    first = reports[0]
    found = []
    for count, report in enumerate(reports[1:], 2):
        message = rule.params["message"].format(unit=unit.name, year=year or "", count=count,
                                                first=first.path)
        found.append((report.path, _diagnostic(rule, selection, message, Span(1, 1, 1, 2))))
    return found
