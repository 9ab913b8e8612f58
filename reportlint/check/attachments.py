"""A page whose report is an attachment, with the attachment saved beside it (as a crawler
saves a site): the page's E006 names that file, which is linted as a report of its own, and
points to it as a related place in that file (so every format, and the review report, can
link the two)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from reportlint.model import Diagnostic, FileReport, Related, Span
from reportlint.read.html import documents_in

ELSEWHERE = "E006"
PAGE_SUFFIXES = (".html", ".htm", ".shtml")
# Sites percent-encode a Chinese file name in UTF-8, older ones in GBK.
_ADDRESS_ENCODINGS = ("utf-8", "gb18030")


def _saved_as(href: str) -> list[str]:
    """Where a crawler may have saved a link's file, relative to the page's folder: beside
    the page under its file name, and (a relative link, as ``wget -k`` writes them) where
    the link leads; each way the address may be percent-encoded."""
    parts = urlsplit(href)
    relative = not parts.scheme and not parts.netloc and not parts.path.startswith("/")
    found = []
    for encoding in _ADDRESS_ENCODINGS:
        try:
            path = unquote(parts.path, encoding, "strict")
        except UnicodeDecodeError:
            continue
        found += [posixpath.basename(path), *([path] if relative else [])]
    return list(dict.fromkeys(name for name in found if name))


def _saved(page: str, href: str, is_file: Callable[[str], bool]) -> str | None:
    folder = os.path.dirname(page)
    for saved in _saved_as(href):
        candidate = _joined(folder, saved)
        if is_file(candidate):
            return candidate
    return None


def _joined(folder: str, saved: str) -> str:
    """``saved`` (a path with ``/``) inside ``folder``, normalised; a URL keeps its ``//``."""
    scheme, sep, rest = folder.partition("://")
    if sep:
        return f"{scheme}://{posixpath.normpath(posixpath.join(rest, saved))}"
    return os.path.normpath(os.path.join(folder, *saved.split("/")))


def name_local_attachment(report: FileReport, data: bytes,
                          is_file: Callable[[str], bool]) -> FileReport:
    """The page's E006 names the file its attachment was saved as, when there is one."""
    pointing = [d for d in report.diagnostics if d.code == ELSEWHERE]
    if not pointing or not report.path.lower().endswith(PAGE_SUFFIXES):
        return report
    local = {}
    for target in documents_in(data):
        found = _saved(report.path, target.href, is_file)
        if found is not None:
            local[(target.line, target.column)] = found
    return replace(report, diagnostics=tuple(_named(d, local) for d in report.diagnostics))


def _named(diagnostic: Diagnostic, local: dict[tuple[int, int], str]) -> Diagnostic:
    found = local.get((diagnostic.span.line, diagnostic.span.column))
    if diagnostic.code != ELSEWHERE or found is None:
        return diagnostic
    attachment = Related(Span(1, 1, 1, 1), "本页发布的报告附件", path=found)
    message = f"{diagnostic.message}；该文件已随本页保存为 {found}（单独检查）"
    return replace(diagnostic, message=message, related=(*diagnostic.related, attachment))


def attachment_of(report: FileReport) -> str | None:
    """The file beside a page that is the page's report, as its E006 names it."""
    return next((r.path for d in report.diagnostics if d.code == ELSEWHERE
                 for r in d.related if r.path is not None), None)
