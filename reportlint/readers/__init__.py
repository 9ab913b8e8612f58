"""Readers: any input format → a :class:`~reportlint.model.Source` (text lines + source map).

Only the reader for a file type imports its library, and only when such a file is read, so a
``.txt`` run never pays for pdfminer. The registry maps a file suffix to a reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlint.errors import InputProblem
from reportlint.model import Source
from reportlint.readers.docx import read_docx, read_old_word
from reportlint.readers.html import read_html
from reportlint.readers.pdf import read_pdf
from reportlint.readers.text import read_text

__all__ = ["READERS", "InputProblem", "Reader", "read_bytes", "reader_for"]

Reader = Callable[[str, bytes], Source]


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".doc": read_old_word,
    ".wps": read_old_word,
}


def reader_for(path: str) -> Reader:
    return READERS.get(Path(path).suffix.lower(), read_text)


def is_report_file(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_bytes(display_path: str, data: bytes) -> Source:
    return reader_for(display_path)(display_path, data)
