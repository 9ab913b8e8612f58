"""One Word paragraph as it reads once every tracked change is accepted.

python-docx's ``paragraph.text`` reads only the runs directly under ``<w:p>`` (and links): text
typed in review mode (``<w:ins>``, ``<w:moveTo>``), content controls, simple fields and smart
tags are lost, and hidden text is kept. This walks the XML itself: inserted and moved-to text
in, deleted and moved-from text out, hidden runs out, fields as their displayed result (never
the field code), text boxes and footnote references collected for the caller to place. Every
revision, comment and hidden run leaves a :class:`Mark` at its offset in the text, so the
caller can say where the first one is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_ACCEPTED = frozenset({f"{W}ins", f"{W}moveTo"})
_REJECTED = frozenset({f"{W}del", f"{W}moveFrom"})
_WRAPPERS = frozenset({f"{W}hyperlink", f"{W}smartTag", f"{W}customXml", f"{W}fldSimple",
                       f"{W}dir", f"{W}bdo"})
_FORMAT_CHANGES = frozenset({f"{W}rPrChange", f"{W}pPrChange"})
_BREAKS = frozenset({f"{W}br", f"{W}cr"})
_TABS = frozenset({f"{W}tab", f"{W}ptab"})
_NOTE_REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}
_OFF = frozenset({"0", "false", "off"})


@dataclass(frozen=True)
class Mark:
    """A revision, a comment or a hidden run at ``offset`` in a paragraph's text."""

    kind: str  # "revision" | "comment" | "hidden"
    offset: int
    length: int = 0
    sample: str = ""  # the hidden text, for the message
    key: str = ""  # a comment's id: replies and ranges count once


@dataclass
class ParaText:
    """The visible text of a paragraph (``\\n`` at line breaks, ``\\t`` at tabs) and what it
    holds besides: text boxes anchored in it, notes it refers to, marks."""

    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)  # <w:txbxContent> elements
    notes: list[tuple[str, str]] = field(default_factory=list)  # ("footnote", id)
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion: joins the next

    def then(self, other: ParaText) -> ParaText:
        """This paragraph joined to the next one (its paragraph mark was deleted)."""
        shift = len(self.text)
        moved = [Mark(m.kind, m.offset + shift, m.length, m.sample, m.key) for m in other.marks]
        return ParaText(self.text + other.text, self.marks + moved, self.boxes + other.boxes,
                        self.notes + other.notes, other.mark_deleted)


def _on(element: Any) -> bool | None:
    """A toggle property (``<w:vanish/>``, ``w:val="0"``): set on, set off, or not set."""
    if element is None:
        return None
    return element.get(f"{W}val", "1").lower() not in _OFF


def _val(parent: Any, tag: str) -> str | None:
    found = parent.find(f"{W}{tag}") if parent is not None else None
    return found.get(f"{W}val") if found is not None else None


