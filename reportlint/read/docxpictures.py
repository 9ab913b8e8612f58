"""Pictures in a Word paragraph: a table published as a screenshot stands where the table would.

A text box is a drawing too, but holds text (read by ``docxbody``); a picture is a drawing of a
``pic:pic`` or a VML ``imagedata``, which a paragraph may carry twice (the drawing and its VML
fallback): it is one picture.
"""

from __future__ import annotations

from typing import Any

_PICTURES = ("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
             "{urn:schemas-microsoft-com:vml}imagedata")
_DRAWING_NAMES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def has_picture(paragraph: Any) -> bool:
    """``paragraph``: a ``<w:p>`` element."""
    return any(next(paragraph.iter(tag), None) is not None for tag in _PICTURES)


def picture_title(paragraph: Any) -> str:
    """The picture's description or title (Word's alternative text), when it has one."""
    properties = next(paragraph.iter(_DRAWING_NAMES), None)
    if properties is None:
        return ""
    return str(properties.get("descr") or properties.get("title") or "")
