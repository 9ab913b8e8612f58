"""Which rules run on a file, and at which severity: the part of the engine that the
configuration resolves (kept apart so that resolving a configuration does not import the
pipeline)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reportlint.check.packs import Rule
from reportlint.model import Severity


def _most_specific(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@dataclass(frozen=True)
class Selection:
    """Which codes run, ruff-style: the most specific matching prefix wins, and on a tie
    ``ignore`` wins. No ``select`` means every rule that is on by default; a rule that is off
    by default runs only when a non-empty select or extend-select prefix picks it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # (code, by_default) → enabled: asked for every rule of every report
    _known: dict[tuple[str, bool], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def enabled(self, code: str, by_default: bool = True) -> bool:
        known = self._known.get((code, by_default))
        if known is None:
            known = self._known[code, by_default] = self._enabled(code, by_default)
        return known

    def _enabled(self, code: str, by_default: bool) -> bool:
        everything = ("",) if by_default else ()
        chosen = tuple(p for p in self.select if p or by_default) or everything
        chosen += self.extend_select
        picked = _most_specific(code, chosen)
        return picked >= 0 and picked > _most_specific(code, self.ignore)

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code, rule.severity)
