"""Caps on what one PDF may cost pdfminer (imported only with it): the decompressed size of
a stream (a 1 GB Flate stream is a few MB in the file) and the glyphs laid out on one page
(half a million glyphs took over a minute). Past a cap the reader raises E003."""

from __future__ import annotations

import zlib
from typing import Any

from pdfminer import pdftypes
from pdfminer.converter import PDFPageAggregator

from reportlint.read.limits import current_limits, too_costly
from reportlint.read.pdfstreams import pdf_stream_too_big as _decompress_too_big


class _BoundedDecompressor:
    """``zlib.decompressobj`` that stops past the cap (pdfminer's recovery path)."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        limit = current_limits().max_decompressed
        out = self._inner.decompress(data, limit - self._out + 1)
        self._out += len(out)
        if self._out > limit:
            raise _decompress_too_big()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class BoundedZlib:
    """What pdfminer's stream decoder sees as ``zlib``: output bounded by the cap."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        limit = current_limits().max_decompressed
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit:
            raise _decompress_too_big()
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # pdfminer then recovers
        return out

    @staticmethod
    def decompressobj() -> _BoundedDecompressor:
        return _BoundedDecompressor()


def install() -> None:
    """Bound pdfminer's stream decoding (idempotent)."""
    setattr(pdftypes, "zlib", BoundedZlib)  # noqa: B010 - a module attribute of another type


class BoundedAggregator(PDFPageAggregator):
    """The page aggregator, counting glyphs per page."""

    def __init__(self, manager: Any) -> None:
        super().__init__(manager, laparams=None)
        self._glyphs = 0
        self._page = 0

    def begin_page(self, page: Any, ctm: Any) -> None:
        self._glyphs = 0
        self._page += 1
        super().begin_page(page, ctm)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self._glyphs += 1
        limit = current_limits().max_page_glyphs
        if self._glyphs > limit:
            raise too_costly(f"第{self._page}页的字符数", limit, "max-page-glyphs",
                             page=self._page)
        width: float = super().render_char(*args, **kwargs)
        return width
