"""The cached form of a loaded rule pack: used while nothing it was made from changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint.check.packcache import cached_pack
from reportlint.check.packs import Pack, load_pack, load_rules
from reportlint.common.resources import builtin_rules_dir

RULE = """code: X901
name: no-draft-marker
severity: warning
description: 草稿标记不应出现在发布的报告中。
kind: pattern
params:
  patterns: ['{word}']
  message: 报告中仍有草稿标记“{{match}}”
"""


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _pack(tmp_path: Path, word: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "X901.yaml").write_text(RULE.format(word=word), encoding="utf-8")
    return folder


def _counting(calls: list[Path]) -> Callable[[Path], Pack]:
    def load(folder: Path) -> Pack:
        calls.append(folder)
        return load_pack(folder)

    return load


def test_a_pack_is_read_once_then_comes_from_the_cache(tmp_path: Path) -> None:
    folder = _pack(tmp_path, "征求意见稿")
    calls: list[Path] = []
    first = cached_pack(folder, _counting(calls))
    again = cached_pack(folder, _counting(calls))
    assert calls == [folder]
    assert again == first
    assert again.rules[0].params["patterns"] == ["征求意见稿"]


def test_a_changed_rule_file_is_read_again(tmp_path: Path) -> None:
    folder = _pack(tmp_path, "征求意见稿")
    calls: list[Path] = []
    cached_pack(folder, _counting(calls))
    _pack(tmp_path, "送审稿")
    changed = cached_pack(folder, _counting(calls))
    assert len(calls) == 2
    assert changed.rules[0].params["patterns"] == ["送审稿"]


def test_a_damaged_cache_entry_is_passed_over(tmp_path: Path) -> None:
    folder = _pack(tmp_path, "征求意见稿")
    calls: list[Path] = []
    cached_pack(folder, _counting(calls))
    for entry in (tmp_path / "cache" / "reportlint").glob("pack-*.pickle"):
        entry.write_bytes(b"not a pickle")
    pack = cached_pack(folder, _counting(calls))
    assert len(calls) == 2
    assert pack.rules[0].code == "X901"


def test_the_built_in_rules_are_the_same_from_the_cache() -> None:
    fresh = load_rules()
    cached = load_rules()
    assert cached == fresh
    assert cached.data == load_pack(builtin_rules_dir()).data
