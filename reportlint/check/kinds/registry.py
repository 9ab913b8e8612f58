"""The registry of rule kinds: a kind name (used in rule YAML) → its implementation."""

from __future__ import annotations

from reportlint.check.kinds import (
    contact,
    dates,
    marks,
    prose,
    structure,
    tables,
    text,
    years,
)
from reportlint.check.kinds.base import Kind

KINDS: dict[str, Kind] = {
    **text.KINDS,
    **structure.KINDS,
    **dates.KINDS,
    **contact.KINDS,
    **prose.KINDS,
    **tables.KINDS,
    **marks.KINDS,
    **years.KINDS,
}
