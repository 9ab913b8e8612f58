"""PDFs as they are published (fixtures/documents/published/, made by
fixtures/make_published.py from the example): a diagonal watermark, an electronic seal over
the 落款, both, and pages turned by /Rotate. With either engine each reads as the example
does: the same text, the same diagnostics (one info, N303), plus P709 on page 1 where the
watermark says 征求意见稿; the watermark and the seal are kept as marks, page by page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from readerhelp import DOCUMENTS, RULES

from reportlint.check.engine import Selection, lint_bytes
from reportlint.model import Settings
from reportlint.read import PDF_ENGINES, read_bytes

PUBLISHED = DOCUMENTS / "published"
EXAMPLE = DOCUMENTS / "example.pdf"
SEAL = ("seal", "邵阳市商务局政务公开专用章", 3)
WATERMARKS = [("watermark", "征求意见稿", page) for page in (1, 2, 3)]
MARKS = {
    "example-watermark.pdf": WATERMARKS,
    "example-seal.pdf": [SEAL],
    "example-watermark-seal.pdf": [*WATERMARKS, SEAL],
    "example-rotated.pdf": [*WATERMARKS, SEAL],
    "example-watermark-seal-embedded.pdf": [*WATERMARKS, SEAL],
}
DRAFT = ("P709", 1, 1, 1)
CASES = [(name, engine) for name in MARKS for engine in PDF_ENGINES]


def _diagnostics(path: Path, engine: str) -> list[tuple[str, int, int, int | None]]:
    report = lint_bytes(path.name, path.read_bytes(), RULES, Selection(),
                        Settings({"pdf-engine": engine}))
    return [(d.code, d.span.line, d.span.column, d.page) for d in report.diagnostics]


@pytest.fixture(scope="module", params=PDF_ENGINES)
def example(request: pytest.FixtureRequest) -> list[tuple[str, int, int, int | None]]:
    return _diagnostics(EXAMPLE, request.param)


@pytest.mark.parametrize(("name", "engine"), CASES)
def test_decorations_add_nothing_but_the_draft_marker(name: str, engine: str) -> None:
    found = _diagnostics(PUBLISHED / name, engine)
    expected = [("N303", 30, 21, 1)]
    if any(kind == "watermark" for kind, _, _ in MARKS[name]):
        expected = [DRAFT, *expected]
    assert found == expected


@pytest.mark.parametrize(("name", "engine"), CASES)
def test_the_text_is_the_example_s(name: str, engine: str) -> None:
    decorated = read_bytes(name, (PUBLISHED / name).read_bytes(), engine)
    plain = read_bytes(EXAMPLE.name, EXAMPLE.read_bytes(), engine)
    if "embedded" in name:  # another font's widths: the lines wrap elsewhere
        assert "".join(decorated.raw_lines) == "".join(plain.raw_lines)
    else:
        assert decorated.raw_lines == plain.raw_lines


@pytest.mark.parametrize(("name", "engine"), CASES)
def test_watermark_and_seal_are_kept_with_their_page(name: str, engine: str) -> None:
    source = read_bytes(name, (PUBLISHED / name).read_bytes(), engine)
    assert [(m.kind, m.text, m.page) for m in source.marks] == MARKS[name]


def test_pdfium_reads_the_embedded_variant_itself() -> None:
    pytest.importorskip("pypdfium2", reason="the PDFium engine needs pypdfium2")
    from reportlint.read import pdf

    data = (PUBLISHED / "example-watermark-seal-embedded.pdf").read_bytes()
    assert pdf._pdfium_lines(data) is not None


def test_a_word_watermark_is_a_mark_and_a_draft_marker() -> None:
    """The example as Word with 征求意见稿 as its header watermark (a VML WordArt shape)."""
    path = PUBLISHED / "example-watermark.docx"
    plain = DOCUMENTS / "example.docx"
    source = read_bytes(path.name, path.read_bytes())
    assert [(m.kind, m.text, m.page) for m in source.marks] == [("watermark", "征求意见稿", None)]
    assert source.raw_lines == read_bytes(plain.name, plain.read_bytes()).raw_lines
    report = lint_bytes(path.name, path.read_bytes(), RULES, Selection(), Settings())
    found = [(d.code, d.span.line, d.span.column) for d in report.diagnostics]
    assert found == [("P709", 1, 1), ("N303", 14, 21)]


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_seal_of_another_body_is_an_inconsistent_issuer(
        engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seal as issuer evidence for P704 (rendered on the fly: the example sealed by
    邵阳市发展和改革委员会); the diagnostic points at the first line of the seal's page."""
    sys.path.insert(0, str(DOCUMENTS.parent))
    make_published = pytest.importorskip("make_published", reason="needs reportlab")
    monkeypatch.setattr(make_published, "SEAL", "邵阳市发展和改革委员会公章")
    data = make_published.render(False, True)
    report = lint_bytes("sealed.pdf", data, RULES, Selection(select=("P704",)),
                        Settings({"pdf-engine": engine}))
    assert [(d.code, d.span.line, d.span.column, d.page) for d in report.diagnostics] == [
        ("P704", 64, 1, 3)]


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_watermark_on_every_page_is_one_diagnostic_with_the_other_pages_related(
        engine: str) -> None:
    path = PUBLISHED / "example-watermark.pdf"
    report = lint_bytes(path.name, path.read_bytes(), RULES, Selection(select=("P709",)),
                        Settings({"pdf-engine": engine}))
    (draft,) = report.diagnostics
    assert (draft.span.line, draft.page) == (1, 1)
    assert [(r.span.line, r.page) for r in draft.related] == [(34, 2), (64, 3)]
