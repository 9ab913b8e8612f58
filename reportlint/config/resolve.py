"""The configuration in effect for one linted file: its file's values under the command line.

Precedence: a command-line ``--select`` replaces the file's ``select``, ``extend-select`` and
``ignore`` (an explicit choice on the command line is obeyed as given); ``--ignore`` and
``--extend-select`` add to the file's; ``--fail-on`` replaces ``fail-on``; ``--rules`` adds
packs; settings given on the command line replace the file's. ``per-file-ignores`` and
``severity`` always apply.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from reportlint.check.packs import RuleSet, load_rules
from reportlint.check.selection import Selection
from reportlint.config.files import ConfigFinder, FileConfig, load_config
from reportlint.config.globmatch import glob_match
from reportlint.errors import UsageError
from reportlint.model import Settings, Severity


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None or empty: not given."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None
    rule_dirs: tuple[Path, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    config_file: Path | None = None
    isolated: bool = False


@dataclass(frozen=True)
class Resolved:
    """Everything one file's run needs."""

    config: FileConfig
    rules: RuleSet
    selection: Selection
    settings: Settings
    fail_on: str


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: ``*`` and ``?`` stay within a folder, ``**/`` spans folders."""
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        else:
            ch = pattern[index]
            out.append({"*": "[^/]*", "?": "[^/]"}.get(ch, re.escape(ch)))
            index += 1
    return re.compile("".join(out) + r"\Z")


def matches(pattern: str, relative: str) -> bool:
    """A pattern without ``/`` matches the file name, one with ``/`` the path below the
    configuration file's folder."""
    while pattern.startswith("./"):  # "./archive/**" is "archive/**"
        pattern = pattern[2:]
    if pattern.endswith("/"):  # a folder, as in .gitignore: everything below it
        pattern += "**"
    target = relative if "/" in pattern.strip("/") else PurePath(relative).name
    return glob_match(pattern.lstrip("/"), target)


def _relative_to(path: Path, folder: Path | None) -> str:
    absolute = path.absolute()
    if folder is not None:
        try:
            return absolute.relative_to(folder).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _known(code: str, rules: RuleSet) -> bool:
    return any(rule.code.startswith(code) for rule in rules.rules)


def check_codes(config: FileConfig, rules: RuleSet) -> None:
    """Every code or prefix the file names must name a loaded rule."""
    lists: list[tuple[str, Sequence[str]]] = [
        ("select", config.select or ()), ("ignore", config.ignore),
        ("extend-select", config.extend_select), ("severity", tuple(config.severity)),
    ]
    lists += [(f"per-file-ignores.{glob}", codes) for glob, codes in config.per_file_ignores]
    for key, codes in lists:
        for code in codes:
            if not _known(code, rules):
                raise config.problem(key, f"unknown rule code {code!r} "
                                     "(see 'reportlint rules')")


def check_cli_codes(overrides: Overrides, rules: RuleSet) -> None:
    options = (("--select", overrides.select or ()), ("--ignore", overrides.ignore),
               ("--extend-select", overrides.extend_select))
    for option, codes in options:
        for code in codes:
            if not _known(code, rules):
                raise UsageError(f"{option}: unknown rule code {code!r} (see 'reportlint rules')")


def severities(config: FileConfig, rules: RuleSet) -> dict[str, Severity]:
    """``severity`` keys may be prefixes (``D = "warning"``); the longest prefix wins."""
    levels: dict[str, Severity] = {}
    for rule in rules.rules:
        matching = [p for p in config.severity if rule.code.startswith(p)]
        if matching:
            levels[rule.code] = config.severity[max(matching, key=len)]
    return levels


class Resolver:
    """Resolves each file's configuration, reading each file and rule-pack set once."""

    def __init__(self, overrides: Overrides) -> None:
        if overrides.config_file is not None and overrides.isolated:
            raise UsageError("--config and --isolated cannot be used together")
        self.overrides = overrides
        self._finder = ConfigFinder()
        self._configs: dict[Path, FileConfig] = {}
        self._rules: dict[tuple[Path, ...], RuleSet] = {}
        self._checked: set[Path | None] = set()

    def config_for(self, path: Path) -> FileConfig:
        if self.overrides.isolated:
            return FileConfig()
        found = self.overrides.config_file
        if found is None:
            found = self._finder.find(path.absolute().parent)
        if found is None:
            return FileConfig()
        found = found.absolute()
        if found not in self._configs:
            self._configs[found] = load_config(found)
        return self._configs[found]

    def rules_for(self, config: FileConfig) -> RuleSet:
        dirs = config.rules + self.overrides.rule_dirs
        if dirs not in self._rules:
            self._rules[dirs] = load_rules(dirs)
        rules = self._rules[dirs]
        if config.path not in self._checked:
            check_codes(config, rules)
            check_cli_codes(self.overrides, rules)
            self._checked.add(config.path)
        return rules

    def _selection(self, config: FileConfig, rules: RuleSet, path: Path) -> Selection:
        cli = self.overrides
        relative = _relative_to(path, config.folder)
        per_file = tuple(code for glob, codes in config.per_file_ignores
                         if matches(glob, relative) for code in codes)
        if cli.select is not None:
            select, ignore, extend = cli.select, cli.ignore, cli.extend_select
        else:
            select = config.select or ()
            ignore = config.ignore + cli.ignore
            extend = config.extend_select + cli.extend_select
        return Selection(select, ignore + per_file, extend, severities(config, rules))

    def resolve(self, path: Path) -> Resolved:
        config = self.config_for(path)
        rules = self.rules_for(config)
        options = {**config.options, **self.overrides.settings}
        fail_on = self.overrides.fail_on or config.fail_on or "error"
        return Resolved(config, rules, self._selection(config, rules, path),
                        Settings(options), fail_on)
