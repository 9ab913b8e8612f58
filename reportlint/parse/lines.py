"""Classify each physical line into a line token for the grammar.

A grammar of regex terminals over raw report text is fragile under LALR (overlapping
terminals, one-token lookahead after an indent). So each line is classified here, with the
whole document in view, and the grammar in ``grammar/report.lark`` stays purely structural.

Token types: TITLE, PUBDATE, TOC (a line of the table of contents), IMAGE (a picture's marker
line, see reportlint/read/images.py), HEADING, PARA (a paragraph starts), CONT (it goes on),
CELL (a table line), GAP (a blank line inside a table), SIGN (the 落款 at the end). Blank lines
and page footers outside tables produce no token.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reportlint.model import made
from reportlint.parse.catalogue import Catalogue, HeadingMatch, compact
from reportlint.parse.dates import DATE
from reportlint.parse.toc import find_toc
from reportlint.read.images import IMAGE_MARK, is_image_line

# Markdown may mark a heading (``## 二、…``) or make it bold (``**二、…**``). Every pattern
# here is linear in the line length: no two adjacent repeats can share characters (a line of
# spaces once took minutes), and trailing marks are stripped in Python, not by backtracking.
_NUMBERED = re.compile(r"^#*\s*(?:\*\*\s*)?([一二三四五六七八九十]{1,3})\s*[、，,.．]\s*(\S.*)")
_DATE_LINE = re.compile(
    r"^[（(]?\s*(?:(?:\d\s*){4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*"
    r"[\d一二三四五六七八九十元正\s]{1,4}月\s*[\d一二三四五六七八九十\s]{1,5}日\s*[)）]?$"
)
_DATE_LABEL = re.compile(r"^(?:发布|印发|成文|公开)?(?:日期|时间)\s*[:：]\s*")
_FOOTER = re.compile(r"^[-—–]\s*\d{1,3}\s*[-—–]$|^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$")
FOOTER_STARTS = frozenset("-—–第")  # what a footer line opens with (a cheap test first)
_CAPTION = re.compile(r"^第二十条\s*第\s*[（(]")
_NUMBER = re.compile(r"^[-+]?[\d,，.]+%?$|^[/—-]$")
_NUMBER_WORD = re.compile(r"[-+]?\d[\d,.]*")
_GAPS = re.compile(r"\s{2,}")
_SENTENCE_END = tuple("。！？；：:”」）)")
_TITLE_WORD = "报告"
_MAX_TITLE_LINES = 4
_MAX_HEADING = 32
_SHORT_TABLE_LINE = 25
_LABEL_CHUNK = 24
_GLUED_DIGITS = re.compile(r"[\u4e00-\u9fff）”]\d{3,}$")
# What a stripped line must start with to be numbered as a heading (``_NUMBERED``) or to be
# a picture's marker: most lines are decided by their first character, without a pattern.
_HEADING_STARTS = frozenset("#*一二三四五六七八九十")
_IMAGE_START = IMAGE_MARK[:1]


class LineToken(NamedTuple):  # a tuple: one is made per line, three times as fast as a dataclass
    type: str
    line: int  # 1-based
    text: str  # the normalised line, as is


def is_blank(text: str) -> bool:
    return not text.strip()


def _unmarked(text: str) -> str:
    """The line without Markdown emphasis around it (``**2021年1月29日**``)."""
    stripped = text.strip()
    for mark in ("**", "__", "*", "_"):
        if len(stripped) > 2 * len(mark) and stripped.startswith(mark) and stripped.endswith(mark):
            return stripped[len(mark):-len(mark)].strip()
    return stripped


def is_date_line(text: str) -> bool:
    """A line holding one full date: ``2021年1月29日``, ``二〇二一年一月二十九日``,
    ``2021.1.29``, ``（2021年1月29日）``, ``发布日期：2021-01-29``."""
    bare = _unmarked(text)
    if _DATE_LINE.match(bare):
        return True
    bare = _DATE_LABEL.sub("", bare, count=1).strip("（）() ")
    found = DATE.fullmatch(bare)
    return found is not None and (found.group("d") or found.group("sd") or found.group("cd")) \
        is not None


def _named_date_line(text: str) -> bool:
    """The 落款 on one line: the agency's name, spaces, the date."""
    parts = text.strip().rsplit(None, 1)
    if len(parts) != 2:
        return False
    name = parts[0].strip()
    return (len(name) <= 30 and not any(p in name for p in "。，；：")
            and heading_label(name) is None and is_date_line(parts[1]))


def is_footer(text: str) -> bool:
    bare = text.strip()  # a form feed is whitespace too
    # the first character decides most lines without the pattern (called on every line)
    return bare[:1] in FOOTER_STARTS and bool(_FOOTER.match(bare))


