"""The command line: the only place that prints and chooses exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

import click

from reportlint import __version__
from reportlint.batch.jobs import Job
from reportlint.check.packs import RuleSet
from reportlint.cli.batchrun import exit_status, gather
from reportlint.cli.checkopts import BatchOptions, Shown, batch_options, run_check
from reportlint.cli.helptext import chinese_help, localize
from reportlint.cli.notes import Notes, run_lang
from reportlint.cli.readopts import pdf_engine_option, read_settings, timeout_option
from reportlint.common.i18n import LANGS, say
from reportlint.common.names import one_line
from reportlint.config.resolve import Overrides, Resolver
from reportlint.errors import RuleFailure, UsageError
from reportlint.facts.issuerkind import KINDS as ISSUER_KINDS
from reportlint.facts.issuerkind import run_options
from reportlint.model import Settings, Source
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.output.choices import COLOR_MODES, base_dir, default_format, use_color
from reportlint.output.rulehelp import rule_help
from reportlint.read import PDF_ENGINES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


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


def _read_source(path: str, pdf_engine: str = PDF_ENGINES[0]) -> Source:
    """A report read for ``parse`` and ``extract``: an unreadable one is a usage error."""
    from reportlint.errors import InputProblem
    from reportlint.read import read_bytes

    data = _stdin_bytes() if path == "-" else _read(Path(path))
    try:
        return read_bytes(path, data, pdf_engine)
    except InputProblem as problem:
        raise UsageError(f"{path}: {problem.code} {problem.message}") from None


def _load_rules(rule_dirs: Sequence[str], near: Path | None = None) -> RuleSet:
    """The built-in pack, the packs of the configuration in effect for ``near`` (a file;
    by default one in the working directory) and the ``--rules`` folders."""
    resolver = Resolver(Overrides(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    return resolver.rules_for(resolver.config_for(near or Path.cwd() / "report.txt"))


def _use_color(mode: str) -> bool:
    return use_color(sys.stdout.isatty(), os.environ, mode)


def _guard_output(output_file: str | None, jobs: Sequence[Job]) -> None:
    """Refuse an output file that is one of the inputs: ``-o report.txt report.txt`` would
    replace the report with its diagnostics."""
    if output_file is None or not Path(output_file).exists():
        return
    for job in jobs:
        if job.path is None or job.member is not None:
            continue
        try:
            same = os.path.samefile(output_file, job.path)
        except OSError:
            continue
        if same:
            raise UsageError(f"{output_file}: the output file is one of the inputs "
                             "(it would be overwritten)")


_CONFIG_HELP = "Use this configuration file for every input (no search)."
_ISOLATED_HELP = "Ignore every configuration file."


# The commands defined in their own modules, imported when named (or listed by --help): a
# check does not pay at start-up for the review page, the Word annotator, the web server …
_ELSEWHERE: dict[str, tuple[str, str]] = {
    "server": ("reportlint.cli.serving", "server_command"),
    "clean": ("reportlint.cli.clean", "clean_cache"),
    "report": ("reportlint.cli.report", "review_report"),
    "annotate": ("reportlint.cli.annotating", "annotate_command"),
    "serve": ("reportlint.cli.webserving", "serve_command"),
    "export": ("reportlint.cli.export", "export_cells"),
}


class _Group(click.Group):
    """Turns the one user-facing error type into one line on stderr and exit 2; finds the
    commands of :data:`_ELSEWHERE` when they are named."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _ELSEWHERE:
            module, name = _ELSEWHERE[cmd_name]
            command: click.Command = getattr(import_module(module), name)
            localize(cmd_name, command)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

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
@click.argument("paths", nargs=-1)
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
@timeout_option
@click.option("--deadline", metavar="MM-DD",
              help="Publication deadline in the following year (e.g. 01-31), for the issuer "
                   "kind in effect.")
@click.option("--color", "color", type=click.Choice(COLOR_MODES), default="auto",
              show_default=True,
              help="Colour in the text format: auto (a terminal, unless NO_COLOR; FORCE_COLOR "
                   "forces it), always, never.")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of the text format and of these lines [default: the "
                   "configuration's lang, else zh].")
