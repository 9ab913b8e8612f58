"""Reader speed and memory: PDF pages per second, HTML and DOCX time per report, peak memory
for a 50-page PDF, and the HTML parser comparison behind the choice of html.parser.

    python bench/readers.py            # needs the test extra (reportlab) for the 50-page PDF

Targets (issue 5): under 60 ms per PDF page (median), at most 100 MB for 50 pages.
"""

from __future__ import annotations

import gc
import io
import resource
import statistics
import subprocess
import sys
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


def bench_pdf() -> None:
    from reportlint.read.pdf import read_pdf

    print("PDF (reportlint.read.pdf, median of 5 runs)")
    per_page = []
    for path in [DOCS / "example.pdf", *sorted(REAL.glob("*.pdf"))]:
        data = path.read_bytes()
        pages = _pages(data)
        ms = _median_ms(lambda d=data: read_pdf("x.pdf", d), 5)
        per_page.append(ms / pages)
        print(f"  {path.name:<42} {pages} pages  {ms:7.1f} ms  {ms / pages:5.1f} ms/page"
              f"  {1000 * pages / ms:5.1f} pages/s")
    print(f"  median per page: {statistics.median(per_page):.1f} ms (target < 60)")


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
import pdfminer.converter, pdfminer.pdfinterp, pdfminer.pdfpage

def peak():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024

data = open(sys.argv[1], "rb").read()
before = peak()
start = time.perf_counter()
source = pdf.read_pdf("big.pdf", data)
elapsed = time.perf_counter() - start
print(before, peak(), elapsed, len(source.lines))
"""


def bench_memory() -> None:
    path = Path("/tmp/reportlint-bench-50.pdf")
    pages = big_pdf(path)
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path)], capture_output=True,
                         text=True, check=True).stdout.split()
    before, after, elapsed, lines = (float(v) for v in out)
    print(f"PDF of {pages} pages (the example repeated), {path.stat().st_size // 1024} KB:")
    print(f"  read in {elapsed * 1000:.0f} ms ({elapsed * 1000 / pages:.1f} ms/page), "
          f"{lines:.0f} lines")
    print(f"  process peak RSS {after:.1f} MB, of which {after - before:.1f} MB while reading "
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
