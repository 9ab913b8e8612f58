"""Word drafts: the DOCX reader (accepted-changes text, marks, notes, text boxes) per report,
against a floor, and the ``.doc`` conversion through LibreOffice when it is installed.

    python bench/word.py

Floor: python-docx opening the package and joining every ``<w:t>`` of the body, the least any
reader of the same file must do. The ratio says what reading as Word shows it costs on top.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "fixtures" / "documents" / "drafts"
sys.path.insert(0, str(ROOT / "fixtures"))


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _floor(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    tag = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    return "".join(t.text or "" for t in document.element.body.iter(tag))


def _big(times: int) -> bytes:
    """The example's body repeated ``times`` times, in one document."""
    import copy

    import docx

    document = docx.Document(io.BytesIO((ROOT / "fixtures/documents/example.docx").read_bytes()))
    body = document.element.body
    blocks = [child for child in body if not child.tag.endswith("sectPr")]
    for _ in range(times - 1):
        for block in blocks:
            body.insert(len(body) - 1, copy.deepcopy(block))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bench_docx() -> None:
    from reportlint.read.docx import read_docx

    cases = {"example.docx": (ROOT / "fixtures/documents/example.docx").read_bytes()}
    cases |= {p.name: p.read_bytes() for p in sorted(DRAFTS.glob("*.docx"))}
    cases["example ×20"] = _big(20)
    print("DOCX reader, median ms (floor: open + join every w:t)")
    for name, data in cases.items():
        repeat = 5 if "×" in name else 15
        ours = _median_ms(lambda d=data: read_docx("x.docx", d), repeat)  # type: ignore[misc]
        floor = _median_ms(lambda d=data: _floor(d), repeat)  # type: ignore[misc]
        print(f"  {name:28} {ours:7.1f}   floor {floor:7.1f}   ×{ours / floor:4.1f}")


def bench_doc() -> None:
    from reportlint.read import legacyword

    if legacyword.find_office() is None:
        print(".doc conversion: LibreOffice not installed, skipped")
        return
    data = (DRAFTS / "example.doc").read_bytes()
    seconds = _median_ms(lambda: legacyword.to_docx("x.doc", data), 3) / 1000
    print(f".doc → DOCX through LibreOffice: median {seconds:.1f} s (3 runs, fresh profile each)")


def main() -> None:
    bench_docx()
    bench_doc()


if __name__ == "__main__":
    main()
