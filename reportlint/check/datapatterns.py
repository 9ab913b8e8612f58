"""The regular expressions in a rule pack's data files, checked when the pack loads: each is
compiled on RE2 (linear time), and one RE2 cannot take (a lookaround, a backreference) is a
one-line error naming the data file, the line and the key, as for a rule's own patterns.

Which data values are patterns is said by the code that reads them: the facts read fixed data
entries (``PATTERNS`` of :mod:`reportlint.facts.issuer` …), a format template its
``run_together``, and a rule kind the entry a rule's parameter names (``Kind.data_patterns``).
A place is written ``key.key``; ``*`` is every value of a mapping, ``[]`` every item of a list;
``(y,m1)`` after it names the groups the code reads from a match (a pattern without them would
fail halfway through a run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reportlint.check.kinds.base import regex, regex_problem
from reportlint.check.linedict import LineDict, LineList
from reportlint.errors import UsageError
from reportlint.facts import contact, issuer, period
from reportlint.tables import template

if TYPE_CHECKING:
    from reportlint.check.kinds.base import Kind
    from reportlint.check.packs import Rule

# The data entries the facts read by name, and the patterns in each.
FIXED: dict[str, tuple[str, ...]] = {
    "issuer": issuer.PATTERNS, "dates": period.PATTERNS, "contact": contact.PATTERNS,
}
_STEP = re.compile(r"\[\]|[^.\[(]+")
_GROUPS = re.compile(r"\(([^)]*)\)$")

Found = tuple[str, int, Any]  # the key in its file, its line, the value
Place = tuple[str, int, Any, tuple[str, ...]]  # … and the groups the code reads


def _line(value: Any, key: str, fallback: int) -> int:
    return value.line_of(key) if isinstance(value, LineDict) else fallback


def _item_line(items: list[Any], index: int, fallback: int) -> int:
    return items.line_of(index, fallback) if isinstance(items, LineList) else fallback


def _joined(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _walk(value: Any, steps: Sequence[str], key: str, line: int) -> Iterator[Found]:
    if not steps:
        yield key, line, value
        return
    step, rest = steps[0], steps[1:]
    if step == "[]":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, rest, f"{key}[{index}]", _item_line(value, index, line))
        return
    if not isinstance(value, Mapping):
        return
    names = list(value) if step == "*" else [step] if step in value else []
    for name in names:
        yield from _walk(value[name], rest, _joined(key, str(name)), _line(value, name, line))


def places(value: Any, spec: str, key: str = "", line: int = 1) -> Iterator[Place]:
    """The values at ``spec`` under ``value`` (whose own key is ``key``)."""
    groups = groups_of(spec)
    for found in _walk(value, _STEP.findall(_GROUPS.sub("", spec)), key, line):
        yield (*found, groups)


def groups_of(spec: str) -> tuple[str, ...]:
    """The groups a place's patterns must have: ``period.whole_year(y)`` → ``("y",)``."""
    found = _GROUPS.search(spec)
    return tuple(g.strip() for g in found.group(1).split(",") if g.strip()) if found else ()


def _problem(pattern: Any, groups: tuple[str, ...]) -> str | None:
    if pattern is None or isinstance(pattern, Mapping):
        return None  # absent, or a mapping described by a deeper place
    problem = regex_problem(pattern)
    if problem is None:
        missing = [g for g in groups if g not in regex(pattern).groupindex]
        if missing:
            problem = (f"the regular expression {pattern!r} needs the named group"
                       f"{'s' if len(missing) > 1 else ''} "
                       + ", ".join(f"(?P<{g}>…)" for g in missing))
    return problem


def _entry_places(name: str, entry: Any) -> Iterator[Place]:
    specs = FIXED.get(name, ())
    if isinstance(entry, Mapping) and "format" in entry and "tables" in entry:
        specs += template.PATTERNS
    for spec in specs:
        yield from places(entry, spec)


def _rule_places(rule: Rule, kind: Kind, data: Mapping[str, Any]
                 ) -> Iterator[tuple[str, Place]]:
    """(entry name, place) of the data patterns the rule's parameters name."""
    for param, specs in kind.data_patterns.items():
        path = rule.params.get(param)
        if not isinstance(path, str) or not path:
            continue
        name, *keys = path.split(".")
        value, line = data.get(name), 1
        for key in keys:
            line = _line(value, key, line)
            value = value.get(key) if isinstance(value, Mapping) else None
        for spec in specs:
            yield from ((name, p) for p in places(value, spec, ".".join(keys), line))


def pattern_places(data: Mapping[str, Any], rules: Sequence[Rule], kinds: Mapping[str, Kind],
                   entries: Sequence[str]) -> Iterator[tuple[str, Place]]:
    """(entry name, place) of every pattern of the data ``entries`` and of the data the
    ``rules`` name."""
    for name in entries:
        yield from ((name, place) for place in _entry_places(name, data[name]))
    for rule in rules:
        kind = kinds.get(rule.kind)
        if kind is not None:
            yield from _rule_places(rule, kind, data)


def check_data_patterns(data: Mapping[str, Any], files: Mapping[str, str],
                        rules: Sequence[Rule], kinds: Mapping[str, Kind],
                        entries: Sequence[str]) -> None:
    """Every pattern of the data ``entries`` (just loaded) and of the data ``rules`` name
    compiles on RE2, else a :class:`UsageError` naming its file, line and key."""
    for name, (key, line, pattern, groups) in pattern_places(data, rules, kinds, entries):
        problem = _problem(pattern, groups)
        if problem:
            raise UsageError(f"{files.get(name, name)}:{line}: key '{key}': {problem}")
