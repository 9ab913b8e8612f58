"""The regular expressions in a rule pack's data files run on RE2 and are checked when the pack
loads: a pattern RE2 cannot take is one line naming the data file, the line and the key; a
catastrophic one returns at once on a hostile line; the data patterns rewritten without
lookaround give the answers of their lookaround forms."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from helpers import EXAMPLE, run

from reportlint.check.packs import load_rules
from reportlint.common.linear import cached_linear, compile_linear
from reportlint.common.resources import builtin_rules_dir
from reportlint.errors import UsageError
from reportlint.facts.contact import _label_matches, _labels

BUILTIN = builtin_rules_dir()


def _pack(tmp_path: Path, manifest: str, files: dict[str, str]) -> Path:
    folder = tmp_path / "house"
    (folder / "data").mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _edited(relative: str, old: str, new: str) -> str:
    text = (BUILTIN / relative).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, part: str) -> int:
    return text[:text.index(part)].count("\n") + 1


_STRIP = r"strip_prefix: '^(?:[^\s:：]{1,4}[:：]|=*\s*正\s*文\s*=*)\s*'"
_VALID = r"- '1[3-9]\d-?\d{4}-?\d{4}'"
_RUN = r"table3: '本年新收政府信息公开申请数量\s*\d'"

# (the data file, what it says, the key the error names, the part on that line)
_OVERRIDES = [
    ("issuer", "data/issuer.yaml", _STRIP, r"strip_prefix: '=*正文(?=\S)'",
     "name.strip_prefix", "lookaround (?=…)"),
    ("issuer", "data/issuer.yaml", "- pattern: '人民政府$'", r"- pattern: '(?<!县)人民政府$'",
     "rules[1].pattern", "lookaround (?<!…)"),
    ("contact", "data/contact.yaml", _VALID, r"- '(1)\d{10}\1'",
     "checks.phone.valid[1]", r"backreference \1"),
    ("dates", "data/dates.yaml", "whole_year: '", r"whole_year: '\b",
     "period.whole_year", r"\b is not supported"),
    ("format-2021", "formats/2021.yaml", _RUN, r"table3: '本年新收(?!政府)'",
     "run_together.table3", "lookaround (?!…)"),
]


@pytest.mark.parametrize(("entry", "relative", "old", "new", "key", "reason"), _OVERRIDES)
def test_a_data_pattern_re2_cannot_take_is_a_load_error(
        tmp_path: Path, entry: str, relative: str, old: str, new: str, key: str,
        reason: str) -> None:
    text = _edited(relative, old, new)
    target = f"data/{entry}.yaml"
    folder = _pack(tmp_path, f"name: house\ndata:\n  {entry}: {target}\n", {target: text})
    result = run("check", "--isolated", "--rules", str(folder), str(EXAMPLE))
    assert result.exit_code == 2 and result.stdout == ""
    line = _line_of(text, new)
    assert result.stderr.startswith(f"reportlint: {folder / target}:{line}: key '{key}': "
                                    "bad regular expression ")
    assert reason in result.stderr and result.stderr.count("\n") == 1


def test_a_pattern_in_data_a_user_rule_names_is_checked_with_its_line(tmp_path: Path) -> None:
    words = "# words of the house\nwords:\n  - 草稿\n  - '(?<!终)稿'\n"
    rule = ("code: X902\nname: house-words\nseverity: info\ndescription: d\n"
            "kind: data-patterns\nparams:\n  data: house.words\n  message: '{match}'\n")
    folder = _pack(tmp_path, "name: house\ndata:\n  house: data/house.yaml\n",
                   {"data/house.yaml": words, "X902.yaml": rule})
    with pytest.raises(UsageError) as raised:
        load_rules((folder,))
    assert str(raised.value).startswith(
        f"{folder / 'data/house.yaml'}:4: key 'words[1]': bad regular expression ")
    assert "lookaround (?<!…)" in str(raised.value)


def test_a_built_in_rule_reading_data_a_user_pack_replaces_is_checked(tmp_path: Path) -> None:
    """P705 reads prose.thin_section: a user pack's own prose data is checked for it."""
    text = _edited("data/prose.yaml", "  empty: '^", "  empty: '(?=无)^")
    folder = _pack(tmp_path, "name: house\ndata:\n  prose: data/prose.yaml\n",
                   {"data/prose.yaml": text})
    with pytest.raises(UsageError) as raised:
        load_rules((folder,))
    line = _line_of(text, "(?=无)")
    assert str(raised.value).startswith(
        f"{folder / 'data/prose.yaml'}:{line}: key 'thin_section.empty': ")


