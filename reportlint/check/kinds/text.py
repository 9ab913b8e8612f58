"""Generic text kinds: the input rules and regular-expression patterns over the prose."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import (
    Finding,
    Kind,
    Param,
    regex,
    regex_problem,
    regexes_problem,
)
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
    # B901/B902 compare the reports of a whole run with a register (``--expect``): the batch
    # run reports them; the YAML gives their messages and the name forms that match loosely.
    "register": Kind(input_problem, {
        "message": Param((str,), help="the message; placeholders as the rule documents"),
        "loose": Param((str,), required=False, default="",
                       help="appended when a unit matched only loosely"),
        "region": Param((str,), required=False, default="",
                        help="a regular expression for the region prefix a name may omit; with a "
                        "group named region, only the group is omitted (the rest is context)",
                        validate=regex_problem),
        "suffixes": Param((list,), required=False, default=[],
                          help="endings a name may omit (办公室 …)"),
    }, "reported by a batch run against a register of units (--expect)"),
    "pattern": Kind(pattern, {
        "patterns": Param((list,), help="regular expressions searched in the prose",
                          validate=regexes_problem),
        "message": Param((str,), help="the message; {match} is the text found",
                         placeholders=("match",)),
    }, "flags every match of a regular expression in the prose"),
}
