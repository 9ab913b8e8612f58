"""Batch runs: the same bytes whatever -j, output in path order, zips, lists, skipped
non-reports, the cache, progress."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE, WARNING_ONLY, run, write

from reportlint.batch import lintjob
from reportlint.batch.executor import InProcess, ProcessPool
from reportlint.batch.progress import Progress, wanted
from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import load_rules
from reportlint.model import Settings
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.output.stream import Writer

NOT_A_REPORT = "# 说明\n\n本文件夹存放各单位报送的年度报告，请勿改名。\n"
SOURCES = "# 来源\n\n| 文件 | 来源 |\n|---|---|\n| a.txt | 某市政府网站 |\n"
LINE_FORMATS = ("text", "jsonl", "gcc", "github")


def _folder(root: Path) -> Path:
    """Reports of every kind of result, in nested folders, named out of order."""
    files = {}
    for index in range(7):
        files[f"县/{9 - index}-clean.txt"] = EXAMPLE
        files[f"部门/{index}-warning.md"] = WARNING_ONLY
        files[f"b{index}-broken.txt"] = BROKEN
    write(root, files)
    return root


def _check(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    done = run(["check", *args], cwd, monkeypatch, capsys)
    return done.code, done.out, done.err


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_output_is_identical_whatever_the_number_of_jobs(
        fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path / "in")
    outputs = {jobs: _check(["--no-cache", "-j", jobs, "--format", fmt, "in"], tmp_path,
                            monkeypatch, capsys) for jobs in ("1", "2", "3")}
    assert outputs["1"] == outputs["2"] == outputs["3"]
    assert outputs["1"][0] == 1 and outputs["1"][1]


def test_diagnostics_come_in_path_order_whatever_the_argument_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"b.txt": BROKEN, "a.txt": WARNING_ONLY})
    _, out, _ = _check(["-j", "2", "--format", "gcc", "b.txt", "a.txt"], tmp_path,
                       monkeypatch, capsys)
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert paths == sorted(paths) and paths[0] == "a.txt"


@pytest.mark.parametrize("fmt", LINE_FORMATS)
def test_streamed_output_is_the_formatter_output(fmt: str) -> None:
    rules = load_rules()
    reports = [lint_bytes(name, text.encode(), rules, Selection(), Settings())
               for name, text in (("a.txt", BROKEN), ("b.txt", EXAMPLE), ("c.txt", WARNING_ONLY))]
    writer = Writer(fmt, FormatOptions())
    streamed = "".join(writer.chunk(r) for r in reports) + writer.end()
    assert streamed == FORMATTERS[fmt](reports, FormatOptions())


def _square(value: int) -> int:
    return value * value


def test_the_pool_hands_results_back_in_input_order() -> None:
    items = list(range(40))
    assert list(ProcessPool(3, window=2).map(_square, items)) == [i * i for i in items]
    assert list(InProcess().map(_square, items)) == [i * i for i in items]


def _gb18030_zip(path: Path, members: dict[str, str]) -> None:
    """An archive as Chinese Windows writes it: GB18030 names, no UTF-8 flag."""

    class LegacyName(zipfile.ZipInfo):
        def _encodeFilenameFlags(self) -> tuple[bytes, int]:
            return self.filename.encode("gb18030"), self.flag_bits & ~0x800

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(LegacyName(name), text.encode("utf-8"))


def test_a_zip_with_gb18030_names_is_linted_member_by_member(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _gb18030_zip(tmp_path / "报告.zip", {"各县/财政局报告.txt": BROKEN,
                                         "各县/说明.txt": NOT_A_REPORT,
                                         "__MACOSX/各县/._财政局报告.txt": BROKEN})
    code, out, err = _check(["--format", "gcc", "--select", "S101", "报告.zip"], tmp_path,
                            monkeypatch, capsys)
    assert (code, out) == (1, "报告.zip/各县/财政局报告.txt:1:1: error: "
                              + out.split(": error: ", 1)[1])
    assert out.count("\n") == 1 and "1 个文件不是报告" in err


def test_files_from_a_list_and_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN, "b.txt": BROKEN, "c.txt": BROKEN,
                     "list.txt": "a.txt\n\nc.txt\n"})
    listed = run(["check", "--format", "gcc", "--select", "S101", "--files-from", "list.txt"],
                 tmp_path, monkeypatch, capsys)
    piped = run(["check", "--format", "gcc", "--select", "S101", "--files-from", "-"],
                tmp_path, monkeypatch, capsys, stdin=b"a.txt\nc.txt\n")
    assert [line.split(":")[0] for line in listed.out.splitlines()] == ["a.txt", "c.txt"]
    assert piped.out == listed.out


def test_a_file_that_is_not_a_report_is_skipped_in_a_folder_and_linted_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"in/README.md": NOT_A_REPORT, "in/SOURCES.md": SOURCES, "in/a.txt": EXAMPLE})
    code, out, err = _check(["--format", "jsonl", "-v", "in"], tmp_path, monkeypatch, capsys)
    assert "README" not in out and "SOURCES" not in out and "2 个文件不是报告" in err
    assert "in/README.md" in err and "in/SOURCES.md" in err
    code, out, _ = _check(["--format", "jsonl", "in/README.md"], tmp_path, monkeypatch, capsys)
    assert code == 1 and '"S101"' in out


def test_an_unreadable_file_is_named_and_the_others_are_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN, "list.txt": "a.txt\ngone.txt\n"})
    code, out, err = _check(["--format", "gcc", "--select", "S101", "--files-from", "list.txt"],
                            tmp_path, monkeypatch, capsys)
    assert (code, out.split(":")[0]) == (2, "a.txt") and "gone.txt" in err


class _Counting:
    def __init__(self) -> None:
        self.calls = 0
        self.real = lintjob.bounded

    def __call__(self, *args: object) -> object:
        self.calls += 1
        return self.real(*args)  # type: ignore[arg-type]


def test_the_cache_serves_unchanged_files_and_never_stale_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN, "b.txt": EXAMPLE})
    args = ["-j", "1", "--format", "gcc", "--cache-dir", "cache", "."]
    first = _check(args, tmp_path, monkeypatch, capsys)
    counting = _Counting()
    monkeypatch.setattr(lintjob, "bounded", counting)  # the parent calls it; the child lints
    assert _check(args, tmp_path, monkeypatch, capsys) == first and counting.calls == 0
    write(tmp_path, {"b.txt": WARNING_ONLY})
    changed = _check(args, tmp_path, monkeypatch, capsys)
    assert counting.calls == 1 and "S102" in changed[1] and changed[1] != first[1]
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()


def test_a_changed_rule_pack_is_never_served_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    rule = ("code: X901\nname: no-draft\nseverity: warning\ndescription: 草稿。\n"
            "kind: pattern\nparams:\n  patterns: ['{word}']\n  message: 有“{{match}}”\n")
    write(tmp_path, {"a.txt": EXAMPLE, "pack/x901.yaml": rule.format(word="征求意见稿")})
    args = ["--format", "gcc", "--select", "X", "--rules", "pack", "--cache-dir", "c", "a.txt"]
    assert _check(args, tmp_path, monkeypatch, capsys)[1] == ""
    write(tmp_path, {"pack/x901.yaml": rule.format(word="年度报告")})
    assert "X901" in _check(args, tmp_path, monkeypatch, capsys)[1]


def test_clean_removes_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN})
    _check(["a.txt"], tmp_path, monkeypatch, capsys)
    assert (tmp_path / ".reportlint_cache").is_dir()
    assert run(["clean"], tmp_path, monkeypatch, capsys).code == 0
    assert not (tmp_path / ".reportlint_cache").exists()


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN})
    _check(["--no-cache", "a.txt"], tmp_path, monkeypatch, capsys)
    assert not (tmp_path / ".reportlint_cache").exists()


@pytest.mark.parametrize(("forced", "tty", "quiet", "machine", "files", "shown"), [
    (None, True, False, False, 20, True), (None, False, False, False, 20, False),
    (None, True, True, False, 20, False), (None, True, False, True, 20, False),
    (None, True, False, False, 3, False), (True, False, True, True, 1, True),
    (False, True, False, False, 20, False)])
def test_when_progress_is_shown(forced: bool | None, tty: bool, quiet: bool, machine: bool,
                                files: int, shown: bool) -> None:
    assert wanted(forced, tty, quiet, machine, files) is shown


def test_the_progress_line_counts_rate_time_left_and_errors() -> None:
    import io

    from reportlint.model import FileReport

    ticks = iter([0.0, 2.0, 4.0])
    stream = io.StringIO()
    progress = Progress(4, stream, clock=lambda: next(ticks))
    broken = lint_bytes("a.txt", BROKEN.encode(), load_rules(), Selection(select=("S101",)),
                        Settings())
    progress.advance(broken)
    progress.advance(FileReport("b.txt", ()))
    assert stream.getvalue().endswith("2/4 个文件  0.5 个/秒  剩余约 0:04  错误 1")


def test_progress_goes_to_stderr_when_forced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": BROKEN})
    _, out, err = _check(["--progress", "--format", "gcc", "a.txt"], tmp_path, monkeypatch,
                            capsys)
    assert "1/1 个文件" in err and "个文件" not in out


def test_ship_bytes_without_a_scheduler_is_a_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"a.txt": EXAMPLE})
    code, out, err = _check(["--ship-bytes", "a.txt"], tmp_path, monkeypatch, capsys)
    assert code == 2 and out == "" and "--ship-bytes needs --scheduler" in err
