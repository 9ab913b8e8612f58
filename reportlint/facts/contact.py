"""The contact block of a report: its labelled fields and their values, with offsets.

Labels, the fields they give, and the value checks come from ``data/contact.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlint.common.linear import Compiled, Matched, cached_linear
from reportlint.facts.context import Context
from reportlint.facts.prose import Joined, preamble_paragraphs
from reportlint.model import Span
from reportlint.parse.tree import Document

_STOPS = "，,；;。"
# The regular expressions of ``data/contact.yaml`` (checked when the pack loads; on RE2).
PATTERNS = ("not_after", *(f"checks.*.{key}" for key in ("note", "drop", "extension", "dash",
                                                          "split", "valid[]", "doubtful[]")))
_OPEN, _CLOSE = "（(", "）)"


@dataclass(frozen=True)
class Field:
    label: str  # as written, spaces removed
    provides: tuple[str, ...]
    check: str | None
    label_start: int
    value: str  # stripped
    value_start: int  # offset of the stripped value in the joined text


@dataclass(frozen=True)
class ContactBlock:
    fields: tuple[Field, ...]
    joined: Joined
    start: int
    end: int

    @property
    def span(self) -> Span:
        return self.joined.span_of(self.start, self.end)

    def value_span(self, item: Field) -> Span:
        end = item.value_start + max(len(item.value), 1)
        return self.joined.span_of(item.value_start, end)

    @property
    def provided(self) -> set[str]:
        return {p for f in self.fields if f.value for p in f.provides}


@dataclass(frozen=True)
class _Labels:
    regex: Compiled
    spec: Mapping[str, tuple[tuple[str, ...], str | None]]  # compact label → (provides, check)
    starts: frozenset[str] = frozenset()  # the first characters of the labels


def _spaced(label: str) -> str:
    return r"\s*".join(re.escape(c) for c in label)


@lru_cache(maxsize=4)
def _compile(raw: tuple[tuple[tuple[str, ...], tuple[str, ...], str | None], ...]) -> _Labels:
    spec: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for labels, provides, check in raw:
        for label in labels:
            spec[label] = (provides, check)
    ordered = sorted((label for label in spec if label), key=len, reverse=True)
    alternatives = "|".join(_spaced(label) for label in ordered)
    # The colon may be left out before a number (邮编422000, 电话（0739）2323188): the value
    # then starts at the group ``first``, its first character.
    return _Labels(cached_linear(
        rf"(?P<label>{alternatives})(?:\s*[:：]\s*|\s*(?P<first>[0-9（(]))"), spec,
        frozenset(label[0] for label in ordered))


def _labels(data: Mapping[str, Any]) -> _Labels:
    raw = tuple((tuple(f["labels"]), tuple(f["provides"]), f.get("check"))
                for f in data["fields"])
    return _compile(raw)


def _not_after(data: Mapping[str, Any]) -> Compiled:
    return cached_linear(str(data["not_after"]))


def _label_matches(text: str, labels: _Labels) -> Iterator[tuple[Matched, int]]:
    """Each label and where its value starts, left to right. A value's first character
    matched after a label without a colon is searched again only when a label could start
    with it (none of the built-in ones does): one pass over the text."""
    at: int | None = 0
    while at is not None:
        start, at = at, None
        for found in labels.regex.finditer(text, start):
            first = found.start("first")
            yield found, first if first >= 0 else found.end()
            if first >= 0 and text[first] in labels.starts:
                at = first
                break


def _value_end(text: str, start: int, limit: int) -> int:
    depth = 0
    for index in range(start, limit):
        char = text[index]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth == 0:
                return index
            depth -= 1
        elif char in _STOPS and depth == 0:
            return index
    return limit


def _fields(joined: Joined, labels: _Labels, not_after: Compiled
            ) -> Iterator[tuple[Field, int]]:
    text = joined.text
    found = [(m, at) for m, at in _label_matches(text, labels)
             if not not_after.search(text[max(m.start() - 4, 0):m.start()])]
    for index, (match, value_at) in enumerate(found):
        limit = found[index + 1][0].start() if index + 1 < len(found) else len(text)
        end = _value_end(text, value_at, limit)
        raw = text[value_at:end]
        value = raw.strip()
        label = re.sub(r"\s+", "", match.group("label"))
        provides, check = labels.spec[label]
        start = value_at + (len(raw) - len(raw.lstrip()))
        yield Field(label, provides, check, match.start(), value, start), end


def _clusters(joined: Joined, data: Mapping[str, Any]) -> list[ContactBlock]:
    gap = int(data["gap"])
    clusters: list[list[tuple[Field, int]]] = []
    for item in _fields(joined, _labels(data), _not_after(data)):
        if clusters and item[0].label_start - clusters[-1][-1][1] <= gap:
            clusters[-1].append(item)
        else:
            clusters.append([item])
    blocks = [ContactBlock(tuple(f for f, _ in c), joined, c[0][0].label_start, c[-1][1])
              for c in clusters]
    cue = str(data["lone_field_cue"])
    return [b for b in blocks
            if len(b.fields) > 1 or cue in joined.text[max(b.start - 40, 0):b.start]]


def find_contact(document: Document, data: Mapping[str, Any]) -> ContactBlock | None:
    """The contact block with the most fields: in the preamble, else anywhere in the prose."""
    for region in (preamble_paragraphs(document), document.paragraphs):
        if not region:
            continue
        blocks = _clusters(Joined.of(region), data)
        if blocks:
            return max(blocks, key=lambda b: len(b.provided))
    return None


def contact(ctx: Context) -> ContactBlock | None:
    return ctx.derived("contact", lambda c: find_contact(c.document, c.data["contact"]))


@dataclass(frozen=True)
class _Check:
    note: Compiled | None
    drop: Compiled
    dash: Compiled | None
    split: Compiled | None
    valid: tuple[Compiled, ...]
    doubtful: tuple[Compiled, ...]
    extension: Compiled | None = None


def _optional(pattern: str | None) -> Compiled | None:
    return cached_linear(pattern) if pattern else None


@lru_cache(maxsize=16)
def _check(note: str | None, drop: str, dash: str | None, split: str | None,
           valid: tuple[str, ...], doubtful: tuple[str, ...], extension: str | None) -> _Check:
    """The patterns of a value check (data of a rule pack: on RE2, linear in the value)."""
    return _Check(_optional(note), cached_linear(drop), _optional(dash), _optional(split),
                  tuple(cached_linear(v) for v in valid),
                  tuple(cached_linear(v) for v in doubtful),
                  _optional(f"(?P<word>{extension})\\s*\\d" if extension else None))


def checker(data: Mapping[str, Any], name: str) -> _Check:
    spec = data["checks"][name]
    return _check(spec.get("note"), spec["drop"], spec.get("dash"), spec.get("split"),
                  tuple(spec["valid"]), tuple(spec.get("doubtful") or ()),
                  spec.get("extension"))


def _blanked(value: str, check: _Check) -> str:
    """Notes blanked and extension words (转8001) read as dashes; same-length rewriting
    keeps offsets into the value as written."""
    if check.note:
        value = check.note.sub(lambda m: "\x00" * len(m.group(0)), value)
    if check.extension:
        value = check.extension.sub(
            lambda m: "-" * len(m.group("word")) + m.group(0)[len(m.group("word")):], value)
    return value


def _pieces(value: str, check: _Check) -> Iterator[tuple[int, str]]:
    """(offset, text) of each candidate value; notes and separators are left out."""
    value = _blanked(value, check)
    if check.split is None:
        yield 0, value
        return
    position = 0
    for found in check.split.finditer(value):
        yield position, value[position:found.start()]
        position = found.end()
    yield position, value[position:]


@dataclass(frozen=True)
class BadPart:
    start: int  # offsets in the value as written
    end: int
    doubtful: bool  # valid but incomplete (a local number without its area code)


def bad_parts(value: str, check: _Check) -> list[BadPart]:
    """Each part of ``value`` that is not a valid value, or only a doubtful one."""
    parts: list[BadPart] = []
    complete = False  # a number with its area code came first: later local ones share it
    for at, piece in _pieces(value, check):
        piece = piece.replace("\x00", " ")
        normal = check.drop.sub("", piece)
        if check.dash:
            normal = check.dash.sub("-", normal)
        if not normal or not any(c.isalnum() for c in normal):
            continue
        if any(v.fullmatch(normal) for v in check.valid):
            complete = complete or normal.startswith("0")  # it has an area code
            continue
        lead = len(piece) - len(piece.lstrip())
        doubtful = any(v.fullmatch(normal) for v in check.doubtful)
        if doubtful and complete:
            continue  # （0739）2323188、2323199
        parts.append(BadPart(at + lead, at + len(piece.rstrip()), doubtful))
    return parts