class Styles:
    """Which paragraph and character styles hide their text (``<w:vanish/>``, through
    ``basedOn``)."""

    def __init__(self, root: Any | None) -> None:
        self._styles = {} if root is None else {
            s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
        self._hidden: dict[str, bool] = {}

    def hidden(self, style_id: str | None) -> bool:
        if style_id is None:
            return False
        if style_id not in self._hidden:
            self._hidden[style_id] = self._lookup(style_id)
        return self._hidden[style_id]

    def _lookup(self, style_id: str) -> bool:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                return False
            state = _on(_find(style, "rPr", "vanish"))
            if state is not None:
                return state
            current = _val(style, "basedOn")
        return False


def _find(element: Any, *path: str) -> Any:
    for tag in path:
        if element is None:
            return None
        element = element.find(f"{W}{tag}")
    return element


class Fields:
    """Complex fields (``fldChar`` begin, separate, end) across the paragraphs of one story:
    between begin and separate is the field code, which is not shown."""

    def __init__(self) -> None:
        self._stack: list[str] = []

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self._stack.append("code")
        elif kind == "separate" and self._stack:
            self._stack[-1] = "result"
        elif kind == "end" and self._stack:
            self._stack.pop()

    @property
    def in_code(self) -> bool:
        return "code" in self._stack

    def end_paragraph(self) -> None:
        """A field code does not run past its paragraph: a broken field hides no more."""
        while self._stack and self._stack[-1] == "code":
            self._stack.pop()


def branch(alternate: Any) -> Any | None:
    """One branch of ``<mc:AlternateContent>``: the first choice, else the fallback (both
    hold the same text box; reading both would read it twice)."""
    choice = alternate.find(f"{MC}Choice")
    return choice if choice is not None else alternate.find(f"{MC}Fallback")


def text_boxes(element: Any) -> Iterator[Any]:
    """The ``<w:txbxContent>`` of a drawing or shape (and of those under it), outermost only."""
    if element.tag == f"{W}txbxContent":
        yield element
        return
    if element.tag == f"{MC}AlternateContent":
        chosen = branch(element)
        children = [] if chosen is None else list(chosen.iterchildren())
    else:
        children = list(element.iterchildren())
    for child in children:
        if isinstance(child.tag, str):
            yield from text_boxes(child)


class _Walk:
    """One paragraph's children, in order, into a :class:`ParaText`."""

    def __init__(self, styles: Styles, fields: Fields, paragraph_style: str | None) -> None:
        self.styles = styles
        self.fields = fields
        self.paragraph_hidden = styles.hidden(paragraph_style)
        self.out = ParaText()
        self.pieces: list[str] = []
        self.length = 0
        self.last_revision: tuple[str, str] | None = None
        self.depth = 0  # inside how many tracked insertions

    def revision(self, kind: str, element: Any) -> None:
        """Adjacent changes of one kind by one author are one revision, as Word shows them."""
        key = (kind, element.get(f"{W}author", ""))
        if key != self.last_revision:
            self.out.marks.append(Mark("revision", self.length))
        self.last_revision = key

    def comment(self, element: Any) -> None:
        self.out.marks.append(Mark("comment", self.length, key=element.get(f"{W}id", "")))

    def add(self, text: str, revised: bool = False) -> None:
        """Text outside any revision ends the revision before it."""
        self.pieces.append(text)
        self.length += len(text)
        if not (revised or self.depth):
            self.last_revision = None

    def content(self, element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{W}r":
                self.run(child)
            elif tag in _ACCEPTED:
                self.revision("insert", child)
                self.depth += 1
                self.content(child)
                self.depth -= 1
            elif tag in _REJECTED:
                self.revision("delete", child)
            elif tag in _WRAPPERS:
                self.content(child)
            elif tag == f"{W}sdt":
                inner = child.find(f"{W}sdtContent")
                if inner is not None:
                    self.content(inner)
            elif tag == f"{MC}AlternateContent":
                chosen = branch(child)
                if chosen is not None:
                    self.content(chosen)
            elif tag == f"{W}commentRangeStart":
                self.comment(child)

    def hidden(self, properties: Any) -> bool:
        state = _on(_find(properties, "vanish"))
        if state is not None:
            return state
        if self.styles.hidden(_val(properties, "rStyle")):
            return True
        return self.paragraph_hidden

    def run(self, run: Any) -> None:
        properties = run.find(f"{W}rPr")
        change = properties.find(f"{W}rPrChange") if properties is not None else None
        if change is not None:
            self.revision("format", change)
        hidden = self.hidden(properties)
        shown: list[str] = []
        for child in run.iterchildren():
            self.run_child(child, hidden, shown)
        text = "".join(shown)
        if hidden and text.strip():
            self.hide(text)
        elif not hidden and text:
            self.add(text, revised=change is not None)

    def hide(self, text: str) -> None:
        """Hidden runs next to each other are one piece of hidden text."""
        marks = self.out.marks
        if marks and marks[-1].kind == "hidden" and marks[-1].offset == self.length:
            marks[-1] = Mark("hidden", self.length, 0, marks[-1].sample + text)
        else:
            marks.append(Mark("hidden", self.length, 0, text))

    def run_child(self, child: Any, hidden: bool, shown: list[str]) -> None:
        tag = child.tag
        if tag == f"{W}fldChar":
            self.fields.char(child.get(f"{W}fldCharType"))
        elif self.fields.in_code:
            return
        elif tag == f"{W}t":
            shown.append(child.text or "")
        elif tag in _TABS:
            shown.append("\t")
        elif tag in _BREAKS:
            shown.append("\n")  # a page or column break also ends the line on the page
        elif tag == f"{W}noBreakHyphen":
            shown.append("-")
        elif tag == f"{W}commentReference":
            self.comment(child)
        elif hidden:
            return
        elif tag in _NOTE_REFERENCES:
            self.out.notes.append((_NOTE_REFERENCES[tag], child.get(f"{W}id", "")))
        elif tag in (f"{W}drawing", f"{W}pict", f"{MC}AlternateContent"):
            self.out.boxes.extend(text_boxes(child))

    def mark(self, properties: Any) -> None:
        """The paragraph mark: a tracked insertion or deletion of the paragraph break, or a
        change of the paragraph's formatting."""
        if properties is None:
            return
        if properties.find(f"{W}pPrChange") is not None:
            self.revision("format", properties.find(f"{W}pPrChange"))
        mark = properties.find(f"{W}rPr")
        if mark is None:
            return
        for tag, kind in ((f"{W}ins", "insert"), (f"{W}del", "delete"),
                          (f"{W}moveTo", "insert"), (f"{W}moveFrom", "delete")):
            found = mark.find(tag)
            if found is not None:
                self.revision(kind, found)
                self.out.mark_deleted = kind == "delete"


def paragraph_text(paragraph: Any, styles: Styles, fields: Fields) -> ParaText:
    """The text of a ``<w:p>`` with all changes accepted, hidden text left out."""
    properties = paragraph.find(f"{W}pPr")
    walk = _Walk(styles, fields, _val(properties, "pStyle"))
    walk.content(paragraph)
    walk.mark(properties)
    fields.end_paragraph()
    walk.out.text = "".join(walk.pieces)
    return walk.out
