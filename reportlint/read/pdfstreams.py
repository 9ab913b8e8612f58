"""The decompressed-size cap of PDF streams, checked on the file's bytes before PDFium opens it:
PDFium inflates streams in native code, where no cap of ours applies (a 1 GB Flate stream is a
few MB in the file). Every stream whose filters start with Flate, after optional ASCII hex or
ASCII85 encoding, is inflated once with its output counted and dropped; past the cap the file
is an E003 with the message of the pdfminer path (:mod:`reportlint.read.pdfbounds`).

A stream's end is where its data stops inflating, not its ``/Length`` or the next
``endstream``: either could be made to hide the rest of a stream from this count.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib

from reportlint.errors import InputProblem
from reportlint.read.limits import current_limits, too_costly

_STREAM = re.compile(rb"stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,400}\]|/[^\s/\[\]<>()]{1,40})")
_NAME = re.compile(rb"/([^\s/\[\]<>()]{1,40})")
_FLATE = {b"FlateDecode", b"Fl"}
_ASCII = {b"ASCIIHexDecode", b"AHx", b"ASCII85Decode", b"A85"}
_CHUNK = 1 << 16
_LOOK_BACK = 2048  # bytes before ``stream`` searched for the dictionary's /Filter


def pdf_stream_too_big() -> InputProblem:
    return too_costly("PDF 数据流解压后的大小（字节）", current_limits().max_decompressed,
                      "max-decompressed-bytes")


def _filters(dictionary: bytes) -> list[bytes]:
    """The filter names of the last /Filter before ``stream`` (in its dictionary)."""
    found = list(_FILTER.finditer(dictionary))
    return _NAME.findall(found[-1].group(1)) if found else []


def _ascii_decoded(data: bytes, start: int, name: bytes) -> bytes:
    """The bytes an ASCII filter gives, up to its end-of-data mark (``>`` or ``~>``)."""
    hexadecimal = name in (b"ASCIIHexDecode", b"AHx")
    end = data.find(b">" if hexadecimal else b"~>", start)
    text = data[start:end if end >= 0 else len(data)]
    try:
        if hexadecimal:
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", text)
            return binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        return base64.a85decode(re.sub(rb"\s", b"", text) + b"~>", adobe=True)
    except ValueError:
        return b""  # a broken encoding: PDFium stops at it too


def _inflated_size(data: bytes, start: int, limit: int) -> tuple[int, int]:
    """The bytes a Flate stream starting at ``data[start]`` inflates to (counting stops just
    past ``limit``; data that is not Flate counts what inflated before), and where it ends."""
    inflater = zlib.decompressobj()
    total = 0
    at = start
    while at < len(data) and not inflater.eof and total <= limit:
        pending = data[at:at + _CHUNK]
        at += len(pending)
        try:
            while pending and total <= limit and not inflater.eof:
                total += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail  # kept as it was once at the end
        except zlib.error:
            break
    return total, at - len(inflater.unused_data)


def _dictionary(data: bytes, stream: int) -> bytes:
    """The text before ``stream`` back to its object's ``obj`` (at most 2 KB)."""
    window = data[max(stream - _LOOK_BACK, 0):stream]
    header = window.rfind(b"obj")
    return window[header + 3:] if header >= 0 else window


def check_stream_sizes(data: bytes) -> None:
    """Raise E003 when a stream of this PDF would inflate past the cap. Each byte is
    inflated at most once: a ``stream`` inside data already counted is not a stream."""
    limit = current_limits().max_decompressed
    counted = 0
    for found in _STREAM.finditer(data):
        if found.start() < counted or data[found.start() - 3:found.start()] == b"end":
            continue  # inside a stream counted, or ``endstream``
        filters = _filters(_dictionary(data, found.start()))
        if not filters:
            continue
        body, start = data, found.end()
        if filters[0] in _ASCII and len(filters) > 1:
            body, start = _ascii_decoded(data, start, filters[0]), 0
            filters = filters[1:]
        if filters[0] not in _FLATE:
            continue
        size, end = _inflated_size(body, start, limit)
        if size > limit:
            raise pdf_stream_too_big()
        counted = end if body is data else found.end()
