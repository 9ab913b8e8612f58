"""Structure kinds: the title and the six sections (S101–S107)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import (
    MESSAGE,
    Finding,
    Kind,
    Param,
    regex,
    regex_problem,
    regexes_problem,
    variants_problem,
    whole_edit,
)
from reportlint.facts.context import Context
from reportlint.facts.issuer import title_name
from reportlint.facts.year import report_year, report_year_disputed, title_text
from reportlint.model import Edit, Span
from reportlint.parse.catalogue import compact
from reportlint.parse.dates import first_year
from reportlint.parse.tree import Paragraph, Section, Table

_FIRST_LINES = 6
_TITLE_MAX = 60


def _applies(ctx: Context, params: Mapping[str, Any]) -> bool:
    """False for a report of a year before the structure the rule checks was introduced."""
    since, year = params.get("since_year"), report_year(ctx)
    return since is None or year is None or year >= since


def _title_span(ctx: Context) -> Span:
    title = ctx.document.title
    return title.span if title else Span(1, 1, 1, 2)


def _leading_text(ctx: Context) -> str:
    """The short lines among the first few: a title the classifier did not take as one."""
    texts = list(itertools.islice((line for line in ctx.lines if line.strip()), _FIRST_LINES))
    return compact("".join(t for t in texts if len(t.strip()) <= _TITLE_MAX))


def title_present(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    patterns = [regex(p) for p in params["patterns"]]
    candidates = (compact(title_text(ctx)), _leading_text(ctx))
    if any(p.search(text) for p in patterns for text in candidates if text):
        return
    first = next((i for i, line in enumerate(ctx.lines, 1) if line.strip()), 1)
    yield Finding(Span.at_line(first, ctx.lines[first - 1].strip() if ctx.lines else ""),
                  params["message"])


def title_form(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    text = compact(title_text(ctx))
    if not text or regex(params["canonical"]).search(text):
        return
    for variant in params["variants"]:
        if regex(variant["pattern"]).search(text):
            yield Finding(_title_span(ctx), str(variant["message"]),
                          edit=_title_edit(ctx, params))
            return


def _title_edit(ctx: Context, params: Mapping[str, Any]) -> Edit | None:
    """The title rebuilt in the standard form, when it is the issuer named in it plus a
    variant ending (``fixable``) and the report year is known and undisputed."""
    title, fixable = ctx.document.title, params.get("fixable")
    issuer, year = title_name(ctx.document, ctx.data["issuer"]), report_year(ctx)
    if title is None or not fixable or issuer is None or year is None \
            or report_year_disputed(ctx):
        return None
    text = compact(title.text)
    name = compact(issuer.name)
    rest = text[len(name):]
    found = regex(fixable).fullmatch(rest)
    if not text.startswith(name) or found is None or first_year(rest) not in (None, year):
        return None
    return whole_edit(ctx, title.span, title.text,
                      str(params["fixed"]).format(issuer=issuer.name, year=year))


def _where_missing(ctx: Context, order: list[str], key: str) -> Span:
    position = order.index(key)
    for section in ctx.document.sections:
        if section.key in order[position + 1 :]:
            return section.heading.span
    present = [s for s in ctx.document.sections if s.key is not None]
    if present:
        last = present[-1].span
        return Span(last.end_line, 1, last.end_line, 2)
    title = ctx.document.title
    line = title.span.end_line + 1 if title else 1
    line = min(line, max(len(ctx.lines), 1))
    return Span(line, 1, line, 2)


def sections_present(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not _applies(ctx, params):
        return
    catalogue = ctx.catalogue
    order = [s.key for s in catalogue.sections]
    found = {s.key for s in ctx.document.sections}
    for spec in catalogue.sections:
        if spec.key not in found:
            words = (params.get("lookalikes") or {}).get(spec.key)
            lost = _lookalike(ctx, order, spec.key, words) if words else None
            if lost is not None:
                span, hits = lost
                yield Finding(span, params["lost"].format(
                    heading=spec.canonical, words="、".join(f"“{w}”" for w in hits)))
                continue
            message = params["message"].format(heading=spec.canonical)
            yield Finding(_where_missing(ctx, order, spec.key), message)


_LOOKALIKE_MIN = 2  # distinct words that make text read like the missing section


def _lookalike(ctx: Context, order: list[str], key: str,
               words: list[str]) -> tuple[Span, list[str]] | None:
    """Text where a missing section should be that reads like it (its heading lost in
    conversion): the prose closing the section before it, after that section's tables."""
    position = order.index(key)
    before = [s for s in ctx.document.sections if s.key in order[:position]]
    if not before:
        return None
    blocks = before[-1].blocks
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    tail = [b for b in blocks[(tables[-1] + 1 if tables else 1):] if isinstance(b, Paragraph)]
    text = "".join(b.text for b in tail)
    hits = [w for w in words if w in text]
    if len(hits) < _LOOKALIKE_MIN:
        return None
    return tail[0].span, hits


