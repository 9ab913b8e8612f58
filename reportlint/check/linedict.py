"""The mapping rule YAML is loaded into (by :mod:`reportlint.check.yamlfile`), in a module of
its own so that a cached rule pack (:mod:`reportlint.check.packcache`) loads without YAML."""

from __future__ import annotations

from typing import Any


class LineDict(dict[str, Any]):
    """A mapping that remembers the 1-based line of each key and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that remembers the 1-based line of each item."""

    item_lines: list[int]

    def line_of(self, index: int, fallback: int) -> int:
        lines = getattr(self, "item_lines", ())
        return lines[index] if index < len(lines) else fallback
