"""A page whose report is an attachment, with the attachment saved beside it (as a crawler
saves a site): the page's E006 names that file, which is linted as a report of its own."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import unquote

from reportlint.model import Diagnostic, FileReport
from reportlint.read.html import documents_in

PAGE_SUFFIXES = (".html", ".htm", ".shtml")


def _beside(page: str, href: str, names: Collection[str]) -> str | None:
    folder = posixpath.dirname(page.replace("\\", "/"))
    file_name = posixpath.basename(unquote(href.split("?")[0].split("#")[0]))
    candidate = posixpath.join(folder, file_name) if folder else file_name
    normalised = {n.replace("\\", "/"): n for n in names}
    return normalised.get(candidate)


def name_local_attachment(report: FileReport, data: bytes,
                          names: Collection[str]) -> FileReport:
    """The page's E006 says which of the linted files its attachment is, when it is one."""
    pointing = [d for d in report.diagnostics if d.code == "E006"]
    if not pointing or not report.path.lower().endswith(PAGE_SUFFIXES):
        return report
    local = {}
    for target in documents_in(data):
        found = _beside(report.path, target.href, names)
        if found is not None:
            local[(target.line, target.column)] = found
    return replace(report, diagnostics=tuple(_named(d, local) for d in report.diagnostics))


def _named(diagnostic: Diagnostic, local: dict[tuple[int, int], str]) -> Diagnostic:
    found = local.get((diagnostic.span.line, diagnostic.span.column))
    if diagnostic.code != "E006" or found is None:
        return diagnostic
    return replace(diagnostic, message=f"{diagnostic.message}；该文件在本页旁：{found}（单独检查）")
