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
_UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED
_AT_START = re2._re2.RE2.Anchor.ANCHOR_START
_WHOLE = re2._re2.RE2.Anchor.ANCHOR_BOTH


class PatternError(ValueError):
    pass


class _Utf8:
    """A text as RE2 reads it (UTF-8), with code point offsets for its byte offsets."""

    __slots__ = ("ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text, self.data, self.ascii = text, text.encode("utf-8"), text.isascii()

    def chars(self, start: int, end: int) -> int:
        """The code points between two byte offsets (both on a character's first byte)."""
        return end - start if self.ascii else len(self.data[start:end].decode("utf-8"))

    def byte_at(self, pos: int) -> int:
        return pos if self.ascii or not pos else len(self.text[:pos].encode("utf-8"))

    def step(self, at: int, pos: int) -> int:
        """The byte offset after the character at code point ``pos`` (byte ``at``)."""
        return at + (1 if self.ascii else len(self.text[pos].encode("utf-8")))


_last: tuple[str, _Utf8] = ("", _Utf8(""))


def _utf8(text: str) -> _Utf8:
    """The text encoded once for the patterns run over it in turn (a rule runs several over
    each paragraph)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    found = _Utf8(text)
    _last = (text, found)
    return found


class Matched:
    """A match: groups by number or name, spans in code points (as ``re.Match``).

    RE2 gives byte spans. The match's own span is turned into code points when it is
    found (the search goes on from its end); a group's, when asked, counted from the
    match's start, so that a group costs the match's length, not the text's."""

    __slots__ = ("_names", "_spans", "_start", "_stop", "_text")

    def __init__(self, text: _Utf8, spans: list[tuple[int, int]], start: int, stop: int,
                 names: dict[str, int]) -> None:
        self._text, self._spans, self._names = text, spans, names
        self._start, self._stop = start, stop  # the match's span in code points

    def _index(self, group: int | str) -> int:
        return self._names[group] if isinstance(group, str) else group

    def group(self, group: int | str = 0) -> str | Any:
        start, end = self._spans[self._index(group)]
        return None if start < 0 else self._text.data[start:end].decode("utf-8")

    def _offset(self, byte: int) -> int:
        return -1 if byte < 0 else self._start + self._text.chars(self._spans[0][0], byte)

    def start(self, group: int | str = 0) -> int:
        return self._start if group == 0 else self._offset(self._spans[self._index(group)][0])

    def end(self, group: int | str = 0) -> int:
        return self._stop if group == 0 else self._offset(self._spans[self._index(group)][1])


class Compiled:
    """A pattern compiled by RE2, with the part of ``re.Pattern``'s interface rules use.

    It calls the binding under google-re2's Python wrapper (``re2._re2``) itself: the wrapper
    encodes the text and builds a generator, sets and dictionaries on every call, several
    times the cost of the match on a paragraph. The loop of ``_matches`` is the wrapper's,
    empty matches included."""

    __slots__ = ("_groups", "_regexp", "_wrapper", "groupindex", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        try:
            self._wrapper = re2.compile(translate(pattern), _OPTIONS)
        except re2.error as error:
            reason = error.args[0] if error.args else ""
            raise PatternError(reason.decode("utf-8", "replace")
                               if isinstance(reason, bytes) else str(reason)) from None
        self._regexp = self._wrapper._regexp
        self._groups: int = self._wrapper.groups
        self.groupindex: dict[str, int] = dict(self._wrapper.groupindex)

    def __reduce__(self) -> tuple[type[Compiled], tuple[str]]:
        return Compiled, (self.pattern,)

    def _found(self, utf8: _Utf8, spans: list[tuple[int, int]], at: int, char: int,
               ) -> Matched:
        """The match of ``spans``, from a search that started at byte ``at``, code point
        ``char``."""
        (start, stop), names = spans[0], self.groupindex
        first = char + utf8.chars(at, start)
        return Matched(utf8, spans, first, first + utf8.chars(start, stop), names)

    def _first(self, anchor: Any, text: str, pos: int) -> Matched | None:
        utf8 = _utf8(text)
        char = max(0, min(pos, len(text))) if pos else 0
        at = utf8.byte_at(char) if char else 0
        spans = self._regexp.Match(anchor, utf8.data, at, len(utf8.data))
        return None if spans[0][0] < 0 else self._found(utf8, spans, at, char)

    def _matches(self, text: str, pos: int) -> Iterator[Matched]:
        utf8 = _utf8(text)
        char = max(0, min(pos, len(text)))
        at, end = utf8.byte_at(char), len(utf8.data)
        while True:
            spans = self._regexp.Match(_UNANCHORED, utf8.data, at, end)
            if spans[0][0] < 0:
                return
            found = self._found(utf8, spans, at, char)
            yield found
            if at == end:
                return
            stop = spans[0][1]
            if stop == at:  # empty, where the search started: one character on
                at, char = utf8.step(at, char), char + 1
            else:
                at, char = stop, found.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Matched | None:
        if endpos is not None and endpos < pos:
            return None  # as Python's
        return self._first(_UNANCHORED, _upto(text, endpos), pos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Matched | None:
        if endpos is not None and endpos < pos:
            return None
        return self._first(_AT_START, _upto(text, endpos), pos)

    def fullmatch(self, text: str) -> Matched | None:
        return self._first(_WHOLE, text, 0)

    def finditer(self, text: str, pos: int = 0) -> Iterator[Matched]:
        return self._matches(text, pos)

    def findall(self, text: str) -> list[Any]:
        if self._groups == 0:
            return [found.group() for found in self._matches(text, 0)]
        if self._groups == 1:
            return [found.group(1) or "" for found in self._matches(text, 0)]
        return [tuple(found.group(g) or "" for g in range(1, self._groups + 1))
                for found in self._matches(text, 0)]

    def sub(self, replacement: str | Callable[[Matched], str], text: str, count: int = 0) -> str:
        if isinstance(replacement, str) and "\\" in replacement:  # a template: \1, \g<name>
            return str(self._wrapper.sub(replacement, text, count))
        if count < 0:
            return text
        pieces, end = [], 0
        for number, found in enumerate(self._matches(text, 0), 1):
            pieces.append(text[end:found.start()])
            pieces.append(replacement if isinstance(replacement, str) else replacement(found))
            end = found.end()
            if number == count:
                break
        pieces.append(text[end:])
        return "".join(pieces)


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


class PatternSet:
    """Several patterns searched in one pass over a text: which of them match somewhere in it,
    so that a rule runs only those (most paragraphs match none of a rule's patterns)."""

    # RE2's set has no fallback when its automaton runs out of memory: it answers "no match".
    # A text of n bytes builds at most n + 1 states (each a few kilobytes), so a text up to
    # this length fits the budget below, and a longer one is searched pattern by pattern.
    _LONGEST = 4096
    _BUDGET = 64 << 20  # bytes; taken only as states are built

    __slots__ = ("_set", "everything")

    def __init__(self, patterns: tuple[str, ...]) -> None:
        options = re2.Options()
        options.log_errors, options.max_mem = False, self._BUDGET
        self._set = re2.Set.SearchSet(options)
        for pattern in patterns:
            self._set.Add(translate(pattern))
        self._set.Compile()
        self.everything = tuple(range(len(patterns)))

    def matching(self, text: str) -> tuple[int, ...] | list[int]:
        """The indexes of the patterns that match in ``text``, in order."""
        data = _utf8(text).data
        if len(data) > self._LONGEST:
            return self.everything
        return sorted(self._set.Match(data) or ())


@lru_cache(maxsize=256)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet:
    """``PatternSet(patterns)`` once per process (pack patterns, checked when it loads)."""
    return PatternSet(patterns)


def compile_linear(pattern: str) -> Compiled:
    """``pattern`` compiled by RE2 (matches and spans in code points, as Python's)."""
    return Compiled(pattern)


@lru_cache(maxsize=1024)
def cached_linear(pattern: str) -> Compiled:
    """``compile_linear(pattern)`` once per process: rule and data patterns are checked when
    their pack loads and then run on every report."""
    return Compiled(pattern)