@click.option("--fix", is_flag=True, help="Apply the safe automatic fixes to text files.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a diff; change nothing.")
@pdf_engine_option
@batch_options
def check(paths: tuple[str, ...], output_format: str | None, select: str | None,
          ignore: str | None, fail_on: str | None, rule_dirs: tuple[str, ...],
          stdin_filename: str | None, no_source: bool, extend_select: str | None,
          config_file: str | None, isolated: bool, output_file: str | None,
          show_statistics: bool, quiet: bool, issuer_kind: str | None,
          deadline: str | None, color: str, lang: str | None, fix: bool,
          diff: bool, pdf_engine: str | None, timeout: float | None,
          batch: BatchOptions) -> None:
    """Lint report files (a folder or .zip: every report file in it; '-': standard input)."""
    overrides = Overrides(
        select=_codes(select) or None, ignore=_codes(ignore),
        extend_select=_codes(extend_select), fail_on=fail_on,
        rule_dirs=tuple(Path(d) for d in rule_dirs),
        # rule settings given on the command line win over the files'
        settings={**run_options(issuer_kind, deadline), **read_settings(pdf_engine, timeout)},
        config_file=Path(config_file) if config_file else None, isolated=isolated,
    )
    Resolver(overrides)  # a conflicting --config and --isolated fails before any reading
    if not paths and batch.files_from is None:
        raise click.UsageError("Missing argument 'PATHS...'.")
    if fix or diff:
        from reportlint.cli.fixing import refuse_stdin

        refuse_stdin(paths)
    notes = Notes()
    jobs = gather(paths, stdin_filename, batch.files_from, notes)
    _guard_output(output_file, jobs)
    resolver = Resolver(overrides)
    lang = run_lang(lang, (resolver.resolve(job.config_path).config for job in jobs))
    fmt = default_format(output_format, os.environ)
    to_terminal = output_file is None and not quiet and not show_statistics
    options = FormatOptions(color=to_terminal and _use_color(color), show_source=not no_source,
                            base_dir=base_dir(os.getcwd(), os.environ), cwd=os.getcwd(),
                            lang=lang, exit_code=EXIT_USAGE if notes.problems else None,
                            notifications=tuple(notes.leveled(lang)))
    shown = Shown(output_file, quiet, show_statistics, to_terminal)
    if diff:
        from reportlint.cli.fixrun import show_diff

        status = show_diff(jobs, overrides)
    elif fix:
        from reportlint.cli.fixrun import fix_files

        status = fix_files(jobs, overrides, fmt, options, shown, sys.stdout)
    else:
        status = exit_status(run_check(jobs, overrides, fmt, options, batch, shown))
    for line in notes.lines(lang):
        click.echo(f"reportlint: {one_line(line)}", err=True)
    click.get_current_context().exit(EXIT_USAGE if notes.problems else status)


@cli.command(name="rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def list_rules(rule_dirs: tuple[str, ...]) -> None:
    """List every rule: code, name, default severity, summary."""
    for rule in _load_rules(rule_dirs).rules:
        off = ("" if rule.enabled else "（默认关闭）") + ("（可自动修复）" if rule.fix else "")
        level = say(rule.severity.label)
        click.echo(f"{rule.code}  {rule.name:<32} {level:<4} {rule.summary}{off}")


@cli.command(name="rule")
@click.argument("code")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="A rule pack folder to add to the built-in one (repeatable).")
def show_rule(code: str, rule_dirs: tuple[str, ...]) -> None:
    """Show a rule's full description and an example."""
    rule = _load_rules(rule_dirs).by_code(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule code {code!r} (see 'reportlint rules')")
    click.echo(rule_help(rule), nl=False)


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
@click.option("--previous", type=click.Path(exists=True, dir_okay=False),
              help="Last year's report: say whether it is taken as such (Y801-Y803).")
def parse(path: str, rule_dirs: tuple[str, ...], previous: str | None) -> None:
    """Print the parsed tree of a report with spans (line:col-end_line:end_col), the
    watermarks and seals of a PDF with their page, the facts the rules derive (issuer, year,
    period, dates, the report taken as last year's) and the bound tables."""
    from reportlint.check.engine import last_year_report, parse_source
    from reportlint.facts.describe import describe_facts
    from reportlint.parse.dump import dump, dump_marks
    from reportlint.tables.dump import dump_tables

    rules = _load_rules(rule_dirs, None if path == "-" else Path(path))
    source, document = parse_source(_read_source(path), rules.data)
    last = None if previous is None else \
        last_year_report(previous, _read(Path(previous)), rules, Settings())
    click.echo(dump(document), nl=False)
    click.echo(dump_marks(source.marks), nl=False)
    click.echo(describe_facts(document, source.lines, rules.data,
                              page_facts=source.page_facts, previous=last), nl=False)
    click.echo(dump_tables(document, source.lines, rules.data), nl=False)


@cli.command()
@click.argument("path")
@click.option("--pdf-engine", type=click.Choice(PDF_ENGINES), default=PDF_ENGINES[0],
              show_default=True, help="Read a PDF file with PDFium or pdfminer.six.")
def extract(path: str, pdf_engine: str) -> None:
    """Print the text extracted from a report (PDF, HTML, Word …) with the line numbers and
    pages that diagnostics refer to."""
    from reportlint.read.extract import extract_listing

    click.echo(extract_listing(_read_source(path, pdf_engine)), nl=False)


chinese_help(cli)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="reportlint")
