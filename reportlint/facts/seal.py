"""The issuer's name as an electronic seal gives it (a PDF seal's ring text, kept by the
reader as a mark): evidence beside the title and the 落款 for P704."""

from __future__ import annotations

from reportlint.common.linear import cached_linear
from reportlint.facts.context import Context
from reportlint.facts.issuer import IssuerName
from reportlint.parse.tree import Piece, TextBlock


def seal_name(ctx: Context, suffix: str) -> IssuerName | None:
    """The first seal's text without what names the seal rather than its owner (``suffix``,
    a regular expression of the rule, checked when it loads; on RE2), pointing at the first
    line of its page."""
    if not suffix:
        return None
    pattern = cached_linear(suffix)
    for mark in ctx.marks:
        if mark.kind != "seal":
            continue
        name = pattern.sub("", mark.text)
        if name:
            return IssuerName(name, TextBlock((Piece(mark.line, 1, name),)), 0)
    return None
