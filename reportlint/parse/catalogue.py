"""The section catalogue: which headings a report has, read from the rule pack's data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from reportlint.common.datacache import once_per_data

_IGNORED = re.compile(r"[\s。：:；;，,]+")
FUZZY_RATIO = 0.75


def compact(label: str) -> str:
    """A label with spaces and soft punctuation removed, for comparison."""
    return _IGNORED.sub("", label).replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class SectionSpec:
    key: str
    number: str
    heading: str
    aliases: tuple[str, ...]
    holds_tables: bool

    @property
    def canonical(self) -> str:
        return f"{self.number}、{self.heading}"


@dataclass(frozen=True)
class HeadingMatch:
    spec: SectionSpec
    kind: str  # "canonical" | "alias" | "fuzzy"


@dataclass(frozen=True)
class Catalogue:
    sections: tuple[SectionSpec, ...]
    old_headings: tuple[str, ...]
    table_row_labels: tuple[str, ...]
    table_markers: tuple[str, ...] = ()

    def match(self, label: str, number: str | None = None) -> HeadingMatch | None:
        """The section a heading names: exactly, by a known alias, or fuzzily (a typo, a
        dropped character) among the sections numbered ``number`` when it is given."""
        wanted = compact(label)
        if not wanted or wanted in self._old_headings:
            return None
        for spec, heading, _ in self._headings:
            if wanted == heading:
                return HeadingMatch(spec, "canonical")
        for spec, _, aliases in self._headings:
            if wanted in aliases:
                return HeadingMatch(spec, "alias")
        candidates = [(s, (h, *a)) for s, h, a in self._headings if number in (None, s.number)]
        if not candidates:
            return None
        best, labels = max(candidates, key=lambda c: _similarity(wanted, c[1]))
        if _similarity(wanted, labels) >= FUZZY_RATIO:
            return HeadingMatch(best, "fuzzy")
        return None

    def is_old_heading(self, label: str) -> bool:
        return compact(label) in self._old_headings

    def is_table_row_label(self, label: str) -> bool:
        return compact(label).startswith(self._row_labels)

    def opens_table(self, text: str) -> bool:
        return compact(text).startswith(self._markers)

    # The catalogue's own labels in compact form, made once per loaded catalogue (the
    # classifier asks about every numbered line).
    @cached_property
    def _headings(self) -> tuple[tuple[SectionSpec, str, tuple[str, ...]], ...]:
        return tuple((spec, compact(spec.heading), tuple(compact(a) for a in spec.aliases))
                     for spec in self.sections)

    @cached_property
    def _old_headings(self) -> frozenset[str]:
        return frozenset(compact(old) for old in self.old_headings)

    @cached_property
    def _row_labels(self) -> tuple[str, ...]:
        return tuple(compact(row) for row in self.table_row_labels)

    @cached_property
    def _markers(self) -> tuple[str, ...]:
        return tuple(compact(marker) for marker in self.table_markers)

    def by_key(self, key: str) -> SectionSpec:
        return next(s for s in self.sections if s.key == key)


def _similarity(wanted: str, labels: tuple[str, ...]) -> float:
    """The best ratio of ``wanted`` to a section's compact heading and aliases."""
    return max(SequenceMatcher(None, wanted, label).ratio() for label in labels)


def catalogue_from_data(data: Mapping[str, Any]) -> Catalogue:
    sections = tuple(
        SectionSpec(
            key=str(item["key"]),
            number=str(item["number"]),
            heading=str(item["heading"]),
            aliases=tuple(str(a) for a in item.get("aliases", ())),
            holds_tables=bool(item.get("holds_tables", False)),
        )
        for item in data["sections"]
    )
    return Catalogue(
        sections=sections,
        old_headings=tuple(str(h) for h in data.get("old_headings", ())),
        table_row_labels=tuple(str(h) for h in data.get("table_row_labels", ())),
        table_markers=tuple(str(h) for h in data.get("table_markers", ())),
    )


def catalogue_of(data: Mapping[str, Any]) -> Catalogue:
    """The catalogue of the loaded rule packs' data, built once per loaded data."""
    return once_per_data(data, "catalogue", lambda d: catalogue_from_data(d["sections"]))
