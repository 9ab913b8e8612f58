"""Configuration files: ``reportlint.toml`` or ``[tool.reportlint]`` in ``pyproject.toml``.

A linted file takes the nearest configuration found from its folder upward (``reportlint.toml``
before ``pyproject.toml`` in the same folder; a ``pyproject.toml`` without the table is passed
over). This module reads and type-checks one file; :mod:`reportlint.config.resolve` combines it with
the command line and the loaded rules (rule codes can only be checked against those).
A bad file is one :class:`UsageError` line naming the file and the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.common.i18n import LANGS
from reportlint.errors import UsageError
from reportlint.facts.monthday import normal_month_day
from reportlint.model import Severity
from reportlint.read import PDF_ENGINES

CONFIG_NAMES = ("reportlint.toml", "pyproject.toml")
TABLE = "tool.reportlint"
FAIL_ON = ("error", "warning", "info", "never")
ISSUER_KINDS = ("government", "department")
FORMAT_VERSIONS = (2019, 2021)
# Keys that go to the rules as ``Settings.options``, under these very names.
SETTINGS_KEYS = ("issuer-kind", "deadlines", "format-version", "pdf-engine", "timeout",
                 "memory-limit", "max-bytes", "max-decompressed-bytes", "max-page-glyphs",
                 "max-table-cells")


class ConfigError(Exception):
    """One key's problem; the caller adds the file name."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True)