def heading_label(text: str) -> tuple[str, str] | None:
    """(numeral, label) when the line is numbered like a section heading."""
    found = _NUMBERED.match(text.strip())
    if not found:
        return None
    return found.group(1), _without_bold_end(found.group(2))


def _without_bold_end(label: str) -> str:
    """``二、概述**`` → ``概述`` (the label keeps ``**`` when nothing else is left)."""
    label = label.rstrip()
    if label.endswith("**") and label[:-2].rstrip():
        return label[:-2].rstrip()
    return label


def _strong_table_line(raw: str) -> bool:
    if raw.startswith("\t"):
        return True  # tab-prefixed cells, including lines holding only a tab (empty cells)
    stripped = raw.strip()
    return stripped.startswith("|") or bool(_CAPTION.match(stripped))


def _weak_table_line(text: str) -> bool:
    stripped = text.strip()
    chunks = _GAPS.split(stripped)
    if len(chunks) >= 2 and any(_NUMBER.match(c) for c in chunks):
        return True
    if len(chunks) >= 3 and "。" not in stripped:
        return True
    return _trailing_numbers(stripped) and "。" not in stripped


def _trailing_numbers(stripped: str) -> bool:
    """The line ends in two or more numbers, each after a space (``办理 12 3``)."""
    words = stripped.rsplit(None, 2)
    return len(words) == 3 and all(_NUMBER_WORD.fullmatch(w) for w in words[1:])


def _label_columns(text: str) -> bool:
    """Header or label cells aligned by wide gaps (``信息内容      本年处理决定数量``, as
    ``pdftotext -layout`` writes them): several short chunks and no sentence."""
    chunks = _GAPS.split(text.strip())
    return len(chunks) >= 2 and "。" not in text and all(
        len(c) <= _LABEL_CHUNK for c in chunks)


def _glued_row(text: str) -> bool:
    """A row whose cells ran together (``规章000``): reported by the table layer (F207)."""
    stripped = text.strip()
    return "。" not in stripped and bool(_GLUED_DIGITS.search(stripped))


def _short_line(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) <= _SHORT_TABLE_LINE and "。" not in stripped


def _title_end(lines: tuple[str, ...]) -> int | None:
    """Index of the last title line, when the report opens with a title."""
    seen = 0
    title = ""  # the lines so far: a title wrapped inside 报告 (…年度报 / 告) ends there too
    for index, text in enumerate(lines):
        if is_blank(text) or is_image_line(text):  # a banner or logo above the title
            continue
        seen += 1
        stripped = text.strip().lstrip("#").strip()
        if heading_label(stripped) or seen > _MAX_TITLE_LINES or len(stripped) > 60:
            return None
        title += stripped
        if _TITLE_WORD in title:
            return index
    return None


def _signature_start(lines: tuple[str, ...], first_body: int) -> int | None:
    """Index of the first line of the 落款 (name lines and a date line at the very end)."""
    index = len(lines) - 1
    while index >= first_body and (is_blank(lines[index]) or is_footer(lines[index])):
        index -= 1
    if index < first_body:
        return None
    if _named_date_line(lines[index]) and not lines[index].startswith("\t"):
        return index
    if not is_date_line(lines[index]):
        return None
    start = index
    for back in (index - 1, index - 2):
        if back < first_body:
            break
        text = lines[back].strip()
        if not text or any(p in text for p in "。，；：") or len(text) > 30:
            break
        if heading_label(text) or lines[back].startswith("\t"):
            break
        start = back
    return start


def _exact_heading(match: HeadingMatch | None, numeral: str) -> bool:
    return match is not None and match.kind != "fuzzy" and match.spec.number == numeral


