"""Word's automatic list numbering, which ``paragraph.text`` leaves out.

A heading typed as ``总体情况`` in a list numbered ``一、`` would otherwise reach the grammar
without its ``一、`` and the section would look missing. Only what reports use is rendered:
``lvlText`` with ``%N`` placeholders, formats decimal, Chinese counting and letters; other
formats fall back to decimal.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (report lists stay far below)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _DIGITS[rest]
    else:  # 110 → 一百一十, not 一百十
        tail = _DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else "")
    return _DIGITS[n // 100 % 10] + "百" + tail


def _format(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "ideographTraditional", "japaneseCounting",
                       "taiwaneseCounting")):
        return chinese_number(n)
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "none":
        return ""
    return str(n)


def _val(element: Any, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    return found.get(f"{_W}val") if found is not None else None


class Numbering:
    """Counts list items in document order and renders each one's label."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → level → fmt
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            definition = abstract.get(_val(num, "abstractNumId"))
            if definition is None:
                continue
            self.levels[num.get(f"{_W}numId")] = {
                int(lvl.get(f"{_W}ilvl", "0")): (int(_val(lvl, "start") or "1"),
                                                  _val(lvl, "numFmt") or "decimal",
                                                  _val(lvl, "lvlText") or "")
                for lvl in definition.iter(f"{_W}lvl")
            }
        self.styles = {s.get(f"{_W}styleId"): s
                       for s in document.styles.element.iter(f"{_W}style")}

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
        style_id = _val(p_pr, "pStyle") if p_pr is not None else None
        for _ in range(5):  # a style's own numbering, through its basedOn chain
            if num_pr is not None or style_id is None:
                break
            style = self.styles.get(style_id)
            if style is None:
                break
            s_pr = style.find(f"{_W}pPr")
            num_pr = s_pr.find(f"{_W}numPr") if s_pr is not None else None
            style_id = _val(style, "basedOn")
        if num_pr is None:
            return None
        num_id = _val(num_pr, "numId")
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        return num_id, int(_val(num_pr, "ilvl") or "0")

    def label(self, paragraph: Any) -> str:
        """The rendered number of a list paragraph (``一、``), or ``""``."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        start = levels.get(level, (1, "decimal", ""))[0]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = levels.get(level, (1, "decimal", f"%{level + 1}."))[2]
        for n in range(level, -1, -1):
            _, fmt, _ = levels.get(n, (1, "decimal", ""))
            value = counters.get(n, levels.get(n, (1, "", ""))[0])
            text = text.replace(f"%{n + 1}", _format(value, fmt))
        return text
