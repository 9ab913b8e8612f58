"""The review folder, written as outcomes arrive: ``summary.csv`` (UTF-8 with BOM, for WPS
and Excel), ``diagnostics.jsonl``, ``reports/<name>.html`` and, at the end, ``index.html``."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import TextIO

from reportlint.batch.jobs import NOT_A_REPORT, Outcome
from reportlint.check.attachments import attachment_of
from reportlint.model import Diagnostic
from reportlint.output.jsonfmt import diagnostic_object
from reportlint.review.dashboard import dashboard
from reportlint.review.page import Link, report_page, with_link
from reportlint.review.rows import HEADERS, Row, csv_line, row_of

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


def page_name(path: str, taken: set[str]) -> str:
    """A file name for a report's page: its path flattened, unique in the folder."""
    base = _UNSAFE.sub("_", path).strip("._")[-120:] or "report"
    base = base.encode("utf-8", "replace").decode("utf-8")
    name, n = base, 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name.lower())
    return f"{name}.html"


class ReviewFolder:
    """Open it, ``add`` each outcome in order, ``close`` to write the dashboard."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "reports").mkdir(parents=True, exist_ok=True)
        # both stay open across ``add`` calls (rows are written as they come); ``close``
        self._csv: TextIO = open(  # noqa: SIM115
            folder / "summary.csv", "w", encoding="utf-8-sig", newline="")
        self._jsonl: TextIO = open(  # noqa: SIM115
            folder / "diagnostics.jsonl", "w", encoding="utf-8", newline="")
        self._csv.write(csv_line(HEADERS))
        self._taken: set[str] = set()
        self.rows: list[Row] = []  # small: what the dashboard lists, one per file
        self._pages: dict[str, str] = {}  # a report's path → its page's file name
        # an attachment not yet come → the web pages it was published on
        self._awaited: dict[str, list[str]] = {}

    def add(self, outcome: Outcome) -> Row:
        page = ""
        if outcome.status != NOT_A_REPORT and outcome.problem is None:
            name = page_name(outcome.report.path, self._taken)
            links = self._links(outcome.report.path, name, attachment_of(outcome.report))
            html = report_page(outcome.report, outcome.facts, outcome.status, "../index.html",
                               links)
            (self.folder / "reports" / name).write_text(html, encoding="utf-8")
            page = f"reports/{name}"
        row = row_of(outcome, page)
        self._csv.write(csv_line(row.cells))
        facts = dataclasses.asdict(outcome.facts) if outcome.facts else {}
        facts.pop("page_starts", None)
        facts.pop("figures", None)  # the dashboard's; the cells are in `reportlint export`
        for diagnostic in outcome.report.diagnostics:
            item = diagnostic_object(outcome.report.path, diagnostic) | {"facts": facts}
            self._jsonl.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.rows.append(row)
        return row

    def _links(self, path: str, name: str, attachment: str | None) -> list[Link]:
        """The links of a new page to the pages of its web page or its attachment written
        before it; those get their link back to the new page."""
        links = []
        for web in self._awaited.pop(path, []):
            links.append(Link("发布页面", web, self._pages[web]))
            self._add_link(self._pages[web], Link("报告附件", path, name))
        if attachment is not None and attachment in self._pages:
            links.append(Link("报告附件", attachment, self._pages[attachment]))
            self._add_link(self._pages[attachment], Link("发布页面", path, name))
        elif attachment is not None:
            self._awaited.setdefault(attachment, []).append(path)
        self._pages[path] = name
        return links

    def _add_link(self, name: str, link: Link) -> None:
        page = self.folder / "reports" / name
        page.write_text(with_link(page.read_text(encoding="utf-8"), link), encoding="utf-8")

    def add_diagnostic(self, path: str, diagnostic: Diagnostic) -> None:
        """A diagnostic found after its file's row was written (B902)."""
        item = diagnostic_object(path, diagnostic) | {"facts": {}}
        self._jsonl.write(json.dumps(item, ensure_ascii=False) + "\n")

    def close(self, extra: str = "") -> None:
        self._csv.close()
        self._jsonl.close()
        (self.folder / "index.html").write_text(dashboard(self.rows, extra), encoding="utf-8")