class _Classifier:
    def __init__(self, lines: tuple[str, ...], catalogue: Catalogue) -> None:
        self.lines = lines
        self.catalogue = catalogue
        self.tokens: list[LineToken] = []
        self.table_section = False
        self.in_table = False
        self.pending_gaps: list[int] = []
        self.toc: frozenset[int] = frozenset()

    def emit(self, kind: str, index: int) -> None:
        if self.pending_gaps:
            if kind == "CELL":
                self.tokens.extend(made(LineToken, ("GAP", i + 1, self.lines[i]))
                                   for i in self.pending_gaps)
            self.pending_gaps = []
        self.tokens.append(made(LineToken, (kind, index + 1, self.lines[index])))

    def run(self) -> list[LineToken]:
        title_end = _title_end(self.lines)
        body = 0
        if title_end is not None:
            body = self._title(title_end)
        signature = _signature_start(self.lines, body)
        stop = signature if signature is not None else len(self.lines)
        self.toc = frozenset(find_toc(self.lines, body, stop, self._listed_heading))
        for index in range(body, stop):
            self._body_line(index)
        self.pending_gaps = []
        for index in range(stop, len(self.lines)):
            if not is_blank(self.lines[index]) and not is_footer(self.lines[index]):
                self.emit("SIGN", index)
        return self.tokens

    def _title(self, title_end: int) -> int:
        for index in range(title_end + 1):
            if not is_blank(self.lines[index]) and not is_image_line(self.lines[index]):
                self.emit("TITLE", index)
        index = title_end + 1
        lookahead = [i for i in range(index, min(index + 6, len(self.lines)))
                     if not is_blank(self.lines[i])][:2]
        if lookahead and is_date_line(self.lines[lookahead[0]]):
            self.emit("PUBDATE", lookahead[0])
            return lookahead[0] + 1
        if len(lookahead) == 2 and is_date_line(self.lines[lookahead[1]]):
            name = self.lines[lookahead[0]].strip()
            if len(name) <= 30 and not any(p in name for p in "。，"):
                self.emit("TITLE", lookahead[0])
                self.emit("PUBDATE", lookahead[1])
                return lookahead[1] + 1
        return index

    def _body_line(self, index: int) -> None:
        raw = self.lines[index]
        first = raw.strip()[:1]
        if not first and "\t" not in raw:
            if self.in_table:
                self.pending_gaps.append(index)
            return
        if index in self.toc:
            self.emit("TOC", index)
            return
        if first == _IMAGE_START and is_image_line(raw):
            self.emit("IMAGE", index)
            self.in_table = False
            return
        if first in _HEADING_STARTS and self._heading(raw):
            self.emit("HEADING", index)
            self.in_table = False
            return
        if raw.startswith("\t") or self._table_line(raw):  # tab-prefixed: a cell, at once
            self.emit("CELL", index)
            self.in_table = True
            return
        if is_footer(raw):
            return
        self.in_table = False
        self.emit("CONT" if self._continues(index) else "PARA", index)

    def _heading(self, raw: str) -> bool:
        if raw.strip().startswith("|"):
            return False
        numbered = heading_label(raw)
        if not numbered:
            return False
        label = numbered[1]
        if len(compact(label)) > _MAX_HEADING or self.catalogue.is_table_row_label(label):
            return False
        match = self.catalogue.match(label, numbered[0])
        if raw.startswith("\t") and not _exact_heading(match, numbered[0]):
            return False  # a tab-prefixed line is a cell unless it names a section exactly
        if match is not None:
            self.table_section = match.spec.holds_tables
            return True
        if self.in_table or not self.catalogue.is_old_heading(label):
            return False
        self.table_section = False
        return True

    def _listed_heading(self, text: str) -> tuple[str, str] | None:
        """A heading as a table of contents lists it (never a table row's label)."""
        numbered = heading_label(text)
        if numbered is None or len(compact(numbered[1])) > _MAX_HEADING:
            return None
        return None if self.catalogue.is_table_row_label(numbered[1]) else numbered

    def _table_line(self, raw: str) -> bool:
        if _strong_table_line(raw):
            return True
        bare = raw.strip().lstrip("#").strip()  # Markdown sub-headings between small tables
        if self.in_table and (_short_line(raw) or _weak_table_line(raw) or is_footer(raw)):
            return True
        if self.in_table and raw.lstrip().startswith("#") and "。" not in raw:
            return True
        if not self.table_section and not self.in_table:
            return False
        return (_weak_table_line(raw) or _label_columns(raw) or _glued_row(raw)
                or bool(_CAPTION.match(bare)) or self.catalogue.opens_table(bare))

    def _continues(self, index: int) -> bool:
        if not self.tokens or self.tokens[-1].type not in ("PARA", "CONT"):
            return False
        previous = self.tokens[-1]
        if previous.line != index:  # a blank line or a footer came between
            return previous.line >= index - 4 and self._only_footers_between(previous.line, index)
        raw = self.lines[index]
        if raw[:1].isspace() or previous.text.rstrip().endswith(_SENTENCE_END):
            return False
        return not raw.lstrip("#").strip().startswith(("（", "("))

    def _only_footers_between(self, previous_line: int, index: int) -> bool:
        between = self.lines[previous_line:index]
        if not any(is_footer(t) for t in between):
            return False
        raw = self.lines[index]
        previous = self.lines[previous_line - 1]
        return not raw[:1].isspace() and not previous.rstrip().endswith(_SENTENCE_END)


def classify(lines: tuple[str, ...], catalogue: Catalogue) -> list[LineToken]:
    return _Classifier(lines, catalogue).run()
