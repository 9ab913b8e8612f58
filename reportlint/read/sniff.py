"""The file type told by a file's first bytes, for input whose name does not tell it.

Standard input (``-``, without ``--stdin-filename`` or with a name lacking a known suffix)
and files with no or an unknown suffix would otherwise be decoded as text: a PDF read that
way decodes "successfully" as GB18030 and gives a page of nonsense diagnostics. A text
suffix (``.txt``, ``.md``) on a file that is clearly a PDF or a Word file is a wrong name
(a download saved under the wrong suffix): the bytes win.
"""

from __future__ import annotations

import re

_HTML = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                   rb"<(?:!doctype\s+html|html|head)\b", re.IGNORECASE | re.DOTALL)


def sniffed_suffix(data: bytes) -> str | None:
    """The suffix of the format the bytes are in (".pdf", ".docx", ".doc", ".html"), or None
    for anything else (text)."""
    head = data[:1024]
    # A PDF may have junk before its header (readers accept it within the first 1 KiB).
    if b"%PDF-" in head:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".doc"
    if _HTML.match(head):
        return ".html"
    return None


def binary_suffix(data: bytes) -> str | None:
    """The sniffed suffix when it is a binary format (never HTML: an HTML page saved as
    ``.txt`` is still read as the text it is)."""
    found = sniffed_suffix(data)
    if found == ".pdf" and not data.lstrip().startswith(b"%PDF-"):
        return None  # a text that merely mentions "%PDF-" near its start stays text
    return found if found in (".pdf", ".docx", ".doc") else None
