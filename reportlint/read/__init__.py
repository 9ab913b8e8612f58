"""Read: the bytes of a file → a :class:`~reportlint.model.Source` (text lines + source map).

``sniff`` tells the real type of a file; one reader per type (``text`` with ``crawled`` for a
crawler's header, ``pdf`` with ``pdfgeom``, ``html`` with ``htmldoc``/``htmlpage`` (the report's
element and the page's metadata)/``htmlrender``, ``docx``) renders it as lines, tables as
pipe rows (``rows``), through ``build`` and ``normalize``; ``sourcemap`` maps a span in those
lines back to the file (line, column, page, cell); ``extract`` lists them for ``reportlint
extract``. Only the reader for a file type imports its library, and only when such a file
is read, so a ``.txt`` run never pays for pdfminer. The registry maps a suffix to a reader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from reportlint.errors import InputProblem
from reportlint.model import Source
from reportlint.read.text import read_text

__all__ = ["PDF_ENGINES", "READERS", "InputProblem", "Reader", "read_bytes", "reader_for"]

Reader = Callable[[str, bytes], Source]
# PDFium (pypdfium2) by default; pdfminer.six also reads what PDFium cannot (read/pdf.py)
PDF_ENGINES = ("pdfium", "pdfminer")


def _lazy(module: str, name: str) -> Reader:
    """A reader whose module is imported when a file of its type is first read: start-up
    pays only for the text reader."""

    def read(path: str, data: bytes) -> Source:
        reader: Reader = getattr(importlib.import_module(module), name)
        return reader(path, data)

    return read


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".pdf": _lazy("reportlint.read.pdf", "read_pdf"),
    ".html": _lazy("reportlint.read.html", "read_html"),
    ".htm": _lazy("reportlint.read.html", "read_html"),
    ".shtml": _lazy("reportlint.read.html", "read_html"),  # how many CMS sites name pages
    ".docx": _lazy("reportlint.read.docx", "read_docx"),
    ".doc": _lazy("reportlint.read.docx", "read_old_word"),
    ".wps": _lazy("reportlint.read.docx", "read_old_word"),
}


# Suffixes of text formats: bytes that are clearly a PDF or a Word file under one of these
# names are read as what they are (a download saved under the wrong name).
_MARKUP = frozenset({".txt", ".md", ".html", ".htm", ".shtml"})


def reader_for(path: str) -> Reader:
    return READERS.get(Path(path).suffix.lower(), read_text)


def is_report_file(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_bytes(display_path: str, data: bytes, pdf_engine: str = PDF_ENGINES[0]) -> Source:
    from reportlint.read.sniff import binary_suffix, sniffed_suffix

    suffix = Path(display_path).suffix.lower()
    if suffix not in READERS:  # standard input, no suffix: the bytes tell the type
        suffix = sniffed_suffix(data) or ".txt"
    elif suffix in _MARKUP:  # a PDF or Word file saved as .txt or .html is still one
        suffix = binary_suffix(data) or suffix
    try:
        if suffix == ".pdf" and pdf_engine != PDF_ENGINES[0]:
            from reportlint.read.pdf import read_pdf

            return read_pdf(display_path, data, pdf_engine)
        return READERS[suffix](display_path, data)
    except InputProblem as problem:
        if isinstance(problem.__cause__, MemoryError):  # out of memory: the budget's E003
            raise problem.__cause__ from None
        raise
    except MemoryError:
        raise
    except Exception as error:  # a reader failing on an odd file: E001, never a traceback
        raise InputProblem("E001", "读取文件时出错：文件可能已损坏") from error
