"""The example's full lint in process, in this checkout against another checkout of
reportlint (an older revision, e.g. ``git worktree add /tmp/before REV``), paired.

On a shared machine wall times drift by 2× within minutes, so a time measured on one day says
little about a change made on another. Each round runs both checkouts in turn, each as a
fresh process that warms up and then times ``--lints`` full lints of ``fixtures/example.txt``;
printed: the median of the rounds' ratios of the processes' medians, and of their fastest lints
(this machine's speed also changes in phases of a few seconds, within one process: the
fastest lint is each checkout's time in the fast phase). Run:

    python bench/against.py /tmp/before [--rounds 7] [--lints 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example.txt"

# Run in the checkout under test (its reportlint first on the path); prints the median ms.
_TIMER = """
import statistics, sys, time
from pathlib import Path
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import Settings
rules, selection, settings = load_rules(), Selection(), Settings()
data = Path(sys.argv[1]).read_bytes()
for _ in range(10):
    lint_bytes("r.txt", data, rules, selection, settings)
samples = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    lint_bytes("r.txt", data, rules, selection, settings)
    samples.append((time.perf_counter() - start) * 1000)
print(statistics.median(samples), min(samples))
"""


def lint_ms(tree: Path, lints: int) -> tuple[float, float]:
    """The median and the fastest of ``lints`` full lints in a fresh process of ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", _TIMER, str(EXAMPLE), str(lints)],
                          capture_output=True, text=True, env=env, check=True, cwd=tree)
    median, fastest = done.stdout.split()
    return float(median), float(fastest)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", type=Path, help="another checkout of reportlint")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lints", type=int, default=200)
    args = parser.parse_args()
    pairs = [(lint_ms(ROOT, args.lints), lint_ms(args.other.resolve(), args.lints))
             for _ in range(args.rounds)]
    for index, name in ((0, "median"), (1, "fastest")):
        here = statistics.median(a[index] for a, _ in pairs)
        other = statistics.median(b[index] for _, b in pairs)
        ratio = statistics.median(a[index] / b[index] for a, b in pairs)
        print(f"full lint of the example, in process, {name} of {args.lints} after warm-up: "
              f"this checkout {here:.2f} ms, {args.other} {other:.2f} ms; "
              f"ratio {ratio:.2f} (median of {args.rounds} paired rounds)")


if __name__ == "__main__":
    main()
