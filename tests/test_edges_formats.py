"""Output formats at their edges: what one format carries the others must not drop, and the
characters each format's specification forbids."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from formatdata import OPTIONS, PDF

from reportlint.formatters import FORMATTERS
from reportlint.model import Diagnostic, FileReport, Related, Severity, Span


def _related_pages(name: str) -> list[Any]:
    found = json.loads(FORMATTERS[name]([PDF], OPTIONS))
    if name == "sarif":
        return [r.get("properties", {}).get("page") for result in found["runs"][0]["results"]
                for r in result.get("relatedLocations", [])]
    return [r["page"] for d in found for r in d["related"]]


def test_json_related_locations_carry_their_page_as_sarif_does() -> None:
    # a total on one page and its cells on another: the page is the only way to find them
    assert _related_pages("json") == _related_pages("sarif") == [2, 2]


def test_junit_is_well_formed_with_lone_surrogates_and_controls() -> None:
    odd = FileReport(
        "reports/\udcb1\udca8.txt",
        (Diagnostic("S101", "title-missing", Severity.ERROR, "缺少标题\x1b[1m\udcff]]>",
                    Span(1, 1, 1, 2), related=(Related(Span(1, 1, 1, 2), "x"),)),),
        ("标题",))
    text = FORMATTERS["junit"]([odd], OPTIONS)
    root = ET.fromstring(text.encode("utf-8"))  # strict UTF-8, well-formed XML
    case = root.find(".//testcase")
    assert case is not None and case.get("name") == "reports/\\xb1\\xa8.txt"
