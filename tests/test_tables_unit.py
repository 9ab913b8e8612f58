"""Unit tests of the table layer: rows, labels, numbers, relations, templates as data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from lark.exceptions import LarkError
from tablehelp import layer

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.common.resources import builtin_rules_dir
from reportlint.model import Settings
from reportlint.tables.labels import leaf, row_key
from reportlint.tables.numbers import BLANK, NEGATIVE, NONSTANDARD, NOT_NUMBER, OK, parse_cell
from reportlint.tables.relations import parse_relation
from reportlint.tables.rows import pipe_row, text_row

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example.txt"


def test_pipe_row_with_merged_cells_and_an_escaped_pipe() -> None:
    row = pipe_row(7, "|  | （三）不予公开 | 1.属于国家\\|秘密 | 0 | 12 |  |")
    assert row is not None
    assert [p.text for p in row.labels] == ["（三）不予公开", "1.属于国家\\|秘密"]
    assert [(p.text, p.column) for p in row.values] == [("0", 29), ("12", 33), ("", 39)]
    assert pipe_row(1, "|---|:---:|") is None


def test_text_row_splits_trailing_numbers_and_keeps_glued_digits_together() -> None:
    row = text_row(3, "（四）无法提供   1.本机关不掌握相关政府信息   31    0  7,730.28")
    assert row is not None
    assert [p.text for p in row.values] == ["31", "0", "7,730.28"]
    glued = text_row(4, "规范性文件7777166")
    assert glued is not None and glued.glued
    assert [p.text for p in glued.values] == ["7777166"]


@pytest.mark.parametrize(("label", "key"), [
    ("三、本年度办理结果 （一）予以公开", "予以公开"),
    ("（四）无 1.本机关不掌握相关政府信息", "本机关不掌握相关政府信息"),
    ("5、要求行政机关确认或重 新出具已获取信息", "要求行政机关确认或重新出具已获取信息"),
    ("(二)部分公开(区分处理的, 只计这一情形, 不计其他情形)",
     "部分公开（区分处理的只计这一情形不计其他情形）"),
    ("3.危及\"三安全一稳定\"", "危及三安全一稳定"),
    ("总 计", "总计"),
])
def test_labels_compare_without_numbering_spaces_and_punctuation(label: str, key: str) -> None:
    assert row_key(label) == key
    assert leaf("（三）不予公开 8.属于行政查询事项") == "8.属于行政查询事项"


@pytest.mark.parametrize(("text", "raw", "kind", "value", "status"), [
    ("12", "12", "count", Decimal(12), OK),
    ("-2", "－2", "signed", Decimal(-2), NONSTANDARD),
    ("1,300", "1,300", "count", Decimal(1300), NONSTANDARD),
    ("394432.52元", "394432.52元", "amount", Decimal("394432.52"), NONSTANDARD),
    ("—", "—", "count", Decimal(0), BLANK),
    ("", "", "count", Decimal(0), BLANK),
    ("-3", "-3", "count", Decimal(-3), NEGATIVE),
    ("1.5", "1.5", "count", Decimal("1.5"), NOT_NUMBER),
    ("三", "三", "count", None, NOT_NUMBER),
])
def test_cell_values(text: str, raw: str, kind: str, value: Decimal | None,
                     status: str) -> None:
    parsed = parse_cell(text, raw, kind)
    assert (parsed.value, parsed.status) == (value, status)


def test_relation_language() -> None:
    relation = parse_relation("new.$c + prior.$c = total.$c + next.$c - 0")
    assert relation.op == "="
    assert [(s, r.row, r.column) for s, r in relation.left.terms] == [
        (1, "new", "$c"), (1, "prior", "$c")]
    tagged = parse_relation("total.$c >= sum(#result.$c)")
    assert tagged.op == ">=" and tagged.right.terms[0][1].tag
    with pytest.raises(LarkError):
        parse_relation("new.$c + = total")


def test_the_example_binds_every_cell_with_its_keys() -> None:
    tables = layer(EXAMPLE.read_text(encoding="utf-8")).tables
    table3 = tables["table3"]
    assert table3.version == "2019"
    assert table3.cells[("new", "total")].value == 1
    assert table3.cells[("next", "natural")].span.line == 336 + 1
    assert tables["table4"].cells[("counts", "after_total")].value == 0
    assert tables["table2"].cells[("other_services", "change")].value == -2


def test_a_new_format_version_is_a_yaml_file_in_another_pack(tmp_path: Path) -> None:
    """A locality's variant: the 2019 template with 规章 renamed, in a user's rule pack."""
    template = (builtin_rules_dir() / "formats" / "2019.yaml").read_text(encoding="utf-8")
    template = template.replace('format: "2019"', 'format: "2099"')
    template = template.replace("name: 2019年统一格式", "name: 某地2099年格式")
    template = template.replace("label: 规章,", "label: 地方政府规章,")
    (tmp_path / "formats").mkdir()
    (tmp_path / "formats" / "local.yaml").write_text(template, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(
        "name: local\ndata:\n  format-local: formats/local.yaml\n", encoding="utf-8")
    text = EXAMPLE.read_text(encoding="utf-8").replace("\t规章\n", "\t地方政府规章\n")

    def found(extra: tuple[Path, ...]) -> list[tuple[str, int, str]]:
        report = lint_bytes("r.txt", text.encode("utf-8"), load_rules(extra),
                            Selection(select=("F", "T")), Settings())
        return [(d.code, d.span.line, d.message) for d in report.diagnostics]

    with_variant = found((tmp_path,))
    assert [(c, line) for c, line, _ in with_variant] == [("F201", 9)]
    assert "某地2099年格式" in with_variant[0][2]
    assert ("F205", 18) in [(c, line) for c, line, _ in found(())]  # unknown to the national one


def test_parse_command_lists_the_bound_cells(capsys: pytest.CaptureFixture[str]) -> None:
    from reportlint.cli.main import main

    with pytest.raises(SystemExit) as done:
        main(["parse", str(EXAMPLE)])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "tables (format 2019, from evidence)" in out
    rows = [line.split() for line in out.splitlines() if line.startswith("    new ")]
    assert ["new", "natural", "1", "line", "103:2"] in rows
    assert "table4 bound 2019 at 350:2 (15 cells)" in out


def test_cells_split_as_the_separator_pattern_says() -> None:
    """``split_cells`` is ``re.split(r"\\s*\\|\\s*|\\t|\\s{2,}")`` in linear time: the same
    pieces on every string of blanks, pipes, tabs and text up to length 12."""
    import random
    import re

    from reportlint.tables.local import split_cells

    spec = re.compile(r"\s*\|\s*|\t|\s{2,}")
    choose = random.Random(7)
    alphabet = [" ", "\t", "|", "a", "自", "\u3000", "\n", "5", "\x1c", "\xa0"]
    for _ in range(50_000):
        text = "".join(choose.choice(alphabet) for _ in range(choose.randint(0, 12)))
        assert split_cells(text) == spec.split(text), repr(text)


def test_a_long_run_of_blanks_is_one_separator() -> None:
    from reportlint.tables.local import split_cells

    assert split_cells("申请" + " " * 100_000 + "5 | 6") == ["申请", "5", "6"]


def test_rule_rows_are_told_as_the_rule_pattern_says() -> None:
    """``is_rule_row`` is ``^\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$`` checked cell
    by cell (the pattern retried shared blanks from every cell: a fuzzed row took 24 s): the
    same answer on every stripped string of pipes, dashes, colons, blanks and text up to 14."""
    import random
    import re

    from reportlint.tables.rows import is_rule_row

    spec = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
    choose = random.Random(11)
    alphabet = ["|", "-", "-", "-", ":", " ", "\t", "a", "\u3000"]
    for _ in range(50_000):
        text = "".join(choose.choice(alphabet) for _ in range(choose.randint(0, 14))).strip()
        assert is_rule_row(text) == bool(spec.match(text)), repr(text)