@pytest.mark.parametrize(("relative", "entry", "old", "new", "key", "groups"), [
    ("data/dates.yaml", "dates", "whole_year: '(?P<y>", "whole_year: '(",
     "period.whole_year", "(?P<y>…)"),
    ("data/dates.yaml", "dates", "(?P<m1>", "(?P<first>", "period.month_range", "(?P<m1>…)"),
    ("data/prose_numbers.yaml", "prose_numbers", "(?P<n>", "(", "statements[0].patterns[0]",
     "(?P<n>…)"),
    ("data/prose.yaml", "prose", "(?P<name>", "(", "issuer_names.contact", "(?P<name>…)"),
])
def test_a_data_pattern_without_the_groups_the_code_reads_is_a_load_error(
        tmp_path: Path, relative: str, entry: str, old: str, new: str, key: str,
        groups: str) -> None:
    """A whole_year without its group y failed halfway through a run (a TypeError)."""
    text = _edited(relative, old, new)
    folder = _pack(tmp_path, f"name: house\ndata:\n  {entry}: {relative}\n",
                   {relative: text})
    with pytest.raises(UsageError) as raised:
        load_rules((folder,))
    line = _line_of((BUILTIN / relative).read_text(encoding="utf-8"), old)
    assert str(raised.value).startswith(f"{folder / relative}:{line}: key '{key}': ")
    assert str(raised.value).endswith(f"needs the named group {groups}")


_HOSTILE = "a" * 30 + "!"  # inside the period keyword's window (40 characters)


@pytest.mark.parametrize(("entry", "relative", "old", "new"), [
    ("issuer", "data/issuer.yaml", _STRIP, "strip_prefix: '(a+)+$'"),
    ("issuer", "data/issuer.yaml", "- pattern: '(?:办公室|办公厅|办)$'", "- pattern: '(a+)+$'"),
    ("dates", "data/dates.yaml", "whole_year: '", "whole_year: '(a+)+$|"),
    ("dates", "data/dates.yaml", "month_range: '", "month_range: '(a+)+$|"),
])
def test_a_catastrophic_data_pattern_returns_at_once_on_a_hostile_line(
        tmp_path: Path, entry: str, relative: str, old: str, new: str) -> None:
    """``(a+)+$`` against 30 a and ! never returns on a backtracking engine; here it is the
    issuer's name (the title's first line) and the statistics period."""
    target = f"data/{entry}.yaml"
    folder = _pack(tmp_path, f"name: house\ndata:\n  {entry}: {target}\n",
                   {target: _edited(relative, old, new)})
    report = tmp_path / "hostile.txt"
    report.write_text(EXAMPLE.read_text(encoding="utf-8").replace("邵阳市商务局", _HOSTILE, 1)
                      .replace("统计期限自2020年1月1日起至2020年12月31日止", "统计期限" + _HOSTILE),
                      encoding="utf-8")
    hostile = run("check", "--isolated", "--format", "json", "--rules", str(folder),
                  str(report))
    plain = run("check", "--isolated", "--format", "json", str(report))
    assert (hostile.exit_code, hostile.stderr) == (plain.exit_code, "")
    assert hostile.triples() == plain.triples()
    assert ("D501", 4, 1) in plain.triples()  # no period: the window held the hostile line


