"""``cached``: ``functools.cached_property`` without its lock.

On Python before 3.12, ``cached_property`` takes a lock on every first read of every
instance's value: 1 µs where computing a row's texts takes a fraction of that, and a lint reads
a few hundred such values. The records here are built and read by one thread (a value computed
twice by two would be the same value), which is why Python 3.12 dropped the lock.
Like ``cached_property``, this is a non-data descriptor: once the value is in the instance's
``__dict__`` (which frozen dataclasses keep writable to their own code), it is read from there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached(Generic[T]):  # lower case: used as a decorator, as cached_property is
    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
