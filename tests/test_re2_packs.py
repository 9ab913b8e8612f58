"""Rule pack patterns run on RE2 (linear time): Python's Unicode classes are kept, what RE2
cannot do is refused with the reason, and the built-in patterns rewritten without lookaround
give the answers of their lookaround forms (``bench/pattern_scaling.py`` measures the time)."""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reportlint.batch.register import NameForms
from reportlint.check.packs import load_rules
from reportlint.common.linear import PatternError, compile_linear, pattern_set, translate
from reportlint.errors import UsageError
from reportlint.facts.contact import bad_parts, checker


def _assigned() -> str:
    """Every code point Python's Unicode database (14.0) assigns: RE2's tables are newer, so
    unassigned ones may differ."""
    return "".join(chr(c) for c in range(sys.maxunicode + 1)
                   if unicodedata.category(chr(c)) not in ("Cn", "Cs"))


ASSIGNED = _assigned()
# Every script's letters and digits, the CJK and full-width blocks whole: classes that match
# most characters are compared here (each match is a Python object: all 280,000 take long)
SAMPLE = "".join(c for i, c in enumerate(ASSIGNED)
                 if i % 17 == 0 or c < "\u3100" or "\uff00" <= c < "\ufff0")


@pytest.mark.parametrize("pattern", [r"\d", r"\s", r"[\d]", r"[\s:：]", r"[\d.]+"])
def test_rare_classes_mean_what_they_mean_in_python(pattern: str) -> None:
    assert compile_linear(pattern).findall(ASSIGNED) == re.findall(pattern, ASSIGNED)


@pytest.mark.parametrize("pattern", [
    r"\D", r"\S", r"\w", r"\W", r"[^\s:：]", r"[\w-]", r"[^\d.]", r"[\D]",
])
def test_common_classes_mean_what_they_mean_in_python(pattern: str) -> None:
    assert compile_linear(pattern).findall(SAMPLE) == re.findall(pattern, SAMPLE)


def test_full_width_digits_and_the_ideographic_space() -> None:
    found = compile_linear(r"(?P<n>\d+)\s*件").search("共\u3000２０２１\u3000件")
    assert found is not None
    assert (found.group("n"), found.start("n"), found.end("n")) == ("２０２１", 2, 6)


def test_spans_are_code_points() -> None:
    found = compile_linear("年(\\d+)").search("𠀀𠀀年12")
    assert found is not None and (found.start(), found.start(1), found.end(1)) == (2, 3, 5)


_TEXTS = ("", "共\u3000２０２１\u3000件，其中𠀀𠀀年12件", "abab 件x",
          "2020XX年某某单位（单位名称）")


def _spans(found: Any, groups: int) -> list[tuple[int, int, str | None]] | None:
    return None if found is None else [(found.start(g), found.end(g), found.group(g))
                                       for g in range(groups + 1)]


@pytest.mark.parametrize("pattern", [r"(\d+)\s*(件)?", r"(?P<n>[^，。]{1,3})年", r"某+|X", r"a*"])
def test_matches_and_replacements_are_pythons(pattern: str) -> None:
    """Spans in code points from any position, groups, every match, replacements: as
    Python's engine gives them (RE2 answers in bytes, converted by common/linear)."""
    linear, python = compile_linear(pattern), re.compile(pattern)
    groups = python.groups
    for text in _TEXTS:
        for pos in range(len(text) + 1):
            assert _spans(linear.search(text, pos), groups) == _spans(
                python.search(text, pos), groups)
            assert _spans(linear.match(text, pos), groups) == _spans(
                python.match(text, pos), groups)
        assert [_spans(m, groups) for m in linear.finditer(text)] == [
            _spans(m, groups) for m in python.finditer(text)]
        assert linear.findall(text) == python.findall(text)
        assert linear.sub(lambda m: f"<{m.group()}>", text) == python.sub(
            lambda m: f"<{m.group()}>", text)
        assert linear.sub("", text, 1) == python.sub("", text, count=1)


def test_a_pattern_set_names_the_patterns_that_match() -> None:
    """The rules run only the patterns a set finds in a paragraph: it finds each one that
    matches (anchors and empty matches included), and a text past its length gets all."""
    patterns = (r"(?P<n>\d+)\s*件", "某某", r"^共", r"年$", r"x*", r"[（(]单位名称[）)]", "XX")
    found = pattern_set(patterns)
    for text in (*_TEXTS, "共\u3000２件年", "xx件共", "某" * 1300 + "某某"):
        assert list(found.matching(text)) == [
            i for i, p in enumerate(patterns) if compile_linear(p).search(text)]
    assert list(found.matching("某" * 1400)) == list(range(len(patterns)))


@pytest.mark.parametrize(("pattern", "python"), [
    (r"a{,2}b", r"a{0,2}b"), (r"\u3000", r"\x{3000}"), (r"x\Z", r"x\z"),
    (r"[\]a]", r"[\]a]"), (r"[]a]", r"[]a]"), (r"\(?=", r"\(?="),
])
def test_python_syntax_is_spelled_for_re2(pattern: str, python: str) -> None:
    assert translate(pattern) == python


