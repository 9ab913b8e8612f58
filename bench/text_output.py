"""Size and time of the text format on crawled pages (a whole report on one line of text).

For each ``fixtures/real/pingtan-*_page.txt``: the diagnostics, the longest source line, the
bytes of text output and its largest line, and the median time to format (in-process, after
warm-up). The floor for the size is one location line, one source window and one caret line
per diagnostic. Run:

    python bench/text_output.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import FileReport, Settings
from reportlint.output import FORMATTERS, FormatOptions

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "fixtures" / "real").glob("pingtan-*_page.txt"))


def median_ms(report: FileReport, runs: int) -> float:
    times = []
    for _ in range(runs + 3):
        start = time.perf_counter()
        FORMATTERS["text"]([report], FormatOptions())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[3:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    rules = load_rules()
    print(f"{'page':<40} {'diags':>5} {'longest line':>12} {'output B':>9} "
          f"{'B/diag':>7} {'widest':>6} {'ms':>6}")
    for page in PAGES:
        report = lint_bytes(page.name, page.read_bytes(), rules, Selection(), Settings({}))
        text = FORMATTERS["text"]([report], FormatOptions())
        count = max(len(report.diagnostics), 1)
        size = len(text.encode("utf-8"))
        print(f"{page.name:<40} {len(report.diagnostics):>5} "
              f"{max(map(len, report.lines)):>12} {size:>9} {size // count:>7} "
              f"{max(map(len, text.splitlines())):>6} {median_ms(report, runs):>6.2f}")


if __name__ == "__main__":
    main()
