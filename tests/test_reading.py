"""Reading text: encodings, line ends, normalisation that keeps columns true."""

from __future__ import annotations

import pytest
from helpers import EXAMPLE, example_text

from reportlint.errors import InputProblem
from reportlint.read.normalize import normalize
from reportlint.read.text import decode, read_text

TEXT = example_text()


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("gb18030"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "gb18030", "crlf"],
)
def test_every_encoding_reads_the_same_lines(encoded: bytes) -> None:
    assert read_text("r.txt", encoded).raw_lines == read_text("r.txt", TEXT.encode()).raw_lines


def test_gb18030_is_used_not_gbk() -> None:
    # The example holds U+2002 (EN SPACE), which GBK cannot encode.
    with pytest.raises(UnicodeEncodeError):
        TEXT.encode("gbk")
    assert decode(TEXT.encode("gb18030")) == TEXT


def test_utf16_without_bom_is_detected() -> None:
    assert decode(TEXT.encode("utf-16-le")) == TEXT


def test_binary_is_e001() -> None:
    with pytest.raises(InputProblem) as problem:
        read_text("x.txt", bytes(range(256)) * 4)
    assert problem.value.code == "E001"


def test_empty_is_e002() -> None:
    with pytest.raises(InputProblem) as problem:
        read_text("x.txt", b"")
    assert problem.value.code == "E002"


def test_normalisation_is_one_for_one() -> None:
    text = "（一）１２３－４\u3000\u00a0\u2002ＡＢｃ—１．５"
    assert normalize(text) == "（一）123-4   ABc—1.5"
    assert len(normalize(text)) == len(text)


def test_example_lines_keep_their_length() -> None:
    source = read_text(str(EXAMPLE), EXAMPLE.read_bytes())
    assert [len(a) for a in source.lines] == [len(b) for b in source.raw_lines]