def section_order(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not _applies(ctx, params):
        return
    order = {s.key: i for i, s in enumerate(ctx.catalogue.sections)}
    seen: dict[str, Section] = {}
    highest = -1
    for section in ctx.document.sections:
        if section.key is None:
            continue
        canonical = ctx.catalogue.by_key(section.key).canonical
        if section.key in seen:
            first = seen[section.key].heading.span.line
            yield Finding(section.heading.span,
                          params["repeated"].format(heading=canonical, line=first))
            continue
        seen[section.key] = section
        if order[section.key] < highest:
            yield Finding(section.heading.span, params["misplaced"].format(heading=canonical))
        highest = max(highest, order[section.key])


def heading_canonical(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not _applies(ctx, params):
        return
    for section in ctx.document.sections:
        if section.key is None:
            continue
        spec = ctx.catalogue.by_key(section.key)
        match = ctx.catalogue.match(section.heading.label, section.heading.number or None)
        wrong_number = section.heading.number != spec.number
        if match is not None and (match.kind != "canonical" or wrong_number):
            heading = section.heading
            # certain only for a known alias under its right number; a typo or a number
            # out of place may mean something else
            certain = match.kind == "alias" and not wrong_number
            edit = whole_edit(ctx, heading.span, heading.text, spec.canonical) if certain \
                else None
            yield Finding(heading.span, params["message"].format(
                heading=heading.text, canonical=spec.canonical), edit=edit)


def section_nonempty(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for section in ctx.document.sections:
        if section.key is not None and not section.blocks:
            yield Finding(section.heading.span, params["message"].format(
                heading=section.heading.text))


def old_format(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    year = report_year(ctx)
    if year is None or year < params["since_year"]:
        return
    for section in ctx.document.sections:
        if section.key is None and ctx.catalogue.is_old_heading(section.heading.label):
            yield Finding(section.heading.span, params["message"].format(
                heading=section.heading.text, year=year))
            return


_SINCE = Param((int,), required=False,
               help="first report year the rule applies to (earlier reports: silent)")

KINDS: dict[str, Kind] = {
    "title-present": Kind(title_present, {
        "patterns": Param((list,), help="regular expressions; the title must match one",
                          validate=regexes_problem),
        "message": MESSAGE,
    }, "the report opens with a title naming the report"),
    "title-form": Kind(title_form, {
        "canonical": Param((str,), help="regular expression of the standard title",
                           validate=regex_problem),
        "variants": Param((list,), help="list of {pattern, message}", validate=variants_problem),
        "fixable": Param((str,), required=False, validate=regex_problem,
                         help="regular expression of the title after the issuer's name that "
                              "the fix may rewrite (the whole rest must match)"),
        "fixed": Param((str,), required=False, default="{issuer}{year}年政府信息公开工作年度报告",
                       help="the standard title; {issuer} {year}"),
    }, "the title is written in the standard form", fixes=True),
    "sections-present": Kind(sections_present, {
        "message": MESSAGE, "since_year": _SINCE,
        "lost": Param((str,), False, "", "message when text reads like the missing section"),
        "lookalikes": Param((dict,), False, None,
                            "section key → words that make text read like that section"),
    },
                             "every section of the catalogue is present"),
    "section-order": Kind(section_order, {"misplaced": MESSAGE, "repeated": MESSAGE,
                                          "since_year": _SINCE},
                          "sections come in catalogue order, once each"),
    "heading-canonical": Kind(heading_canonical, {"message": MESSAGE, "since_year": _SINCE},
                              "headings use the canonical wording and numbering", fixes=True),
    "section-nonempty": Kind(section_nonempty, {"message": MESSAGE},
                             "every section has a body"),
    "old-format": Kind(old_format, {
        "since_year": Param((int,), help="first report year of the current structure"),
        "message": MESSAGE,
    }, "no pre-2019 headings in a report for a later year"),
}
