"""Choices about output that the command line makes: the format, statistics, colour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from reportlint.common.i18n import DEFAULT_LANG, say
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


COLOR_MODES = ("auto", "always", "never")


def use_color(is_terminal: bool, environ: Mapping[str, str], mode: str = "auto") -> bool:
    """``--color always|never`` as asked; ``auto``: never when ``NO_COLOR`` is set
    (no-color.org), always when ``FORCE_COLOR`` is (force-color.org: a CI log that shows
    colours), else on a terminal only."""
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR"):
        return False
    return bool(environ.get("FORCE_COLOR")) or is_terminal


def statistics(reports: Sequence[FileReport], lang: str = DEFAULT_LANG) -> str:
    """Count per rule, most frequent first (then by code), and the summary line."""
    tally: Counter[tuple[str, str, str]] = Counter(
        (d.code, d.name, d.severity.label) for r in reports for d in r.diagnostics)
    return statistics_of(tally, summary_line(reports, lang), lang)


def statistics_of(tally: Counter[tuple[str, str, str]], summary: str,
                  lang: str = DEFAULT_LANG) -> str:
    """``statistics`` from counters of (code, name, severity label) and the summary line."""
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in ranked), default=1)
    lines = [f"{n:>{width}}  {code}  {name} [{say(level, lang)}]"
             for (code, name, level), n in ranked]
    lines.append(summary)
    return "\n".join(lines) + "\n"
