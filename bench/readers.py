"""Reader speed and memory: PDF pages per second, HTML and DOCX time per report, peak memory
for a 50-page PDF, and the HTML parser comparison behind the choice of html.parser.

    python bench/readers.py            # needs the test extra (reportlab) for the 50-page PDF

Targets: at most 10 ms per PDF page in process on the real reports with the default engine
(PDFium; issue 16), at most 100 MB for 50 pages (issue 5).
"""

from __future__ import annotations

import gc
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "documents"
REAL = ROOT / "fixtures" / "real"
sys.path.insert(0, str(ROOT / "fixtures"))


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _pages(data: bytes) -> int:
    from reportlint.read.pdf import read_pdf

    source = read_pdf("x.pdf", data)
    assert source.origins is not None
    return max(o.page or 0 for o in source.origins)


def _pdfium_floor(data: bytes) -> None:
    """What asking PDFium costs at the least: every page loaded, its characters with their
    boxes, the type and bounds of every page object (no geometry, no Python records)."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as raw

    document = pypdfium2.PdfDocument(data)
    rect = raw.FS_RECTF()
    bounds = [ctypes.c_float() for _ in range(4)]
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        for char in range(raw.FPDFText_CountChars(textpage.raw)):
            raw.FPDFText_GetLooseCharBox(textpage.raw, char, rect)
        for item in range(raw.FPDFPage_CountObjects(page.raw)):
            handle = raw.FPDFPage_GetObject(page.raw, item)
            raw.FPDFPageObj_GetType(handle)
            raw.FPDFPageObj_GetBounds(handle, *bounds)
        textpage.close()
        page.close()


def _pdftotext_ms(path: Path, repeat: int) -> float | None:
    """pdftotext -layout (poppler, native) on the file, as a whole command; None without it."""
    import shutil

    if shutil.which("pdftotext") is None:
        return None
    command = ["pdftotext", "-layout", str(path), "-"]
    return _median_ms(lambda: subprocess.run(command, capture_output=True, check=True), repeat)


def bench_pdf() -> None:
    from reportlint.read.pdf import read_pdf

    print("PDF, ms per page (median of 7 runs; floor: PDFium's characters, boxes and objects "
          "alone, in the same run)")
    print(f"  {'file':<38} {'pages':>5} {'pdfium':>7} {'pdfminer':>9} {'floor':>6} "
          f"{'pdfium/floor':>12} {'pdfminer/pdfium':>15} {'pdftotext':>9}")
    ratios: list[float] = []
    for path in [DOCS / "example.pdf", *sorted(REAL.glob("*.pdf"))]:
        data = path.read_bytes()
        pages = _pages(data)
        fast = _median_ms(lambda d=data: read_pdf("x.pdf", d, "pdfium"), 7) / pages
        slow = _median_ms(lambda d=data: read_pdf("x.pdf", d, "pdfminer"), 3) / pages
        floor = _median_ms(lambda d=data: _pdfium_floor(d), 7) / pages
        native = _pdftotext_ms(path, 7)
        shown = f"{native / pages:9.1f}" if native is not None else "        -"
        print(f"  {path.name[:38]:<38} {pages:>5} {fast:7.1f} {slow:9.1f} {floor:6.1f} "
              f"{fast / floor:12.1f} {slow / fast:15.1f} {shown}")
        if path.parent == REAL:
            ratios.append(fast / floor)
    print(f"  real reports: pdfium engine at {statistics.median(ratios):.1f}x its floor "
          "(example.pdf: fonts not embedded, so pdfminer reads it under either engine)")


def bench_laparams() -> None:
    """The cost of pdfminer's own layout analysis, which the reader skips (laparams=None)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    def run(data: bytes, laparams: LAParams | None) -> None:
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=laparams)
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.get_pages(io.BytesIO(data)):
            interpreter.process_page(page)
            device.get_result()

    choices = {"no layout analysis (used)": None,
               "LAParams(char_margin=1.0, boxes_flow=None)": LAParams(char_margin=1.0,
                                                                      boxes_flow=None),
               "LAParams() default": LAParams()}
    print("pdfminer interpretation only, ms/page over the real reports (median of 3)")
    paths = sorted(REAL.glob("*.pdf"))
    for name, laparams in choices.items():
        per_page = []
        for path in paths:
            data = path.read_bytes()
            per_page.append(_median_ms(lambda d=data, p=laparams: run(d, p), 3) / _pages(data))
        print(f"  {name:<44} {statistics.median(per_page):5.1f} ms/page")


def big_pdf(path: Path) -> int:
    import make_documents

    blocks = make_documents.parse_example((ROOT / "fixtures" / "example.txt").read_text("utf-8"))
    copies = 17  # the example's pages, repeated until there are at least 50
    while True:
        data = make_documents.render_pdf(blocks * copies)
        pages = _pages(data)
        if pages >= 50:
            path.write_bytes(data)
            return pages
        copies += 1


