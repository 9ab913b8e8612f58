"""Batch numbers: reports/s at -j1 and -jN (text and PDF reports), pairing's cost (paired
against --no-pair), peak memory for 100 vs 10,000 reports (streamed output keeps only
counters), and the cache's effect.

Every figure is a whole `reportlint check` process timed from outside (start-up included);
peak memory is the largest single process's maximum resident set. Run:

    python bench/batch.py [--text 1000] [--pdfs 200] [--memory 100,10000] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")
PDF = (ROOT / "fixtures" / "documents" / "example.pdf").read_bytes()
# A short report (title and section 一 only): the memory run measures what is kept per
# file, not how long a file takes to lint.
SHORT = "2020年某局政府信息公开工作年度报告\n\n一、总体情况\n本机关认真贯彻落实《条例》。\n"

# Runs a command and prints its children's peak RSS (KiB) and its wall seconds.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, wall, done.returncode)
"""


def measure(args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak MiB) of ``reportlint ARGS`` in ``cwd``."""
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "reportlint", *args]
    out = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout
    peak, wall, _ = out.split()
    return float(wall), int(peak) / 1024


def make_folder(root: Path, name: str, count: int, content: bytes, suffix: str) -> Path:
    folder = root / name
    folder.mkdir()
    for index in range(count):
        (folder / f"{index:05d}{suffix}").write_bytes(content)
    return folder


def speed(label: str, folder: Path, count: int, jobs: int) -> None:
    one, _ = measure(["check", "--no-cache", "-q", "-j", "1", folder.name], folder.parent)
    many, _ = measure(["check", "--no-cache", "-q", "-j", str(jobs), folder.name], folder.parent)
    print(f"{label}: -j1 {count / one:.1f} reports/s ({one:.1f} s), -j{jobs} "
          f"{count / many:.1f} reports/s ({many:.1f} s), speed-up {one / many:.2f}x")


def memory(root: Path, counts: list[int]) -> None:
    peaks = []
    for count in counts:
        folder = make_folder(root, f"short{count}", count, SHORT.encode(), ".txt")
        wall, peak = measure(["check", "--no-cache", "-j", "1", folder.name], root)
        peaks.append(peak)
        print(f"memory: {count} reports, -j1, text to stdout: peak {peak:.1f} MiB ({wall:.1f} s)")
    print(f"memory: peak grows {peaks[-1] - peaks[0]:+.1f} MiB from {counts[0]} to "
          f"{counts[-1]} reports")


def cache(folder: Path) -> None:
    store = folder.parent / "cache"
    shutil.rmtree(store, ignore_errors=True)
    cold, _ = measure(["check", "-q", "-j", "1", "--cache-dir", store.name, folder.name],
                      folder.parent)
    warm, _ = measure(["check", "-q", "-j", "1", "--cache-dir", store.name, folder.name],
                      folder.parent)
    print(f"cache ({folder.name}): first run {cold:.1f} s, second run {warm:.1f} s, "
          f"second/first {warm / cold:.2f}")


def pairing(folder: Path, count: int) -> None:
    """A batch's automatic pairing (the default) against ``--no-pair``, -j1, no cache, in
    turns (A B A B, the lower of each): the first pass for the facts, over reports of which
    none has last year's beside it (the copies are of one year), costs reading its results
    back, not linting every report twice."""
    runs: dict[str, list[float]] = {"--no-pair": [], "paired": []}
    for _ in range(2):
        for label in runs:
            extra = [label] if label.startswith("--") else []
            wall, _ = measure(["check", "--no-cache", "-q", "-j", "1", *extra, folder.name],
                              folder.parent)
            runs[label].append(wall)
    alone, paired = min(runs["--no-pair"]), min(runs["paired"])
    print(f"pairing ({count} reports of one year): --no-pair {alone:.1f} s, paired "
          f"{paired:.1f} s, paired/--no-pair {paired / alone:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--memory", default="100,10000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        texts = make_folder(root, "text", args.text, EXAMPLE.encode(), ".txt")
        pdfs = make_folder(root, "pdf", args.pdfs, PDF, ".pdf")
        speed(f"{args.text} text reports", texts, args.text, args.jobs)
        speed(f"{args.pdfs} PDF reports", pdfs, args.pdfs, args.jobs)
        pairing(texts, args.text)
        memory(root, [int(n) for n in args.memory.split(",")])
        cache(pdfs)
    print(f"(bench took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
