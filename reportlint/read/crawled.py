"""Text saved by a web crawler: a header of ``key: value`` lines (标题, 发布时间, 来源, 原文链接
…) closed by a ``==== 正文 ====`` line, then the report. The header is the page's metadata,
not the report: its lines are kept out of the linted text (line numbers are unchanged) and
what they say is kept as page facts."""

from __future__ import annotations

import re
from dataclasses import replace

from reportlint.model import PageFact, Source

_BODY_MARK = re.compile(r"^\s*=+\s*正\s*文\s*=+\s*$")
_FIELD = re.compile(r"^\s*([^\s:：]{1,6})\s*[:：]\s*(.*?)\s*$")
_HEADER_MAX = 30  # lines: a header is a few lines at the very top
# Header keys → page-fact keys.
_KEYS = {"标题": "title", "发布时间": "published", "发布日期": "published", "时间": "published",
         "日期": "published", "来源": "source", "发布机构": "source", "信息来源": "source"}


def _marker(lines: tuple[str, ...]) -> int | None:
    return next((i for i, line in enumerate(lines[:_HEADER_MAX]) if _BODY_MARK.match(line)),
                None)


def _facts(lines: tuple[str, ...]) -> tuple[PageFact, ...]:
    facts = []
    for number, line in enumerate(lines, 1):
        found = _FIELD.match(line)
        key = _KEYS.get(found.group(1)) if found else None
        if found and key and found.group(2):
            facts.append(PageFact(key, found.group(2), f"{found.group(1)}：", number))
    return tuple(facts)


def without_crawler_header(source: Source) -> Source:
    """``source`` with a crawler's header blanked out and read as page facts (unchanged when
    it has none: the header must end in a 正文 line and hold at least one known key)."""
    end = _marker(source.raw_lines)
    if end is None:
        return source
    facts = _facts(source.raw_lines[:end])
    if not facts:
        return source
    blank = ("",) * (end + 1)
    return replace(source, lines=blank + source.lines[end + 1:],
                   raw_lines=blank + source.raw_lines[end + 1:],
                   display_lines=source.shown_lines, page_facts=facts)
