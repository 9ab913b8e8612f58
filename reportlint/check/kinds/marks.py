"""Words that must not be in a published report, looked for in the title, in paragraphs that
are nothing but the word (``（征求意见稿）`` on a line of its own), and in the watermarks and
seals a PDF reader kept apart from the text (P709)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param, regex, regexes_problem
from reportlint.facts.context import Context
from reportlint.model import Mark, Related, Span
from reportlint.parse.tree import TextBlock


def _in_text(ctx: Context, params: Mapping[str, Any]) -> Iterator[tuple[TextBlock, str, str]]:
    """(block, match, where) for the title and for whole-paragraph matches."""
    title = ctx.document.title
    for pattern in params["title"]:
        if title is not None:
            yield from ((title, m.group(0), "标题") for m in regex(pattern).finditer(title.text))
    for paragraph in ctx.document.paragraphs:
        for pattern in params["paragraph"]:
            found = regex(pattern).fullmatch(paragraph.text.strip())
            if found:
                yield paragraph, found.group(0).strip(), "正文"


def _mark_span(ctx: Context, mark: Mark) -> Span:
    line = min(max(mark.line, 1), max(len(ctx.lines), 1))
    text = ctx.lines[line - 1] if ctx.lines else ""
    return Span.at_line(line, text)


def _in_marks(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    """One finding per word and kind of mark: on its first page, the other pages related."""
    seen: dict[tuple[str, str], list[Mark]] = {}
    for mark in ctx.marks:
        for pattern in params["marks"]:
            for found in regex(pattern).finditer(mark.text):
                seen.setdefault((mark.kind, found.group(0)), []).append(mark)
    for (kind, word), marks in seen.items():
        place = params["places"].get(kind, kind)
        first, *others = marks
        related = tuple(Related(_mark_span(ctx, m), _where(m, place)) for m in others)
        yield Finding(_mark_span(ctx, first), params["message"].format(
            match=word, where=_where(first, place)), related)


def _where(mark: Mark, place: str) -> str:
    page = f"第{mark.page}页" if mark.page is not None else ""
    return f"{page}{place}“{mark.text}”"


def marker(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for block, word, where in _in_text(ctx, params):
        start = block.text.find(word)
        yield Finding(block.span_of(start, start + len(word)),
                      params["message"].format(match=word, where=where))
    yield from _in_marks(ctx, params)


def _patterns(help_text: str) -> Param:
    return Param((list,), False, [], help_text, validate=regexes_problem)


KINDS: dict[str, Kind] = {
    "marker": Kind(marker, {
        "title": _patterns("regular expressions searched in the title"),
        "paragraph": _patterns("regular expressions a whole paragraph must match"),
        "marks": _patterns("regular expressions searched in watermarks and seals"),
        "places": Param((dict,), False, {}, "display names of the kinds of marks"),
        "message": MESSAGE,
    }, "a marker word in the title, as a paragraph of its own, or in a watermark or seal"),
}
