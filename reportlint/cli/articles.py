"""Split articles among the inputs of ``check``: their parts are linted together."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from reportlint.check.articles import article_parts, lint_article
from reportlint.config.resolve import Resolved, Resolver
from reportlint.model import FileReport

# A first page (index.html) whose second page (index_1.html) is among the inputs.
_PAGE = re.compile(r"\.(?:s?html?)$", re.IGNORECASE)


def _second_page(path: Path) -> str:
    return str(path.with_name(f"{path.stem}_1{path.suffix}"))


def _firsts(inputs: Sequence[tuple[str, Path | None]]) -> Iterator[Path]:
    names = {name for name, _ in inputs}
    for name, path in inputs:
        if path is not None and _PAGE.search(name) and _second_page(path) in names:
            yield path


def _read(name: str) -> bytes:
    return Path(name).read_bytes()


def lint_articles(resolver: Resolver, inputs: Sequence[tuple[str, Path | None]]
                  ) -> list[tuple[FileReport, Resolved]]:
    """The reports of every split article whose parts are all among ``inputs``."""
    names = [name for name, _ in inputs]
    done: list[tuple[FileReport, Resolved]] = []
    for first in _firsts(inputs):
        try:
            parts = article_parts(str(first), _read, names)
            data = [(part, Path(part).read_bytes()) for part in parts or ()]
        except OSError:
            continue  # linted one by one, where the unreadable file is named
        resolved = resolver.resolve(first)
        reports = lint_article(data, resolved.rules, resolved.selection, resolved.settings)
        done += [(report, resolved) for report in reports]
    return done
