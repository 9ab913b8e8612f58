"""Speed of reportlint on the example report and on one 100 times its size.

Prints, for each input: median wall time of parsing alone and of the full lint (in-process,
after warm-up) as a ratio to its floor (reading the report and scanning its lines), and the
cold start-up of `reportlint check` on one file as a ratio to the import floor
(`python -c "import lark, yaml, click"`), the two run in turn: once as a repeated check
(the result comes from the cache) and once with --no-cache (the file is linted). Run:

    python bench/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlint.check.engine import Selection, lint_bytes, parse_source
from reportlint.check.packs import load_rules
from reportlint.model import Settings
from reportlint.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
_ANY_DIGIT = re.compile(r"\d")
EXAMPLE = ROOT / "fixtures" / "example.txt"
TABLE_SECTIONS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况")


def scaled_report(times: int) -> bytes:
    """The example with the tables of sections 二, 三 and 四 repeated ``times`` times."""
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        out.append(lines[index])
        if lines[index].strip() in TABLE_SECTIONS:
            end = index + 1
            while end < len(lines) and not lines[end].startswith(("三、", "四、", "五、")):
                end += 1
            out.extend(lines[index + 1 : end] * times)
            index = end
            continue
        index += 1
    return "\n".join(out).encode("utf-8")


def median_ms(action: Callable[[], object], runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _env() -> dict[str, str]:
    """The environment of a user's run: bytecode is written and read (a shell that sets
    PYTHONDONTWRITEBYTECODE would make every run compile reportlint from source, while the
    floor's libraries come compiled from their install)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=_env())
    return (time.perf_counter() - start) * 1000


FLOOR_COMMAND = [sys.executable, "-c", "import lark, yaml, click"]


def cold_start(path: Path, runs: int, *extra: str) -> tuple[float, float, float]:
    """Median ms of `reportlint check FILE` and of importing its libraries alone, run in
    turn (A B A B …), and the median of the pairwise ratios: pairs keep the ratio fair
    when the machine's speed drifts. ``extra``: more options (``--no-cache``: the file is
    linted, as on its first check, instead of served from the result cache)."""
    command = [sys.executable, "-m", "reportlint", "check", "--format", "json", *extra,
               str(path)]
    _run_ms(command)  # fill the grammar and rule pack caches, and the OS's
    _run_ms(FLOOR_COMMAND)
    pairs = [(_run_ms(command), _run_ms(FLOOR_COMMAND)) for _ in range(runs)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def scan_floor(data: bytes) -> object:
    """The least a lint does: read the report into lines and look at each once."""
    source = read_bytes("r.txt", data)
    return sum(1 for line in source.lines if _ANY_DIGIT.search(line))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rules = load_rules()
    selection, settings = Selection(), Settings()
    inputs = {"example": EXAMPLE.read_bytes(), "example x100": scaled_report(100)}
    results: dict[str, tuple[int, int, float]] = {}
    print("in process, after warm-up (median); floor: reading the report and scanning its lines")
    print(f"{'input':<14} {'size':>9} {'lines':>7} {'parse ms':>9} {'lint ms':>9} "
          f"{'floor ms':>9} {'lint/floor':>10}")
    for name, data in inputs.items():
        source = read_bytes("r.txt", data)
        runs = args.runs if len(data) < 100_000 else max(args.runs // 5, 3)
        parse_ms = median_ms(lambda s=source: parse_source(s, rules.data), runs)
        lint_ms = median_ms(lambda d=data: lint_bytes("r.txt", d, rules, selection, settings),
                            runs)
        floor_ms = median_ms(lambda d=data: scan_floor(d), runs)
        results[name] = (len(data), len(source.lines), lint_ms)
        print(f"{name:<14} {len(data):>9} {len(source.lines):>7} {parse_ms:>9.2f} "
              f"{lint_ms:>9.2f} {floor_ms:>9.3f} {lint_ms / floor_ms:>10.1f}")
    (size, lines, ms), (big_size, big_lines, big_ms) = results.values()
    print(f"growth: bytes x{big_size / size:.1f}, lines x{big_lines / lines:.1f}, "
          f"full lint time x{big_ms / ms:.1f} (linear: at most x{big_lines / lines:.0f})")
    print(f"linearity: the x100 report's lint / (100 x the example's) = {big_ms / (100 * ms):.2f} "
          f"(target: at most 1); the example's lint {ms:.2f} ms (target: at most 3 ms where "
          "the revision before the target took 7.4 ms: bench/against.py compares checkouts)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.txt"
        path.write_bytes(inputs["example"])
        for label, extra in (("", ()), (" --no-cache", ("--no-cache",))):
            cold, floor, ratio = cold_start(path, max(args.runs // 3, 5), *extra)
            print(f"cold start, paired: reportlint check{label} example.txt {cold:.0f} ms, "
                  f"python -c 'import lark, yaml, click' {floor:.0f} ms: ratio {ratio:.2f} "
                  "(median of pairs)")
    bare = median_ms(lambda: _run_ms([sys.executable, "-c", "pass"]), 5, 1)
    print(f"bare interpreter start-up: {bare:.0f} ms")


if __name__ == "__main__":
    main()
