"""Glob matching in time linear in the path: the pattern runs as a set of positions over
the path, one character at a time (a backtracking regular expression took minutes on
``**/**/**/**/**/**/**/**/**/**/**/**/z`` against a deep path).

``*`` and ``?`` stay within a folder, ``**`` spans folders, ``**/`` is any number of
whole folders (none included)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def _tokens(pattern: str) -> tuple[str, ...]:
    tokens: list[str] = []
    index = 0
    while index < len(pattern):
        for token in ("**/", "**", "*", "?"):
            if pattern.startswith(token, index):
                break
        else:
            token = pattern[index]
        tokens.append(token)
        index += len(token)
    return tuple(tokens)


_WILD = ("**/", "**", "*", "?")


def _closure(tokens: tuple[str, ...], states: set[int]) -> set[int]:
    """The positions reachable without a character: past ``*``, ``**`` and ``**/`` taken
    zero times; ``-(i + 1)`` is the inside of the ``**/`` at ``i`` (folders being read)."""
    done = set(states)
    stack = [s for s in states if s >= 0]
    while stack:
        position = stack.pop()
        if position >= len(tokens) or tokens[position] not in ("**/", "**", "*"):
            continue
        reached = [position + 1]
        if tokens[position] == "**/":
            reached.append(-(position + 1))
        for state in reached:
            if state not in done:
                done.add(state)
                if state >= 0:
                    stack.append(state)
    return done


def _step(tokens: tuple[str, ...], states: set[int], ch: str) -> set[int]:
    moved: set[int] = set()
    for state in states:
        if state < 0:  # inside ``**/``: any character; a ``/`` may end it
            moved.add(state)
            if ch == "/":
                moved.add(-state)
            continue
        if state >= len(tokens):
            continue
        token = tokens[state]
        if token in ("*", "**") and (token == "**" or ch != "/"):
            moved.add(state)
        elif (token == "?" and ch != "/") or (token not in _WILD and token == ch):
            moved.add(state + 1)
    return _closure(tokens, moved)


def glob_match(pattern: str, text: str) -> bool:
    """Whether the whole of ``text`` matches ``pattern``."""
    tokens = _tokens(pattern)
    states = _closure(tokens, {0})
    for ch in text:
        states = _step(tokens, states, ch)
        if not states:
            return False
    return len(tokens) in states
