"""When the page that carries the report says it was published (``<meta name="PubDate">``,
a 发布时间： line, a crawler's header): the publication date D505–D507 use beside the 落款."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reportlint.facts.context import Context
from reportlint.model import PageFact

_ISO = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(frozen=True)
class Published:
    date: datetime.date
    fact: PageFact

    @property
    def text(self) -> str:
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"


def _date(text: str) -> datetime.date | None:
    found = _ISO.search(text)
    if found is None:
        return None
    try:
        return datetime.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _find(ctx: Context) -> Published | None:
    for fact in ctx.page_facts:
        if fact.key == "published":
            date = _date(fact.value)
            if date is not None:
                return Published(date, fact)
    return None


def published(ctx: Context) -> Published | None:
    """The page's publication date, the first that reads as a date (meta tags first)."""
    return ctx.derived("published", _find)


def page_title(ctx: Context) -> PageFact | None:
    return next((f for f in ctx.page_facts if f.key == "title"), None)
