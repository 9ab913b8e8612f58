"""Format templates: 表二, 表三, 表四 of each format version, read from the rule pack's data.

A template is any data entry holding ``format`` and ``tables`` (``formats/2019.yaml``,
``formats/2021.yaml``); a new version or a locality's variant is one more YAML file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from reportlint.common.datacache import once_per_data
from reportlint.facts.context import Context

COUNT, SIGNED, AMOUNT = "count", "signed", "amount"
# The regular expressions of a format template (checked when the pack loads; on RE2).
PATTERNS = ("run_together.*",)
_SOFT = re.compile(r"[\s。：:；;，,、“”\"'‘’·.．]+")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|\d{1,2}\s*[.、．](?!\d)|[（(]?\s*\d{1,2}\s*[)）])\s*"
)


def strip_numbering(label: str) -> str:
    """The label without its leading numbering (``1.`` ``1、`` ``（1）`` ``1）`` ``（一）``
    ``一、``)."""
    text = label.strip()
    for _ in range(2):
        text = _NUMBERING.sub("", text, count=1).strip()
    return text


@lru_cache(maxsize=8192)
def label_key(label: str) -> str:
    """The form labels are compared in: numbering, spaces and soft punctuation removed."""
    text = _SOFT.sub("", strip_numbering(label))
    return text.replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    columns: tuple[str, ...]
    variants: tuple[str, ...] = ()
    group: str = ""
    caption: str = ""
    tags: tuple[str, ...] = ()

    @cached_property  # computed once per loaded template, not per report
    def keys(self) -> tuple[str, ...]:
        return (label_key(self.label), *(label_key(v) for v in self.variants))


@dataclass(frozen=True)
class TableTemplate:
    key: str
    version: str
    name: str
    section: str
    layout: str  # "rows": each row has a label and its values; "flat": one run of values
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    evidence: tuple[str, ...]
    run_together: str | None

    def column(self, key: str) -> ColumnSpec:
        return self._columns[key]

    def row(self, key: str) -> RowSpec | None:
        return self._rows.get(key)

    # The lookups below are built once per loaded template (each report binds every table
    # against every version's template, cell by cell).
    @cached_property
    def _columns(self) -> dict[str, ColumnSpec]:
        return {c.key: c for c in self.columns}

    @cached_property
    def _rows(self) -> dict[str, RowSpec]:
        return {r.key: r for r in self.rows}

    @cached_property
    def _tagged(self) -> dict[str, tuple[RowSpec, ...]]:
        """The rows of each tag, in table order (relations sum them per instance)."""
        found: dict[str, list[RowSpec]] = {}
        for spec in self.rows:
            for tag in dict.fromkeys(spec.tags):
                found.setdefault(tag, []).append(spec)
        return {tag: tuple(specs) for tag, specs in found.items()}

    @cached_property
    def by_label(self) -> dict[str, RowSpec]:
        """Rows by each label they are written with (``RowSpec.keys``), the first row
        winning a label two rows share."""
        index: dict[str, RowSpec] = {}
        for spec in self.rows:
            for key in spec.keys:
                index.setdefault(key, spec)
        return index

    @cached_property
    def words(self) -> frozenset[str]:
        """Every label the table is written with, compared as labels are (``label_key``):
        its rows' labels and variants, row captions, column labels and evidence words."""
        words = {key for spec in self.rows for key in spec.keys}
        words.update(label_key(spec.caption) for spec in self.rows if spec.caption)
        words.update(label_key(column.label) for column in self.columns)
        words.update(label_key(word) for word in self.evidence)
        return frozenset(words)

    @cached_property
    def position(self) -> dict[str, int]:
        """Each row's place in the table, by row key."""
        return {spec.key: i for i, spec in enumerate(self.rows)}

    def tagged(self, tag: str) -> tuple[RowSpec, ...]:
        return self._tagged.get(tag, ())


@dataclass(frozen=True)
class FormatTemplate:
    version: str
    name: str
    year_from: int | None
    year_to: int | None
    tables: Mapping[str, TableTemplate]


def _row(raw: Mapping[str, Any], columns: tuple[str, ...]) -> RowSpec:
    return RowSpec(
        key=str(raw["key"]),
        label=str(raw["label"]),
        columns=tuple(str(c) for c in raw.get("columns", columns)),
        variants=tuple(str(v) for v in raw.get("variants", ())),
        group=str(raw.get("group", "")),
        caption=str(raw.get("caption", "")),
        tags=tuple(str(t) for t in raw.get("tags", ())),
    )


def _table(key: str, version: str, raw: Mapping[str, Any], run: str | None) -> TableTemplate:
    columns = tuple(ColumnSpec(str(c["key"]), str(c["label"]), str(c.get("kind", COUNT)))
                    for c in raw["columns"])
    keys = tuple(c.key for c in columns)
    return TableTemplate(
        key=key, version=version, name=str(raw.get("name", key)),
        section=str(raw["section"]), layout=str(raw.get("layout", "rows")),
        columns=columns, rows=tuple(_row(r, keys) for r in raw["rows"]),
        evidence=tuple(str(e) for e in raw.get("evidence", ())), run_together=run,
    )


def _format(raw: Mapping[str, Any]) -> FormatTemplate:
    version = str(raw["format"])
    years = raw.get("years") or {}
    runs = raw.get("run_together") or {}
    tables = {str(k): _table(str(k), version, v, runs.get(k)) for k, v in raw["tables"].items()}
    to = years.get("to")
    low = years.get("from")
    return FormatTemplate(version, str(raw.get("name", version)), int(low) if low else None,
                          int(to) if to is not None else None, tables)


def formats_from_data(data: Mapping[str, Any]) -> tuple[FormatTemplate, ...]:
    found = [_format(v) for v in data.values()
             if isinstance(v, Mapping) and "format" in v and "tables" in v]
    return tuple(sorted(found, key=lambda f: f.version))


def formats(ctx: Context) -> tuple[FormatTemplate, ...]:
    """The templates of the loaded rule packs, read once per loaded data (not per report)."""
    return formats_of(ctx.data)


def formats_of(data: Mapping[str, Any]) -> tuple[FormatTemplate, ...]:
    return once_per_data(data, "formats", formats_from_data)


def template_of(data: Mapping[str, Any], key: str, version: str | None) -> TableTemplate | None:
    """The template of table ``key`` in format ``version``: the one a table of that version
    is bound to."""
    found = next((f for f in formats_of(data) if f.version == version), None)
    return found.tables.get(key) if found is not None else None
