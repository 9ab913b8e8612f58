"""A Word watermark: WordArt text in a page header (Design → Watermark in Word and WPS
writes a VML shape ``<v:shape><v:textpath string="…"/></v:shape>`` into the header). It is
not part of the report's text: kept as a :class:`~reportlint.model.Mark` (no page: a
header repeats on every page of its section)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.model import Mark

_VML = "{urn:schemas-microsoft-com:vml}"


def _headers(document: Any) -> Iterator[Any]:
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous:
                yield header


def watermarks(document: Any) -> tuple[Mark, ...]:
    """The text of every header watermark, once each."""
    found: dict[str, None] = {}
    for header in _headers(document):
        for path in header._element.iter(f"{_VML}textpath"):
            text = (path.get("string") or "").strip()
            if text:
                found[text] = None
    return tuple(Mark("watermark", text, None, 1) for text in found)
