"""Prose kinds: numbers in the text against the tables, sums, template residue, the issuer's
name, and what sections must say (P701–P708). Words and patterns come from the data files."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param, regex, regex_problem
from reportlint.check.kinds.tables import cell_name
from reportlint.common.linear import Matched, pattern_set
from reportlint.facts.context import Context
from reportlint.facts.issuer import IssuerName, issuer_kind, signature_name, title_name
from reportlint.facts.prose import prose_blocks
from reportlint.facts.seal import seal_name
from reportlint.facts.year import report_year
from reportlint.model import Related
from reportlint.parse.tree import Section, TextBlock
from reportlint.tables import BoundCell, bound_tables, cell


def _data(ctx: Context, path: str) -> Any:
    """``prose.fee_statement`` → ctx.data["prose"]["fee_statement"]."""
    value: Any = ctx.data
    for key in path.split("."):
        value = value[key]
    return value


# P701 ---------------------------------------------------------------------------------------

def _cells(ctx: Context, refs: Sequence[Sequence[str]]) -> list[BoundCell] | None:
    found = [cell(ctx, *ref) for ref in refs]
    if any(c is None or c.value is None for c in found):
        return None
    return [c for c in found if c is not None]


def _cell_name(ctx: Context, found: BoundCell) -> str:
    """表三“一、本年新收政府信息公开申请数量”行“总计”列: the labels, not the template keys."""
    table = bound_tables(ctx).get(found.table)
    return cell_name(table, found) if table is not None else f"{found.row}/{found.column}"


def _sum(cells: list[BoundCell]) -> Decimal:
    return sum((c.value for c in cells if c.value is not None), Decimal(0))


def _compare(ctx: Context, block: TextBlock, match: Matched, cells: list[BoundCell],
             statement: Mapping[str, Any], message: str) -> Finding | None:
    stated = Decimal(match.group("n").replace(",", ""))  # 3,119
    total = _sum(cells)
    if stated == total:
        return None
    for refs in statement.get("also") or ():
        other = _cells(ctx, refs)
        if other is not None and _sum(other) == stated:
            return None
    what = statement["what"]
    related = tuple(Related(c.span, f"{_cell_name(ctx, c)}：{c.text}") for c in cells)
    return Finding(block.span_of(match.start("n"), match.end("n")),
                   message.format(what=what, stated=stated, table=total), related)


_DIGIT_THEN_MARK = re.compile(r"\d[,，.]")
_MARK_THEN_DIGIT = re.compile(r"[,，.]\d")


def _part_of_a_number(text: str, start: int, end: int) -> bool:
    """``119`` in ``3,119``, ``5`` in ``2.5`` or ``34`` in ``1234``: not a number of its own."""
    before = text[max(start - 2, 0):start]
    after = text[end:end + 2]
    return bool(_DIGIT_THEN_MARK.fullmatch(before) or _MARK_THEN_DIGIT.match(after)
                or before[-1:].isdecimal() or before[-1:] == ".")


def _about_else(text: str, match: Matched, statement: Mapping[str, Any]) -> bool:
    """The words before the number make it about something else (收到行政复议申请5件)."""
    lead = text[match.start():match.start("n")]
    return any(word in lead for word in statement.get("unless") or ())


_ANY_DIGIT = re.compile(r"\d")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _other_time(ctx: Context, text: str, start: int, spec: Mapping[str, Any] | None) -> bool:
    """The clause before a number says it is about another year (上年度收到申请5件,
    2019年共受理5件, 自2008年以来): not this year's table."""
    if not spec:
        return False
    clause = text[:start]
    boundary = max((clause.rfind(mark) for mark in spec["clause_ends"]), default=-1)
    clause = clause[boundary + 1:]
    if regex(spec["markers"]).search(clause):
        return True
    year = report_year(ctx)
    return year is not None and any(int(y) != year for y in _YEAR_IN_TEXT.findall(clause))


