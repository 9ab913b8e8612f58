"""What ``reportlint parse`` shows besides the tree: the facts the D, C and P rules decide on
(issuer kind and why, report year, statistics period, signature date, contact block)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlint.facts.contact import contact
from reportlint.facts.context import Context
from reportlint.facts.issuer import deadline_of, issuer_kind, issuer_name
from reportlint.facts.lastyear import LastYear
from reportlint.facts.period import deadline, period, signed_date
from reportlint.facts.year import report_year
from reportlint.model import PageFact, Settings, Span
from reportlint.parse.tree import Document


def _at(span: Span) -> str:
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def _page(facts: tuple[PageFact, ...]) -> list[str]:
    return [f"  page-{f.key} {f.value!r} (line {f.line}: {f.origin})" for f in facts]


def describe_facts(document: Document, lines: tuple[str, ...], data: Mapping[str, Any],
                   settings: Settings | None = None,
                   page_facts: tuple[PageFact, ...] = (),
                   previous: LastYear | None = None) -> str:
    """``previous``: the report given as last year's (``parse --previous``)."""
    ctx = Context(document, lines, data, settings or Settings(), page_facts=page_facts)
    out = ["facts", *_page(page_facts)]
    name = issuer_name(document, data["issuer"])
    kind = issuer_kind(ctx)
    out.append(f"  issuer {_at(name.span) + ' ' if name else ''}{name.name if name else '-'!r}")
    out.append(f"  issuer-kind {kind.kind}")
    out += [f"    because {reason}" for reason in kind.reasons]
    year = report_year(ctx)
    out.append(f"  report-year {year if year is not None else '-'}")
    found = period(ctx)
    if found:
        out.append(f"  period {_at(found.span)} {found.start.date()} .. {found.end.date()}")
    else:
        out.append("  period -")
    signed = signed_date(ctx)
    if signed:
        out.append(f"  signed {_at(signed.span)} {signed.mention.date()} ({signed.where})")
    else:
        out.append("  signed -")
    if year is not None:
        out.append(f"  deadline {deadline(year, deadline_of(ctx, kind.kind))}")
    block = contact(ctx)
    if block:
        fields = ", ".join(f"{f.label}={f.value}" for f in block.fields)
        out.append(f"  contact {_at(block.span)} {fields}")
    else:
        out.append("  contact -")
    out.append(_last_year(previous, year))
    return "\n".join(out) + "\n"


def _last_year(previous: LastYear | None, year: int | None) -> str:
    """Which report was taken as last year's: the one given, when it is of the year before."""
    if previous is None:
        return "  last-year -"
    if year is not None and previous.year == year - 1:
        return f"  last-year {previous.path!r} ({previous.year})"
    return (f"  last-year - ({previous.path!r} is of {previous.year or 'an unknown year'}, "
            f"not of the year before)")
