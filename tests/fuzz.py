"""A mutation fuzzer over the whole pipeline: ``lint_bytes`` and every output format, for
text, HTML, DOCX and PDF inputs made from the fixtures.

Briefly run by the test suite (``tests/test_fuzz.py``, through hypothesis); at length by::

    python -m tests.fuzz --long                 # 100,000 text and 5,000 each of html, docx, pdf
    python -m tests.fuzz --kind pdf --count 200 --seed 7

An input fails when linting or formatting it raises, when it goes past its time budget
(``--budget`` seconds of processor time) or when it hits a size cap (E003: no mutated fixture comes
near one). Every failing input is kept in ``tests/fuzz_failures/`` and
``tests/test_fuzz.py`` replays them all.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import signal
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import Rule, RuleSet, load_rules
from reportlint.model import FileReport, Settings
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.read.limits import Limits, limits_in_effect

ROOT = Path(__file__).resolve().parent.parent
FAILURES = ROOT / "tests" / "fuzz_failures"
KINDS = ("txt", "html", "docx", "pdf")
LONG = {"txt": 100_000, "html": 5_000, "docx": 5_000, "pdf": 5_000}

_TEXT_TOKENS = (
    "四、", "一、", "（一）", "二、主动公开政府信息情况", "表二", "合计", "总计", "本年新收",
    "2021年1月29日", "二〇二一年一月", "年", "月", "日", "|", "| 1 | 2 |", "\t", "**", "## ",
    "。", "，", "：", "（", "）", "—", "-", "－2", "1,234", "0.5%", "第1页", "- 3 -", "\f", "\r",
    "\r\n", "\n", "\n\n", "\x00", "\x1b[2J", "\u202e", "\ufeff", "\u3000", "𠀀", "电话：", "邮编",
    "统计期限自2020年1月1日起至2020年12月31日止", "政府信息公开工作年度报告", "联系电话：0591-1234",
)
_HTML_TOKENS = (
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td colspan="65534">',
    '<td rowspan="65534">', '<td colspan="0">', "<th>", "<br>", "<p>", "</p>", "<div>", "</div>",
    "&nbsp;", "&#0;", "&#x10FFFF;", "&amp;", '<meta charset="gbk">', "<script>", "</script>",
    "<style>", "<!--", "-->", "<![CDATA[", "<a href='附件.pdf'>附件：报告.pdf</a>", "<iframe>",
    "<nav>", "<tbody>", "<caption>", "<sup>", "<b>",
)
_XML_TOKENS = (  # well-formed fragments (a broken part is one E001, found at once)
    "</w:t></w:r></w:p><w:p><w:r><w:t>一、概述", "</w:t><w:br/><w:t>", "</w:t><w:tab/><w:t>",
    '</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏', "&lt;", "&amp;", "&#x4e00;",
    '</w:t></w:r><w:ins w:id="1" w:author="x"><w:r><w:t>修订</w:t></w:r></w:ins><w:r><w:t>',
)
_PDF_TOKENS = (
    b"BT", b"ET", b"Tj", b"TJ", b"(x)", b"<4e00>", b"9999999999", b"-1", b"/FlateDecode",
    b"stream", b"endstream", b"obj", b"endobj", b"<<", b">>", b"[", b"]", b"R", b"0 0 R",
    b"/Type /Page", b"/Kids [", b"/Count 99999", b"xref", b"trailer", b"%%EOF", b"q", b"Q", b"cm",
)


@cache
def seeds(kind: str) -> tuple[bytes, ...]:
    documents = ROOT / "fixtures" / "documents"
    if kind == "txt":
        names = [ROOT / "fixtures" / "example.txt"]
        names += sorted((ROOT / "fixtures" / "renderings").glob("*.*"))
        return tuple(p.read_bytes() for p in names if p.suffix in (".txt", ".md"))
    good = sorted(documents.glob(f"*.{kind}"))
    bad = sorted((documents / "bad").glob(f"*.{kind}"))
    return tuple(p.read_bytes() for p in good * max(1, len(bad)) + bad)  # mostly the good


def _span(rng: random.Random, size: int) -> tuple[int, int]:
    start = rng.randrange(size + 1)
    return start, min(size, start + rng.choice((1, 4, 32, 512, 4096)))


def _token(rng: random.Random, tokens: tuple[str, ...]) -> str:
    if rng.random() < 0.1:  # a long run: what made the built-in patterns backtrack
        return rng.choice((" ", " 1", "1", "一", "a", "**", "（", "\t", "年 ")) * rng.choice(
            (100, 2000, 20000))
    if rng.random() < 0.1:
        return chr(rng.randrange(0x20, 0x30000))
    return rng.choice(tokens)


def _between_tags(text: str, start: int, end: int) -> tuple[int, int]:
    """The span moved to text between tags (markup mostly stays well-formed)."""
    start = text.find(">", start) + 1 or start
    stop = text.find("<", start)
    return start, min(end, stop) if stop >= 0 else start


def mutate_text(rng: random.Random, text: str, tokens: tuple[str, ...],
                markup: bool = False) -> str:
    for _ in range(rng.randint(1, 6)):
        start, end = _span(rng, len(text))
        if markup and rng.random() < 0.95:
            start, end = _between_tags(text, start, max(start, end))
        choice = rng.random()
        if choice < 0.45:
            text = text[:start] + _token(rng, tokens) + text[start:]
        elif choice < 0.65:
            text = text[:start] + text[end:]
        elif choice < 0.8:
            text = text[:end] + text[start:end] * rng.randint(1, 50) + text[end:]
        elif not markup:
            lines = text.split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def mutate_bytes(rng: random.Random, data: bytes, tokens: tuple[bytes, ...] = ()) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        start, end = _span(rng, len(buffer))
        choice = rng.random()
        if choice < 0.4 and buffer:
            buffer[min(start, len(buffer) - 1)] = rng.randrange(256)
        elif choice < 0.6 and tokens:
            buffer[start:start] = rng.choice(tokens)
        elif choice < 0.8:
            del buffer[start:end]
        else:
            buffer[end:end] = buffer[start:end] * rng.randint(1, 20)
    return bytes(buffer)


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(("utf-8",) * 6 + ("utf-8-sig", "utf-16", "gb18030"))
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    return mutate_bytes(rng, data) if rng.random() < 0.1 else data


def _docx(rng: random.Random, data: bytes) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        source.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        source = None  # a bad seed (junk, truncated, encrypted): its bytes are mutated
    if source is None or rng.random() < 0.15:
        return mutate_bytes(rng, data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                text = mutate_text(rng, part.decode("utf-8"), _XML_TOKENS + _TEXT_TOKENS,
                                   markup=True)
                part = text.encode("utf-8", "surrogatepass")
            package.writestr(info.filename, part)
    return out.getvalue()


def make_input(kind: str, rng: random.Random) -> bytes:
    seed = rng.choice(seeds(kind))
    if kind == "txt":
        return _encode(rng, mutate_text(rng, seed.decode("utf-8-sig"), _TEXT_TOKENS))
    if kind == "html":  # the example page is GB2312, as many government sites still are
        text = mutate_text(rng, seed.decode("gb18030", "replace"), _HTML_TOKENS + _TEXT_TOKENS,
                           markup=True)
        return text.encode("gb18030", "replace") if rng.random() < 0.7 else _encode(rng, text)
    if kind == "docx":
        return _docx(rng, seed)
    return mutate_bytes(rng, seed, _PDF_TOKENS)


class OverBudget(Exception):
    pass


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A budget of processor time (a busy machine does not make an input fail)."""
    def expired(signum: int, frame: object) -> None:
        raise OverBudget(f"over the time budget of {seconds} s of processor time")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


