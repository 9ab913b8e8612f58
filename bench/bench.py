"""Speed of reportlint on the example report and on one 100 times its size.

Prints, for each input: median wall time of parsing alone and of the full lint (in-process,
after warm-up), and the median cold start-up time of `reportlint check` on one file. Run:

    python bench/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
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


def cold_start_ms(path: Path, runs: int) -> float:
    command = [sys.executable, "-m", "reportlint", "check", "--format", "json", str(path)]
    subprocess.run(command, capture_output=True, check=False)  # fill OS and grammar caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rules = load_rules()
    selection, settings = Selection(), Settings()
    inputs = {"example": EXAMPLE.read_bytes(), "example x100": scaled_report(100)}
    results: dict[str, tuple[int, int, float]] = {}
    print(f"{'input':<14} {'size':>9} {'lines':>7} {'parse ms':>9} {'lint ms':>9} {'cold ms':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for name, data in inputs.items():
            source = read_bytes("r.txt", data)
            runs = args.runs if len(data) < 100_000 else max(args.runs // 5, 3)
            parse_ms = median_ms(lambda s=source: parse_source(s, rules.data), runs)
            lint_ms = median_ms(
                lambda d=data: lint_bytes("r.txt", d, rules, selection, settings), runs)
            path = Path(folder) / f"{name.replace(' ', '_')}.txt"
            path.write_bytes(data)
            cold = cold_start_ms(path, max(runs // 3, 3))
            results[name] = (len(data), len(source.lines), lint_ms)
            print(f"{name:<14} {len(data):>9} {len(source.lines):>7} {parse_ms:>9.2f} "
                  f"{lint_ms:>9.2f} {cold:>9.0f}")
    (size, lines, ms), (big_size, big_lines, big_ms) = results.values()
    print(f"growth: bytes x{big_size / size:.1f}, lines x{big_lines / lines:.1f}, "
          f"full lint time x{big_ms / ms:.1f}")
    bare = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=False), 5, 1)
    print(f"bare interpreter start-up: {bare:.0f} ms")


if __name__ == "__main__":
    main()
