"""What setting watermarks and seals apart costs: the time of ``split_marks`` over every page
of a PDF, as a ratio to reading the whole file with the default engine (PDFium, or pdfminer
for a file PDFium hands over).

    python bench/marks.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reportlint.read import pdf, pdfium
from reportlint.read.pdfgeom import Glyph
from reportlint.read.pdfmarks import split_marks

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*(ROOT / "fixtures" / "documents" / "published").glob("*.pdf"),
                ROOT / "fixtures" / "documents" / "example.pdf",
                *(ROOT / "fixtures" / "real").glob("*.pdf")])


def _median_ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _glyph_pages(data: bytes) -> list[list[Glyph]]:
    """Every page's glyphs as the default engine gives them."""
    document = pdfium.open_document(data)
    try:
        return [page[0] for page in pdfium.pages(document)]
    except pdfium.CannotOpen:
        return [page[0] for page in pdf._pages(pdf._open(data))]
    finally:
        document.close()


def main() -> None:
    print(f"{'file':48} {'pages':>5} {'read ms':>8} {'split ms':>8} {'ratio':>6}")
    for path in FILES:
        data = path.read_bytes()
        pages = _glyph_pages(data)
        read = _median_ms(lambda data=data: pdf.extract_lines(data))  # type: ignore[misc]
        split = _median_ms(lambda pages=pages: [split_marks(p) for p in pages])  # type: ignore[misc]
        print(f"{path.name[:48]:48} {len(pages):5d} {read:8.1f} {split:8.2f} {split / read:6.1%}")


if __name__ == "__main__":
    main()
