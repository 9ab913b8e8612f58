"""Pairing a batch's reports across years: each report with last year's report of the same
issuer. Issuer names are compared exactly once normalised (spaces, a year and the report's
own title words cut off), never loosely: ``邵阳市商务局`` and ``邵阳市商务局2020年政府信息公开
工作年度报告`` are one issuer, ``邵阳市商务局`` and ``邵东市商务局`` two."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reportlint.batch.executor import Executor
from reportlint.batch.jobs import NOT_A_REPORT, UNREADABLE, Job, Plan
from reportlint.batch.register import Seen
from reportlint.batch.run import outcomes

if TYPE_CHECKING:  # annotations only: a cached check does not import the facts
    from reportlint.facts.lastyear import LastYear

_SPACES = re.compile(r"\s+")
# a year (2020年, 二〇二〇年, 2020 年度) and whatever follows it: the title's own words
_YEAR_ON = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*$")
_TITLE_WORDS = re.compile(r"(?:关于)?(?:政府)?信息公开.*$")


def issuer_key(name: str | None) -> str | None:
    """The name issuers are compared by, or None when nothing of a name is left."""
    if not name:
        return None
    text = _SPACES.sub("", name)
    text = _TITLE_WORDS.sub("", _YEAR_ON.sub("", text))
    return text or None


def pair_years(reports: Iterable[Seen]) -> dict[str, str]:
    """This year's report's path → last year's report's path, for each report with exactly
    one report of its issuer for the year before (two for one year: which one is last year's
    is not guessed, B902 names them)."""
    by_issuer: dict[tuple[str, int], list[str]] = defaultdict(list)
    for seen in reports:
        key = issuer_key(seen.issuer)
        if key is not None and seen.year is not None:
            by_issuer[key, seen.year].append(seen.path)
    pairs: dict[str, str] = {}
    for (key, year), paths in by_issuer.items():
        before = by_issuer.get((key, year - 1), [])
        if len(before) == 1:
            for path in paths:
                pairs[path] = before[0]
    return pairs


def with_pairs(jobs: Sequence[Job], plan: Plan, executor: Executor) -> list[Job]:
    """The jobs, each paired with last year's report of its issuer, found by a first pass
    over the batch for the facts: what the Y rules need of each report comes back with them
    (``Outcome.summary``), so last year's report is never read again. The first pass's
    results are cached (with the facts kept, both passes share cache entries): the second
    pass reads them back for every report without a pair."""
    kept: dict[str, LastYear] = {}
    seen: list[Seen] = []
    for outcome in outcomes(jobs, replace(plan, facts=True), executor):
        facts = outcome.facts
        if facts is None or outcome.status in (NOT_A_REPORT, UNREADABLE):
            continue
        seen.append(Seen(outcome.report.path, facts.issuer, facts.year))
        if outcome.summary is not None:
            kept[outcome.report.path] = outcome.summary
    pairs = pair_years(seen)
    return [replace(job, previous=kept.get(pairs.get(job.name, ""))) for job in jobs]
