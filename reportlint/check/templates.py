"""Message templates of rule files, checked when a pack loads: nothing fails halfway
through a run, and a template can only name the values a kind fills in.

A template holds ``{name}`` placeholders and nothing else: no attribute or index access
(``{match.__class__}`` would print Python internals), no conversion, no format spec
(``{match:>1000000000}`` would take gigabytes)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# (kind, parameter) → the placeholders the kind fills in, taken from the built-in rules
Known = Mapping[tuple[str, str], frozenset[str]]


def placeholders(template: str) -> tuple[list[str], str | None]:
    """The names a template uses, and why it is not a plain template (None: it is)."""
    names: list[str] = []
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        return names, f"bad message template {template!r}: {error} (write {{{{ for a brace)"
    for _, field, spec, conversion in fields:
        if field is None:
            continue
        if not _NAME.fullmatch(field) or spec or conversion:
            shown = "{" + field + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            return names, (f"placeholder {shown} in the message: only plain names such as "
                           "{match} (no '.', '[', '!' or ':')")
        names.append(field)
    return names, None


def template_problem(template: str, allowed: frozenset[str] | None) -> str | None:
    names, problem = placeholders(template)
    if problem or allowed is None:
        return problem
    unknown = [n for n in names if n not in allowed]
    if unknown:
        known = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
        return f"unknown placeholder {{{unknown[0]}}} in the message (known: {known})"
    return None


def known_placeholders(rules: Iterable[tuple[str, str, str]]) -> Known:
    """From (kind, parameter, template) of the built-in rules."""
    found: dict[tuple[str, str], set[str]] = {}
    for kind, key, template in rules:
        found.setdefault((kind, key), set()).update(placeholders(template)[0])
    return {where: frozenset(names) for where, names in found.items()}