def test_a_catastrophic_pattern_returns_at_once() -> None:
    """``(a+)+$`` against 30 a and ! never returns on a backtracking engine."""
    assert compile_linear(r"(a+)+$").search("a" * 30 + "!") is None
    assert compile_linear(r"(x+x+)+y").search("x" * 5000) is None
    assert compile_linear(r"^(\w+\s?)*$").fullmatch("word " * 5000 + "!") is None


@pytest.mark.parametrize(("pattern", "reason"), [
    ("(?!度)年", "lookaround (?!…)"), ("(?<=分)机", "lookaround (?<=…)"),
    ("x(?=y)", "lookaround (?=…)"), ("(?<!a)b", "lookaround (?<!…)"),
    (r"(a)\1", r"backreference \1"), (r"\bword\b", r"\b is not supported"),
    (r"[\S]", r"\S inside [...]"), ("a{2000}", "invalid repetition size"), ("(", "missing )"),
])
def test_what_re2_cannot_take_is_refused_with_the_reason(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=re.escape(reason)):
        compile_linear(pattern)


def test_a_lookaround_in_a_pack_is_a_load_error_naming_file_line_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "pack.yaml").write_text("name: house\n", encoding="utf-8")
    (folder / "X901.yaml").write_text(
        "code: X901\nname: house-rule\nseverity: info\ndescription: d\nkind: pattern\n"
        "params:\n  message: m\n  patterns: ['征求意见稿(?!终稿)']\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        load_rules((folder,))
    message = str(raised.value)
    assert message.startswith(f"{folder / 'X901.yaml'}:8: key 'params.patterns': ")
    assert "lookaround (?!…)" in message and "\n" not in message


def _strings(rng: random.Random, alphabet: str, longest: int, count: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_the_region_prefix_is_omitted_as_by_its_lookahead_form() -> None:
    """B901: ``(?!政府|人民政府$)`` became a group ``region`` and the context after it."""
    lookahead = re.compile("^.{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区)"
                           "(?!政府|人民政府$)")
    forms = NameForms.of(load_rules().by_code("B901"))
    assert forms.region is not None
    for name in _strings(random.Random(11), "省自治区市州盟地县旗政府人民办公室局x", 14, 20000):
        expected = lookahead.sub("", name, count=1)
        found = forms.region.search(name)
        group = "region"
        got = name if found is None else name[found.end(group):]
        assert got == expected, name


def test_the_canonical_title_is_matched_as_by_its_lookahead_form() -> None:
    """S102: ``(?:(?!度)[^年]{2,40})?`` became ``(?:[^年度][^年]{1,39})?``."""
    lookahead = re.compile("(?:(?:19|20)\\d\\d|[〇○零Ｏ一二三四五六七八九]{4})年"
                           "(?:(?!度)[^年]{2,40})?政府信息公开工作年度报告")
    canonical = compile_linear(load_rules().by_code("S102").params["canonical"])
    tail = "政府信息公开工作年度报告"
    for middle in _strings(random.Random(5), "年度市局2０二〇x", 6, 5000):
        title = f"2021年{middle}{tail}"
        assert bool(canonical.search(title)) == bool(lookahead.search(title)), title


def test_phone_values_are_checked_as_by_the_lookaround_forms() -> None:
    """C604: the (?=\\s*\\d) of 转/分机 and the split that kept them became the check's
    ``extension`` words, read as dashes before the value is split."""
    data = load_rules().data["contact"]
    now = checker(data, "phone")
    spec = data["checks"]["phone"]
    before = replace(
        now, note=re.compile(spec["note"]), drop=re.compile(spec["drop"]), extension=None,
        dash=re.compile(r"[-－—–‐‑−]+|(?:转|分机)(?=\s*\d)"),
        split=re.compile(r"(?:(?!(?:转|分机|(?<=分)机)\s*\d)[^0-9\s()（）+\-－—–‐‑−])+"),
        valid=tuple(re.compile(p) for p in spec["valid"]),
        doubtful=tuple(re.compile(p) for p in spec["doubtful"]))
    for value in _strings(random.Random(3), "0739123-－ 转分机（）()、或办公室8", 24, 20000):
        assert bad_parts(value, now) == bad_parts(value, before), value


def test_the_period_connector_is_linear_in_spaces() -> None:
    """D-rules: ``\\s*起?\\s*(?:至|…)\\s*`` fullmatched between two dates took a second for
    8,000 spaces on Python's engine (quadratic); it is pack data, now on RE2."""
    connector = compile_linear(load_rules().data["dates"]["period"]["connector"])
    assert connector.fullmatch(" " * 1_000_000 + "x") is None
    assert connector.fullmatch(" 起 至 ") is not None
