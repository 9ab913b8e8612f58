"""The table layer of one report: choose each table's template (format version), bind it,
and record the report-level facts (version and its evidence, mixed versions, missing tables).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reportlint.facts.context import Context
from reportlint.facts.year import report_year
from reportlint.model import Span
from reportlint.parse.tree import Section, Table, TextBlock, piece_of
from reportlint.tables.bind import (
    Binding,
    Region,
    bind_region,
    evidence_hits,
    finish,
    fit_ceiling,
    region,
    run_together_span,
)
from reportlint.tables.labels import row_key
from reportlint.tables.local import split_local
from reportlint.tables.records import UNRECOVERABLE, BoundTable
from reportlint.tables.rows import RawRow, raw_rows
from reportlint.tables.template import FormatTemplate, TableTemplate, formats

TABLE_ORDER = ("table2", "table3", "table4")
# A table line at least this long holds many rows: only cells run together make one so long.
FLATTENED_LINE = 120


@dataclass(frozen=True)
class Missing:
    table: str
    name: str
    span: Span  # the section heading


@dataclass(frozen=True)
class Odd:
    """A table bound to another version than the report's (F203), or one of its rows
    labelled as another version labels it (``label``, with this version's ``canonical``)."""

    table: str
    version: str
    span: Span
    label: str = ""
    canonical: str = ""


@dataclass(frozen=True)
class TableLayer:
    tables: Mapping[str, BoundTable]
    version: str | None
    source: str  # "forced" | "evidence" | "year" | "none"
    evidence: tuple[str, ...]
    caption: Span | None  # where F201/F202 point (表二's first line)
    missing: tuple[Missing, ...] = ()
    odd: tuple[Odd, ...] = ()
    images: tuple[Missing, ...] = ()  # tables published as pictures: span is the picture's
    local: tuple[Table, ...] = ()  # the report's own tables, bound to nothing


def _default_version(ctx: Context, templates: list[FormatTemplate]) -> str | None:
    """Without evidence in the tables: the version whose years cover the report year."""
    year = report_year(ctx)
    for template in templates:
        low, high = template.year_from, template.year_to
        if year is not None and (low is None or low <= year) and (high is None or year <= high):
            return template.version
    return templates[-1].version if templates else None


def _choose(candidates: list[tuple[str, Binding]], preferred: str | None) -> tuple[str, Binding]:
    def score(item: tuple[str, Binding]) -> tuple[int, int]:
        return item[1].fit, 1 if item[0] == preferred else 0
    return max(candidates, key=score)


def _odd_span(binding: Binding, main: FormatTemplate | None, table: str, fallback: Span) -> Span:
    other = main.tables.get(table) if main else None
    if other is None:
        return fallback
    known = {r.key for r in other.rows}
    return next((span for key, span in binding.rows if key not in known), fallback)


class _Layer:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.formats = {f.version: f for f in formats(ctx)}
        forced = ctx.settings.get("format-version")
        # A version no template describes cannot be checked against: detect instead.
        self.forced = str(forced) if forced and str(forced) in self.formats else None
        self.default = self.forced or _default_version(ctx, list(self.formats.values()))
        self.tables: dict[str, BoundTable] = {}
        self.missing: list[Missing] = []
        self.images: list[Missing] = []
        self.local: list[Table] = []
        self.odd: list[Odd] = []
        self.main: str | None = None
        self.evidence: tuple[str, ...] = ()
        self.caption: Span | None = None
        self.source = "forced" if self.forced else "none"

    def all_local(self) -> tuple[Table, ...]:
        """Local tables of the template sections, and every table elsewhere (附表)."""
        homes = {t.section for f in self.formats.values() for t in f.tables.values()}
        document = self.ctx.document
        elsewhere = [*(b for b in document.preamble if isinstance(b, Table)),
                     *(t for s in document.sections if s.key not in homes for t in s.tables)]
        return tuple(sorted([*self.local, *elsewhere], key=lambda t: t.span.line))

    def versions(self) -> list[FormatTemplate]:
        if self.forced and self.forced in self.formats:
            return [self.formats[self.forced]]
        return list(self.formats.values())

    def predates_templates(self) -> bool:
        """A report for a year before every template (the pre-2019 structure had other
        tables): nothing to bind, and no table is missing."""
        year = report_year(self.ctx)
        starts = [f.year_from for f in self.formats.values() if f.year_from is not None]
        return year is not None and bool(starts) and year < min(starts)

    def run(self) -> TableLayer:
        if self.predates_templates():
            return TableLayer({}, None, "none", (), None)
        for key in TABLE_ORDER:
            self.table(key)
        if self.main is None:
            self.main = self.default
            self.source = "forced" if self.forced else ("year" if self.main else "none")
        return TableLayer(self.tables, self.main, self.source, self.evidence, self.caption,
                          tuple(self.missing), tuple(self.odd), tuple(self.images),
                          self.all_local())

    def table(self, key: str) -> None:
        templates = [f.tables[key] for f in self.versions() if key in f.tables]
        if not templates:
            return
        section = self.ctx.document.section(templates[0].section)
        if section is not None:
            section, local = split_local(section, templates)
            self.local.extend(local)
        flattened = self.flattened(templates[0], section)
        if flattened is not None:
            self.tables[key] = BoundTable(key, UNRECOVERABLE, flattened, None,
                                          template=templates[0])
            return
        where = region(self.ctx, section) if section is not None else None
        rows = raw_rows(where.lines) if where is not None else []
        candidates = self.bindings(templates, where, rows) if where is not None else []
        usable = [c for c in candidates if not c[1].empty]
        if not usable:
            self.absent(key, templates[0].name, section)
            return
        assert where is not None
        version, binding = _choose(usable, self.main or self.default)
        self.tables[key] = finish(binding, key, where.span, version)
        if binding.unrecoverable is not None:
            return
        self.note_version(key, version, binding, where)
        self.odd_rows(key, version, binding)

    def bindings(self, templates: list[TableTemplate], where: Region,
                 rows: list[RawRow]) -> list[tuple[str, Binding]]:
        """The table bound to each version's template; after the preferred version's (the
        report's, else its year's), another's only when it could fit better: ``_choose``
        keeps the preferred binding on a tie, so a version whose ceiling is no higher would
        be bound for nothing (most reports follow one template: each table is bound once)."""
        preferred = self.main or self.default
        if len(templates) < 2 or not any(t.version == preferred for t in templates):
            return [(t.version, bind_region(self.ctx, t, where, rows)) for t in templates]
        first = next(t for t in templates if t.version == preferred)
        best = bind_region(self.ctx, first, where, rows)
        found = [(first.version, best)]
        for template in templates:
            if template is not first and (best.empty or
                                          fit_ceiling(template, where, rows) > best.fit):
                found.append((template.version, bind_region(self.ctx, template, where, rows)))
        return found

    def odd_rows(self, key: str, version: str, binding: Binding) -> None:
        """Rows whose label is exactly another version's label for the row (a 2021 表二 with
        the 2019 label 规范性文件): mixed format, once per table."""
        if self.forced or any(o.table == key for o in self.odd):
            return
        for row, label, span in binding.inexact:
            other = self.other_version_of(key, version, label)
            if other is not None:
                spec = binding.template.row(row)
                self.odd.append(Odd(key, other, span, label, spec.label if spec else row))
                return

    def other_version_of(self, key: str, version: str, label: str) -> str | None:
        wanted = row_key(label)
        for other, template in self.formats.items():
            table = template.tables.get(key)
            if other != version and table and any(wanted in r.keys for r in table.rows):
                return other
        return None

    def note_version(self, key: str, version: str, binding: Binding, where: Region) -> None:
        """A table is evidence of its version when its header words or some of its rows
        exist only in that version (表三 2019 and 2021 differ only in （六）)."""
        hits = evidence_hits(binding.template, where)
        distinct = self.distinct_rows(key, version, binding)
        if not hits and not distinct:
            return
        if self.main is None:
            self.main = version
            if not self.forced:
                self.source = "evidence"
            self.evidence = tuple(hits) or tuple(distinct[:3])
            self.caption = where.span
        elif version != self.main and not self.forced:
            main = self.formats.get(self.main)
            self.odd.append(Odd(key, version, _odd_span(binding, main, key, where.span)))

    def distinct_rows(self, key: str, version: str, binding: Binding) -> list[str]:
        others = [f.tables[key] for v, f in self.formats.items()
                  if v != version and key in f.tables]
        bound = {k for k, _ in binding.rows}
        return [r.label for r in binding.template.rows
                if r.key in bound and all(o.row(r.key) is None for o in others)]

    def flattened(self, template: TableTemplate, section: Section | None) -> Span | None:
        """A table line that holds a whole table with its cells run together (crawler
        text split at its headings): F207, never guessed."""
        if section is None:
            return None
        lines = [TextBlock((piece_of(p.line, p.text),)) for t in section.tables
                 for p in t.lines
                 if len(p.text) >= FLATTENED_LINE and len(p.text.strip()) >= FLATTENED_LINE]
        found = next((b for b in lines if run_together_span(self.ctx, template, [b])), None)
        return found.span if found is not None else None  # F207 points at the table

    def absent(self, key: str, name: str, section: Section | None) -> None:
        """No rows: the cells ran together in prose (F207), the table is a picture (F208), or
        it is missing (F204).
        Without its section, only S103 speaks (one root cause, one diagnostic)."""
        template = next(f.tables[key] for f in self.versions() if key in f.tables)
        paragraphs = section.paragraphs if section is not None else self.ctx.document.paragraphs
        span = run_together_span(self.ctx, template, paragraphs)
        if span is not None:
            self.tables[key] = BoundTable(key, UNRECOVERABLE, span, None, template=template)
        elif section is not None and section.images:  # a picture of the table: F208
            self.images.append(Missing(key, name, section.images[0].span))
        elif section is not None and section.blocks:  # an empty section is S106's
            self.missing.append(Missing(key, name, section.heading.span))


def table_layer(ctx: Context) -> TableLayer:
    return ctx.derived("table_layer", lambda c: _Layer(c).run())
