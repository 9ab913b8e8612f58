"""The two PDF engines, PDFium (default) and pdfminer.six, over every PDF fixture and real
report: the same diagnostics (code, line, column, page), and the same extracted text.

Where they could differ, the reader makes them agree, and these tests hold it there:
- a vertical-writing font (the 三、本年度办理结果 cell of the hzq2023 report): PDFium's loose
  character box leaves the text matrix out, so it came out 20 times too big and spilled into
  the next column; pdfminer's was right (the page as PDFium renders it has the text in the
  merged first column), and the PDFium engine now scales that box (read/pdfium.py);
- fonts that are not embedded (example.pdf: reportlab's STSong-Light): PDFium measures their
  glyphs with a font of the machine, so its reading depends on the fonts installed: with no
  CJK font it dropped one-character text objects (总计, the 人 of 自然人), with WenQuanYi it
  read them. pdfminer reads them from the file alone, which is right, so such a file goes to
  pdfminer (``test_text_in_a_font_of_the_machine_goes_to_pdfminer``).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from readerhelp import BAD, DOCUMENTS, REAL, RULES

from reportlint.check.engine import Selection, lint_bytes
from reportlint.model import Settings
from reportlint.read import PDF_ENGINES, read_bytes
from reportlint.read.pdfturn import Turn

pypdfium2 = pytest.importorskip("pypdfium2", reason="the PDFium engine needs pypdfium2")

PDFS = sorted([*DOCUMENTS.glob("*.pdf"), *BAD.glob("*.pdf"), *REAL.glob("*.pdf")])


def _diagnostics(path: Path, data: bytes, engine: str) -> list[tuple[str, int, int, int | None]]:
    report = lint_bytes(path.name, data, RULES, Selection(), Settings({"pdf-engine": engine}))
    return [(d.code, d.span.line, d.span.column, d.page) for d in report.diagnostics]


def _text(path: Path, data: bytes, engine: str) -> list[tuple[int | None, str]]:
    source = read_bytes(path.name, data, engine)
    assert source.origins is not None
    return [(o.page, line) for o, line in zip(source.origins, source.raw_lines, strict=True)]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_engines_give_the_same_diagnostics(path: Path) -> None:
    data = path.read_bytes()
    found = {engine: _diagnostics(path, data, engine) for engine in PDF_ENGINES}
    assert found["pdfium"] == found["pdfminer"]


@pytest.mark.parametrize("path", [*DOCUMENTS.glob("*.pdf"), *REAL.glob("*.pdf")],
                         ids=lambda p: p.name)
def test_both_engines_extract_the_same_text(path: Path) -> None:
    data = path.read_bytes()
    assert _text(path, data, "pdfium") == _text(path, data, "pdfminer")


@pytest.mark.parametrize("path", sorted(REAL.glob("*.pdf")), ids=lambda p: p.name)
def test_pdfium_reads_the_real_reports_itself(path: Path) -> None:
    """No fallback: the comparison above is between two engines, not pdfminer and itself."""
    from reportlint.read import pdfium

    pages = list(pdfium.pages(pdfium.open_document(path.read_bytes())))
    assert len(pages) >= 5 and all(glyphs for glyphs, *_ in pages)


def test_text_in_a_font_of_the_machine_goes_to_pdfminer() -> None:
    from reportlint.read import pdfium

    document = pdfium.open_document((DOCUMENTS / "example.pdf").read_bytes())
    with pytest.raises(pdfium.CannotOpen, match="not embedded"):
        list(pdfium.pages(document))


def _rotated(data: bytes, degrees: int) -> bytes:
    """The file with a ``/Rotate`` on every page, as a viewer saves a turned page."""
    document = pypdfium2.PdfDocument(data)
    for index in range(len(document)):
        document[index].set_rotation(degrees)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("degrees", [90, 180, 270])
@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_turned_real_report_reads_as_the_upright_one(degrees: int, engine: str) -> None:
    path = REAL / "govnianbao__szfgs2024.pdf"
    data = path.read_bytes()
    plain = _diagnostics(path, data, engine)
    assert plain  # the comparison says something
    assert _diagnostics(path, _rotated(data, degrees), engine) == plain


@pytest.mark.parametrize("degrees", [0, 90, 180, 270])
def test_a_turn_maps_the_media_box_onto_the_page(degrees: int) -> None:
    turn = Turn(degrees, 10, 20, 610, 820)
    corners = [turn.point(x, y) for x in (10, 610) for y in (20, 820)]
    width = 800 if degrees in (90, 270) else 600
    assert turn.height == (600 if degrees in (90, 270) else 800)
    assert sorted({round(x) for x, _ in corners}) == [0, width]
    assert sorted({round(y) for _, y in corners}) == [0, turn.height]
