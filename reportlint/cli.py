"""The command line: the only place that prints and chooses exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from reportlint import __version__
from reportlint.engine import RuleFailure, Selection, lint_bytes
from reportlint.errors import UsageError
from reportlint.formatters import FORMATTERS, FormatOptions
from reportlint.issuer import KINDS as ISSUER_KINDS
from reportlint.issuer import run_options
from reportlint.kinds.base import Settings
from reportlint.model import FileReport, Severity
from reportlint.packs import RuleSet, load_rules
from reportlint.readers import READERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in READERS and not _hidden(path, folder):
            yield path


def expand_paths(paths: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(_files_under(path))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None


def exit_code(reports: Sequence[FileReport], fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    worst = max((d.severity for r in reports for d in r.diagnostics), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= threshold else EXIT_CLEAN


@dataclass(frozen=True)
class CheckRun:
    rules: RuleSet
    selection: Selection
    settings: Settings

    def lint(self, path: str, data: bytes) -> FileReport:
        return lint_bytes(path, data, self.rules, self.selection, self.settings)


def _load_rules(rule_dirs: Sequence[str]) -> RuleSet:
    return load_rules(tuple(Path(d) for d in rule_dirs))


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def cli() -> None:
    """reportlint：政府信息公开工作年度报告检查工具。"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)),
              default="text", show_default=True, help="Output format.")
@click.option("--select", help="Comma-separated codes or prefixes to enable (S, S10, T403).")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a diagnostic at or above this severity is found.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
@click.option("--no-source", is_flag=True, help="Do not show source lines under diagnostics.")
@click.option("--issuer-kind", type=click.Choice(ISSUER_KINDS),
              help="Treat every report as issued by a government or a department.")
@click.option("--deadline", metavar="MM-DD",
              help="Publication deadline in the following year (e.g. 01-31), for the issuer "
                   "kind in effect.")
def check(paths: tuple[str, ...], output_format: str, select: str | None,
          ignore: str | None, fail_on: str, rule_dirs: tuple[str, ...],
          stdin_filename: str | None, no_source: bool, issuer_kind: str | None,
          deadline: str | None) -> None:
    """Lint report files (a folder: every report file under it; '-': standard input)."""
    rules = _load_rules(rule_dirs)
    settings = Settings(run_options(issuer_kind, deadline))
    run = CheckRun(rules, Selection(_codes(select), _codes(ignore)), settings)
    reports: list[FileReport] = []
    for name in paths:
        if name == "-":
            reports.append(run.lint(stdin_filename or "<stdin>", sys.stdin.buffer.read()))
            continue
        for path in expand_paths([name]):
            reports.append(run.lint(str(path), _read(path)))
    options = FormatOptions(color=_use_color(), rules=rules.rules, show_source=not no_source)
    click.echo(FORMATTERS[output_format](reports, options), nl=False)
    sys.exit(exit_code(reports, fail_on))


@cli.command(name="rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def list_rules(rule_dirs: tuple[str, ...]) -> None:
    """List every rule: code, name, default severity, summary."""
    for rule in _load_rules(rule_dirs).rules:
        click.echo(f"{rule.code}  {rule.name:<32} {rule.severity.label:<8} {rule.summary}")


@cli.command(name="rule")
@click.argument("code")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def show_rule(code: str, rule_dirs: tuple[str, ...]) -> None:
    """Show a rule's full description and an example."""
    rule = _load_rules(rule_dirs).by_code(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule code {code!r} (see 'reportlint rules')")
    click.echo(f"{rule.code} {rule.name} [{rule.severity.label}]  ({rule.pack}, kind {rule.kind})")
    click.echo("")
    click.echo(rule.description)
    if rule.example:
        click.echo("")
        click.echo("示例：")
        click.echo("\n".join("  " + line for line in rule.example.rstrip().splitlines()))


@cli.command()
@click.argument("path")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def parse(path: str, rule_dirs: tuple[str, ...]) -> None:
    """Print the parsed tree of a report with spans (line:col-end_line:end_col)."""
    from reportlint.catalogue import catalogue_from_data
    from reportlint.describe import describe_facts
    from reportlint.dump import dump
    from reportlint.errors import InputProblem
    from reportlint.parser import parse as parse_lines
    from reportlint.readers import read_bytes

    rules = _load_rules(rule_dirs)
    data = sys.stdin.buffer.read() if path == "-" else _read(Path(path))
    try:
        source = read_bytes(path, data)
    except InputProblem as problem:
        raise UsageError(f"{path}: {problem.code} {problem.message}") from None
    document = parse_lines(source.lines, catalogue_from_data(rules.data["sections"]))
    click.echo(dump(document), nl=False)
    click.echo(describe_facts(document, source.lines, rules.data), nl=False)
    from reportlint.tables.dump import dump_tables

    click.echo(dump_tables(document, source.lines, rules.data), nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="reportlint",
                 standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("reportlint: aborted", err=True)
        sys.exit(EXIT_USAGE)
    except (UsageError, RuleFailure) as error:
        click.echo(f"reportlint: {error}", err=True)
        sys.exit(EXIT_USAGE)
