"""Across-years numbers: the cost of Y803's comparison and of pairing, against linting.

- Y803: comparing sections 一 and 五 of one pair (the example with itself, the worst case:
  every shingle shared), in-process, per pair and for 1,000 pairs, as a ratio to linting the
  example once (the floor any batch pays per report).
- Pairing 1,000 reports' facts (500 issuers, two years each), in-process.
- A batch of N text reports (N/2 issuers, two years each), ``reportlint check -j1`` with
  every rule (what a batch costs; with ``--select Y`` alone an unpaired report skips the
  tables, which its facts need when paired): paired (the default) against ``--no-pair``,
  with the cache off and on (warm), whole processes, in CPU seconds.

    python bench/years.py [--reports 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportlint.batch.pairing import pair_years
from reportlint.batch.register import Seen
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.kinds.shingles import overlap
from reportlint.check.packs import load_rules
from reportlint.model import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")


def _median(run: object, times: int) -> float:
    found = []
    for _ in range(times):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        found.append(time.perf_counter() - start)
    return statistics.median(found)


def in_process() -> None:
    rules = load_rules()
    data = EXAMPLE.encode("utf-8")
    lint = _median(lambda: lint_bytes("r.txt", data, rules, Selection(), Settings()), 15)
    lines = EXAMPLE.splitlines()
    overview, problems = lines[5], "".join(lines[395:402])
    compare = _median(lambda: (overlap(overview, overview, 8), overlap(problems, problems, 8)),
                      200)
    seen = [Seen(f"{i}-{y}.txt", f"某县第{i}局", y) for i in range(500) for y in (2020, 2021)]
    pairing = _median(lambda: pair_years(seen), 20)
    print(f"lint one report (floor):  {lint * 1000:8.2f} ms")
    print(f"Y803 compare one pair:    {compare * 1000:8.3f} ms  "
          f"({compare / lint:.3f}× the floor; 1,000 pairs {compare * 1000:.2f} s)")
    print(f"pair 1,000 reports:       {pairing * 1000:8.2f} ms")


def _folder(root: Path, count: int) -> None:
    for index in range(count // 2):
        for year in (2019, 2020):
            text = EXAMPLE.replace("邵阳市商务局\n", f"某县第{index}局\n", 1) \
                .replace("2020年政府信息公开工作年度报告", f"{year}年政府信息公开工作年度报告", 1)
            (root / f"{index:04d}-{year}.txt").write_text(text, encoding="utf-8")


def _check(root: Path, *extra: str) -> float:
    """The CPU seconds of the whole run (a shared machine's load stretches the wall time of
    a run, hardly its CPU time)."""
    before = os.times()
    subprocess.run([sys.executable, "-m", "reportlint", "check", "-j", "1", "--quiet",
                    *extra, str(root / "reports")], cwd=root,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = os.times()
    return (after.children_user - before.children_user
            + after.children_system - before.children_system)


def _paired_runs(root: Path, *extra: str) -> tuple[float, float]:
    """--no-pair and paired, twice in turns (A B A B); the lower of each."""
    unpaired, paired = [], []
    for _ in range(2):
        unpaired.append(_check(root, "--no-pair", *extra))
        paired.append(_check(root, *extra))
    return min(unpaired), min(paired)


def batch(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "reports").mkdir()
        _folder(root / "reports", count)
        cold = _paired_runs(root, "--no-cache")
        _paired_runs(root)  # fill the cache for both
        warm = _paired_runs(root)
    unpaired, paired = cold
    warm_unpaired, warm_paired = warm
    print(f"{count} reports, no cache:   --no-pair {unpaired:6.2f} s, paired {paired:6.2f} s "
          f"({paired / unpaired:.2f}×)")
    print(f"{count} reports, warm cache: --no-pair {warm_unpaired:6.2f} s, paired "
          f"{warm_paired:6.2f} s ({warm_paired / warm_unpaired:.2f}×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100)
    args = parser.parse_args()
    in_process()
    batch(args.reports)


if __name__ == "__main__":
    main()
