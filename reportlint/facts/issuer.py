"""Who issued the report, and whether that is a government or a department.

The name comes from the title (the words before the year), else from the 落款. The decision
rules (name patterns, in order) live in ``data/issuer.yaml``; a run setting ``issuer-kind``
overrides them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlint.common.linear import Compiled, cached_linear
from reportlint.facts.context import Context
from reportlint.model import Span
from reportlint.parse.dates import DATE, find_years
from reportlint.parse.tree import Document, Piece, TextBlock

_TRIM = " \t#*：:（）()"
# The regular expressions of ``data/issuer.yaml`` (checked when the pack loads; on RE2).
PATTERNS = ("name.strip_prefix", "rules[].pattern")


@dataclass(frozen=True)
class IssuerName:
    name: str
    block: TextBlock
    start: int  # offset of the name in the block's text

    @property
    def span(self) -> Span:
        return self.block.span_of(self.start, self.start + len(self.name))


@dataclass(frozen=True)
class IssuerKind:
    kind: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    pattern: Compiled
    kind: str
    reason: str


def _rules(data: Mapping[str, Any]) -> tuple[_Rule, ...]:
    return _compile_rules(tuple((r["pattern"], r["kind"], r["reason"]) for r in data["rules"]))


@lru_cache(maxsize=4)
def _compile_rules(raw: tuple[tuple[str, str, str], ...]) -> tuple[_Rule, ...]:
    return tuple(_Rule(cached_linear(p), k, r) for p, k, r in raw)


def _trimmed(block: TextBlock, start: int, end: int) -> IssuerName | None:
    text = block.text
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    name = text[start:end]
    return IssuerName(name, block, start) if name else None


def title_name(document: Document, data: Mapping[str, Any]) -> IssuerName | None:
    """The agency named in the title: the words before the report year."""
    return _name_in_title(document.title, data) if document.title is not None else None


def _name_in_title(title: TextBlock, data: Mapping[str, Any]) -> IssuerName | None:
    text = title.text
    years = sorted(find_years(text), key=lambda y: y[1])
    if not years:
        return None
    found = cached_linear(data["name"]["strip_prefix"]).match(text)
    begin = found.end() if found else 0
    _, year_start, year_end = years[0]
    before = _trimmed(title, begin, year_start)
    return before or _after_year(title, year_end, data)


def _after_year(title: TextBlock, year_end: int, data: Mapping[str, Any]) -> IssuerName | None:
    """The name in a title that puts the year first: between the year (年 or 年度) and the
    report's name."""
    text = title.text
    start = year_end + 1 if text[year_end:year_end + 1] == "度" else year_end
    end = text.find(data["name"]["end_before"], start)
    return _trimmed(title, start, end) if end > start else None


def signature_name(document: Document) -> IssuerName | None:
    """The agency in the 落款: its text before the date."""
    signature = document.signature
    if signature is None:
        return None
    date = DATE.search(signature.text)
    end = date.start() if date else len(signature.text)
    return _trimmed(signature, 0, end)


def issuer_name(document: Document, data: Mapping[str, Any]) -> IssuerName | None:
    return title_name(document, data) or signature_name(document)


def classify(name: str | None, data: Mapping[str, Any]) -> IssuerKind:
    if name:
        compact = re.sub(r"\s+", "", name)
        for rule in _rules(data):
            if rule.pattern.search(compact):
                return IssuerKind(rule.kind, (f"“{compact}”：{rule.reason}",))
    default = data["default"]
    shown = f"“{name}”：" if name else "未找到发布机关名称："
    return IssuerKind(default["kind"], (shown + default["reason"],))


def _decide(ctx: Context) -> IssuerKind:
    forced = ctx.settings.get("issuer-kind")
    if forced:
        return IssuerKind(str(forced), ("由命令行 --issuer-kind 或配置文件的 issuer-kind 指定",))
    found = issuer_name(ctx.document, ctx.data["issuer"])
    name = found.name if found else page_title_name(ctx) or _page_source(ctx)
    return classify(name, ctx.data["issuer"])


def _page_source(ctx: Context) -> str | None:
    """The page's 来源 (ContentSource): the issuer when neither report nor page title names it."""
    return next((f.value for f in ctx.page_facts if f.key == "source"), None)


def page_title_name(ctx: Context) -> str | None:
    """The agency in the page's title (标题：, ArticleTitle) when the report names none."""
    title = next((f.value for f in ctx.page_facts if f.key == "title"), None)
    if title is None:
        return None
    found = _name_in_title(TextBlock((Piece(1, 1, title),)), ctx.data["issuer"])
    return found.name if found else None


def issuer_kind(ctx: Context) -> IssuerKind:
    return ctx.derived("issuer_kind", _decide)


def deadline_of(ctx: Context, kind: str) -> str:
    """``"MM-DD"`` for the issuer kind: the run's ``deadlines`` setting, else the data."""
    configured = ctx.settings.get("deadlines") or {}
    if kind in configured:
        return str(configured[kind])
    return str(ctx.data["dates"]["deadlines"][kind])
