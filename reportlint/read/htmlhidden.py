"""What a browser does not show is not the report: hidden elements are taken out of the tree.

Hidden are ``<script>``, ``<style>``, ``<template>`` and ``<noscript>`` (a browser with
scripts shows none of it), elements with the ``hidden`` attribute, and elements whose inline
style or a rule of the page's own ``<style>`` for their class or id says ``display:none`` or
``visibility:hidden``. Only simple selectors (``.c``, ``#i``, ``div.c``) are taken: a
descendant or ``@media`` rule hides only in some places or on some screens, and showing the
text is the safe side (a missed section costs more than a read one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.read.htmldoc import Element, Text

_NOT_SHOWN = frozenset({"script", "style", "template", "noscript"})
_HIDING = re.compile(r"(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b",
                     re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SIMPLE = re.compile(r"^([a-zA-Z][a-zA-Z0-9]*)?([.#])([\w-]+)$")


@dataclass(frozen=True)
class Selector:
    tag: str | None
    kind: str  # "." class or "#" id
    name: str

    def matches(self, element: Element) -> bool:
        if self.tag is not None and self.tag.lower() != element.tag:
            return False
        if self.kind == "#":
            return element.attrs.get("id", "") == self.name
        return self.name in element.attrs.get("class", "").split()


def _style_text(root: Element) -> str:
    stack = [root]
    parts: list[str] = []
    while stack:
        element = stack.pop()
        if element.tag == "style":
            parts.extend(c.chars for c in element.children if isinstance(c, Text))
        stack.extend(c for c in element.children if isinstance(c, Element))
    return "\n".join(parts)


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """(selector list, declarations) of the rules outside any ``@`` block."""
    rules: list[tuple[str, str]] = []
    depth, start, prelude = 0, 0, ""
    for index, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif ch == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                if not prelude.startswith("@"):
                    rules.append((prelude, css[start:index]))
                start = index + 1
        elif ch == ";" and depth == 0:
            start = index + 1  # an @import or @charset statement
    return rules


def hiding_selectors(root: Element) -> tuple[Selector, ...]:
    """The page's own ``<style>`` rules that hide a class or an id."""
    found: list[Selector] = []
    for selectors, declarations in _top_level_rules(_COMMENT.sub("", _style_text(root))):
        if not _HIDING.search(declarations):
            continue
        for selector in selectors.split(","):
            simple = _SIMPLE.match(selector.strip())
            if simple:
                found.append(Selector(simple.group(1), simple.group(2), simple.group(3)))
    return tuple(found)


def is_hidden(element: Element, selectors: tuple[Selector, ...]) -> bool:
    if element.tag in _NOT_SHOWN or "hidden" in element.attrs:
        return True
    if _HIDING.search(element.attrs.get("style", "")):
        return True
    return any(s.matches(element) for s in selectors)


def drop_hidden(root: Element) -> None:
    """Take every hidden element (and what it holds) out of the tree, in place."""
    selectors = hiding_selectors(root)
    stack = [root]
    while stack:
        element = stack.pop()
        element.children = [c for c in element.children
                            if isinstance(c, Text) or not is_hidden(c, selectors)]
        stack.extend(c for c in element.children if isinstance(c, Element))
