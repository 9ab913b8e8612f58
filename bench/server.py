"""Latency of the language server: a change in the editor to its diagnostics.

For the example and a report 100 times its size (bench.py's scaled report), the median time
from didChange to publishDiagnostics minus the server's debounce, over stdio with the tests'
LSP client, against the floor: the same lint in-process (lint_bytes). Also the median time
of hover and codeAction. Run:

    python bench/server.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import EXAMPLE, median_ms, scaled_report
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import Settings
from reportlint.server.lsp import DEBOUNCE_SECONDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from lspclient import LspClient


def _timed_changes(client: LspClient, uri: str, text: str, runs: int) -> float:
    samples = []
    for version in range(2, runs + 2):
        # alternate a character so that every change is a real one
        changed = text.replace("－2", "－2" if version % 2 else "-2", 1)
        start = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": changed}]})
        client.wait_for("textDocument/publishDiagnostics",
                        lambda p, v=version: p.get("version") == v)
        samples.append((time.perf_counter() - start - DEBOUNCE_SECONDS) * 1000)
    return statistics.median(samples)


def _timed_request(client: LspClient, method: str, params: object, runs: int) -> float:
    return median_ms(lambda: client.request(method, params), runs, warmup=1)


def bench(name: str, data: bytes, runs: int) -> None:
    rules = load_rules()
    floor = median_ms(lambda: lint_bytes("r.txt", data, rules, Selection(), Settings()), runs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        text = data.decode("utf-8")
        path.write_text(text, encoding="utf-8")
        client = LspClient(Path(folder))
        client.initialize(Path(folder), None)
        uri = path.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "text", "version": 1, "text": text}})
        client.diagnostics(uri)
        change = _timed_changes(client, uri, text, runs)
        where = {"textDocument": {"uri": uri}, "position": {"line": 41, "character": 1}}
        hover = _timed_request(client, "textDocument/hover", where, runs)
        point = where["position"]
        actions = _timed_request(client, "textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": point, "end": point},
            "context": {"diagnostics": []}}, runs)
        client.close()
    print(f"{name:<10} lint in-process {floor:8.1f} ms | change→diagnostics {change:8.1f} ms "
          f"(×{change / floor:.2f}) | hover {hover:6.1f} ms | codeAction {actions:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    bench("example", EXAMPLE.read_bytes(), runs)
    bench("100×", scaled_report(100), max(runs // 3, 3))


if __name__ == "__main__":
    main()
