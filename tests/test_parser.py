"""The parser: headings in their real-world variants, never from inside a table, and every
line sequence yields a tree (no crash, no silent empty result)."""

from __future__ import annotations

import random

import pytest
from helpers import example_text

from reportlint.check.packs import load_rules
from reportlint.parse.catalogue import catalogue_from_data
from reportlint.parse.parser import parse
from reportlint.parse.tree import Document, Table

CATALOGUE = catalogue_from_data(load_rules().data["sections"])


def parsed(text: str) -> Document:
    return parse(tuple(text.split("\n")), CATALOGUE)


@pytest.mark.parametrize("heading", [
    "一、总体情况",
    "  一、总体情况",
    "\u3000\u3000一、总体情况",
    "\u2002\u2002一、总体情况",
    "一 、总体情况",
    "一、 总体情况",
    "一．总体情况",
    "一.总体情况",
    "## 一、总体情况",
    "一、总体情况：",
    "     一、总 体 情 况",
])
def test_heading_variants(heading: str) -> None:
    document = parsed(f"某局2020年政府信息公开工作年度报告\n{heading}\n正文。")
    assert [(s.key, s.heading.span.line) for s in document.sections] == [("overview", 2)]


def test_table_row_labels_are_not_headings() -> None:
    document = parsed(example_text())
    assert [s.key for s in document.sections] == [
        "overview", "proactive", "requests", "review", "problems", "other"]
    requests = document.section("requests")
    assert requests is not None
    assert len(requests.tables) == 1
    assert any("一、本年新收" in p.text for p in requests.tables[0].lines)


def test_layout_rows_with_numbers_are_table_lines() -> None:
    text = ("某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量     21    0   0   0   0   0    21\n"
            "二、上年结转政府信息公开申请数量      0    0   0   0   0   0     0\n"
            " 三 、本 年 度办 理 结果\n"
            "四、结转下年度继续办理                0    0   0   0   0   0     0\n"
            "四、政府信息公开行政复议、行政诉讼情况\n正文。")
    document = parsed(text)
    assert [(s.key, s.heading.span.line) for s in document.sections] == [
        ("requests", 2), ("review", 7)]
    assert isinstance(document.sections[0].blocks[0], Table)


def test_paragraph_wrapped_over_lines_and_a_page_footer() -> None:
    text = ("某局2023年政府信息公开工作年度报告\n一、总体情况\n"
            "   报告中所列数据统计期限自 2023 年 1 月 1 日\n"
            "起至 2023 年 12 月 31 日止。严格执行“分\n\n              -1-\n级审核”程序。")
    section = parsed(text).sections[0]
    assert len(section.paragraphs) == 1
    paragraph = section.paragraphs[0]
    assert paragraph.text.endswith("严格执行“分级审核”程序。")
    start = paragraph.text.index("级审核")
    assert paragraph.span_of(start, start + 3).line == 7


def test_signature_and_title_date() -> None:
    document = parsed("某局\n2020年政府信息公开工作年度报告\n（2021年1月20日）\n"
                      "一、总体情况\n正文。\n\n某局\n2021年1月29日\n")
    assert document.title is not None and document.title.date is not None
    assert document.title.date.span.line == 3
    assert document.signature is not None
    assert document.signature.span.line == 7


_VOCABULARY = [
    "", "   ", "\t", "\t0", "\t规章", "| a | 1 | 2 |", "|---|---|", "一、总体情况",
    "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理 0 0 0",
    "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "一、概述",
    "某局2020年政府信息公开工作年度报告", "2021年1月29日", "（2021年1月29日）", "-3-",
    "第二十条第（一）项", "信息内容   本年制发件数   现行有效件数", "规章     0     0     0",
    "正文。", "没有句号的一行", "（一）予以公开", "## 一、总体情况", "x" * 400,
    "一、总体情况" + "正文" * 200 + "二、主动公开政府信息情况" + "表" * 100,
]


@pytest.mark.parametrize("seed", range(200))
def test_any_line_sequence_parses(seed: int) -> None:
    rng = random.Random(seed)
    lines = tuple(rng.choice(_VOCABULARY) for _ in range(rng.randint(0, 40)))
    document = parse(lines, CATALOGUE)
    assert document.line_count == len(lines)
    for section in document.sections:
        assert 1 <= section.span.line <= len(lines)
