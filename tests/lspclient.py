"""A small LSP client over stdio for the tests: JSON-RPC with Content-Length framing.

It starts ``reportlint server`` as a process, answers the requests the server sends
(client/registerCapability), and lets a test wait for a notification that satisfies a
condition. Kept independent of pygls so that it checks the server from outside.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

WAIT = 30.0  # seconds: a bound against a hung server, not a timing assertion

Message = dict[str, Any]


class LspClient:
    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportlint", "server"], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUTF8": "1"})
        self.inbox: queue.Queue[Message] = queue.Queue()
        self.notes: list[Message] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def _send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def _next(self) -> Message:
        message = self.inbox.get(timeout=WAIT)
        if "method" in message and "id" in message:  # a request from the server
            self._send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notes.append(message)
        return message

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        while True:
            message = self._next()
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result")

    def wait_for(self, method: str, test: Callable[[Any], bool] = lambda _: True) -> Any:
        """The params of the first notification ``method`` (received or to come) that
        passes ``test``; the ones before it are dropped."""
        while True:
            while self.notes:
                note = self.notes.pop(0)
                if note["method"] == method and test(note["params"]):
                    return note["params"]
            self._next()

    def diagnostics(self, uri: str, test: Callable[[list[Message]], bool] = lambda _: True
                    ) -> list[Message]:
        params = self.wait_for("textDocument/publishDiagnostics",
                               lambda p: p["uri"] == uri and test(p["diagnostics"]))
        found: list[Message] = params["diagnostics"]
        return found

    def initialize(self, root: Path, encodings: list[str] | None) -> Message:
        general = {"positionEncodings": encodings} if encodings is not None else {}
        capabilities = {
            "general": general,
            "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                             "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                                 "valueSet": ["quickfix"]}}}},
            "workspace": {"workspaceEdit": {"documentChanges": True,
                                            "resourceOperations": ["create"]},
                          "didChangeWatchedFiles": {"dynamicRegistration": True}},
        }
        result: Message = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities})
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
