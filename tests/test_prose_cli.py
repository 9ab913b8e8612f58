"""The command-line parts of the D/C/P work: --issuer-kind, --deadline, and the facts that
``reportlint parse`` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.cli.main import main

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example.txt"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = 0
    try:
        main(argv)
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _late_example(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace("2021年1月29日", "2021年2月5日")
    path = tmp_path / "late.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_department_deadline_by_default(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["check", "--select", "D507", "--no-source",
                         str(_late_example(tmp_path))], capsys)
    assert code == 0  # a warning does not fail the default --fail-on error
    assert "D507" in out


def test_issuer_kind_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", "--select", "D507", "--issuer-kind", "government",
                      str(_late_example(tmp_path))], capsys)
    assert "D507" not in out


def test_deadline_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", "--select", "D507", "--deadline", "02-10",
                      str(_late_example(tmp_path))], capsys)
    assert "D507" not in out
    _, out, _ = _run(["check", "--select", "D507", "--deadline", "01-20", str(EXAMPLE)], capsys)
    assert "D507" in out


def test_bad_deadline_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["check", "--deadline", "13-01", str(EXAMPLE)], capsys)
    assert code == 2
    assert "--deadline" in err


def test_parse_prints_the_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["parse", str(EXAMPLE)], capsys)
    assert code == 0
    facts = out[out.index("facts"):]
    assert "issuer-kind department" in facts
    assert "because “邵阳市商务局”" in facts
    assert "report-year 2020" in facts
    assert "period 4:144-4:166 2020-01-01 .. 2020-12-31" in facts
    assert "signed 407:1-407:11 2021-01-29 (signature)" in facts
