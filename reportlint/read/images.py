"""A picture where text is expected: readers put one marker line in its place.

A table published as a picture (a screenshot of the Word table on a web page, an embedded
picture in a Word file, an image-only PDF page) has no text to check; the marker line lets the
parser place it (an image block) and the table layer report it (F208) instead of a missing
table or an empty section.
"""

from __future__ import annotations

IMAGE_MARK = "[图片]"
_OPEN, _CLOSE = "[图片", "]"
_ALT_SEPARATOR = "："
_ALT_MAX = 60


def image_line(alt: str = "") -> str:
    """The marker line, with the picture's alternative text when it has one."""
    alt = " ".join(alt.split())[:_ALT_MAX].replace("]", "")
    return f"{_OPEN}{_ALT_SEPARATOR}{alt}{_CLOSE}" if alt else IMAGE_MARK


def is_image_line(text: str) -> bool:
    stripped = text.strip()
    if stripped == IMAGE_MARK:
        return True
    return (stripped.startswith(_OPEN + _ALT_SEPARATOR) and stripped.endswith(_CLOSE)
            and _CLOSE not in stripped[:-1])