# A fresh process; VmHWM (peak RSS) from /proc, since ru_maxrss of a forked child starts from
# the parent's peak on Linux.
_MEMORY_PROBE = """
import re, sys, time
from reportlint.read import pdf
import pdfminer.converter, pdfminer.pdfinterp, pdfminer.pdfpage, pypdfium2

def peak():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024

data = open(sys.argv[1], "rb").read()
before = peak()
start = time.perf_counter()
source = pdf.read_pdf("big.pdf", data, sys.argv[2])
elapsed = time.perf_counter() - start
print(before, peak(), elapsed, len(source.lines))
"""


def real_pdf(path: Path, pages: int) -> int:
    """The real reports, one after another until there are at least ``pages`` pages: fonts
    embedded, so PDFium reads it (the example's are not: pdfminer reads that under both)."""
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    sources = [pypdfium2.PdfDocument(p.read_bytes()) for p in sorted(REAL.glob("*.pdf"))]
    while len(out) < pages:
        for source in sources:
            out.import_pages(source)
    out.save(str(path))
    return len(out)


def _memory(path: Path, engine: str) -> tuple[float, float, float, float]:
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path), engine],
                         capture_output=True, text=True, check=True).stdout.split()
    before, after, elapsed, lines = (float(v) for v in out)
    return before, after, elapsed, lines


def bench_memory() -> None:
    scratch = Path(tempfile.gettempdir())
    made = {"the example repeated": (scratch / "reportlint-bench-50.pdf", big_pdf),
            "the real reports repeated": (scratch / "reportlint-bench-real-50.pdf",
                                          lambda p: real_pdf(p, 50))}
    for what, (path, make) in made.items():
        pages = make(path)
        print(f"PDF of {pages} pages ({what}), {path.stat().st_size // 1024} KB:")
        for engine in ("pdfium", "pdfminer"):
            before, after, elapsed, lines = _memory(path, engine)
            print(f"  {engine:<8} read in {elapsed * 1000:.0f} ms "
                  f"({elapsed * 1000 / pages:.1f} ms/page), {lines:.0f} lines; peak RSS "
                  f"{after:.1f} MB, of which {after - before:.1f} MB while reading "
                  f"(interpreter and imports: {before:.1f} MB); target <= 100 MB")


def bench_html_docx() -> None:
    from reportlint.read.docx import read_docx
    from reportlint.read.html import read_html

    html = (DOCS / "example.html").read_bytes()
    docx = (DOCS / "example.docx").read_bytes()
    print("Per report (the example, median of 20 runs)")
    print(f"  HTML  {_median_ms(lambda: read_html('x.html', html), 20):6.1f} ms")
    site = (DOCS / "site-chrome.html").read_bytes()  # with the report found inside the page
    print(f"  HTML in site chrome  {_median_ms(lambda: read_html('x.html', site), 20):6.1f} ms")
    print(f"  DOCX  {_median_ms(lambda: read_docx('x.docx', docx), 20):6.1f} ms")
    bench_site_pages()


def bench_site_pages() -> None:
    """Pages as sites serve them (fixtures/make_pages.py): hidden copies taken out, the split
    article's two parts read and joined."""
    from reportlint.read.html import read_html
    from reportlint.read.htmljoin import join_parts

    pages = DOCS / "pages"
    hidden = (pages / "hidden.html").read_bytes()
    took = _median_ms(lambda: read_html("x.html", hidden), 20)
    print(f"  HTML with hidden copies  {took:6.1f} ms")
    parts = [(str(p), p.read_bytes()) for p in sorted((pages / "article").iterdir())]
    print(f"  article in 2 parts, joined  {_median_ms(lambda: join_parts(parts), 20):6.1f} ms")


def _big_table(rows: int) -> str:
    body = "".join(
        f'<tr><td rowspan="2">行{i}</td><td colspan="2"><span>数</span>据{i}</td><td>{i}</td></tr>'
        f"<tr><td>甲</td><td>乙</td><td>&nbsp;</td></tr>" for i in range(rows // 2))
    return f"<html><body><p>标题</p><table>{body}</table></body></html>"


def bench_parsers() -> None:
    """Parse only (no rendering): why html.parser was chosen."""
    from reportlint.read.htmldoc import parse_tree

    page = _big_table(900)
    example = (DOCS / "example.html").read_bytes().decode("gb18030")
    print("HTML parsers, parse only (median of 10): 900-row table / the example")
    runs: dict[str, Callable[[str], object]] = {"html.parser (positions: line+column)": parse_tree}
    try:
        import lxml.html

        runs["lxml.html (positions: line only)"] = lxml.html.document_fromstring
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser

        runs["selectolax lexbor (no positions)"] = LexborHTMLParser
    except ImportError:
        pass
    for name, parse in runs.items():
        big = _median_ms(lambda p=parse: p(page), 10)
        small = _median_ms(lambda p=parse: p(example), 10)
        print(f"  {name:<40} {big:7.1f} ms  {small:6.2f} ms")
    from reportlint.read.html import read_html

    full = _median_ms(lambda: read_html("x.html", page.encode()), 10)
    print(f"  full read_html of the 900-row table (parse + grid + map): {full:.1f} ms")


def main() -> None:
    print(f"python {sys.version.split()[0]}, maxrss now "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    bench_pdf()
    bench_laparams()
    bench_memory()
    bench_html_docx()
    bench_parsers()


if __name__ == "__main__":
    main()
