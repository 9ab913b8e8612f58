"""Where a diagnostic is in a PDF or Word file, in words: the line and column of the extracted
text point inside a binary file that editors and GitHub cannot show, so the formats for them
(gcc, github, SARIF) also say the page and, for a Word table's cell, its table, row and column."""

from __future__ import annotations

from typing import Any

from reportlint.model import Diagnostic, Related


def place_suffix(found: Diagnostic | Related) -> str:
    """（第3页）（第6个表格第4行第2列）, or "" for a text or HTML file."""
    page = f"（第{found.page}页）" if found.page is not None else ""
    return page + (f"（{found.where}）" if found.where else "")


def place_properties(found: Diagnostic | Related) -> dict[str, Any]:
    """The same as a property bag: ``page`` and ``where`` when known."""
    return {key: value for key, value in (("page", found.page), ("where", found.where))
            if value is not None}