def _strings(rng: random.Random, alphabet: str, longest: int, count: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_the_month_range_is_found_as_by_its_lookahead_form() -> None:
    """D501–D503: ``(?!\\s*\\d)`` after the last month became context after group period."""
    now = load_rules().data["dates"]["period"]["month_range"]
    lookahead = re.compile(re.sub(r"^\(\?P<period>(.*)\)\(\?:.*\)$", r"\1(?!\\s*\\d)", now))
    assert "(?!" in lookahead.pattern
    linear = compile_linear(now)
    rng = random.Random(7)
    pieces = (["2020", "２０２１", "1999", "20"], ["年", " 年", ""], ["1", "12", "3 "],
              ["月", "月份", "份"], ["", "起", " "], ["至", "到", "——", "~", "x"],
              ["", "2020年", "2021 年 "], ["12", "1", "11", "3"], ["月", "月份", " 月", ""])
    for tail in _strings(rng, "3日x 份月。", 4, 20000):
        text = "统计期限为" + "".join(rng.choice(p) for p in pieces) + tail
        stop = rng.choice((len(text), rng.randint(0, len(text))))
        old, new = lookahead.search(text, 2, stop), linear.search(text, 2, stop)
        assert (old is None) == (new is None), text
        if old is not None and new is not None:
            assert (old.span(), old.group("m1", "m2")) == (
                (new.start("period"), new.end("period")), (new.group("m1"), new.group("m2")))


_HOUSE_LABELS = {"fields": [
    {"labels": ["电话", "(传真)", "1号", "（邮编）"], "provides": ["phone"]},
    {"labels": ["地址", "址"], "provides": ["address"]},
]}


@pytest.mark.parametrize("house", [False, True])
def test_contact_labels_are_found_as_by_the_lookahead_form(house: bool) -> None:
    """C601–C605: the colon may be left out before a number; ``(?=[0-9（(])`` became the group
    ``first``, where the value starts. Labels that start with a digit or a bracket (a user's
    data) are found as before too."""
    labels = _labels(_HOUSE_LABELS if house else load_rules().data["contact"])
    alternatives = labels.regex.pattern.split("(?P<label>", 1)[1].split(")(?:", 1)[0]
    lookahead = re.compile(rf"(?P<label>{alternatives})(?:\s*[:：]\s*|\s*(?=[0-9（(]))")
    for text in _strings(random.Random(13), "电话传真邮编箱子:：( （0 1、地址号)）", 16, 20000):
        old = [(m.group("label"), m.start(), m.end()) for m in lookahead.finditer(text)]
        new = [(m.group("label"), m.start(), at) for m, at in _label_matches(text, labels)]
        assert new == old, text


def test_the_converter_body_mark_is_stripped_before_the_issuer() -> None:
    """The 正文 line's ``(?=\\S)`` is gone: the name no longer keeps an ``=`` when the line's
    ``=`` signs are followed by a space (or nothing); otherwise the prefix ends where it
    ended."""
    prefix = load_rules().data["issuer"]["name"]["strip_prefix"]
    old = re.compile(r"^(?:[^\s:：]{1,4}[:：]|=*\s*正\s*文\s*=*(?=\S))\s*")
    new = cached_linear(prefix)
    for text in _strings(random.Random(17), "=正文 ：:x2年", 12, 20000):
        before, after = old.match(text), new.match(text)
        if before is not None and after is not None and before.end() != after.end():
            # the lookahead gave back the last = (before spaces or the end): now stripped
            assert text[before.end()] == "=", text
            assert text[before.end():after.end()].strip() == "=", text
        elif (before is None) != (after is None):
            assert after is not None and after.end() == len(text), text  # nothing after 正文
        else:
            assert before is None or (after is not None and before.end() == after.end()), text


def test_endpos_cuts_the_text_as_in_python() -> None:
    for pattern in (r"a$", r"a\s*$", r"(?:\s*[^\s\d]|\s*$)", r"^a"):
        linear = compile_linear(pattern)
        for text in ("xa b", "a 1", "a", " a  x", "ba"):
            for pos in range(len(text) + 1):
                for stop in range(len(text) + 2):
                    old = re.compile(pattern).search(text, pos, stop)
                    new = linear.search(text, pos, stop)
                    assert (old and old.span()) == (new and (new.start(), new.end()))
