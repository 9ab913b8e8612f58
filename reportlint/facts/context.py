"""``Context``: one parsed report as the facts, the tables and the rules see it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reportlint.facts.lastyear import LastYear
from reportlint.model import Mark, PageFact, Settings
from reportlint.parse.catalogue import Catalogue, catalogue_of
from reportlint.parse.tree import Document

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """What a rule sees of one report. ``memo`` holds facts derived once per report
    (bound tables, dates) so that rules sharing them do not compute them twice."""

    document: Document
    lines: tuple[str, ...]
    data: Mapping[str, Any]
    settings: Settings = field(default_factory=Settings)
    memo: dict[str, Any] = field(default_factory=dict)
    raw_lines: tuple[str, ...] = ()  # the lines before normalisation (full-width digits …)
    page_facts: tuple[PageFact, ...] = ()  # what the page says of the report (model.PageFact)
    marks: tuple[Mark, ...] = ()  # watermarks and seals the reader kept apart from the text
    previous: LastYear | None = None  # last year's report of the same issuer, when paired

    def derived(self, name: str, compute: Callable[[Context], T]) -> T:
        if name not in self.memo:
            self.memo[name] = compute(self)
        value: T = self.memo[name]
        return value

    @property
    def catalogue(self) -> Catalogue:
        return catalogue_of(self.data)
