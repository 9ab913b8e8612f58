"""Domain data read into records once per loaded rule pack, not once per report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")

# (ids of the objects, name) → (the objects, which keep their ids valid; the records)
_BUILT_FOR: dict[tuple[tuple[int, ...], str], tuple[tuple[object, ...], Any]] = {}
_MOST = 4096


def once_per(owners: tuple[object, ...], name: str, build: Callable[[], T]) -> T:
    """``build()`` once per combination of loaded objects (a rule's parameters and a format
    template, compared by identity), not once per report."""
    key = (tuple(map(id, owners)), name)
    built = _BUILT_FOR.get(key)  # its owners are kept: no other object can have their ids
    if built is None:
        if len(_BUILT_FOR) >= _MOST:  # rule sets loaded again and again (a server)
            _BUILT_FOR.clear()
        built = (owners, build())
        _BUILT_FOR[key] = built
    value: T = built[1]
    return value


def once_per_data(data: Mapping[str, Any], name: str,
                  build: Callable[[Mapping[str, Any]], T]) -> T:
    """``build(data)`` once per loaded rule pack's data."""
    return once_per((data,), name, lambda: build(data))
