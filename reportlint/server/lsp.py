"""The pygls wiring: LSP messages in, the pipeline's results out (reportlint server)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from reportlint import __version__
from reportlint.config.files import FileConfig
from reportlint.config.ignoring import ignore_in_file
from reportlint.model import Diagnostic
from reportlint.output.columns import line_text
from reportlint.output.rulehelp import rule_help
from reportlint.server import convert
from reportlint.server.documents import (
    Linted,
    Workspace,
    at,
    handles,
    overlapping,
    rules_of,
    touches_configuration,
)
from reportlint.server.positions import to_column

DEBOUNCE_SECONDS = 0.3


class ReportServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("reportlint", __version__)
        self.lint_space = Workspace()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        # One worker: the resolver and its caches are used by one thread at a time.
        self.worker = ThreadPoolExecutor(max_workers=1)

    @property
    def encoding(self) -> str:
        agreed = self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
        return agreed.value if isinstance(agreed, lsp.PositionEncodingKind) else agreed


server = ReportServer()


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


async def _lint_now(ls: ReportServer, uri: str) -> None:
    path = _path(uri)
    if path is None or not handles(path) or uri not in ls.workspace.text_documents:
        return
    document = ls.workspace.get_text_document(uri)
    text, version = document.source, document.version
    loop = asyncio.get_running_loop()
    linted = await loop.run_in_executor(ls.worker, ls.lint_space.lint, path, text)
    if uri not in ls.workspace.text_documents:
        return  # closed meanwhile: its diagnostics were cleared
    if ls.workspace.get_text_document(uri).version != version:
        return  # the buffer changed meanwhile: its own run publishes
    ls.linted[uri] = linted
    _publish(ls, uri, linted, version)


def _publish(ls: ReportServer, uri: str, linted: Linted, version: int | None) -> None:
    if linted.problem is not None or linted.report is None:
        found = [convert.problem_diagnostic(linted.problem or "")]
    else:
        found = [convert.lsp_diagnostic(uri, linted.lines, d, ls.encoding)
                 for d in linted.report.diagnostics]
    ls.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))


def _schedule(ls: ReportServer, uri: str, delay: float) -> None:
    earlier = ls.pending.pop(uri, None)
    if earlier is not None:
        earlier.cancel()

    async def run() -> None:
        await asyncio.sleep(delay)
        await _lint_now(ls, uri)

    ls.pending[uri] = asyncio.ensure_future(run())


async def _relint_all(ls: ReportServer) -> None:
    ls.lint_space.reload()
    for uri in list(ls.workspace.text_documents):
        await _lint_now(ls, uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: ReportServer, params: lsp.DidOpenTextDocumentParams) -> None:
    await _lint_now(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ReportServer, params: lsp.DidChangeTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: ReportServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None and touches_configuration(path):
        await _relint_all(ls)
    else:
        await _lint_now(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ReportServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_changed(ls: ReportServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    paths = [_path(change.uri) for change in params.changes]
    if any(p is not None and touches_configuration(p) for p in paths):
        await _relint_all(ls)


@server.feature(lsp.INITIALIZED)
async def initialized(ls: ReportServer, params: lsp.InitializedParams) -> None:
    """Ask the client to tell us when a configuration or rule file changes on disk."""
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return
    globs = ["**/reportlint.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml"]
    options = lsp.DidChangeWatchedFilesRegistrationOptions(
        watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in globs])
    registration = lsp.Registration(id="reportlint-config-files",
                                    method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                    register_options=options)
    await ls.client_register_capability_async(lsp.RegistrationParams([registration]))


def _point(ls: ReportServer, linted: Linted, position: lsp.Position) -> tuple[int, int]:
    line = position.line + 1
    return line, to_column(line_text(linted.lines, line), position.character, ls.encoding)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: ReportServer, params: lsp.HoverParams) -> lsp.Hover | None:
    linted = ls.linted.get(params.text_document.uri)
    if linted is None or linted.report is None:
        return None
    found = at(linted.report.diagnostics, *_point(ls, linted, params.position))
    rules = rules_of(linted, [d.code for d in found])
    if not rules:
        return None
    text = "\n\n---\n\n".join(f"```text\n{rule_help(rule)}```" for rule in rules)
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text),
                     convert.lsp_range(linted.lines, found[0].span, ls.encoding))


def _fix_action(ls: ReportServer, uri: str, linted: Linted,
                diagnostic: Diagnostic) -> lsp.CodeAction | None:
    if diagnostic.fix is None:
        return None
    edits = [convert.text_edit(linted.lines, e, ls.encoding) for e in diagnostic.fix.edits]
    return lsp.CodeAction(
        title=f"{diagnostic.code}: {diagnostic.fix.title}", kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[convert.lsp_diagnostic(uri, linted.lines, diagnostic, ls.encoding)],
        is_preferred=True, edit=lsp.WorkspaceEdit(changes={uri: edits}))


def _ignore_action(ls: ReportServer, uri: str, linted: Linted,
                   code: str) -> lsp.CodeAction | None:
    path = _path(uri)
    config = linted.resolved.config if linted.resolved else FileConfig()
    found = ignore_in_file(config, path, code) if path else None
    if found is None:
        return None
    target = found.config.as_uri()
    edit = lsp.TextDocumentEdit(
        lsp.OptionalVersionedTextDocumentIdentifier(target, None),
        [lsp.TextEdit(convert.whole_file(found.old, ls.encoding), found.text)])
    changes: list[Any] = [] if found.exists else [lsp.CreateFile(target)]
    return lsp.CodeAction(
        title=f"在此文件中忽略 {code}（写入 {found.config.name} 的 per-file-ignores）",
        kind=lsp.CodeActionKind.QuickFix,
        edit=lsp.WorkspaceEdit(document_changes=[*changes, edit]))


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: ReportServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None or linted.report is None:
        return []
    start = _point(ls, linted, params.range.start)
    end = _point(ls, linted, params.range.end)
    found = overlapping(linted.report.diagnostics, start, end)
    actions = [_fix_action(ls, uri, linted, d) for d in found]
    actions += [_ignore_action(ls, uri, linted, code)
                for code in dict.fromkeys(d.code for d in found)]
    return [action for action in actions if action is not None]


def serve() -> None:
    server.start_io()
