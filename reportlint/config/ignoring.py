""""Ignore CODE in this file": the configuration text with a ``per-file-ignores`` entry added.

The text is edited, not re-serialised, so comments and layout stay. The result is parsed
again and accepted only when it says what was meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlint.config.files import FileConfig, toml_loads


@dataclass(frozen=True)
class IgnoreEdit:
    config: Path  # the file to write (created when it does not exist)
    text: str  # its whole new text
    old: str  # its text now ("" when it does not exist)
    exists: bool


def _glob(document: Path, folder: Path) -> str:
    try:
        return document.absolute().relative_to(folder.absolute()).as_posix()
    except ValueError:
        return document.name


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _with_entry(text: str, header: str, glob: str, code: str) -> str:
    entry = re.compile(rf"^(\s*{re.escape(_quoted(glob))}\s*=\s*\[)(.*)$", re.MULTILINE)
    section = re.search(rf"^\s*\[\s*{re.escape(header)}\s*\]\s*(?:#.*)?$", text, re.MULTILINE)
    if section is not None:
        found = entry.search(text, section.end())
        if found is not None:
            return text[: found.end(1)] + f"{_quoted(code)}, " + text[found.end(1):]
        return text[: section.end()] + f"\n{_quoted(glob)} = [{_quoted(code)}]" \
            + text[section.end():]
    joiner = "" if not text or text.endswith("\n") else "\n"
    blank = "\n" if text.strip() else ""
    return f"{text}{joiner}{blank}[{header}]\n{_quoted(glob)} = [{_quoted(code)}]\n"


def _says(text: str, table: str, glob: str, code: str) -> bool:
    try:
        values = toml_loads(text)
    except ValueError:
        return False
    for part in filter(None, table.split(".")):
        values = values.get(part, {})
    ignores = values.get("per-file-ignores", {})
    return isinstance(ignores, dict) and code in ignores.get(glob, [])


def ignore_in_file(config: FileConfig, document: Path, code: str) -> IgnoreEdit | None:
    """The edit that stops ``code`` for ``document``: in the configuration that applies, or
    in a new ``reportlint.toml`` beside the document. None when it cannot be done safely."""
    path = config.path or document.absolute().parent / "reportlint.toml"
    exists = path.exists()
    try:
        text = path.read_text(encoding="utf-8") if exists else ""
    except (OSError, UnicodeDecodeError):
        return None
    glob = _glob(document, path.parent)
    header = f"{config.table}.per-file-ignores" if config.table else "per-file-ignores"
    new = _with_entry(text, header, glob, code)
    return IgnoreEdit(path, new, text, exists) if _says(new, config.table, glob, code) else None
