"""A page whose report is an attachment, with the attachment saved beside it (as a crawler
saves a site): the page's E006 names that file, which is linted as a report of its own, and
points to it as a related place in that file (so every format, and the review report, can
link the two)."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import unquote

from reportlint.model import Diagnostic, FileReport, Related, Span
from reportlint.read.html import documents_in

ELSEWHERE = "E006"
_PAGE_SUFFIXES = (".html", ".htm", ".shtml")
# Sites percent-encode a Chinese file name in UTF-8, older ones in GBK.
_ADDRESS_ENCODINGS = ("utf-8", "gb18030")


def _file_names(href: str) -> list[str]:
    """The names a link's file may be saved under, each way its address may be encoded."""
    path = href.split("?")[0].split("#")[0]
    names = []
    for encoding in _ADDRESS_ENCODINGS:
        try:
            names.append(posixpath.basename(unquote(path, encoding, "strict")))
        except UnicodeDecodeError:
            continue
    return names


def _beside(page: str, href: str, names: Collection[str]) -> str | None:
    folder = posixpath.dirname(page.replace("\\", "/"))
    normalised = {n.replace("\\", "/"): n for n in names}
    for file_name in _file_names(href):
        found = normalised.get(posixpath.join(folder, file_name) if folder else file_name)
        if found is not None:
            return found
    return None


def name_local_attachment(report: FileReport, data: bytes,
                          names: Collection[str]) -> FileReport:
    """The page's E006 says which of the linted files its attachment is, when it is one."""
    pointing = [d for d in report.diagnostics if d.code == ELSEWHERE]
    if not pointing or not report.path.lower().endswith(_PAGE_SUFFIXES):
        return report
    local = {}
    for target in documents_in(data):
        found = _beside(report.path, target.href, names)
        if found is not None:
            local[(target.line, target.column)] = found
    return replace(report, diagnostics=tuple(_named(d, local) for d in report.diagnostics))


def _named(diagnostic: Diagnostic, local: dict[tuple[int, int], str]) -> Diagnostic:
    found = local.get((diagnostic.span.line, diagnostic.span.column))
    if diagnostic.code != ELSEWHERE or found is None:
        return diagnostic
    attachment = Related(Span(1, 1, 1, 1), "本页发布的报告附件", path=found)
    return replace(diagnostic, message=f"{diagnostic.message}；该文件在本页旁：{found}（单独检查）",
                   related=(*diagnostic.related, attachment))


def attachment_of(report: FileReport) -> str | None:
    """The file beside a page that is the page's report, as its E006 names it."""
    return next((r.path for d in report.diagnostics if d.code == ELSEWHERE
                 for r in d.related if r.path is not None), None)
