"""The records that cross a process boundary: what to lint, under what, and what came out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.config.resolve import Overrides
from reportlint.model import FileReport, Source

if TYPE_CHECKING:  # annotations only: a cached check does not import the facts
    from reportlint.facts.lastyear import LastYear

CLEAN, FINDINGS, UNREADABLE, NOT_A_REPORT = "clean", "findings", "unreadable", "not a report"


@dataclass(frozen=True)
class Job:
    """One input. ``name`` is what diagnostics show; the bytes come from ``data``, else from
    the member ``member`` of the zip archive ``path``, else from the file ``path``.
    ``explicit``: named by the user, so linted even when it does not look like a report.
    ``article``: the files of a web article split over pages, in order, when this file is one
    of them and all are among the inputs: they are linted joined, and this job reports its
    part. ``previous``: what the Y rules need of last year's report, kept from its own run.
    ``path`` may be a URL (batch/places.py). Set by the client for a worker elsewhere
    (batch/cluster.py): ``beside``, the names of the files beside a page (where its
    attachment is looked up), and ``config_from``, where the configuration is found."""

    name: str
    path: str | None = None
    member: str | None = None
    data: bytes | None = None
    explicit: bool = True
    article: tuple[str, ...] = ()
    previous: LastYear | None = None  # last year's report (--previous, or paired with it)
    beside: tuple[str, ...] | None = None
    config_from: str | None = None

    @property
    def config_path(self) -> Path:
        """The file whose configuration applies (a zip member: the archive's; a URL: the
        working folder's, as ``Path`` reads it: relative)."""
        if self.config_from is not None:
            return Path(self.config_from)
        return Path(self.path if self.path is not None else self.name)


@dataclass(frozen=True)
class Plan:
    """What every job of a run shares: the command line, the cache, whether to derive facts
    (and keep what next year's Y rules need of each report)."""

    overrides: Overrides
    cache_dir: str | None = None
    facts: bool = False
    # keep each report's read Source in its outcome: ``annotate`` places its notes with the
    # lines and pages the diagnostics refer to, without reading the file a second time
    source: bool = False


@dataclass(frozen=True)
class Figure:
    """A key figure of a report (``figures`` of the rule pack's data): the cell's number as
    written in the report, None when its table was not bound or the cell is no number (never
    a guess), and where in the file the cells of its row start, (line, column), its own
    first: a diagnostic there concerns it."""

    label: str
    value: str | None
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ReportFacts:
    """What a review table shows of a report besides its diagnostics."""

    issuer: str | None = None
    issuer_kind: str | None = None
    year: int | None = None
    format_version: str | None = None
    pages: int | None = None
    published: str | None = None  # ISO date of the signature (落款) date
    previous: str | None = None  # the report taken as last year's (--previous or paired)
    # (line, page) where each page of a PDF starts, in the lines diagnostics refer to
    page_starts: tuple[tuple[int, int], ...] = ()
    figures: tuple[Figure, ...] = ()  # the key figures the review shows year by year


@dataclass(frozen=True)
class Outcome:
    """One job's result. ``problem``: why the file could not be read (named on stderr);
    ``fatal``: a bad configuration or a failing rule, which stops the run."""

    report: FileReport
    status: str
    fail_on: str = "error"
    problem: str | None = None
    fatal: str | None = None
    facts: ReportFacts | None = None
    summary: LastYear | None = None  # what next year's Y rules need of it (with the facts)
    source: Source | None = None  # with ``Plan.source``: the text the diagnostics refer to
