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
        return [text for _, text in self.leveled(lang)]

    def leveled(self, lang: str) -> list[tuple[str, str]]:
        """(SARIF level, line): ``error`` for a problem, ``warning`` for a remark."""
        suffixes = " ".join(sorted(READERS))
        return [(level, say(key, lang, path=printable(path), suffixes=suffixes))
                for level, notes in (("error", self.problems), ("warning", self.remarks))
                for key, path in notes]


def run_lang(explicit: str | None, configs: Iterable[FileConfig]) -> str:
    """``--lang``, else the first ``lang`` the linted files' configurations set, else zh."""
    if explicit:
        return explicit
    return next((config.lang for config in configs if config.lang), DEFAULT_LANG)
