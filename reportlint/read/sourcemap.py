"""Map positions in the text the grammar reads back to the file the user has."""

from __future__ import annotations

from dataclasses import replace

from reportlint.model import Diagnostic, Edit, Fix, LineOrigin, Related, Source, Span


def _point(origins: tuple[LineOrigin, ...], line: int, column: int) -> tuple[int, int]:
    if not 1 <= line <= len(origins):
        return line, column
    origin = origins[line - 1]
    if origin.char_columns:
        index = min(max(column - 1, 0), len(origin.char_columns) - 1)
        extra = max(column - 1 - index, 0)
        line = origin.char_lines[index] if origin.char_lines else origin.line
        return line, origin.char_columns[index] + extra
    return origin.line, origin.column + column - 1


def map_span(source: Source, span: Span) -> Span:
    if source.origins is None:
        return span
    line, column = _point(source.origins, span.line, span.column)
    end_line, end_column = _point(source.origins, span.end_line, span.end_column)
    if (end_line, end_column) < (line, column):
        end_line, end_column = line, column + 1
    return Span(line, column, end_line, end_column)


def page_of(source: Source, line: int) -> int | None:
    if source.origins is None or not 1 <= line <= len(source.origins):
        return None
    return source.origins[line - 1].page


def where_of(source: Source, line: int, column: int = 1) -> str | None:
    if source.origins is None or not 1 <= line <= len(source.origins):
        return None
    origin = source.origins[line - 1]
    if origin.cell_wheres:
        found = [where for start, where in origin.cell_wheres if start <= column]
        if found:
            return found[-1]
    return origin.where


def _map_related(source: Source, related: Related) -> Related:
    if related.path is not None:  # another file's place: already in that file's terms
        return related
    span = related.span
    return Related(map_span(source, span), related.message, page_of(source, span.line),
                   where_of(source, span.line, span.column))


def _map_edit(source: Source, edit: Edit) -> Edit | None:
    """The edit in the file's terms, when its span is still the same run of characters."""
    span = map_span(source, edit.span)
    same_run = (span.line == span.end_line
                and span.end_column - span.column == edit.span.end_column - edit.span.column)
    return Edit(span, edit.replacement, edit.original) if same_run else None


def map_fix(source: Source, fix: Fix | None) -> Fix | None:
    """A fix re-addressed to the original file; only text files are fixed (a PDF, Word or
    HTML file is not rewritten), and only when every edit maps to one run of characters."""
    if fix is None or source.kind != "text":
        return None
    edits = tuple(_map_edit(source, edit) for edit in fix.edits)
    if any(edit is None for edit in edits):
        return None
    return Fix(fix.title, tuple(e for e in edits if e is not None))


def to_source(source: Source, diagnostic: Diagnostic) -> Diagnostic:
    """Re-address a diagnostic computed on the text lines to the original file."""
    if source.origins is None:
        return replace(diagnostic, fix=map_fix(source, diagnostic.fix))
    line = diagnostic.span.line
    return replace(
        diagnostic,
        span=map_span(source, diagnostic.span),
        related=tuple(_map_related(source, r) for r in diagnostic.related),
        page=page_of(source, line),
        where=where_of(source, line, diagnostic.span.column),
        fix=map_fix(source, diagnostic.fix),
    )
