"""Domain data read into records once per loaded rule pack, not once per report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")

# (id of the data, name) → (the data itself, which keeps its id valid; the records)
_BUILT: dict[tuple[int, str], tuple[Mapping[str, Any], Any]] = {}


def once_per_data(data: Mapping[str, Any], name: str,
                  build: Callable[[Mapping[str, Any]], T]) -> T:
    key = (id(data), name)
    built = _BUILT.get(key)
    if built is None or built[0] is not data:
        built = (data, build(data))
        _BUILT[key] = built
    value: T = built[1]
    return value
