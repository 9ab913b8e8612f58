"""``reportlint config PATH``: the configuration in effect for a path, as TOML to copy."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlint.common.names import printable
from reportlint.config.resolve import Resolved


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string is JSON-like
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_value(str(k))} = {_value(v)}" for k, v in value.items()) + " }"
    return _value(str(value))


def describe(path: str, resolved: Resolved) -> str:
    config = resolved.config
    selection = resolved.selection
    enabled = [r.code for r in resolved.rules.rules if selection.enabled(r.code, r.enabled)]
    source = printable(str(config.path)) if config.path else "none (defaults)"
    lines = [
        f"# configuration in effect for {printable(path)}",
        f"# file: {source}" + (f" [{config.table}]" if config.table else ""),
        f"select = {_value(list(selection.select))}",
        f"extend-select = {_value(list(selection.extend_select))}",
        # Includes the per-file-ignores that match this path.
        f"ignore = {_value(list(selection.ignore))}",
        f"per-file-ignores = {_value({g: list(c) for g, c in config.per_file_ignores})}",
        f"severity = {_value({c: s.label for c, s in sorted(selection.severity.items())})}",
        f"fail-on = {_value(resolved.fail_on)}",
        f"rules = {_value([printable(str(Path(d))) for d in config.rules])}",
    ]
    lines += [f"{key} = {_value(value)}" for key, value in resolved.settings.options.items()]
    if config.lang:
        lines.append(f"lang = {_value(config.lang)}")
    lines.append(f"# {len(enabled)} of {len(resolved.rules.rules)} rules enabled: "
                 + " ".join(enabled))
    return "\n".join(lines) + "\n"
