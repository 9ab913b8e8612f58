"""Hostile inputs built at test time (a bomb is small to build, huge to open): each is what
an attack on reportlint used, scaled to what a test can afford."""

from __future__ import annotations

import base64
import io
import zipfile
import zlib

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_declaring(data: bytes, part: str, size: int) -> bytes:
    """``data`` (a DOCX) with its central directory saying that ``part`` inflates to ``size``
    bytes: a damaged header, as a fuzzed file had (its data holds far less)."""
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + length] == name:
            return data[:at + 24] + size.to_bytes(4, "little") + data[at + 28:]
        at = data.find(b"PK\x01\x02", at + 4)
    raise ValueError(f"no part {part} in the central directory")


def docx_bomb(megabytes: int) -> bytes:
    """A DOCX whose document.xml inflates to ``megabytes`` MB (mostly spaces in one run)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode())
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write("一、概述</w:t></w:r></w:p></w:body></w:document>".encode())
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects, with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def _page_pdf(content: bytes, compressed: bool) -> bytes:
    stream = zlib.compress(content, 1) if compressed else content
    flate = b" /Filter /FlateDecode" if compressed else b""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_flate_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB of spaces."""
    return _page_pdf(b" " * (megabytes << 20), compressed=True)


def pdf_wrapped_flate_bomb(megabytes: int, length: int | None = None) -> bytes:
    """``pdf_flate_bomb`` with its Flate data ASCII85-encoded (/Filter [/A85 /Fl]), and a
    ``/Length`` of ``length`` (a lie, when given)."""
    stream = base64.a85encode(zlib.compress(b" " * (megabytes << 20), 1), adobe=True)[2:]
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter [/A85 /Fl] >>\nstream\n" % (length or len(stream))
        + stream + b"\nendstream",
    ])


def pdf_glyph_page(glyphs: int) -> bytes:
    """A one-page PDF showing ``glyphs`` characters."""
    text = b"x" * glyphs
    return _page_pdf(b"BT /F1 1 Tf 10 10 Td (" + text + b") Tj ET", compressed=False)


def html_span_bomb(rows: int = 60) -> bytes:
    """A small page of cells spanning 65534 rows and columns each."""
    cell = '<td colspan="65534" rowspan="65534">1</td>'
    body = "".join(f"<tr>{cell * 3}</tr>" for _ in range(rows))
    return f"<html><body><p>一、概述</p><table>{body}</table></body></html>".encode()


def regex_bomb_pack() -> dict[str, str]:
    """A rule pack (file name → text) whose pattern backtracks exponentially on a line of
    ``a`` ending in ``!``."""
    return {
        "pack.yaml": "name: hostile\ndescription: backtracking\n",
        "X901-backtrack.yaml": (
            "code: X901\nname: backtrack\nseverity: warning\ndescription: |\n  回溯\n"
            "kind: pattern\nparams:\n  patterns: ['(a+)+$']\n  message: 匹配“{match}”\n"),
    }


REGEX_BOMB_LINE = "a" * 30 + "!"
