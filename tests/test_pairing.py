"""Pairing across years: same issuer once normalised, consecutive years, never loosely."""

from __future__ import annotations

from reportlint.batch.pairing import issuer_key, pair_years
from reportlint.batch.register import Seen


def test_a_title_and_a_signature_name_the_same_issuer() -> None:
    assert issuer_key("邵阳市商务局2020年政府信息公开工作年度报告") == "邵阳市商务局"
    assert issuer_key("邵阳市 商务局") == "邵阳市商务局"
    assert issuer_key("邵阳市商务局二〇二〇年度政府信息公开工作年度报告") == "邵阳市商务局"
    assert issuer_key("") is None


def test_consecutive_years_of_one_issuer_are_paired() -> None:
    pairs = pair_years([
        Seen("a/2019.pdf", "邵阳市商务局", 2019),
        Seen("a/2020.pdf", "邵阳市商务局2020年政府信息公开工作年度报告", 2020),
        Seen("a/2021.pdf", "邵阳市商务局", 2021),
    ])
    assert pairs == {"a/2020.pdf": "a/2019.pdf", "a/2021.pdf": "a/2020.pdf"}


def test_other_bodies_gaps_and_unknown_years_are_not_paired() -> None:
    pairs = pair_years([
        Seen("2019.pdf", "邵阳市商务局", 2019),
        Seen("2020.pdf", "邵东市商务局", 2020),  # another body, one character apart
        Seen("2021.pdf", "邵阳市商务局", 2021),  # 2020 is missing: no pair across a gap
        Seen("x.pdf", "邵阳市商务局", None),
        Seen("y.pdf", None, 2020),
    ])
    assert pairs == {}


def test_two_reports_for_last_year_are_not_guessed_between() -> None:
    pairs = pair_years([
        Seen("2019a.pdf", "邵阳市商务局", 2019),
        Seen("2019b.pdf", "邵阳市商务局", 2019),
        Seen("2020.pdf", "邵阳市商务局", 2020),
    ])
    assert pairs == {}
