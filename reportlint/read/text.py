"""Plain text and Markdown: decode the bytes, split lines, normalise.

Decoding order (measured, see ENGINEERING.md): BOM; BOM-less UTF-16 by its zero bytes;
strict UTF-8; strict GB18030 (never plain GBK, which fails on U+2002 and friends).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from reportlint.errors import InputProblem
from reportlint.model import Diagnostic, Severity, Source, Span
from reportlint.read.crawled import without_crawler_header
from reportlint.read.normalize import normalize

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text report; many of them mean binary junk.
_JUNK = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"} | {"\x7f", "\ufffd"}
_JUNK_PATTERN = re.compile("[" + re.escape("".join(sorted(_JUNK))) + "]")


def _bom_encoding(data: bytes) -> tuple[str, bytes] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _candidates(data: bytes) -> list[tuple[str, bytes]]:
    found = _bom_encoding(data)
    if found:
        return [found]
    utf16 = _utf16_without_bom(data)
    candidates = [(utf16, data)] if utf16 else []
    return [*candidates, ("utf-8", data), ("gb18030", data)]


_UNDECODABLE = "无法将文件解码为文本（尝试了 UTF-8、UTF-16、GB18030），可能不是文本文件"


def _reading(data: bytes) -> tuple[str, str, int] | None:
    """The text, the encoding it was read in and the length of the BOM, or None when no
    candidate reads ``data`` without replacing bytes."""
    for encoding, body in _candidates(data):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text, encoding, len(data) - len(body)
    return None


def decode(data: bytes) -> str:
    """Decode report bytes or raise :class:`InputProblem` (E001)."""
    found = _reading(data)
    if found is None:
        raise InputProblem("E001", _UNDECODABLE)
    return found[0]


def encoding_of(data: bytes) -> tuple[str, int] | None:
    """The encoding ``decode`` reads ``data`` in and the length of its BOM, or None when it
    cannot read it without replacing bytes (a fix then leaves the file alone)."""
    found = _reading(data)
    return None if found is None else (found[1], found[2])


def decode_lenient(data: bytes) -> tuple[str, str | None]:
    """The text and, when some bytes had to be replaced by U+FFFD, the encoding it was read
    in. A report with a few bad bytes (a line pasted from a file in another encoding) is
    still read, with the fewest replacements; binary junk is refused (E001) as before."""
    try:
        return decode(data), None
    except InputProblem:
        pass
    readings = [(body.decode(encoding, errors="replace"), encoding)
                for encoding, body in _candidates(data)]
    text, encoding = min(readings, key=lambda reading: reading[0].count("\ufffd"))
    if _looks_binary(text):
        raise InputProblem("E001", _UNDECODABLE)
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    junk = len(_JUNK_PATTERN.findall(sample))
    return "\x00" in sample or junk > max(2, len(sample) // 100)


def split_lines(text: str) -> tuple[str, ...]:
    """Split on CRLF, CR and LF only (not on the form feeds and separators str.splitlines takes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def source_from_text(path: str, text: str, kind: str = "text") -> Source:
    raw = split_lines(text)
    if not any(line.strip() for line in raw):
        raise InputProblem("E002", "文件没有可读的文本内容（空文件）")
    return Source(path=path, lines=split_lines(normalize(text)), raw_lines=raw, kind=kind)


def read_text(path: str, data: bytes) -> Source:
    text, replaced_in = decode_lenient(data)
    source = without_crawler_header(source_from_text(path, text))
    if replaced_in is None:
        return source
    return replace(source, problems=(bad_bytes_problem(source.raw_lines, replaced_in),))


def bad_bytes_problem(lines: tuple[str, ...], encoding: str) -> Diagnostic:
    """E001 at the first character that could not be decoded, naming how many there are."""
    count = sum(line.count("\ufffd") for line in lines)
    number, line = next((n, text) for n, text in enumerate(lines, start=1) if "\ufffd" in text)
    column = line.index("\ufffd") + 1
    message = (f"文件按 {encoding.upper()} 读取，有{count}处字节无法解码（显示为 \ufffd），"
               "可能混入了其他编码的文字：请另存为 UTF-8")
    return Diagnostic("E001", "input-unreadable", Severity.ERROR, message,
                      Span(number, column, number, column + 1))
