"""Row labels as real reports write them: group labels in front, wrapped fragments, typos."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from reportlint.tables.template import label_key

# Where a leaf label starts inside a longer label cell: a sub-item number (1. 1、 1． （1） 1）)
# or a bracketed numeral（一）. The rightmost one wins: "（四）无法提供 1.本机关…" → "1.本机关…".
_LEAF_START = re.compile(r"(?<![\d.])\d{1,2}\s*[.、．](?!\d)|[（(][一二三四五六七八九十][)）]"
                         r"|[（(]\d{1,2}[)）]|(?<![\d（(])\d{1,2}[)）]")
FRAGMENT_MIN = 0.6  # share of a label fragment's characters found in the canonical label
INEXACT_MIN = 0.6  # similarity above which a different label counts as a variant with typos


def leaf(label: str) -> str:
    starts = [m.start() for m in _LEAF_START.finditer(label)]
    return label[starts[-1]:] if starts else label


@lru_cache(maxsize=8192)  # labels repeat across rows, templates and reports
def row_key(label: str) -> str:
    return label_key(leaf(label))


def containment(fragment: str, canonical: str) -> float:
    """Share of ``fragment``'s characters that appear, in order, in ``canonical``."""
    if not fragment:
        return 0.0
    if fragment in canonical:
        return 1.0
    blocks = SequenceMatcher(None, fragment, canonical, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(fragment)


@lru_cache(maxsize=1024)
def _characters(text: str) -> frozenset[str]:
    return frozenset(text)


def contains_at_least(fragment: str, canonical: str, share: float) -> bool:
    """``containment(fragment, canonical) >= share``, told cheaply when the characters of
    ``fragment`` found anywhere in ``canonical`` are already too few (the matching blocks
    can only hold fewer): most labels compared are plainly other labels."""
    if fragment:
        present = _characters(canonical)
        if sum(map(present.__contains__, fragment)) / len(fragment) < share:
            return False
    return containment(fragment, canonical) >= share


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
