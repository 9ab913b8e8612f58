"""The language server, driven over stdio by a real LSP client process (tests/lspclient.py).

The sequence of the issue: initialize with each position encoding → didOpen a report with
an astral character (𠀀, two UTF-16 units, four UTF-8 bytes) before a flagged span → exact
diagnostics → didChange → updated diagnostics → hover → codeAction → apply the edit → the
diagnostic is gone. Positions expected here are computed from the text with Python's own
encoders, not with reportlint's converters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import EXAMPLE, ROOT
from lspclient import LspClient

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import Settings

pytest.importorskip("pygls", reason="the language server needs the lsp extra (pygls)")

ALIAS = "五、政府信息公开工作存在的主要问题及改进情况"
CANONICAL = "五、存在的主要问题及改进情况"
BAD_PHONE = "0739-23231"


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def _position(text: str, needle: str, encoding: str) -> tuple[int, int, int]:
    """(0-based line, start, end) of ``needle`` in ``text``, in ``encoding`` units."""
    for number, line in enumerate(text.split("\n")):
        if needle in line:
            before = line[: line.index(needle)]
            start = _units(before, encoding)
            return number, start, start + _units(needle, encoding)
    raise AssertionError(f"{needle!r} not in the text")


def _offset(line: str, units: int, encoding: str) -> int:
    """A code-point index in ``line`` from an LSP character offset."""
    count = 0
    for index, ch in enumerate(line):
        if count >= units:
            return index
        count += _units(ch, encoding)
    return len(line)


def _apply(text: str, edits: list[dict[str, Any]], encoding: str) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]), reverse=True):
        start, end = edit["range"]["start"], edit["range"]["end"]
        assert start["line"] == end["line"]
        line = lines[start["line"]]
        begin = _offset(line, start["character"], encoding)
        stop = _offset(line, end["character"], encoding)
        lines[start["line"]] = line[:begin] + edit["newText"] + line[stop:]
    return "\n".join(lines)


def _report() -> str:
    """The example with 𠀀 early on line 4 and a short phone number after it (C604)."""
    text = EXAMPLE.replace("根据《", "根据𠀀《", 1)
    return text.replace("电话：0739-2323188", f"电话：{BAD_PHONE}", 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "reportlint.toml").write_text('ignore = ["P704"]\n', encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(folder: Path) -> Iterator[LspClient]:
    lsp = LspClient(folder)
    yield lsp
    assert lsp.close() == 0


def _open(client: LspClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    path.write_text(text, encoding="utf-8")
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "text", "version": 1, "text": text}})
    return uri


def _change(client: LspClient, uri: str, text: str, version: int) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})


def _codes(diagnostics: list[dict[str, Any]]) -> list[tuple[str, int, int, int]]:
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["character"]) for d in diagnostics)


@pytest.mark.parametrize("offered, agreed", [
    (None, "utf-16"), (["utf-16"], "utf-16"), (["utf-8"], "utf-8"), (["utf-32"], "utf-32"),
    (["utf-8", "utf-16"], "utf-8"),
])
def test_the_editing_sequence(client: LspClient, folder: Path, offered: list[str] | None,
                              agreed: str) -> None:
    result = client.initialize(folder, offered)
    assert result["capabilities"].get("positionEncoding", "utf-16") == agreed

    text = _report()
    uri = _open(client, folder / "report.txt", text)
    line, start, end = _position(text, BAD_PHONE, agreed)
    found = client.diagnostics(uri)
    assert _codes(found) == [("C604", line, start, end), ("N303", 41, 1, 1 + _units("－2", agreed))]
    phone = next(d for d in found if d["code"] == "C604")
    assert (phone["source"], phone["severity"]) == ("reportlint", 1)  # error

    text = text.replace(CANONICAL, ALIAS)
    _change(client, uri, text, 2)
    heading = _position(text, ALIAS, agreed)
    found = client.diagnostics(uri, lambda ds: any(d["code"] == "S105" for d in ds))
    assert ("S105", *heading) in _codes(found)

    position = {"line": heading[0], "character": heading[1] + _units("五、政府", agreed)}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": position})
    assert "S105 heading-nonstandard [警告]" in hover["contents"]["value"]
    assert "示例：" in hover["contents"]["value"]

    where = {"start": position, "end": position}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": where,
        "context": {"diagnostics": [], "only": ["quickfix"]}})
    titles = [a["title"] for a in actions]
    assert titles == [f"S105: 改为规范标题“{CANONICAL}”",
                      "在此文件中忽略 S105（写入 reportlint.toml 的 per-file-ignores）"]
    fixed = _apply(text, actions[0]["edit"]["changes"][uri], agreed)
    assert fixed == _report()

    _change(client, uri, fixed, 3)
    found = client.diagnostics(uri, lambda ds: all(d["code"] != "S105" for d in ds))
    assert [d["code"] for d in found] == ["C604", "N303"]

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_ignore_in_this_file_writes_the_configuration(client: LspClient, folder: Path) -> None:
    client.initialize(folder, None)
    uri = _open(client, folder / "report.txt", _report())
    client.diagnostics(uri)
    line, start, _ = _position(_report(), BAD_PHONE, "utf-16")
    point = {"line": line, "character": start}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": point, "end": point},
        "context": {"diagnostics": []}})
    ignore = next(a for a in actions if "忽略 C604" in a["title"])
    change = ignore["edit"]["documentChanges"][-1]
    assert change["textDocument"]["uri"] == (folder / "reportlint.toml").as_uri()
    assert change["edits"][0]["newText"] == (
        'ignore = ["P704"]\n\n[per-file-ignores]\n"report.txt" = ["C604"]\n')

    # the editor writes the file; the server hears of it and lints again without C604
    (folder / "reportlint.toml").write_text(change["edits"][0]["newText"], encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": (folder / "reportlint.toml").as_uri(), "type": 2}]})
    found = client.diagnostics(uri, lambda ds: all(d["code"] != "C604" for d in ds))
    assert [d["code"] for d in found] == ["N303"]


def test_a_bad_configuration_is_one_diagnostic_and_the_server_lives_on(
        client: LspClient, folder: Path) -> None:
    (folder / "reportlint.toml").write_text('select = ["S901"]\n', encoding="utf-8")
    client.initialize(folder, None)
    uri = _open(client, folder / "report.txt", _report())
    found = client.diagnostics(uri)
    assert len(found) == 1 and "S901" in found[0]["message"]
    assert (found[0]["range"]["start"], found[0]["severity"]) == ({"line": 0, "character": 0}, 1)

    # the configuration is mended and saved in the editor
    (folder / "reportlint.toml").write_text("", encoding="utf-8")
    client.notify("textDocument/didSave", {
        "textDocument": {"uri": (folder / "reportlint.toml").as_uri()}})
    found = client.diagnostics(uri, lambda ds: len(ds) > 1)
    assert sorted(d["code"] for d in found) == ["C604", "N303"]


def test_related_locations_are_related_information(client: LspClient, folder: Path) -> None:
    client.initialize(folder, None)
    # a row whose 总计 no longer adds up: T401, with the cells it adds as related locations
    row = "一、本年新收政府信息公开申请数量\n"
    text = _report().replace(row + "\t1\n", row + "\t2\n")
    uri = _open(client, folder / "report.txt", text)
    found = client.diagnostics(uri)
    total = next(d for d in found if d["code"] == "T401")
    assert total["range"]["start"] == {"line": 108, "character": 1}
    related = total["relatedInformation"]
    assert len(related) >= 2
    for info in related:
        assert info["location"]["uri"] == uri and info["message"]


def test_html_opened_as_text_points_into_the_html_source(client: LspClient,
                                                         folder: Path) -> None:
    client.initialize(folder, None)
    # the editor decoded the GB2312 file (its <meta charset>); the server gets the text
    html = (ROOT / "fixtures" / "documents" / "example.html").read_bytes().decode("gb18030")
    uri = _open(client, folder / "report.html", html)
    cell = next(d for d in client.diagnostics(uri) if d["code"] == "N303")
    line, start, _ = _position(html, '－</span><span>2', "utf-16")
    assert cell["range"]["start"] == {"line": line, "character": start}
    # the end is where `reportlint check` ends it in the HTML source (all BMP: units = code
    # points)
    path = ROOT / "fixtures" / "documents" / "example.html"
    report = lint_bytes(str(path), path.read_bytes(), load_rules(), Selection(), Settings())
    span = next(d.span for d in report.diagnostics if d.code == "N303")
    assert cell["range"]["end"] == {"line": span.end_line - 1, "character": span.end_column - 1}


def test_markdown_is_linted(client: LspClient, folder: Path) -> None:
    client.initialize(folder, None)
    uri = _open(client, folder / "report.md", _report())
    assert [d["code"] for d in client.diagnostics(uri)] == ["C604", "N303"]
