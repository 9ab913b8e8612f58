"""Word files (``.docx``) with python-docx; ``.doc`` and ``.wps`` through LibreOffice.

The document is read as it will be once every tracked change is accepted, hidden text left
out (``docxreview``, ``docxbody``, ``docxtext``). Lines map to themselves in the extracted
text, and each names its place in words a user can find in Word: ``第12段`` or
``第3个表格第5行第2列``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from typing import Any

from reportlint.common.names import printable
from reportlint.errors import InputProblem
from reportlint.model import Source
from reportlint.read.build import make_source
from reportlint.read.docxmarks import watermarks
from reportlint.read.images import is_image_line
from reportlint.read.limits import current_limits, too_costly


def read_old_word(path: str, data: bytes) -> Source:
    """``.doc`` / ``.wps``: converted to DOCX by LibreOffice when it is installed."""
    from reportlint.read.legacyword import to_docx

    return read_docx(path, to_docx(path, data))


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
        raise InputProblem("E001", "不是有效的 .docx 文件（已损坏，或不是 Word 文档）") from error
    except Exception as error:  # lxml/zip errors inside a damaged package
        raise InputProblem("E001", "无法读取 .docx 文件：文件已损坏") from error


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


def read_docx(path: str, data: bytes) -> Source:
    from reportlint.read.docxreview import read_word

    document = _open(data)
    try:
        lines, problems = read_word(document)
    except Exception as error:  # malformed XML inside a package that opened
        raise InputProblem("E001", f"无法读取 .docx 文件内容：{error}") from error
    if not any(line.text.strip() and not is_image_line(line.text) for line in lines):
        raise InputProblem("E002", "Word 文件中没有文字（可能只有图片）")
    return replace(make_source(path, "docx", lines), problems=problems,
                   marks=watermarks(document))