class FileConfig:
    """One configuration file's values (``path`` None: no file, the defaults).

    ``select`` is None when the file does not set it (every rule). Rule codes are checked
    later, against the rules the file's packs add (``codes_at`` names the key of each list).
    """

    path: Path | None = None
    table: str = ""
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    rules: tuple[Path, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    lang: str | None = None  # the text format's language (zh, en); None: not set here

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None

    def key_name(self, key: str) -> str:
        return f"{self.table}.{key}" if self.table else key

    def problem(self, key: str, message: str) -> UsageError:
        return UsageError(f"{self.path}: key '{self.key_name(key)}': {message}")


def _type_name(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(key, f"expected a string, got {_type_name(value)}")
    return value


def _codes(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key, f"expected a list of rule codes (strings), got "
                          f"{_type_name(value)}")
    codes = tuple(v.strip().upper() for v in value)
    if "" in codes:
        raise ConfigError(key, "an empty rule code")
    return codes


def _table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(key, f"expected a table, got {_type_name(value)}")
    return value


def _per_file_ignores(key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = _table(key, value)
    return tuple((glob, _codes(f"{key}.{glob}", codes)) for glob, codes in table.items())


def _severity(key: str, value: Any) -> dict[str, Severity]:
    levels: dict[str, Severity] = {}
    for code, level in _table(key, value).items():
        try:
            levels[code.strip().upper()] = Severity.parse(_string(f"{key}.{code}", level))
        except ValueError as error:
            raise ConfigError(f"{key}.{code}", str(error)) from None
    return levels


def _choice(choices: tuple[Any, ...]) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(choices[0], str) and value.isdigit():
            value = int(value)  # format-version = "2021" means 2021
        if isinstance(value, bool) or value not in choices:
            known = ", ".join(str(c) for c in choices)
            raise ConfigError(key, f"{value!r} is not one of {known}")
        return value
    return check


def _deadlines(key: str, value: Any) -> dict[str, str]:
    deadlines: dict[str, str] = {}
    for kind, when in _table(key, value).items():
        _choice(ISSUER_KINDS)(f"{key}.{kind}", kind)
        normal = normal_month_day(_string(f"{key}.{kind}", when))
        if normal is None:
            raise ConfigError(f"{key}.{kind}", f"{when!r} is not a date as MM-DD (03-31)")
        deadlines[kind] = normal
    return deadlines


def _positive(key: str, value: Any) -> float:
    """A limit of the per-file budget: a positive number (seconds, MB, bytes, count)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(key, f"expected a positive number, got {value!r}")
    return value


def _rule_dirs(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key, f"expected a list of folders (strings), got {_type_name(value)}")
    return tuple(value)


PARSERS: dict[str, Callable[[str, Any], Any]] = {
    "select": _codes,
    "ignore": _codes,
    "extend-select": _codes,
    "per-file-ignores": _per_file_ignores,
    "severity": _severity,
    "fail-on": _choice(FAIL_ON),
    "rules": _rule_dirs,
    "issuer-kind": _choice(ISSUER_KINDS),
    "deadlines": _deadlines,
    "format-version": _choice(FORMAT_VERSIONS),
    "lang": _choice(LANGS),
    "pdf-engine": _choice(PDF_ENGINES),
    "timeout": _positive,
    "memory-limit": _positive,
    "max-bytes": _positive,
    "max-decompressed-bytes": _positive,
    "max-page-glyphs": _positive,
    "max-table-cells": _positive,
}


def toml_loads(text: str) -> dict[str, Any]:
    """Parse TOML; imported here, when a configuration file is read, not at start-up."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    return tomllib.loads(text)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: Notepad saves UTF-8 with a byte order mark, which TOML itself does not allow
        text = path.read_bytes().decode("utf-8-sig")
        return toml_loads(text)
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text: save the configuration file as UTF-8") from None
    except ValueError as error:  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        raise UsageError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:  # ``a = [[[[…`` thousands of levels deep
        raise UsageError(f"{path}: invalid TOML: nested too deeply") from None


def _our_table(path: Path, document: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if path.name != "pyproject.toml":
        return "", document
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: key 'tool': expected a table")
    table = tool.get("reportlint", {})
    if not isinstance(table, dict):
        raise UsageError(f"{path}: key '{TABLE}': expected a table")
    return TABLE, table


def _build(path: Path, table_name: str, values: dict[str, Any]) -> FileConfig:
    parsed: dict[str, Any] = {}
    for key, value in values.items():
        if key not in PARSERS:
            known = ", ".join(PARSERS)
            name = f"{table_name}.{key}" if table_name else key
            raise UsageError(f"{path}: key '{name}': unknown key (known: {known})")
        try:
            parsed[key] = PARSERS[key](key, value)
        except ConfigError as error:
            name = f"{table_name}.{error.key}" if table_name else error.key
            raise UsageError(f"{path}: key '{name}': {error.message}") from None
    for folder in parsed.get("rules", ()):
        if not (path.parent / folder).is_dir():
            name = f"{table_name}.rules" if table_name else "rules"
            raise UsageError(f"{path}: key '{name}': no rule pack folder {folder!r} "
                             f"(relative to {path.parent})")
    return FileConfig(
        path=path,
        table=table_name,
        select=parsed.get("select") or None,
        ignore=parsed.get("ignore", ()),
        extend_select=parsed.get("extend-select", ()),
        per_file_ignores=parsed.get("per-file-ignores", ()),
        severity=parsed.get("severity", {}),
        fail_on=parsed.get("fail-on"),
        # Packs named in a file are found from the file's folder, wherever reportlint runs.
        rules=tuple(path.parent / folder for folder in parsed.get("rules", ())),
        options={key: parsed[key] for key in SETTINGS_KEYS if key in parsed},
        lang=parsed.get("lang"),
    )


def load_config(path: Path) -> FileConfig:
    """Read and type-check one configuration file (either name; any other name is read as
    a ``reportlint.toml``)."""
    path = path.absolute()
    table_name, values = _our_table(path, _read_toml(path))
    return _build(path, table_name, values)


def _declares_table(path: Path) -> bool:
    # Cheap test before parsing: most pyproject.toml files have nothing for us.
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if re.search(r"^\s*\[\s*tool\s*\.\s*reportlint\s*[\].]", text, re.MULTILINE):
        return True
    # The other spellings TOML allows (``[tool]`` then ``reportlint = {…}``, a dotted
    # ``tool.reportlint.select = …``) are rarer: parse to be sure (``reportlint`` also
    # appears in ``[project.scripts]`` of a pyproject.toml that has no table for us).
    if not re.search(r"^\s*(?:tool\s*\.\s*)?reportlint\s*[.=]", text, re.MULTILINE):
        return False
    try:
        tool = toml_loads(text).get("tool")
    except ValueError:
        return True  # reading it for real reports the syntax error
    return isinstance(tool, dict) and "reportlint" in tool


def config_in(folder: Path) -> Path | None:
    """The configuration file in one folder, if any."""
    candidate = folder / "reportlint.toml"
    if candidate.is_file():
        return candidate
    candidate = folder / "pyproject.toml"
    if candidate.is_file() and _declares_table(candidate):
        return candidate
    return None


class ConfigFinder:
    """Nearest configuration from a folder upward, with each folder looked at once."""

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}

    def find(self, folder: Path) -> Path | None:
        folder = folder.absolute()
        if folder not in self._found:
            here = config_in(folder)
            parent = folder.parent
            self._found[folder] = here if here or parent == folder else self.find(parent)
        return self._found[folder]
