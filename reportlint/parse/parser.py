"""Parse text lines into the located :class:`~reportlint.parse.tree.Document` with Lark (LALR)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from reportlint.common.resources import grammar_path
from reportlint.model import Span, made
from reportlint.parse.catalogue import Catalogue
from reportlint.parse.lines import LineToken, classify, heading_label
from reportlint.parse.tree import (
    Block,
    Document,
    Heading,
    Image,
    Paragraph,
    Piece,
    Section,
    Signature,
    Table,
    TextBlock,
    Title,
    Toc,
    piece_of,
)

_TABLE_LINES = ("CELL", "GAP")


class _TableToken(Token):
    """One TABLE token for a run of table lines: ``lines`` holds their CELL and GAP tokens."""

    __slots__ = ("lines",)
    lines: tuple[LineToken, ...]


def _table_token(run: list[LineToken]) -> _TableToken:
    token = _TableToken("TABLE", run[0].text, None, run[0].line, 1)
    token.lines = tuple(run)
    return token


class _LineTokenLexer(Lexer):
    """Feeds the classified line tokens to the parser unchanged."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


def _cache_file(grammar_text: str, name: str = "report") -> str | None:
    """A grammar cache in a user-owned folder (never a predictable name in /tmp)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "reportlint"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="reportlint-"))
    digest = hashlib.sha256(grammar_text.encode()).hexdigest()[:16]
    return str(folder / f"{name}-{digest}.lark-cache")


cache_file = _cache_file  # also used by the relation language (reportlint.tables.relations)


def _pieces(tokens: list[Token]) -> tuple[Piece, ...]:
    return tuple(piece_of(t.line or 0, str(t)) for t in tokens)


class _ToTree(Transformer[Token, Document]):
    def title(self, children: list[Token]) -> Title:
        dates = [t for t in children if t.type == "PUBDATE"]
        lines = [t for t in children if t.type == "TITLE"]
        date = TextBlock(_pieces(dates)) if dates else None
        return Title(_pieces(lines), date=date)

    def preamble(self, children: list[Block | Toc]) -> tuple[Block | Toc, ...]:
        return tuple(children)

    def toc(self, children: list[Token]) -> Toc:
        return Toc(_pieces(children))

    def paragraph(self, children: list[Token]) -> Paragraph:
        return Paragraph(_pieces(children))

    def image(self, children: list[Token]) -> Image:
        return Image(piece_of(children[0].line or 0, str(children[0])))

    def table(self, children: list[_TableToken]) -> Table:
        run = children[0].lines
        lines = tuple([made(Piece, (line, 1, text)) for kind, line, text in run
                       if kind == "CELL"])
        first, last = lines[0], lines[-1]
        span = Span(first.line, 1, last.line, len(last.text) + 1)
        gaps = tuple([line for kind, line, _ in run if kind == "GAP"])
        return Table(lines, span, gaps)

    def section(self, children: list[Any]) -> Section:
        token: Token = children[0]
        piece = piece_of(token.line or 0, str(token))
        numeral, label = heading_label(piece.text) or ("", piece.text)
        blocks: tuple[Block, ...] = tuple(children[1:])
        end = blocks[-1].span if blocks else piece.span
        span = Span(piece.line, piece.column, end.end_line, end.end_column)
        return Section(Heading(piece, numeral, label), blocks, None, span)

    def signature(self, children: list[Token]) -> Signature:
        return Signature(_pieces(children))

    def start(self, children: list[Any]) -> Document:
        title = next((c for c in children if isinstance(c, Title)), None)
        before = next((c for c in children if isinstance(c, tuple)), ())
        preamble = tuple(b for b in before if not isinstance(b, Toc))
        toc = next((b for b in before if isinstance(b, Toc)), None)
        sections = tuple(c for c in children if isinstance(c, Section))
        signature = next((c for c in children if isinstance(c, Signature)), None)
        return Document(title, preamble, sections, signature, line_count=0, toc=toc)


@cache
def _parser() -> Lark:
    """The LALR parser, building the document as it reduces (``transformer``): no parse tree
    is built and walked a second time."""
    text = grammar_path("report.lark").read_text(encoding="utf-8")
    return Lark(
        text,
        parser="lalr",
        lexer=_LineTokenLexer,
        propagate_positions=False,
        cache=_cache_file(text),
        transformer=_ToTree(),
    )


def _lark_tokens(tokens: list[LineToken]) -> list[Token]:
    """The parser's tokens: one per line, but one TABLE per run of table lines that opens
    with a CELL (a GAP never comes first: the classifier emits one only before a CELL)."""
    found: list[Token] = []
    run: list[LineToken] = []
    for token in tokens:
        if token.type in _TABLE_LINES and (run or token.type == "CELL"):
            run.append(token)
            continue
        if run:
            found.append(_table_token(run))
            run = []
        # positional arguments: Token's keyword path costs twice as much
        found.append(Token(token.type, token.text, None, token.line, 1))
    if run:
        found.append(_table_token(run))
    return found


def _with_keys(document: Document, lines: tuple[str, ...], catalogue: Catalogue) -> Document:
    sections = []
    for section in document.sections:
        match = catalogue.match(section.heading.label, section.heading.number or None)
        key = match.spec.key if match else None
        sections.append(Section(section.heading, section.blocks, key, section.span))
    return Document(
        document.title, document.preamble, tuple(sections), document.signature, len(lines),
        document.toc,
    )


def parse(lines: tuple[str, ...], catalogue: Catalogue) -> Document:
    """Parse normalised text lines. Every line sequence parses: the classifier only emits
    token sequences the grammar accepts."""
    tokens = classify(lines, catalogue)
    if not tokens:
        return Document(None, (), (), None, len(lines))
    document: Document = _parser().parse(_lark_tokens(tokens))  # type: ignore[assignment]
    return _with_keys(document, lines, catalogue)


__all__ = ["parse"]
