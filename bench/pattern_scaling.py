"""Time against line length for every built-in regular expression and for the line
classifier: each must be linear (1 KB to 1 MB lines).

For each pattern (every module-level pattern of reportlint, on Python's engine; every regular
expression of the built-in rule pack on RE2, marked [re2], as the kinds and the facts run
them: the rules' params, and the data patterns (rows ``data.<entry>.<key>``: the places
check/datapatterns.py checks when the pack loads, and the patterns the facts compose around
data words); and a hostile pack pattern, ``(a+)+$``), and for each family of hostile lines
(long runs of spaces, digits, numerals, marks: what once made a pattern backtrack), it times
a search for every match over a line of 1 KB, 32 KB and 1 MB, and prints the worst growth
exponent: 1.0 is linear, 2.0 quadratic.
The classifier row times parsing a document made of one such line after a heading. Run:

    python bench/pattern_scaling.py [--sizes 10000,100000,1000000] [--stop 10] [--match re2]
    python bench/pattern_scaling.py --sizes 1000,32000,1000000 --match data.   # data rows

A pattern whose line takes longer than ``--stop`` seconds is not tried on longer lines and
is marked SUPERLINEAR.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import reportlint
from reportlint.check.datapatterns import pattern_places
from reportlint.check.engine import parse_source
from reportlint.check.kinds.registry import KINDS
from reportlint.check.packs import RuleSet, load_rules
from reportlint.common.linear import Compiled, PatternError, compile_linear
from reportlint.facts.contact import _labels, checker
from reportlint.read import read_bytes

FAMILIES: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " " * n + "x",
    "heading+spaces": lambda n: "四、a" + " " * n + "x",
    "space-digit": lambda n: " 1" * (n // 2) + "x",
    "digits": lambda n: "1" * n + "x",
    "digit-comma": lambda n: "1," * (n // 2) + "x",
    "numerals": lambda n: "一" * n + "、",
    "cjk": lambda n: "中" * n,
    "cjk-space": lambda n: "年 " * (n // 2) + "x",
    "stars": lambda n: "**" * (n // 2) + " x",
    "hashes": lambda n: "#" * n + " x",
    "tabs": lambda n: "\t" * n + "x",
    "brackets": lambda n: "（" * n + "x",
    "dates": lambda n: "2021年1月" * (n // 7) + "x",
    "pipes": lambda n: "| 1 " * (n // 4) + "x",
    "letters": lambda n: "a" * n + "!",
}


Searchable = re.Pattern[str] | Compiled


def builtin_patterns() -> Iterator[tuple[str, Searchable]]:
    seen: set[str] = set()
    for info in pkgutil.walk_packages(reportlint.__path__, "reportlint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) \
                    and value.pattern not in seen:
                seen.add(value.pattern)
                yield f"{info.name}.{name}", value
    rules = load_rules()
    yield from data_patterns(rules, seen)
    for rule in rules.rules:
        for where, text in _strings(rule.params, rule.code):
            yield from _compiled(where, text, seen)
    yield "pack pattern (a+)+$ [re2]", compile_linear(r"(a+)+$")


def data_patterns(rules: RuleSet, seen: set[str]) -> Iterator[tuple[str, Searchable]]:
    """The data file patterns, as the facts and kinds run them (on RE2)."""
    for entry, (key, _, text, _) in pattern_places(rules.data, rules.rules, KINDS,
                                                 tuple(rules.data)):
        if isinstance(text, str):
            yield from _compiled(f"data.{entry}.{key}", text, seen)
    contact = rules.data["contact"]
    yield "data.contact.fields (the labels, composed) [re2]", _labels(contact).regex
    extension = checker(contact, "phone").extension
    if extension is not None:
        yield "data.contact.checks.phone.extension (composed) [re2]", extension


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def _compiled(where: str, text: str, seen: set[str]) -> Iterator[tuple[str, Searchable]]:
    """The RE2 row of a pack pattern: the kinds and the facts run every one on RE2."""
    if text in seen or not re.search(r"[\\()\[\]*+?{|^$]", text):
        return  # plain labels are literals: linear
    seen.add(text)
    try:
        yield f"{where} [re2]", compile_linear(text)
    except PatternError:
        return


def _seconds(run: Callable[[], object], repeat: int = 2) -> float:
    """Processor time, the least of ``repeat`` runs: on a busy machine wall time counts the
    time slices other processes took."""
    best = math.inf
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
        if best > 0.2:
            break
    return best


def _growth(times: list[float], sizes: list[int]) -> float:
    """The exponent between the two longest lines measured (short ones time the overhead)."""
    if len(times) < 2:
        return 0.0
    small, big = max(times[-2], 1e-6), max(times[-1], 1e-6)
    return math.log(big / small) / math.log(sizes[len(times) - 1] / sizes[len(times) - 2])


def scaling(run: Callable[[str], object], sizes: list[int], stop: float) -> tuple[float, str, str]:
    """Worst (exponent, family, note) over the hostile families."""
    worst = (0.0, "", "")
    for family, make in FAMILIES.items():
        times: list[float] = []
        for size in sizes:
            line = make(size)
            times.append(_seconds(lambda line=line: run(line)))
            if times[-1] > stop:
                break
        note = "SUPERLINEAR" if len(times) < len(sizes) else f"{times[-1] * 1000:.0f} ms"
        exponent = math.inf if note == "SUPERLINEAR" else _growth(times, sizes)
        if exponent > worst[0]:
            worst = (exponent, family, note)
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--stop", type=float, default=10.0)
    parser.add_argument("--match", default="", help="only the rows whose name holds this "
                        "(e.g. [re2]: the pack patterns on RE2)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    data = load_rules().data
    print(f"{'pattern':<60} {'exponent':>8}  worst family (time at the longest line)")

    def classify(line: str) -> object:
        return parse_source(read_bytes("line.txt", f"一、概述\n{line}\n".encode()), data)

    rows = [("classifier (parse of one line)", classify)]
    rows += [(name, lambda line, p=pattern: sum(1 for _ in p.finditer(line)))
             for name, pattern in builtin_patterns()]
    for name, run in rows:
        if args.match not in name:
            continue
        exponent, family, note = scaling(run, sizes, args.stop)
        print(f"{name[:60]:<60} {exponent:>8.2f}  {family} ({note})", flush=True)


if __name__ == "__main__":
    main()
