"""Generic text kinds: the input rules and regular-expression patterns over the prose."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import Finding, Kind, Param, regex, regexes_problem
from reportlint.facts.context import Context
from reportlint.parse.tree import Paragraph, TextBlock


def input_problem(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Reported by the readers (E001, E002); nothing to check on a parsed report."""
    return iter(())


def _text_blocks(ctx: Context) -> Iterator[TextBlock]:
    document = ctx.document
    if document.title:
        yield document.title
    yield from document.paragraphs
    for section in document.sections:
        yield Paragraph((section.heading.piece,))
    if document.signature:
        yield document.signature


def pattern(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    compiled = [regex(p) for p in params["patterns"]]
    for block in _text_blocks(ctx):
        text = block.text
        for compiled_regex in compiled:
            for found in compiled_regex.finditer(text):
                span = block.span_of(found.start(), found.end())
                yield Finding(span, params["message"].format(match=found.group(0)))


KINDS: dict[str, Kind] = {
    "input": Kind(input_problem, {}, "reported by the reader of the file type"),
    "pattern": Kind(pattern, {
        "patterns": Param((list,), help="regular expressions searched in the prose",
                          validate=regexes_problem),
        "message": Param((str,), help="the message; {match} is the text found",
                         placeholders=("match",)),
    }, "flags every match of a regular expression in the prose"),
}