def prose_table(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    statements = _data(ctx, params["data"])
    other_time = _data(ctx, params["other_time"]) if params.get("other_time") else None
    checked = [(s, cells, pattern) for s in statements
               if (cells := _cells(ctx, s["cells"])) is not None for pattern in s["patterns"]]
    patterns = pattern_set(tuple(pattern for _, _, pattern in checked))
    for block in ctx.document.paragraphs:
        if not checked or not _ANY_DIGIT.search(block.text):
            continue  # a statement's number (group n) has digits: nothing to compare here
        claimed: set[int] = set()
        for statement, cells, pattern in (checked[i] for i in patterns.matching(block.text)):
            for match in regex(pattern).finditer(block.text):
                if match.start("n") in claimed or _part_of_a_number(
                        block.text, match.start("n"), match.end("n")) or _about_else(
                        block.text, match, statement):
                    continue
                claimed.add(match.start("n"))
                if _other_time(ctx, block.text, match.start(), other_time):
                    continue
                found = _compare(ctx, block, match, cells, statement, params["message"])
                if found:
                    yield found


# P702 ---------------------------------------------------------------------------------------

_OPENED = re.compile(r"[（(]\s*其中$")


# A list of parts is one sentence: one that runs on this far without a stop is no such list
# (a run-together page), and bounding it keeps the rule linear in the paragraph's length.
MAX_CLAUSE = 1000


def _parts_clause(text: str, start: int, opened: bool) -> tuple[int, int] | None:
    """Where the parts after 其中 end: at the sentence's stop outside brackets; None when no
    stop comes within ``MAX_CLAUSE`` characters."""
    stops = "。；;）)" if opened else "。；;"
    depth = 0
    for end in range(start, min(len(text), start + MAX_CLAUSE)):
        char = text[end]
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
        elif char in stops and depth == 0:
            return start, end
    return (start, len(text)) if len(text) - start <= MAX_CLAUSE else None


@lru_cache(maxsize=64)
def _parts(unit: str) -> re.Pattern[str]:
    """The numbers of a unit (our own pattern: linear on Python's engine)."""
    return re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*{re.escape(unit)}")


def part_whole(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    spec = _data(ctx, params["data"])
    whole, bridge, nested = regex(spec["whole"]), regex(spec["bridge"]), regex(spec["nested"])
    for block in ctx.document.paragraphs:
        text = block.text
        for found in whole.finditer(text):
            # matched on a window: RE2's wrapper encodes the whole string it is given, so
            # matching at a position of the paragraph would cost its length for each whole
            after = text[found.end():found.end() + MAX_CLAUSE]
            link = bridge.match(after)
            if not link:
                continue
            opened = bool(_OPENED.search(link.group(0)))
            bounds = _parts_clause(text, found.end() + link.end(), opened)
            if bounds is None:
                continue
            clause = nested.sub("", text[bounds[0]:bounds[1]])
            stop = regex(spec["stop"]).search(clause)
            clause = clause[:stop.start()] if stop else clause
            unit = found.group("unit")
            parts = _parts(unit).findall(clause)
            total = sum((Decimal(p) for p in parts), Decimal(0))
            if parts and total > Decimal(found.group("n")):
                yield Finding(block.span_of(found.start("n"), found.end("n")),
                              params["message"].format(whole=found.group("n") + unit,
                                                       parts="+".join(parts), total=total))


# P703 ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Bounded:
    """A pattern, and what may not stand next to its match: ``XX`` in ``20XX年`` is a
    placeholder, in ``XXL`` or ``MAXX`` it is not."""
    pattern: str
    not_after: str = ""
    not_before: str = ""

    @classmethod
    def of(cls, entry: str | Mapping[str, str]) -> _Bounded:
        return cls(entry) if isinstance(entry, str) else cls(
            entry["pattern"], entry.get("not_after", ""), entry.get("not_before", ""))

    def bounded(self, text: str, start: int, end: int) -> bool:
        return not ((self.not_after and regex(self.not_after).fullmatch(text[start - 1:start]))
                    or (self.not_before and regex(self.not_before).fullmatch(text[end:end + 1])))


def data_patterns(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    entries = [_Bounded.of(e) for e in _data(ctx, params["data"])]
    patterns = pattern_set(tuple(e.pattern for e in entries))
    for block in prose_blocks(ctx.document):
        for entry in (entries[i] for i in patterns.matching(block.text)):
            for found in regex(entry.pattern).finditer(block.text):
                if entry.bounded(block.text, found.start(), found.end()):
                    yield Finding(block.span_of(found.start(), found.end()),
                                  params["message"].format(match=found.group(0)))


# P704 ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Named:
    where: str
    name: IssuerName


def _contact_name(ctx: Context, spec: Mapping[str, Any]) -> IssuerName | None:
    contact, pronoun = regex(spec["contact"]), regex(spec["pronoun"])
    itself = regex(spec["self_reference"])
    for block in ctx.document.paragraphs:
        found = contact.search(block.text)
        name = found.group("name") if found else ""
        if found and not pronoun.match(name) and not itself.match(name):
            return IssuerName(found.group("name"), block, found.start("name"))
    return None


def _normal(name: str, spec: Mapping[str, Any]) -> str:
    name = re.sub(r"\s+", "", name)
    for long, short in spec["rewrite"].items():
        name = name.replace(long, short)
    office = regex(spec["office_suffix"])
    while (shorter := office.sub("", name)) != name and shorter:
        name = shorter
    return name


def issuer_consistent(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    spec = _data(ctx, params["data"])
    places = {"title": title_name(ctx.document, ctx.data["issuer"]),
              "contact": _contact_name(ctx, spec),
              "signature": signature_name(ctx.document),
              "seal": seal_name(ctx, params["seal_suffix"])}
    named = [_Named(k, v) for k, v in places.items() if v is not None]
    if len(named) < 2:
        return
    reference = named[0]
    base = _normal(reference.name.name, spec)
    labels = params["places"]
    for other in named[1:]:
        name = _normal(other.name.name, spec)
        if base in name or name in base:
            continue
        related = (Related(reference.name.span, f"{labels[reference.where]}：{base}"),)
        yield Finding(other.name.span, params["message"].format(
            name=other.name.name, where=labels[other.where],
            reference=reference.name.name, reference_where=labels[reference.where]), related)


# P705 ---------------------------------------------------------------------------------------

def section_substance(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    spec = _data(ctx, params["data"])
    section = ctx.document.section(spec["section"])
    if section is None or not section.blocks:
        return  # missing or empty: S103 / S106 say so
    text = re.sub(r"\s+", "", section.text)
    heading = section.heading.span
    if regex(spec["empty"]).match(text) or len(text) < int(spec["min_chars"]):
        yield Finding(heading, params["short"].format(heading=section.heading.text))
        return
    lacking = [name for name, key in (("存在的问题", "problems"), ("改进措施", "measures"))
               if not regex(spec[key]).search(text)]
    if lacking:
        yield Finding(heading, params["lacking"].format(
            heading=section.heading.text, lacking="、".join(lacking)))


# P706–P708 ----------------------------------------------------------------------------------

def _search_text(ctx: Context, where: str) -> str | None:
    if where == "all":
        return "".join(b.text for b in ctx.document.paragraphs)
    section = ctx.document.section(where)
    return section.text if section is not None else None


def _applies(ctx: Context, params: Mapping[str, Any]) -> bool:
    year = report_year(ctx)
    if params["since_year"] and (year is None or year < params["since_year"]):
        return False
    return not params["issuer_kind"] or issuer_kind(ctx).kind == params["issuer_kind"]


def aspects_covered(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not _applies(ctx, params):
        return
    point: Section | None = ctx.document.section(params["point_at"])
    text = _search_text(ctx, params["search"])
    if point is None or text is None or (params["search"] != "all" and not text.strip()):
        return  # the section is missing or empty: S103 / S106 say so
    missing = [a["name"] for a in _data(ctx, params["data"])
               if not any(regex(p).search(text) for p in a["patterns"])]
    if not missing:
        return
    groups = [[m] for m in missing] if params["per_aspect"] else [missing]
    for group in groups:
        yield Finding(point.heading.span, params["message"].format(
            missing="、".join(group), heading=point.heading.text))


_DATA = Param((str,), help="the data entry to read, as file.key (e.g. prose.template_residue)")

KINDS: dict[str, Kind] = {
    "prose-table": Kind(prose_table, {
        "data": _DATA, "message": MESSAGE,
        "other_time": Param((str,), False, None,
                            "data path of the words that put a number in another year"),
    },
                        "numbers stated in the text equal the table cells they report",
                        data_patterns={"data": ("[].patterns[](n)",), "other_time": ("markers",)}),
    "part-whole": Kind(part_whole, {"data": _DATA, "message": MESSAGE},
                       "in 共…N…，其中…, the parts do not exceed the whole",
                       data_patterns={"data": ("whole(n, unit)", "bridge", "nested", "stop")}),
    "data-patterns": Kind(data_patterns, {"data": _DATA, "message": MESSAGE},
                          "flags every match of the data's regular expressions in the prose",
                          data_patterns={"data": ("[]", "[].pattern", "[].not_after",
                                                  "[].not_before")}),
    "issuer-consistent": Kind(issuer_consistent, {
        "data": _DATA, "message": MESSAGE,
        "places": Param((dict,), help="display names of title, contact, signature, seal"),
        "seal_suffix": Param((str,), False, "", "what ends a seal's text after the name "
                             "(a regular expression); empty: seals are not compared",
                             validate=regex_problem),
    }, "the agency is named the same in the title, the contact sentence and the signature",
        data_patterns={"data": ("contact(name)", "pronoun", "self_reference",
                                "office_suffix")}),
    "section-substance": Kind(section_substance, {
        "data": _DATA, "short": MESSAGE, "lacking": MESSAGE,
    }, "a section says something: not 无, not very short, names problems and measures",
        data_patterns={"data": ("empty", "problems", "measures")}),
    "aspects-covered": Kind(aspects_covered, {
        "data": _DATA, "message": MESSAGE,
        "search": Param((str,), help="a section key, or 'all' for the whole prose"),
        "point_at": Param((str,), help="the section whose heading the diagnostic points at"),
        "since_year": Param((int,), False, 0, "first report year the rule applies to"),
        "issuer_kind": Param((str,), False, "", "only for this issuer kind"),
        "per_aspect": Param((bool,), False, False, "one diagnostic per missing aspect"),
    }, "the text covers every aspect the data lists",
        data_patterns={"data": ("[].patterns[]",)}),
}
