"""Word files (``.docx``) with python-docx; ``.doc`` and ``.wps`` through LibreOffice.

The document is read as it will be once every tracked change is accepted, hidden text left
out (``docxreview``, ``docxbody``, ``docxtext``). Lines map to themselves in the extracted
text, and each names its place in words a user can find in Word: ``第12段`` or
``第3个表格第5行第2列``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
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
    size a part declares bounds what reading it gives (zipfile stops there), so a part that
    declares no more than the cap is safe, and one that declares more is refused unless its
    compressed data cannot hold that much: then the header lies (a damaged file that declares
    2 GB for 400 bytes of XML), and the part is inflated here, up to the cap, to know."""
    limit = current_limits().max_decompressed
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for info in package.infolist():
                if info.file_size > limit and _past_cap(package, info, limit):
                    raise too_costly(f"DOCX 部件 {printable(info.filename)} 解压后的大小（字节）",
                                     limit, "max-decompressed-bytes")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
            zlib.error):
        return  # reported as not a .docx by python-docx


_CHUNK = 1 << 20
_DEFLATE_MOST = 1032  # deflate never gives more bytes than this per compressed byte


def _past_cap(package: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bool:
    """For a part that declares more than ``limit`` bytes: whether it gives that much."""
    possible = {zipfile.ZIP_STORED: info.compress_size,
                zipfile.ZIP_DEFLATED: info.compress_size * _DEFLATE_MOST}.get(info.compress_type)
    if possible is not None and info.file_size <= possible:
        return True  # it can hold what it declares: refused without inflating
    return _inflates_past(package, info, limit)


def _inflates_past(package: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bool:
    """Whether the part gives more than ``limit`` bytes, read a chunk at a time."""
    given = 0
    with package.open(info) as part:
        while chunk := part.read(_CHUNK):
            given += len(chunk)
            if given > limit:
                return True
    return False


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
