"""What real reports add around the template (fixtures/variants/, made from the example by
fixtures/make_variants.py): a table of contents, a local table, a table published as a
picture. Each lints as the example of its input kind does, plus F208 for the picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from readerhelp import DOCUMENTS, ROOT, RULES, lint, read

from reportlint.check.engine import parse_source
from reportlint.facts.context import Context
from reportlint.model import Diagnostic, Settings
from reportlint.parse.dump import dump
from reportlint.tables.dump import dump_tables
from reportlint.tables.layer import table_layer

VARIANTS = ROOT / "fixtures" / "variants"
NAMES = sorted(p.name for p in VARIANTS.iterdir())


def _example(suffix: str) -> Path:
    return ROOT / "fixtures" / "example.txt" if suffix == ".txt" else DOCUMENTS / f"example{suffix}"


def _findings(path: Path) -> list[tuple[str, str]]:
    """(code, message): the places differ by the lines the variant adds."""
    return sorted((d.code, d.message) for d in lint(path.name, path.read_bytes()))


def _diagnostics(name: str) -> tuple[Diagnostic, ...]:
    return lint(name, (VARIANTS / name).read_bytes())


def test_every_pattern_in_every_kind_it_occurs_in() -> None:
    assert sorted([
        "toc.txt", "toc-paged.txt", "toc.docx", "toc.pdf",
        "local-table.txt", "local-table.html", "local-table.docx",
        "image-table.html", "image-table.docx", "image-table.pdf"]) == NAMES


@pytest.mark.parametrize("name", [n for n in NAMES if not n.startswith("image-")])
def test_variant_lints_as_the_example(name: str) -> None:
    path = VARIANTS / name
    assert _findings(path) == _findings(_example(path.suffix))


@pytest.mark.parametrize("name", ["toc.txt", "toc-paged.txt", "local-table.txt"])
def test_text_variant_points_at_the_same_cell(name: str) -> None:
    text = (VARIANTS / name).read_text(encoding="utf-8").split("\n")
    line = next(i for i, t in enumerate(text, 1) if t.strip() == "－2")
    assert [(d.code, d.span.line, d.span.column) for d in _diagnostics(name)] == [
        ("N303", line, 2)]


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("image-")])
def test_picture_of_table3_is_f208_and_nothing_else(name: str) -> None:
    path = VARIANTS / name
    found = _findings(path)
    picture = [f for f in found if f[0] == "F208"]
    assert len(picture) == 1 and "表三" in picture[0][1]
    assert [f for f in found if f[0] != "F208"] == _findings(_example(path.suffix))


@pytest.mark.parametrize(("name", "shown", "page"), [
    ("image-table.html", '<p><img src="table3.png" width="600" height="360"></p>', None),
    ("image-table.docx", "[图片]", None),
    ("image-table.pdf", "[图片]", 3),
])
def test_f208_points_at_the_picture(name: str, shown: str, page: int | None) -> None:
    diagnostic = next(d for d in _diagnostics(name) if d.code == "F208")
    source = read(VARIANTS / name)
    assert source.shown_lines[diagnostic.span.line - 1].strip() == shown
    assert diagnostic.page == page


@pytest.mark.parametrize("name", ["toc.txt", "toc-paged.txt", "toc.docx", "toc.pdf"])
def test_parse_shows_the_table_of_contents(name: str) -> None:
    _, document = parse_source(read(VARIANTS / name), RULES.data)
    marker = 1 if name == "toc.txt" else 0  # the 目  录 line
    assert document.toc is not None and len(document.toc.pieces) == 6 + marker
    assert [s.key for s in document.sections] == [
        "overview", "proactive", "requests", "review", "problems", "other"]
    assert f"  toc {document.toc.span.line}:" in dump(document)


@pytest.mark.parametrize("name", ["local-table.txt", "local-table.html", "local-table.docx"])
def test_parse_lists_the_local_table(name: str) -> None:
    source, document = parse_source(read(VARIANTS / name), RULES.data)
    listing = dump_tables(document, source.lines, RULES.data)
    local = next(line for line in listing.splitlines() if "local table" in line)
    line = int(local.split("line ")[1].split()[0])
    assert "发布渠道" in source.lines[line - 1]
    layer = table_layer(Context(document, source.lines, RULES.data, Settings()))
    rows = 8 if name.endswith(".txt") else 4  # one cell a line, or one row a line
    assert [len(t.lines) for t in layer.local] == [rows]
