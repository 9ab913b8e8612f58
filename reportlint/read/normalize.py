"""One-for-one character normalisation that keeps every column true.

NFKC is not used: it rewrites ``（一）`` to ``(一)`` and Chinese punctuation to ASCII, and
changes string lengths. Here each character maps to exactly one character.
"""

from __future__ import annotations

import re

_FULLWIDTH_ASCII = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ

_DASHES = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2212": "-",  # minus sign
    "\uff0d": "-",  # fullwidth hyphen-minus
    "\ufe63": "-",  # small hyphen-minus
}

_SPACES = {
    "\u00a0": " ",  # no-break space (&nbsp;)
    "\u2002": " ",  # en space
    "\u2003": " ",  # em space
    "\u2009": " ",  # thin space
    "\u200b": " ",  # zero-width space: kept as a column, shown as space
    "\u3000": " ",  # ideographic space
    "\ufeff": " ",  # stray BOM inside text
}

_OTHER = {
    "\uff0e": ".",  # fullwidth full stop, as in 1．
    "\uff0f": "/",
    "\uff05": "%",
    "\uff0b": "+",
    "\uff20": "@",
}

TABLE = str.maketrans({**_FULLWIDTH_ASCII, **_DASHES, **_SPACES, **_OTHER})


# str.translate looks every character up in TABLE (about 75 ns each for Chinese text); the
# pattern finds the few look-alikes a report holds in C, and only they are replaced.
_LOOKALIKE = re.compile("[" + re.escape("".join(chr(c) for c in TABLE)) + "]")


def _replaced(found: re.Match[str]) -> str:
    return str(TABLE[ord(found.group())])


def normalize(line: str) -> str:
    """Return ``line`` with look-alike characters replaced; ``len`` is unchanged (a whole text
    too: no line break is replaced)."""
    return _LOOKALIKE.sub(_replaced, line)
