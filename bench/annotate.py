"""``annotate``: writing the diagnostics into a copy of the file, against a floor.

    python bench/annotate.py

Floor: linting the same file (``run_job``, no cache), which ``annotate`` must do first. The
ratio says what the annotated copy costs on top: for a DOCX, the body walked again and the
package saved; for a PDF, the flagged text searched on its page (the lines and pages come from
the lint's own reading, ``Plan.source``), the file copied with its annotations.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reportlint.annotate import annotate_bytes
from reportlint.batch.jobs import Job, Plan
from reportlint.batch.work import run_job
from reportlint.config.resolve import Overrides

ROOT = Path(__file__).resolve().parent.parent
CASES = ("fixtures/documents/example.docx", "fixtures/documents/example.pdf",
         "fixtures/real/KIROGOVCOMPARE__hzq2023_working.pdf",
         "fixtures/real/govnianbao__szfgs2024.pdf")


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    plan = Plan(Overrides(), source=True)
    print("annotate, median ms (floor: lint the file)   annotated copy on top   diagnostics")
    for name in CASES:
        path = ROOT / name
        data = path.read_bytes()
        outcome = run_job(Job(path.name, data=data), plan)
        report, source = outcome.report, outcome.source
        job = Job(path.name, data=data)
        lint = _median_ms(lambda j=job: run_job(j, plan), 7)  # type: ignore[misc]
        extra = _median_ms(lambda n=path.name, d=data, r=report, s=source:  # type: ignore[misc]
                           annotate_bytes(n, d, r, s), 7)
        print(f"  {path.name[:36]:36} floor {lint:7.1f}   +{extra:7.1f}  "
              f"×{(lint + extra) / lint:4.2f}   {len(report.diagnostics)}")


if __name__ == "__main__":
    main()
