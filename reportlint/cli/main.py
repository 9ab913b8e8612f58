"""The command line: the only place that prints and chooses exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from reportlint import __version__
from reportlint.check.budget import budget_of, lint_bounded
from reportlint.check.engine import RuleFailure, Selection
from reportlint.check.packs import Rule, RuleSet
from reportlint.cli.walk import walk_files
from reportlint.common.names import one_line
from reportlint.config.resolve import Overrides, Resolved, Resolver
from reportlint.errors import UsageError
from reportlint.facts.issuer import KINDS as ISSUER_KINDS
from reportlint.facts.issuer import run_options
from reportlint.model import FileReport, Settings, Severity, Source
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.output.base import summary_line
from reportlint.output.choices import base_dir, default_format, statistics, use_color
from reportlint.read import READERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _hidden(path: Path, root: Path) -> bool:
    # ``~$报告.docx``: the lock file Word and WPS keep beside a document while it is open
    return (any(part.startswith(".") for part in path.relative_to(root).parts)
            or path.name.startswith("~$"))


def _files_under(folder: Path, unreadable: list[str]) -> Iterator[Path]:
    for path in walk_files(folder, unreadable):
        if path.is_file() and path.suffix.lower() in READERS and not _hidden(path, folder):
            yield path


def expand_paths(paths: Sequence[str], unreadable: list[str] | None = None) -> list[Path]:
    """The files the paths name; sub-folders that cannot be read go to ``unreadable``."""
    unreadable = [] if unreadable is None else unreadable
    found: list[Path] = []
    for name in paths:
        if not name:  # Path("") is "." : ``reportlint check "$UNSET"`` must not lint the folder
            raise UsageError("'': no such file or directory")
        path = Path(name)
        if path.is_dir():
            found.extend(_files_under(path, unreadable))
        elif path.exists():
            # a file, or a pipe or device given by name: ``<(unzip -p reports.zip a.txt)``,
            # /dev/stdin (a folder walk reads regular files only)
            found.append(path)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return found


def _read(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes; with a limit, at most one byte past it (``/dev/zero`` ends)."""
    try:
        with path.open("rb") as stream:
            return stream.read(-1 if limit is None else limit + 1)
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None


