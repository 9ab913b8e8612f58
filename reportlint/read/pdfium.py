"""The default PDF engine: PDFium through pypdfium2 (imported only when a PDF is read).

PDFium interprets a page in native code; this module only asks it, page by page, for the
characters (text, box, matrix) and the painted paths, and hands them to
:mod:`reportlint.read.pdfgeom` as the same :class:`Glyph` and :class:`Segment` records the
pdfminer engine makes, in the same coordinates: pdfminer's (the page turned by its
``/Rotate`` and moved so that its media box starts at 0, 0). The per-character calls go to
pypdfium2's raw ctypes bindings: its object helpers cost more than the page itself.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportlint.read.limits import current_limits, too_costly
from reportlint.read.pdfgeom import Block, Glyph, Segment, picture_blocks
from reportlint.read.pdfiumobjects import page_segments
from reportlint.read.pdfmarks import LEVEL
from reportlint.read.pdfturn import Matrix, Turn, angle_of, best_turn, is_upright, turn_of

UNDECODABLE = "\ufffd"  # a character whose font has no Unicode map (pdfminer: ``(cid:N)``)
_EXTRACT = 0x10  # the permission bit that allows copying text out (PDF 32000-1, table 22)

# PDFium is not thread-safe: one document at a time in a process (threads wait; processes
# each have their own PDFium).
LOCK = threading.Lock()
# glyphs, rules, height, sideways, marker lines of images
PageRead = tuple[list[Glyph], list[Segment], float, int, list[Block]]


class CannotOpen(Exception):
    """PDFium cannot open the file or read all of its text: the pdfminer engine reads it
    instead (and says what is wrong with a damaged or locked file)."""


def open_document(data: bytes) -> Any:
    try:
        import pypdfium2
    except ImportError as error:  # a platform without its wheel: pdfminer reads every PDF
        raise CannotOpen(str(error)) from error
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise CannotOpen(str(error)) from error


def text_locked(document: Any) -> bool:
    """Encrypted with copying text out not allowed (as pdfminer's ``is_extractable``)."""
    import pypdfium2.raw as raw

    encrypted = raw.FPDF_GetSecurityHandlerRevision(document.raw) != -1
    return encrypted and not raw.FPDF_GetDocPermissions(document.raw) & _EXTRACT


def pages(document: Any) -> Iterator[PageRead]:
    """Every page's glyphs and rules, one page at a time. A page PDFium cannot load, or
    would read with a font of this machine, raises :class:`CannotOpen`: the whole file goes
    to pdfminer."""
    import pypdfium2

    for index in range(len(document)):
        try:
            page = document[index]
        except pypdfium2.PdfiumError as error:
            raise CannotOpen(str(error)) from error
        try:
            read = read_page(page, index + 1)
        except pypdfium2.PdfiumError as error:  # its text page or objects cannot be had
            raise CannotOpen(str(error)) from error
        finally:
            page.close()
        yield read


def read_page(page: Any, number: int | None = None) -> PageRead:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        chars = _chars(raw, textpage.raw, number)
    finally:
        textpage.close()
    turn = best_turn(page.get_rotation(), page.get_mediabox(), [c.matrix for c in chars])
    segments, pictures, machine_font = page_segments(raw, page.raw, turn)
    if machine_font:
        raise CannotOpen("text in a font that is not embedded: PDFium would measure it with "
                         "a font of this machine")
    glyphs, sideways = _glyphs(chars, turn)
    images = picture_blocks(pictures, glyphs, turn.width, turn.height)
    return glyphs, segments, turn.height, sideways, images


@dataclass(frozen=True)
class _Char:
    """A character as PDFium gives it, in the page's user space: ``box`` is its loose box
    (left, bottom, right, top: the advance across, the font's ascent and descent up and
    down), ``origin`` where it stands, ``size`` the font size before ``matrix`` (a, b, c, d)."""

    text: str
    box: tuple[float, float, float, float]
    origin: tuple[float, float]
    matrix: Matrix
    size: float


def _chars(raw: Any, textpage: Any, number: int | None = None) -> list[_Char]:
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    limit = current_limits().max_page_glyphs
    if count > limit:  # as pdfminer's reader: half a million glyphs took over a minute
        raise too_costly(f"第{number}页的字符数" if number else "页面的字符数", limit,
                         "max-page-glyphs", number)
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", "replace")
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    out: list[_Char] = []
    for index, char in enumerate(text):
        if char == "\x00":
            char = UNDECODABLE
        elif not char.strip():
            continue  # spaces and the line ends PDFium adds between text runs
        raw.FPDFText_GetLooseCharBox(textpage, index, rect)
        raw.FPDFText_GetMatrix(textpage, index, matrix)
        raw.FPDFText_GetCharOrigin(textpage, index, x, y)
        out.append(_Char(char, (rect.left, rect.bottom, rect.right, rect.top),
                         (x.value, y.value), (matrix.a, matrix.b, matrix.c, matrix.d),
                         raw.FPDFText_GetFontSize(textpage, index)))
    return out


def _box(char: _Char) -> tuple[float, float, float, float, float]:
    """The character's box as pdfminer makes it (x0, y0, x1, y1 in user space) and its size:
    the advance across, one font size up from the font's descent. PDFium's loose box has the
    advance and the descent, but for vertical writing it leaves the text matrix out (the box
    is one font size wide before the matrix): that box is scaled here."""
    a, b, c, d = char.matrix
    across, up = (a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5
    size = char.size * up
    left, bottom, right, top = char.box
    ox, oy = char.origin
    unscaled = abs(across - 1) > 1e-3 and abs((right - left) - char.size) < 1e-3 * char.size
    if unscaled:  # vertical writing (pdfminer: one font size wide, the advance high)
        left, right = ox + (left - ox) * across, ox + (right - ox) * across
        bottom, top = oy + (bottom - oy) * up, oy + (top - oy) * up
        return left, bottom, right, top, right - left
    descent = (bottom - oy) / (top - bottom) if top > bottom else 0.0
    return left, oy + descent * size, right, oy + (descent + 1) * size, size


def _glyphs(chars: list[_Char], turn: Turn) -> tuple[list[Glyph], int]:
    glyphs: list[Glyph] = []
    sideways = 0
    for char in chars:
        matrix = turn_of(char.matrix, turn)
        angle = angle_of(matrix)
        if not is_upright(matrix):
            sideways += 1
        if abs(angle) < LEVEL:
            left, bottom, right, top, size = _box(char)
        else:  # turned text (a watermark, a seal): PDFium's box already holds the turn
            left, bottom, right, top = char.box
            size = char.size * (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
        x0, y0, x1, y1 = turn.box(left, bottom, right, top)
        glyphs.append(Glyph(char.text, x0, x1, y0, y1, size, angle))
    return glyphs, sideways
