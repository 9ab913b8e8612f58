"""``reportlint extract``: the text a reader extracted, with the line numbers diagnostics use."""

from __future__ import annotations

from reportlint.model import Source


def extract_listing(source: Source) -> str:
    """Every extracted line as ``  12 | text``, with a ``=== 第N页 ===`` marker where a page
    starts and the cell or paragraph a DOCX line came from."""
    out: list[str] = []
    page: int | None = None
    width = len(str(len(source.raw_lines)))
    for index, text in enumerate(source.raw_lines):
        origin = source.origins[index] if source.origins else None
        if origin is not None and origin.page is not None and origin.page != page:
            page = origin.page
            out.append(f"=== 第{page}页 ===")
        number = origin.line if origin is not None and origin.page is None else index + 1
        suffix = f"    ({origin.where})" if origin is not None and origin.where else ""
        out.append(f"{number:>{width}} | {text}{suffix}")
    return "\n".join(out) + "\n"