_RULES: list[Rule] = []  # the rules the SARIF and JUnit outputs describe


def check_input(name: str, data: bytes, rules: RuleSet, seconds: float = 20.0) -> str | None:
    """Why this input fails (an exception, over budget, E003), or None."""
    _RULES[:] = rules.rules
    try:
        with _alarm(seconds), limits_in_effect(Limits()):
            report = lint_bytes(name, data, rules, Selection(), Settings())
            _format_all(report)
    except Exception as error:  # the fuzzer's finding: any exception at all
        return f"{type(error).__name__}: {error}"[:300]
    if any(d.code == "E003" for d in report.diagnostics):
        return "E003: " + next(d.message for d in report.diagnostics if d.code == "E003")
    return None


def _format_all(report: FileReport) -> None:
    options = FormatOptions(color=True, rules=tuple(_RULES), show_source=True)
    for formatter in FORMATTERS.values():
        formatter([report], options)


def keep(kind: str, data: bytes) -> Path:
    FAILURES.mkdir(parents=True, exist_ok=True)
    path = FAILURES / f"{kind}-{hashlib.sha1(data).hexdigest()[:16]}.{kind}"
    path.write_bytes(data)
    return path


@dataclass
class Tally:
    runs: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)


def fuzz(kind: str, count: int, seed: int, rules: RuleSet, seconds: float,
         report: Callable[[str], None] = lambda _: None) -> Tally:
    tally = Tally()
    rng = random.Random(f"{kind}:{seed}")
    for index in range(count):
        data = make_input(kind, rng)
        problem = check_input(f"fuzz.{kind}", data, rules, seconds)
        tally.runs[kind] = index + 1
        if problem is not None:
            tally.failures.append((str(keep(kind, data)), problem))
            report(f"FAIL {kind} #{index}: {problem}")
        if (index + 1) % 1000 == 0:
            report(f"{kind}: {index + 1} inputs, {len(tally.failures)} failures")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", action="store_true", help="the counts the release asks")
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per input")
    args = parser.parse_args(argv)
    rules = load_rules()
    failed = 0
    for kind in args.kind or KINDS:
        count = LONG[kind] if args.long else args.count
        started = time.monotonic()
        tally = fuzz(kind, count, args.seed, rules, args.budget,
                     lambda line: print(line, flush=True))
        failed += len(tally.failures)
        print(f"{kind}: {tally.runs.get(kind, 0)} inputs in {time.monotonic() - started:.0f} s, "
              f"{len(tally.failures)} failures", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
