"""What ``check`` says on stderr about the paths it was given, and in which language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlint.common.i18n import DEFAULT_LANG, say
from reportlint.common.names import printable
from reportlint.config.files import FileConfig
from reportlint.read import READERS


@dataclass
class Notes:
    """(catalogue key, path) pairs: ``problems`` make the exit code 2, ``remarks`` do not."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    remarks: list[tuple[str, str]] = field(default_factory=list)

    def lines(self, lang: str) -> list[str]:
        suffixes = " ".join(sorted(READERS))
        return [say(key, lang, path=printable(path), suffixes=suffixes)
                for key, path in [*self.problems, *self.remarks]]


def run_lang(explicit: str | None, configs: Iterable[FileConfig]) -> str:
    """``--lang``, else the first ``lang`` the linted files' configurations set, else zh."""
    if explicit:
        return explicit
    return next((config.lang for config in configs if config.lang), DEFAULT_LANG)
