"""JUnit XML: one test suite, one test case per linted file.

A file's test case fails when it has a diagnostic at or above the ``fail-on`` level its
configuration chose (the one that sets the exit code); the other diagnostics go to the test
case's ``system-out``. Element and attribute names follow the JUnit XML that Jenkins, GitLab
and GitHub test reporters read (``testsuites``/``testsuite``/``testcase``/``failure``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlint.common.names import printable
from reportlint.model import Diagnostic, FileReport, Severity
from reportlint.output.base import FormatOptions

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

SUITE = "reportlint"
# Characters XML 1.0 cannot carry at all, even escaped (lone surrogates cannot even be
# encoded as UTF-8).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _line(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    page = f" (第{diagnostic.page}页)" if diagnostic.page is not None else ""
    return (f"{span.line}:{span.column}{page}: {diagnostic.code} "
            f"[{diagnostic.severity.label}] {diagnostic.message}")


def _failing(diagnostic: Diagnostic, fail_on: str) -> bool:
    return fail_on != "never" and diagnostic.severity >= Severity.parse(fail_on)


def _testcase(report: FileReport, options: FormatOptions) -> tuple[ET.Element, bool]:
    import xml.etree.ElementTree as ET  # only when this format is chosen (start-up time)

    # time: the Ant schema requires it and some readers divide by it; linting is not timed.
    case = ET.Element("testcase", classname=SUITE, name=_clean(printable(report.path)), time="0")
    ordered = sorted(report.diagnostics, key=lambda d: d.sort_key)
    fail_on = options.fail_on.get(report.path, "error")
    failing = [d for d in ordered if _failing(d, fail_on)]
    others = [d for d in ordered if not _failing(d, fail_on)]
    if failing:
        failure = ET.SubElement(case, "failure", type=failing[0].severity.label,
                                message=_clean(f"{len(failing)} 个问题，首个：{_line(failing[0])}"))
        failure.text = _clean("\n".join(_line(d) for d in failing))
    if others:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_line(d) for d in others))
    return case, bool(failing)


def format_junit(reports: Sequence[FileReport], options: FormatOptions) -> str:
    import xml.etree.ElementTree as ET

    cases = [_testcase(r, options) for r in sorted(reports, key=lambda r: r.path)]
    failures = str(sum(1 for _, failed in cases if failed))
    counts = {"name": SUITE, "tests": str(len(cases)), "failures": failures, "errors": "0"}
    root = ET.Element("testsuites", counts)
    suite = ET.SubElement(root, "testsuite", {**counts, "skipped": "0", "time": "0"})
    suite.extend(case for case, _ in cases)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
