"""Choices about output that the command line makes: the format, statistics, colour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from reportlint.model import FileReport
from reportlint.output.base import summary_line


def default_format(explicit: str | None, environ: Mapping[str, str]) -> str:
    """The format asked for, else ``github`` inside GitHub Actions, else ``text``."""
    if explicit:
        return explicit
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def base_dir(cwd: str, environ: Mapping[str, str]) -> str:
    """The folder paths are made relative to: the GitHub workspace (the checkout, which
    annotations and code scanning resolve paths against) when running inside it, even from
    a subfolder; otherwise the working directory."""
    workspace = environ.get("GITHUB_WORKSPACE", "")
    if workspace and PurePath(cwd).is_relative_to(PurePath(workspace)):
        return workspace
    return cwd


def use_color(is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Colour on a terminal only, and never when ``NO_COLOR`` is set (no-color.org)."""
    return is_terminal and not environ.get("NO_COLOR")


def statistics(reports: Sequence[FileReport]) -> str:
    """Count per rule, most frequent first (then by code), and the summary line."""
    tally: Counter[tuple[str, str, str]] = Counter(
        (d.code, d.name, d.severity.label) for r in reports for d in r.diagnostics)
    return statistics_of(tally, summary_line(reports))


def statistics_of(tally: Counter[tuple[str, str, str]], summary: str) -> str:
    """``statistics`` from counters of (code, name, severity label) and the summary line."""
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in ranked), default=1)
    lines = [f"{n:>{width}}  {code}  {name} [{level}]" for (code, name, level), n in ranked]
    lines.append(summary)
    return "\n".join(lines) + "\n"
