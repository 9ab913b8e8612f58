"""The PDF stream cap before PDFium opens a file (``reportlint.read.pdfstreams``): a stream
inflating past ``max-decompressed-bytes`` is found however its filters and length are written,
and the PDFs of the fixtures all pass."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from reportlint.errors import InputProblem
from reportlint.read.limits import Limits, limits_in_effect
from reportlint.read.pdfstreams import check_stream_sizes
from tests import hostile

MB = 1 << 20
DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def _e003(data: bytes, cap: int = 4 * MB) -> str:
    with limits_in_effect(Limits(max_decompressed=cap)), pytest.raises(InputProblem) as raised:
        check_stream_sizes(data)
    assert raised.value.code == "E003"
    return str(raised.value)


def test_a_flate_bomb() -> None:
    assert "max-decompressed-bytes" in _e003(hostile.pdf_flate_bomb(8))


def test_a_flate_bomb_under_ascii85() -> None:
    assert "max-decompressed-bytes" in _e003(hostile.pdf_wrapped_flate_bomb(8))


def test_a_length_that_lies_hides_nothing() -> None:
    assert "max-decompressed-bytes" in _e003(hostile.pdf_wrapped_flate_bomb(8, length=10))


def _stored_then_deflated(stored: bytes, deflated: bytes) -> bytes:
    """One zlib stream: a stored block (its bytes appear raw in the file), then ``deflated``."""
    block = b"\x00" + len(stored).to_bytes(2, "little") + (len(stored) ^ 0xFFFF).to_bytes(
        2, "little") + stored
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = raw.compress(deflated) + raw.flush()
    return b"\x78\x01" + block + body + zlib.adler32(stored + deflated).to_bytes(4, "big")


def test_endstream_inside_the_data_hides_nothing() -> None:
    """Stored deflate blocks carry any bytes: an ``endstream`` early in the data."""
    stream = _stored_then_deflated(b"\nendstream\nendobj\n", b" " * (8 * MB))
    assert zlib.decompress(stream) == b"\nendstream\nendobj\n" + b" " * (8 * MB)
    data = (b"%PDF-1.4\n4 0 obj\n<< /Length 20 /Filter /FlateDecode >>\nstream\n" + stream
            + b"\nendstream\nendobj\n")
    assert "max-decompressed-bytes" in _e003(data)


def test_a_stream_under_the_cap_passes() -> None:
    with limits_in_effect(Limits(max_decompressed=16 * MB)):
        check_stream_sizes(hostile.pdf_flate_bomb(8))


@pytest.mark.parametrize("path", sorted(DOCUMENTS.rglob("*.pdf")), ids=lambda p: p.name)
def test_the_fixtures_pass(path: Path) -> None:
    check_stream_sizes(path.read_bytes())


def test_streams_inside_a_stream_are_not_inflated_again() -> None:
    """Each byte is inflated once: 2,000 ``stream`` keywords inside one stream's data do not
    make 2,000 passes over it (a bound on the work, not a timing)."""
    marker = b"<< /Filter /FlateDecode >>\nstream\n"
    inner = zlib.compress(marker * 2000, 0)
    data = b"%PDF-1.4\n1 0 obj\n" + marker + inner + b"\nendstream\nendobj\n"
    calls = []
    original = zlib.decompressobj

    def counting() -> object:
        calls.append(1)
        return original()

    zlib.decompressobj = counting  # type: ignore[assignment]
    try:
        check_stream_sizes(data)
    finally:
        zlib.decompressobj = original
    assert len(calls) == 1
