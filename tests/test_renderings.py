"""The example re-rendered (fixtures/make_renderings.py): clean, and each relation caught at the
right cell when one cell is changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from tablehelp import layer, lint

RENDERINGS = Path(__file__).resolve().parent.parent / "fixtures" / "renderings"
BOUND = ("pipe.md", "pipe-split.md", "layout.txt", "oneline.txt")
BOUND_2021 = ("2021-tab.txt", "2021-pipe.md", "2021-layout.txt", "2021-oneline.txt")
EXAMPLE = RENDERINGS.parent / "example.txt"

# (code, table, changed cell, new value, cell the diagnostic must point at)
MUTATIONS = [
    ("T401", "table3", ("new", "natural"), "2", ("new", "total")),
    ("T402", "table3", ("granted", "natural"), "2", ("total", "natural")),
    ("T403", "table3", ("next", "business"), "3", ("new", "business")),
    ("T404", "table4", ("review_upheld",), "4", ("review_total",)),
    ("T404", "table4", ("after_pending",), "1", ("after_total",)),
    ("T405", "table2", ("rules", "new_published"), "5", ("rules", "new_published")),
]


MUTATIONS_2021 = [
    ("T401", "table3", ("other_unpaid", "legal"), "3", ("other_unpaid", "total")),
    ("T402", "table3", ("other_misc", "natural"), "2", ("total", "natural")),
    ("T403", "table3", ("prior", "total"), "4", ("new", "total")),
    ("T404", "table4", ("direct_other",), "2", ("direct_total",)),
    ("T405", "table2", ("normative", "issued"), "9", ("normative", "issued")),
]


def _text(name: str) -> str:
    return (RENDERINGS / name).read_text(encoding="utf-8")


def _key(address: tuple[str, ...]) -> tuple[str, str]:
    return ("counts", address[0]) if len(address) == 1 else (address[0], address[1])


@pytest.mark.parametrize("name", [*BOUND, "../example.txt"])
def test_rendering_is_clean(name: str) -> None:
    found = lint(_text(name), name)
    assert [c for c, _, _ in found] == ["F201", "N303"]  # the version, and the full-width －2
    tables = layer(_text(name), name).tables
    assert {k: len(t.cells) for k, t in tables.items()} == {
        "table2": 22, "table3": 161, "table4": 15}


@pytest.mark.parametrize("name", BOUND_2021)
def test_2021_rendering_is_clean(name: str) -> None:
    assert lint(_text(name), name) == [("F201", *_caption(name))]
    tables = layer(_text(name), name).tables
    assert {k: (t.version, len(t.cells)) for k, t in tables.items()} == {
        "table2": ("2021", 10), "table3": ("2021", 175), "table4": ("2021", 15)}


def _caption(name: str) -> tuple[int, int]:
    number = next(i for i, line in enumerate(_text(name).split("\n"), 1) if "第二十条" in line)
    line = _text(name).split("\n")[number - 1]
    return number, line.index("第二十条") + 1


def test_run_together_cells_are_unrecoverable_and_never_guessed() -> None:
    text = _text("runtogether.txt")
    found = lint(text, "runtogether.txt")
    assert [c for c, _, _ in found] == ["F207", "F207", "F207"]
    assert all(not t.cells for t in layer(text, "runtogether.txt").tables.values())


CASES = [(n, m) for n in BOUND for m in MUTATIONS] + [
    (n, m) for n in BOUND_2021 for m in MUTATIONS_2021]


@pytest.mark.parametrize(("name", "mutation"), CASES,
                         ids=[f"{n}-{m[0]}-{m[2][-1]}" for n, m in CASES])
def test_one_changed_cell_is_caught_at_the_right_cell(
        name: str, mutation: tuple[str, str, tuple[str, ...], str, tuple[str, ...]]) -> None:
    code, table, changed, value, target = mutation
    text = _text(name)
    cells = layer(text, name).tables[table].cells
    cell, expected = cells[_key(changed)], cells[_key(target)]
    lines = text.split("\n")
    line = lines[cell.span.line - 1]
    start = cell.span.column - 1
    assert line[start:cell.span.end_column - 1] == cell.text
    lines[cell.span.line - 1] = line[:start] + value + line[cell.span.end_column - 1:]
    found = lint("\n".join(lines), name, select=(code,))
    assert found == [(code, expected.span.line, expected.span.column)]
    shown = lines[expected.span.line - 1][expected.span.column - 1:expected.span.end_column - 1]
    assert shown == (value if target == changed else expected.text)  # the cell as written


@pytest.mark.parametrize("name", ["pipe.md", "layout.txt", "oneline.txt"])
def test_header_rows_and_group_labels_may_be_absent(name: str) -> None:
    drop = ("自然人", "商业", "企业", "组织", "申请人情况", "（三）不予公开", "维持",
            "信息内容")
    lines = [line for line in _text(name).split("\n")
             if not (any(word in line for word in drop) and not any(ch.isdigit() for ch in line))]
    text = "\n".join(lines)
    assert [c for c, _, _ in lint(text, name)] == ["F201", "N303"]
    tables = layer(text, name).tables
    assert {k: len(t.cells) for k, t in tables.items()} == {
        "table2": 22, "table3": 161, "table4": 15}


TABLE_SECTIONS = ("proactive", "requests", "review")


@pytest.mark.parametrize("name", [*BOUND, *BOUND_2021, "runtogether.txt"])
def test_table_lines_are_neither_headings_nor_prose(name: str) -> None:
    from tablehelp import rules

    from reportlint.parse.catalogue import catalogue_from_data
    from reportlint.parse.parser import parse
    from reportlint.read import read_bytes

    source = read_bytes(name, _text(name).encode("utf-8"))
    document = parse(source.lines, catalogue_from_data(rules().data["sections"]))
    assert [s.key for s in document.sections] == [
        "overview", "proactive", "requests", "review", "problems", "other"]
    for section in document.sections:
        if section.key in TABLE_SECTIONS:
            assert section.paragraphs == ()


def test_a_column_missing_from_every_row_is_one_diagnostic() -> None:
    import re

    lines = _text("oneline.txt").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    for index in range(start, end + 1):  # drop 自然人 from every 表三 row
        found = re.match(r"^(.*?\S) \d+ ((?:\d+ ){5}\d+)$", lines[index])
        if found:
            lines[index] = f"{found.group(1)} {found.group(2)}"
    assert lint("\n".join(lines), "oneline.txt", select=("F205", "T")) == [
        ("F205", start + 1, 1)]
