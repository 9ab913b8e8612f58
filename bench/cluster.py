"""Dask cluster numbers: reports/s on a local cluster (a `dask scheduler` and 1 or 2
one-thread `dask worker` processes started here) against `-j 1` and `-j 2`, so the cost of
the engine is known. Needs the dask extra.

Every figure is a whole `reportlint check` process timed from outside (start-up and the
connection to the scheduler included; both clusters are started before the clock). The four
ways are run in turn (A B C D A B C D …) and each one's median is shown with its ratio to the
median of `-j 1` in the same run, so a busy machine slows them alike. Run:

    python bench/cluster.py [--pdfs 200] [--text 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch import EXAMPLE, PDF, make_folder, measure

START_SECONDS = 60


def start(root: Path, workers: int) -> tuple[str, list[subprocess.Popen[bytes]]]:
    """A scheduler and ``workers`` workers; their address and processes."""
    from distributed import Client

    info = root / f"scheduler{workers}.json"
    started = [_quiet(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                       "--no-dashboard", "--scheduler-file", str(info)])]
    while not info.exists():
        time.sleep(0.1)
    started += [_quiet(["distributed.cli.dask_worker", "--scheduler-file", str(info),
                        "--nthreads", "1", "--no-dashboard"]) for _ in range(workers)]
    with Client(scheduler_file=str(info)) as client:
        client.wait_for_workers(workers, timeout=START_SECONDS)
        return str(client.scheduler.address), started


def _quiet(module_args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", *module_args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in reversed(processes):
        process.terminate()
        process.wait(30)


def rates(label: str, folder: Path, count: int, rounds: int) -> None:
    args = ["check", "--no-cache", "-q", folder.name]
    clusters = {workers: start(folder.parent, workers) for workers in (1, 2)}
    ways = {f"-j{jobs}": [*args, "-j", str(jobs)] for jobs in (1, 2)}
    ways.update({f"dask {workers}w": [*args, "--scheduler", address]
                 for workers, (address, _) in clusters.items()})
    walls: dict[str, list[float]] = {name: [] for name in ways}
    try:
        for _ in range(rounds):
            for name, command in ways.items():
                walls[name].append(measure(command, folder.parent)[0])
    finally:
        for _, processes in clusters.values():
            stop(processes)
    seconds = {name: statistics.median(found) for name, found in walls.items()}
    floor = seconds["-j1"]
    shown = ", ".join(f"{name} {count / wall:.1f} reports/s ({wall:.1f} s, "
                      f"{wall / floor:.2f}x -j1)" for name, wall in seconds.items())
    print(f"{label}, {count} reports, median of {rounds}: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--text", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        pdfs = make_folder(root, "pdf", options.pdfs, PDF, ".pdf")
        texts = make_folder(root, "text", options.text, EXAMPLE.encode(), ".txt")
        rates("PDF", pdfs, options.pdfs, options.rounds)
        rates("text", texts, options.text, options.rounds)


if __name__ == "__main__":
    main()
