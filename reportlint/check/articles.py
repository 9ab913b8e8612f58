"""A split article in a folder (``index.html``, ``index_1.html`` … linking to each other as one
article's pages) is linted as one report; each diagnostic goes to the part its place is in.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from reportlint.check.packs import RuleSet
from reportlint.check.selection import Selection
from reportlint.errors import InputProblem
from reportlint.model import Diagnostic, FileReport, Related, Settings, Span
from reportlint.read.html import parts_in
from reportlint.read.htmljoin import Joined, join_parts

_MAX_PARTS = 100


def article_parts(first: str, read: Callable[[str], bytes],
                  names: Collection[str]) -> tuple[str, ...] | None:
    """The names of the article's parts, in order, when ``first`` is the first page of a split
    article and every other page is among ``names`` (beside it); otherwise None. A pager that
    shows only the next few pages is followed from part to part."""
    parts = parts_in(first, read(first))
    folder = posixpath.dirname(first.replace("\\", "/"))
    own = posixpath.basename(first.replace("\\", "/"))
    if parts is None or parts.current not in (0, None) or parts.files[0] != own:
        return None
    normalised = {n.replace("\\", "/") for n in names}
    files = list(parts.files)
    for index in range(1, _MAX_PARTS):
        if index >= len(files):
            break
        path = posixpath.join(folder, files[index]) if folder else files[index]
        if path not in normalised:
            return None
        more = parts_in(path, read(path))
        if more is not None and more.files[0] == own and len(more.files) > len(files):
            files = list(more.files)
    return tuple(posixpath.join(folder, f) if folder else f for f in files)


def _in_part(joined: Joined, span: Span) -> tuple[int, Span]:
    index, line = joined.part_at(span.line)
    end_index, end_line = joined.part_at(span.end_line)
    if end_index != index:
        return index, Span(line, span.column, line, span.column + 1)
    return index, Span(line, span.column, end_line, span.end_column)


def _related(joined: Joined, home: int, related: Related) -> Related:
    index, span = _in_part(joined, related.span)
    if index == home:
        return replace(related, span=span)
    name = posixpath.basename(joined.paths[index])
    return replace(related, span=span, message=f"{name}第{span.line}行：{related.message}")


def _placed(joined: Joined, diagnostic: Diagnostic) -> tuple[int, Diagnostic]:
    index, span = _in_part(joined, diagnostic.span)
    related = tuple(_related(joined, index, r) for r in diagnostic.related)
    return index, replace(diagnostic, span=span, related=related)


def lint_article(parts: Sequence[tuple[str, bytes]], rules: RuleSet, selection: Selection,
                 settings: Settings) -> list[FileReport]:
    """One report per part, with the diagnostics of the joined article that fall in it."""
    from reportlint.check.engine import check_source  # not for finding the parts (start-up)

    try:
        joined = join_parts(parts)
    except InputProblem:
        return []  # a part that cannot be read: the parts are linted one by one instead
    return article_reports(joined, check_source(joined.source, rules, selection, settings))


def article_reports(joined: Joined, diagnostics: Iterable[Diagnostic]) -> list[FileReport]:
    """The joined article's diagnostics, each in the report of the part its place is in."""
    found: list[list[Diagnostic]] = [[] for _ in joined.paths]
    for diagnostic in diagnostics:
        index, placed = _placed(joined, diagnostic)
        found[index].append(placed)
    return [FileReport(path, tuple(sorted(ds, key=lambda d: d.sort_key)), shown)
            for path, ds, shown in zip(joined.paths, found, joined.shown, strict=True)]
