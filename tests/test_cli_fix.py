"""``reportlint check --fix`` and ``--diff``: what is written, what is shown, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clirun import EXAMPLE, ROOT, run

ALIAS = ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")
FIXED = EXAMPLE.replace("\t－2\n", "\t-2\n", 1)


def _report(folder: Path, text: str) -> Path:
    path = folder / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_fix_writes_the_fixes_and_exits_on_what_is_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report(tmp_path, EXAMPLE.replace(*ALIAS, 1))
    done = run(["check", "--fix", "--fail-on", "warning", "report.txt"], tmp_path,
               monkeypatch, capsys)
    assert path.read_text(encoding="utf-8") == FIXED
    assert done.code == 0  # nothing left at or above warning
    assert done.out.splitlines()[-1] == "共检查1个文件：0个错误、0个警告、0个提示"
    assert "已自动修复 2 处" in done.err


def test_fix_exits_1_when_something_unfixable_is_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report(tmp_path, EXAMPLE.replace("六、其他需要报告的事项", "七、其他需要报告的事项", 1))
    done = run(["check", "--fix", "--fail-on", "warning", "report.txt"], tmp_path,
               monkeypatch, capsys)
    assert done.code == 1
    assert "report.txt:403:4: S105" in done.out
    assert path.read_text(encoding="utf-8") == FIXED.replace("六、其他需要报告的事项",
                                                           "七、其他需要报告的事项", 1)


def test_diff_shows_the_fixes_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report(tmp_path, EXAMPLE.replace(*ALIAS, 1))
    done = run(["check", "--diff", "report.txt"], tmp_path, monkeypatch, capsys)
    assert path.read_text(encoding="utf-8") == EXAMPLE.replace(*ALIAS, 1)
    assert done.code == 1  # as in ruff: there is something to fix
    assert done.out.startswith("--- a/report.txt\n+++ b/report.txt\n@@ -39,7 +39,7 @@\n")
    assert f"-{ALIAS[1]}\n+{ALIAS[0]}\n" in done.out
    assert "-\t－2\n+\t-2\n" in done.out


def test_diff_of_a_clean_file_is_empty_and_exits_0(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _report(tmp_path, FIXED)
    done = run(["check", "--diff", "report.txt"], tmp_path, monkeypatch, capsys)
    assert (done.code, done.out) == (0, "")


@pytest.mark.parametrize("name", ["example.pdf", "example.docx", "example.html"])
def test_fix_never_writes_pdf_word_or_html(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    source = ROOT / "fixtures" / "documents" / name
    if not source.exists():
        pytest.skip(f"no fixture {name}")
    shutil.copy(source, tmp_path / name)
    before = (tmp_path / name).read_bytes()
    done = run(["check", "--fix", name], tmp_path, monkeypatch, capsys)
    assert (tmp_path / name).read_bytes() == before
    assert f"reportlint: {name}: 无法写回 PDF、Word 或 HTML 文件，未作修改" in done.err


def test_fix_refuses_standard_input(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run(["check", "--fix", "-"], tmp_path, monkeypatch, capsys,
               stdin=EXAMPLE.encode("utf-8"))
    assert done.code == 2
    assert done.err.startswith("reportlint: -: --fix 和 --diff 不能用于标准输入")


def test_rules_and_rule_say_which_rules_fix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = run(["rules"], tmp_path, monkeypatch, capsys).out.splitlines()
    fixable = sorted(line.split()[0] for line in listed if line.endswith("（可自动修复）"))
    assert fixable == ["F206", "N303", "S102", "S105"]
    shown = run(["rule", "S105"], tmp_path, monkeypatch, capsys).out
    assert "\n可自动修复（check --fix）：改为规范标题“…”\n" in shown
