"""Word files (``.docx``) with python-docx; ``.doc`` and ``.wps`` are refused with advice.

Paragraphs and tables come in body order. A table row becomes one pipe line; a merged cell
(python-docx returns the same ``_tc`` for every grid position it covers) fills its first
position and leaves the others empty. Lines map to themselves in the extracted text, and each
names its place in words a user can find in Word: ``第12段`` or ``第3个表格第5行第2列``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from reportlint.common.names import printable
from reportlint.errors import InputProblem
from reportlint.model import Source
from reportlint.read.build import OutLine, make_source
from reportlint.read.limits import current_limits, too_costly
from reportlint.read.rows import join_pieces, pipe_row

if TYPE_CHECKING:
    from docx.table import Table

_OLD_FORMAT = "是旧的二进制 Word/WPS 格式，无法读取：请另存为 .docx 或 PDF 后再检查"


def read_old_word(path: str, data: bytes) -> Source:
    """``.doc`` / ``.wps``: the binary formats python-docx cannot read."""
    raise InputProblem("E001", f"{printable(path)} {_OLD_FORMAT}")


def _open(data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data:
        raise InputProblem("E002", "Word 文件为空")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: an old .doc renamed, or encrypted
        raise InputProblem("E001", "文件是旧的 .doc 格式或已加密，无法读取：请另存为 .docx 或 PDF")
    _check_sizes(data)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputProblem("E001", f"不是有效的 .docx 文件（{type(error).__name__}）") from error
    except Exception as error:  # lxml/zip errors inside a damaged package
        raise InputProblem("E001", f"无法读取 .docx 文件：{error}") from error


def _check_sizes(data: bytes) -> None:
    """E003 for a part that inflates past the cap (a 2 MB file can hold 2 GB of XML). The
    sizes the zip declares bound what reading gives: zipfile stops at the declared size."""
    limit = current_limits().max_decompressed
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            sizes = [(info.filename, info.file_size) for info in package.infolist()]
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # reported as not a .docx by python-docx
    for name, size in sizes:
        if size > limit:
            raise too_costly(f"DOCX 部件 {printable(name)} 解压后的大小（字节）", limit,
                             "max-decompressed-bytes")


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs and line breaks (and nested tables' text) joined, CJK-aware."""
    pieces = [piece for p in cell.paragraphs for piece in p.text.split("\n")]
    for inner in cell.tables:
        pieces.extend(c.text for row in inner.rows for c in row.cells)
    return join_pieces(pieces)


def _table_lines(table: Table, number: int) -> Iterator[OutLine]:
    # The <w:tc> elements themselves, not their id(): lxml keeps one proxy per element only
    # while a reference lives, so ids of dropped proxies are reused.
    seen: set[Any] = set()
    for r, row in enumerate(table.rows, start=1):
        cells: list[str] = []
        wheres: list[str] = []
        for c, cell in enumerate(row.cells, start=1):
            key = cell._tc
            cells.append("" if key in seen else _cell_text(cell))
            seen.add(key)
            wheres.append(f"第{number}个表格第{r}行第{c}列")
        piped = pipe_row(cells)
        yield OutLine(piped.text, where=f"第{number}个表格第{r}行",
                      cell_wheres=tuple(zip(piped.starts, wheres, strict=True)))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _blocks(element: Any, parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in body order, including those inside content controls
    (``<w:sdt>``), which python-docx's ``iter_inner_content`` passes over."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, parent)


def _body_lines(document: Any) -> Iterator[OutLine]:
    from docx.table import Table

    from reportlint.read.docxnumbering import Numbering

    numbering = Numbering(document)
    paragraphs = tables = 0
    for block in _blocks(document.element.body, document._body):
        if isinstance(block, Table):
            tables += 1
            yield from _table_lines(block, tables)
            continue
        # Tabs become two spaces: a tab-led line would read as a table cell in the text format.
        text = (numbering.label(block) + block.text).replace("\t", "  ")
        if not text.strip():
            continue  # empty paragraphs are not counted: 第N段 counts what the user can see
        paragraphs += 1
        for piece in text.split("\n"):  # a manual line break (Shift+Enter)
            if piece.strip():
                yield OutLine(piece.rstrip(), where=f"第{paragraphs}段")


def read_docx(path: str, data: bytes) -> Source:
    document = _open(data)
    try:
        lines = list(_body_lines(document))
    except Exception as error:  # malformed XML inside a package that opened
        raise InputProblem("E001", f"无法读取 .docx 文件内容：{error}") from error
    if not any(line.text.strip() for line in lines):
        raise InputProblem("E002", "Word 文件中没有文字（可能只有图片）")
    return make_source(path, "docx", lines)
