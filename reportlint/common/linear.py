"""Rule pack patterns on RE2, an engine whose time is linear in the text: a pattern from a rule
or data file cannot make a line take exponential time (``(a+)+$`` on ``"a" * 30 + "!"``).

Rules are written in Python's syntax, where ``\\d``, ``\\s`` and ``\\w`` are Unicode classes
(full-width digits, the ideographic space); RE2's are ASCII only, so ``translate`` spells them out.
What RE2 cannot do (lookaround, backreferences, a Unicode ``\\b``) is a ``PatternError`` with the
reason, raised when the rule loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import re2  # type: ignore[import-untyped]

# str.isspace(), which is Python's \s: tested against every code point
_SPACE = (r"\t\n\x{b}\f\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
          r"\x{202f}\x{205f}\x{3000}")
_WORD = r"\p{L}\p{N}_"  # Python's \w: letters, numbers (numeric ideographs are letters), _
_IN_CLASS = {"d": r"\p{Nd}", "D": r"\P{Nd}", "s": _SPACE, "w": _WORD}
_OUTSIDE = {"d": r"\p{Nd}", "D": r"\P{Nd}", "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]",
            "w": f"[{_WORD}]", "W": f"[^{_WORD}]", "Z": r"\z"}
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error is ours to report, on one line


class PatternError(ValueError):
    pass


class Matched:
    """A match: groups by number or name, spans in code points (as ``re.Match``)."""

    __slots__ = ("_found", "_names")

    def __init__(self, found: Any, names: dict[str, int]) -> None:
        self._found, self._names = found, names

    def _index(self, group: int | str) -> int:
        return self._names[group] if isinstance(group, str) else group

    def group(self, group: int | str = 0) -> str | Any:
        return self._found.group(self._index(group))

    def start(self, group: int | str = 0) -> int:
        return int(self._found.start(self._index(group)))

    def end(self, group: int | str = 0) -> int:
        return int(self._found.end(self._index(group)))


class Compiled:
    """A pattern compiled by RE2, with the part of ``re.Pattern``'s interface rules use."""

    __slots__ = ("_compiled", "groupindex", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        try:
            self._compiled = re2.compile(translate(pattern), _OPTIONS)
        except re2.error as error:
            reason = error.args[0] if error.args else ""
            raise PatternError(reason.decode("utf-8", "replace")
                               if isinstance(reason, bytes) else str(reason)) from None
        self.groupindex: dict[str, int] = dict(self._compiled.groupindex)

    def _wrap(self, found: Any) -> Matched | None:
        return None if found is None else Matched(found, self.groupindex)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Matched | None:
        if endpos is not None and endpos < pos:
            return None  # as Python's
        return self._wrap(self._compiled.search(_upto(text, endpos), pos))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Matched | None:
        if endpos is not None and endpos < pos:
            return None
        return self._wrap(self._compiled.match(_upto(text, endpos), pos))

    def fullmatch(self, text: str) -> Matched | None:
        return self._wrap(self._compiled.fullmatch(text))

    def finditer(self, text: str, pos: int = 0) -> Iterator[Matched]:
        return (Matched(found, self.groupindex) for found in self._compiled.finditer(text, pos))

    def findall(self, text: str) -> list[Any]:
        return list(self._compiled.findall(text))

    def sub(self, replacement: str | Callable[[Matched], str], text: str, count: int = 0) -> str:
        if callable(replacement):
            rewrite = replacement
            return str(self._compiled.sub(
                lambda found: rewrite(Matched(found, self.groupindex)), text, count))
        return str(self._compiled.sub(replacement, text, count))


def _upto(text: str, endpos: int | None) -> str:
    """The text as Python's ``endpos`` sees it: ``$`` matches at ``endpos`` (RE2's own endpos
    keeps the text after it as context)."""
    return text if endpos is None or endpos >= len(text) else text[:max(endpos, 0)]


def _escape(pattern: str, at: int, in_class: bool) -> tuple[str, int]:
    """The RE2 spelling of the escape at ``pattern[at]`` (a backslash), and where it ends."""
    letter = pattern[at + 1] if at + 1 < len(pattern) else ""
    if letter in "uU":
        width = 4 if letter == "u" else 8
        digits = pattern[at + 2:at + 2 + width]
        return rf"\x{{{digits}}}", at + 2 + width
    if letter in "bB" and not in_class:
        raise PatternError(rf"\{letter} is not supported (RE2's word boundary knows only "
                           "ASCII letters)")
    if letter.isdigit() and letter != "0" and not in_class:
        raise PatternError(rf"a backreference \{letter} is not supported (RE2 runs in linear "
                           "time and has none)")
    table = _IN_CLASS if in_class else _OUTSIDE
    if letter in table:
        return table[letter], at + 2
    if in_class and letter in "SW":
        raise PatternError(rf"\{letter} inside [...] is not supported; write [^...] instead")
    return pattern[at:at + 2], at + 2


def _class_end(pattern: str, start: int) -> int:
    """Where the class opened at ``pattern[start]`` (``[``) closes: its ``]`` (a first ``]``,
    after an optional ``^``, is a literal)."""
    at = start + 1
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1
    while at < len(pattern) and pattern[at] != "]":
        at += 2 if pattern[at] == "\\" else 1
    return at


def _translate_class(pattern: str, start: int, stop: int) -> str:
    out, at = [], start
    while at < stop:
        if pattern[at] == "\\":
            piece, at = _escape(pattern, at, in_class=True)
            out.append(piece)
        else:
            out.append(pattern[at])
            at += 1
    return "".join(out)


def translate(pattern: str) -> str:
    """A Python-syntax pattern in RE2's syntax, with Python's Unicode meaning."""
    out: list[str] = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            piece, at = _escape(pattern, at, in_class=False)
        elif char == "[":
            stop = _class_end(pattern, at)
            piece, at = _translate_class(pattern, at, stop) + "]", stop + 1
        elif pattern.startswith(_LOOKAROUND, at):
            opener = pattern[at:at + (4 if pattern.startswith("(?<", at) else 3)]
            raise PatternError(f"lookaround {opener}…) is not supported (RE2 runs in linear "
                               "time and has none)")
        elif pattern.startswith("{,", at):  # Python's {,n}; RE2 reads it as text
            piece, at = "{0,", at + 2
        else:
            piece, at = char, at + 1
        out.append(piece)
    return "".join(out)


def compile_linear(pattern: str) -> Compiled:
    """``pattern`` compiled by RE2 (matches and spans in code points, as Python's)."""
    return Compiled(pattern)


@lru_cache(maxsize=1024)
def cached_linear(pattern: str) -> Compiled:
    """``compile_linear(pattern)`` once per process: rule and data patterns are checked when
    their pack loads and then run on every report."""
    return Compiled(pattern)