def _stdin_bytes(limit: int | None = None) -> bytes:
    """Standard input, or a usage error when there is none (closed: ``reportlint check - <&-``)."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise UsageError("-: standard input is closed")
    try:
        return stream.read(-1 if limit is None else limit + 1)
    except OSError as error:
        raise UsageError(f"-: cannot read standard input: {error.strerror}") from None


def _read_source(path: str) -> Source:
    """A report read for ``parse`` and ``extract``: an unreadable one is a usage error."""
    from reportlint.errors import InputProblem
    from reportlint.read import read_bytes

    data = _stdin_bytes() if path == "-" else _read(Path(path))
    try:
        return read_bytes(path, data)
    except InputProblem as problem:
        raise UsageError(f"{path}: {problem.code} {problem.message}") from None


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
        return lint_bounded(path, data, self.rules, self.selection, self.settings)

    @classmethod
    def from_config(cls, resolved: Resolved) -> CheckRun:
        return cls(resolved.rules, resolved.selection, resolved.settings)


def _load_rules(rule_dirs: Sequence[str], near: Path | None = None) -> RuleSet:
    """The built-in pack, the packs of the configuration in effect for ``near`` (a file;
    by default one in the working directory) and the ``--rules`` folders."""
    resolver = Resolver(Overrides(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    return resolver.rules_for(resolver.config_for(near or Path.cwd() / "report.txt"))


def _use_color() -> bool:
    return use_color(sys.stdout.isatty(), os.environ)


def _inputs(paths: Sequence[str], stdin_filename: str | None,
            unreadable: list[str]) -> Iterator[tuple[str, Path | None]]:
    """Each input as (name to report, file to read; None: standard input)."""
    if list(paths).count("-") > 1:  # the second read would find it empty
        raise UsageError("'-' (standard input) can be given only once")
    seen: set[str] = set()
    for name in paths:
        if name == "-":
            yield stdin_filename or "<stdin>", None
            continue
        for path in expand_paths([name], unreadable):
            # a file named twice (``reports/ reports/a.txt``, ``a.txt ./a.txt``) is linted once
            key = os.path.normpath(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                yield str(path), path


@dataclass
class _Linted:
    runs: list[tuple[FileReport, Resolved]]
    unreadable: list[str]  # one line each: the run goes on, and exits 2 at the end


def _lint_all(resolver: Resolver, paths: Sequence[str], stdin_filename: str | None) -> _Linted:
    """Each input linted under the configuration in effect for it. A file that cannot be
    read does not stop the others (a folder of hundreds of reports is still checked)."""
    done = _Linted([], [])
    for name, path in _inputs(paths, stdin_filename, done.unreadable):
        # Standard input takes the configuration of the name it is given.
        resolved = resolver.resolve(Path(name) if path is None else path)
        limit = budget_of(resolved.settings).limits.max_bytes
        try:
            data = _stdin_bytes(limit) if path is None else _read(path, limit)
        except UsageError as error:
            done.unreadable.append(str(error))
            continue
        done.runs.append((CheckRun.from_config(resolved).lint(name, data), resolved))
    return done


def _guard_output(output_file: str | None, paths: Sequence[str]) -> None:
    """Refuse an output file that is one of the inputs: ``-o report.txt report.txt`` would
    replace the report with its diagnostics."""
    if output_file is None or not Path(output_file).exists():
        return
    for path in expand_paths([p for p in paths if p != "-"]):
        try:
            same = os.path.samefile(output_file, path)
        except OSError:
            continue
        if same:
            raise UsageError(f"{output_file}: the output file is one of the inputs "
                             "(it would be overwritten)")


def _all_rules(runs: Sequence[Resolved]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    for run in runs:
        rules.update((rule.code, rule) for rule in run.rules.rules)
    return tuple(sorted(rules.values(), key=lambda r: r.code))


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None


_CONFIG_HELP = "Use this configuration file for every input (no search)."
_ISOLATED_HELP = "Ignore every configuration file."


class _Group(click.Group):
    """Turns the one user-facing error type into one line on stderr and exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (UsageError, RuleFailure) as error:
            click.echo(f"reportlint: {one_line(str(error))}", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def cli() -> None:
    """reportlint：政府信息公开工作年度报告检查工具。"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)),
              default=None, help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--select", help="Comma-separated codes or prefixes to enable (S, S10, T403).")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a diagnostic at or above this severity is found "
                   "[default: the configuration's fail-on, else error].")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
@click.option("--no-source", is_flag=True, help="Do not show source lines under diagnostics.")
@click.option("--extend-select", help="Comma-separated codes or prefixes to enable as well.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help=_CONFIG_HELP)
@click.option("--isolated", is_flag=True, help=_ISOLATED_HELP)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the report there (stdout then shows the summary line).")
@click.option("--statistics", "show_statistics", is_flag=True,
              help="Show the count per rule, most frequent first, instead of the diagnostics.")
@click.option("--quiet", "-q", is_flag=True, help="Show only the summary line.")
@click.option("--issuer-kind", type=click.Choice(ISSUER_KINDS),
              help="Treat every report as issued by a government or a department.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Time budget per file in seconds (E003 past it) [default: the "
                   "configuration's timeout, else 60].")
@click.option("--deadline", metavar="MM-DD",
              help="Publication deadline in the following year (e.g. 01-31), for the issuer "
                   "kind in effect.")
def check(paths: tuple[str, ...], output_format: str | None, select: str | None,
          ignore: str | None, fail_on: str | None, rule_dirs: tuple[str, ...],
          stdin_filename: str | None, no_source: bool, extend_select: str | None,
          config_file: str | None, isolated: bool, output_file: str | None,
          show_statistics: bool, quiet: bool, issuer_kind: str | None,
          deadline: str | None, timeout: float | None) -> None:
    """Lint report files (a folder: every report file under it; '-': standard input)."""
    resolver = Resolver(Overrides(
        select=_codes(select) or None, ignore=_codes(ignore),
        extend_select=_codes(extend_select), fail_on=fail_on,
        rule_dirs=tuple(Path(d) for d in rule_dirs),
        # rule settings given on the command line win over the files'
        settings={**run_options(issuer_kind, deadline),
                  **({"timeout": timeout} if timeout else {})},
        config_file=Path(config_file) if config_file else None, isolated=isolated,
    ))
    _guard_output(output_file, paths)
    outcome = _lint_all(resolver, paths, stdin_filename)
    linted = outcome.runs
    reports = [report for report, _ in linted]
    fail_on_of = {report.path: resolved.fail_on for report, resolved in linted}
    to_terminal = output_file is None and not quiet and not show_statistics
    options = FormatOptions(color=to_terminal and _use_color(),
                            rules=_all_rules([resolved for _, resolved in linted]),
                            show_source=not no_source, fail_on=fail_on_of,
                            base_dir=base_dir(os.getcwd(), os.environ), cwd=os.getcwd())
    rendered = FORMATTERS[default_format(output_format, os.environ)](reports, options)
    if output_file is not None:
        _write(output_file, rendered)
    if quiet:
        click.echo(summary_line(reports))
    elif show_statistics:
        click.echo(statistics(reports), nl=False)
    elif output_file is not None:
        click.echo(summary_line(reports))
    else:
        click.echo(rendered, nl=False)
    for problem in outcome.unreadable:
        click.echo(f"reportlint: {one_line(problem)}", err=True)
    worst = max((exit_code([r], fail_on_of[r.path]) for r in reports), default=EXIT_CLEAN)
    click.get_current_context().exit(EXIT_USAGE if outcome.unreadable else worst)


@cli.command(name="rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def list_rules(rule_dirs: tuple[str, ...]) -> None:
    """List every rule: code, name, default severity, summary."""
    for rule in _load_rules(rule_dirs).rules:
        off = "" if rule.enabled else "（默认关闭）"
        click.echo(f"{rule.code}  {rule.name:<32} {rule.severity.label:<8} {rule.summary}{off}")


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


@cli.command(name="config")
@click.argument("path", default=".")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help=_CONFIG_HELP)
@click.option("--isolated", is_flag=True, help=_ISOLATED_HELP)
def show_config(path: str, config_file: str | None, isolated: bool) -> None:
    """Print the configuration in effect for a file or folder, as TOML."""
    from reportlint.config.show import describe

    resolver = Resolver(Overrides(config_file=Path(config_file) if config_file else None,
                                  isolated=isolated))
    target = Path(path)
    # A folder's configuration is the one a file directly inside it would get.
    probe = target / "report.txt" if target.is_dir() else target
    click.echo(describe(path, resolver.resolve(probe)), nl=False)


@cli.command()
@click.argument("path")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def parse(path: str, rule_dirs: tuple[str, ...]) -> None:
    """Print the parsed tree of a report with spans (line:col-end_line:end_col), the facts
    the rules derive (issuer, year, period, dates) and the bound tables."""
    from reportlint.check.engine import parse_source
    from reportlint.facts.describe import describe_facts
    from reportlint.parse.dump import dump
    from reportlint.tables.dump import dump_tables

    rules = _load_rules(rule_dirs, None if path == "-" else Path(path))
    source, document = parse_source(_read_source(path), rules.data)
    click.echo(dump(document), nl=False)
    click.echo(describe_facts(document, source.lines, rules.data), nl=False)
    click.echo(dump_tables(document, source.lines, rules.data), nl=False)


@cli.command()
@click.argument("path")
def extract(path: str) -> None:
    """Print the text extracted from a report (PDF, HTML, Word …) with the line numbers and
    pages that diagnostics refer to."""
    from reportlint.read.extract import extract_listing

    click.echo(extract_listing(_read_source(path)), nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="reportlint")
