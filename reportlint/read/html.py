"""HTML pages (``.html``, ``.htm``): paragraphs and tables in document order, every character
mapped to its line and column in the HTML source.

Tables are expanded into a grid (rowspan/colspan; covered positions are empty cells) and each
row becomes one pipe line (see ``reportlint.read.rows``). Scripts, styles and the page's
navigation are skipped; a table that holds another table is page layout, read as flowing text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from reportlint.errors import InputProblem
from reportlint.model import Source
from reportlint.read.build import make_source
from reportlint.read.text import split_lines

if TYPE_CHECKING:
    from reportlint.read.htmlelsewhere import Target
    from reportlint.read.htmlparts import Parts

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
_GB = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "x-euc-cn", "euc-cn", "cp936",
                 "gb18030", "csgb2312", "chinese"})
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))



def declared_charset(data: bytes) -> str | None:
    """The charset from ``<meta charset>`` or ``http-equiv`` (GB2312/GBK read as GB18030)."""
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    candidates = [c for c in (declared_charset(data), "utf-8", "gb18030") if c]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    # A few bad bytes are common in GBK pages: keep the best reading with U+FFFD for them;
    # junk is refused afterwards by the share of U+FFFD (see _looks_binary).
    readings = [data.decode(c, errors="replace") for c in candidates]
    return min(readings, key=lambda text: text.count("\ufffd"))


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    return "\x00" in sample or controls > max(2, len(sample) // 100)


def read_html(path: str, data: bytes) -> Source:
    """A web page's report; E006 when the report is elsewhere (an attachment, a viewer, the
    other pages of a split article)."""
    source, parts = read_html_part(path, data)
    if parts is not None:
        from reportlint.read.htmlparts import one_part_of_several

        raise one_part_of_several(parts)
    return source


def read_html_part(path: str, data: bytes) -> tuple[Source, Parts | None]:
    """The page's report text, and the article's parts when the page is one of several."""
    from reportlint.read.htmlelsewhere import raise_if_elsewhere, reads_like_report
    from reportlint.read.htmlhidden import drop_hidden
    from reportlint.read.htmlpage import find_page
    from reportlint.read.htmlparts import drop_pager, find_parts
    from reportlint.read.htmlrender import parse_tree, render_page

    if not data.strip():
        raise InputProblem("E002", "网页文件为空")
    text = decode_html(data).replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text[:4096]):
        raise InputProblem("E001", "无法解码该网页，或文件不是网页（含二进制内容或大量乱码）")
    try:
        tree = parse_tree(text)
    except Exception as error:  # html.parser is lenient; anything else is a broken file
        raise InputProblem("E001", f"无法解析网页：{error}") from error
    parts = find_parts(tree, path)  # before drop_hidden: the pager may be a script
    drop_hidden(tree)
    if parts is not None:
        drop_pager(tree)
    page = find_page(tree)
    lines = render_page(tree, page)
    if parts is None:
        raise_if_elsewhere(tree, has_report=page.report is not None or reads_like_report(lines))
    if not lines:
        raise InputProblem("E002", "网页中没有可提取的正文文字")
    source = replace(make_source(path, "html", lines, split_lines(text)), page_facts=page.facts)
    return source, parts


def parts_in(path: str, data: bytes) -> Parts | None:
    """The article's parts when the page at ``path`` is one page of several."""
    from reportlint.read.htmlparts import find_parts
    from reportlint.read.htmlrender import parse_tree

    try:
        return find_parts(parse_tree(decode_html(data)), path)
    except Exception:  # a page that cannot be parsed is no article's part
        return None


def documents_in(data: bytes) -> list[Target]:
    """The documents a page links or embeds (attachments, viewers), hidden ones left out."""
    from reportlint.read.htmlelsewhere import document_targets
    from reportlint.read.htmlhidden import drop_hidden
    from reportlint.read.htmlrender import parse_tree

    try:
        tree = parse_tree(decode_html(data))
    except Exception:  # a page that cannot be parsed links nothing
        return []
    drop_hidden(tree)
    return document_targets(tree)
