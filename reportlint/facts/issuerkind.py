"""The two kinds of issuer and the run settings that name one (``--issuer-kind``,
``--deadline``): what the command line needs, apart from deciding a report's issuer
(:mod:`reportlint.facts.issuer`, which imports the parser's records)."""

from __future__ import annotations

from typing import Any

from reportlint.errors import UsageError
from reportlint.facts.monthday import normal_month_day

GOVERNMENT, DEPARTMENT = "government", "department"
KINDS = (GOVERNMENT, DEPARTMENT)


def run_options(kind: str | None, month_day: str | None) -> dict[str, Any]:
    """Settings options from ``--issuer-kind`` and ``--deadline``: the deadline applies to the
    issuer kind in effect (the given one, else whichever kind each report is decided to be)."""
    options: dict[str, Any] = {}
    if kind:
        options["issuer-kind"] = kind
    if month_day:
        normal = normal_month_day(month_day)
        if normal is None:
            raise UsageError(f"--deadline {month_day!r}: expected MM-DD, such as 01-31")
        options["deadlines"] = {k: normal for k in ((kind,) if kind else KINDS)}
    return options
