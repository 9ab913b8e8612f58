"""Inputs at the edges of the command line: file names that are not UTF-8, pipes and
devices given by name, standard input twice, report bytes whose name does not tell their
type. Each must give diagnostics or one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT, run

from reportlint.output import FORMATTERS

DOCUMENTS = ROOT / "fixtures" / "documents"
# The example with section 四 removed: one S103 error at a known place.
BROKEN = EXAMPLE.read_text(encoding="utf-8").replace("四、政府信息公开行政复议、行政诉讼情况\n", "")
NON_UTF8_NAME = b"\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GBK, as an old zip or share gives it


def _cli(args: list[str], cwd: Path,
         stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """reportlint in a child process whose stdout is strict UTF-8 (a UTF-8 locale that is
    not the C locale): output that cannot be encoded is a traceback there."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, check=False)


@pytest.fixture()
def non_utf8(tmp_path: Path) -> Path:
    try:
        (tmp_path / os.fsdecode(NON_UTF8_NAME)).write_text(BROKEN, encoding="utf-8")
    except (OSError, UnicodeError):  # pragma: no cover - file systems that refuse the name
        pytest.skip("this file system takes UTF-8 names only")
    return tmp_path


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_a_file_name_that_is_not_utf8_in_every_format(non_utf8: Path, name: str) -> None:
    done = _cli(["check", "--format", name, "--select", "S", "."], non_utf8)
    assert (done.returncode, done.stderr) == (1, b"")
    out = done.stdout.decode("utf-8")  # strict: valid UTF-8 whatever the format
    shown = "报告.txt"  # not UTF-8 but GBK (Chinese Windows): decoded as such
    if name in ("json", "jsonl"):
        found = json.loads(out) if name == "json" else [json.loads(out)]
        assert [(d["path"], d["code"], d["line"]) for d in found] == [(shown, "S103", 394)]
    elif name == "junit":
        assert ET.fromstring(done.stdout).find(".//testcase").get("name") == shown  # type: ignore[union-attr]
    elif name == "sarif":
        assert json.loads(out)["runs"][0]["results"][0]["ruleId"] == "S103"
    else:
        assert shown in out


def test_sarif_uri_of_a_name_that_is_not_utf8_keeps_its_bytes(non_utf8: Path) -> None:
    done = _cli(["check", "--format", "sarif", "--select", "S", "."], non_utf8)
    result = json.loads(done.stdout)["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "%B1%A8%B8%E6.txt"


def test_output_file_with_a_name_that_is_not_utf8(non_utf8: Path) -> None:
    done = _cli(["check", "--select", "S", "-o", "out.txt", "."], non_utf8)
    assert (done.returncode, done.stderr) == (1, b"")
    written = (non_utf8 / "out.txt").read_text(encoding="utf-8")
    assert written.startswith("报告.txt:394:1: S103")


def test_standard_input_given_twice_is_a_usage_error() -> None:
    done = run("check", "-", str(EXAMPLE), "-", stdin=EXAMPLE.read_bytes())
    assert done.exit_code == 2
    assert done.stderr == "reportlint: '-' (standard input) can be given only once\n"
    assert done.stdout == ""


def test_a_pipe_given_by_name_is_read(tmp_path: Path) -> None:
    # what ``reportlint check <(unzip -p reports.zip report.txt)`` passes
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat '{EXAMPLE}' > '{fifo}'"])
    try:
        done = _cli(["check", "--format", "json", str(fifo)], tmp_path)
    finally:  # a writer nobody read from would block forever
        if writer.poll() is None:
            writer.kill()
        writer.wait()
    assert done.returncode == 0, done.stderr
    assert [d["code"] for d in json.loads(done.stdout)] == ["N303"]


def test_a_device_given_by_name_is_read() -> None:
    done = run("check", "--format", "json", os.devnull)
    assert (done.exit_code, done.triples()) == (1, [("E002", 1, 1)])


@pytest.mark.parametrize("document", ["example.pdf", "example.docx", "example.html"])
def test_standard_input_without_a_name_is_read_by_its_bytes(document: str) -> None:
    named = run("check", "--format", "json", str(DOCUMENTS / document))
    piped = run("check", "--format", "json", "-", stdin=(DOCUMENTS / document).read_bytes())
    assert piped.exit_code == named.exit_code == 0
    assert piped.triples() == named.triples() != []
    assert {d["path"] for d in piped.json()} == {"<stdin>"}


@pytest.mark.parametrize("name", ["report.txt", "report.htm"])
def test_a_pdf_saved_as_txt_is_read_as_a_pdf(tmp_path: Path, name: str) -> None:
    misnamed = tmp_path / name
    misnamed.write_bytes((DOCUMENTS / "example.pdf").read_bytes())
    named = run("check", "--format", "json", str(DOCUMENTS / "example.pdf"))
    done = run("check", "--format", "json", str(misnamed))
    assert (done.exit_code, done.triples()) == (0, named.triples())
    assert [d["page"] for d in done.json()] == [1]


def test_extract_reads_a_pdf_from_standard_input() -> None:
    done = run("extract", "-", stdin=(DOCUMENTS / "example.pdf").read_bytes())
    assert done.exit_code == 0
    assert done.stdout.startswith("=== 第1页 ===\n")


@pytest.mark.parametrize("inputs", [["report.txt"], ["."]])
def test_output_file_that_is_an_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 inputs: list[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = run("check", "-o", "report.txt", *inputs)
    assert done.exit_code == 2
    assert done.stderr == ("reportlint: report.txt: the output file is one of the inputs "
                           "(it would be overwritten)\n")
    assert report.read_text(encoding="utf-8") == BROKEN  # the report is untouched


def _rotated(turn: int, pages: int) -> bytes:
    """example.pdf with a ``/Rotate`` on its first pages: how a viewer's "rotate page" saves
    it (the text stays upright in the page's own space, shown sideways)."""
    data = (DOCUMENTS / "example.pdf").read_bytes()
    assert data.count(b"/Rotate 0 ") == 3
    return data.replace(b"/Rotate 0 ", f"/Rotate {turn:<3}".encode(), pages)


@pytest.mark.parametrize(("turn", "pages"), [(90, 1), (180, 3), (270, 2)])
def test_a_rotated_pdf_page_keeps_its_text(tmp_path: Path, turn: int, pages: int) -> None:
    plain = run("check", "--format", "json", str(DOCUMENTS / "example.pdf"))
    rotated = tmp_path / "rotated.pdf"
    rotated.write_bytes(_rotated(turn, pages))
    done = run("check", "--format", "json", str(rotated))
    assert done.exit_code == 0
    # was: the page's text dropped (E002 "no text layer" when every page turned)
    assert [(d["code"], d["line"], d["column"], d["page"]) for d in done.json()] == [
        (d["code"], d["line"], d["column"], d["page"]) for d in plain.json()]


def test_a_file_named_twice_is_linted_once(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = run("check", "--format", "json", "--select", "S",
               "reports", "reports/a.txt", "./reports/a.txt")
    assert done.exit_code == 1
    assert [(d["path"], d["code"], d["line"]) for d in done.json()] == [
        (str(Path("reports") / "a.txt"), "S103", 394)]


def test_output_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    done = run("check", "-o", str(tmp_path / "file" / "out.txt"), str(EXAMPLE))
    assert done.exit_code == 2
    assert done.stderr.startswith("reportlint: ") and done.stderr.count("\n") == 1


def test_config_of_a_name_that_is_not_utf8(non_utf8: Path) -> None:
    done = _cli(["config", os.fsdecode(NON_UTF8_NAME)], non_utf8)
    assert (done.returncode, done.stderr) == (0, b"")  # was: UnicodeEncodeError
    assert done.stdout.decode("utf-8").startswith(
        "# configuration in effect for 报告.txt\n")


@pytest.mark.parametrize("command", ["check", "extract"])
def test_closed_standard_input_is_one_line(tmp_path: Path, command: str) -> None:
    done = subprocess.run(["sh", "-c", f'"{sys.executable}" -m reportlint {command} - <&-'],
                          cwd=tmp_path, capture_output=True, check=False)
    assert (done.returncode, done.stderr) == (2, b"reportlint: -: standard input is closed\n")


def test_a_folder_walk_skips_word_lock_files(tmp_path: Path) -> None:
    (tmp_path / "报告.txt").write_bytes(EXAMPLE.read_bytes())
    # what Word leaves beside 报告.docx while it is open: 162 bytes, not a document
    (tmp_path / "~$报告.docx").write_bytes(b"\x05user" + b"\x00" * 157)
    done = run("check", "--format", "json", str(tmp_path))
    assert (done.exit_code, done.triples()) == (0, [("N303", 42, 2)])
    named = run("check", "--format", "json", str(tmp_path / "~$报告.docx"))
    assert named.triples() == [("E001", 1, 1)]  # named on purpose: still read


def test_a_message_naming_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    try:
        (tmp_path / os.fsdecode(b"\xb1\xa8.doc")).write_bytes(b"\xd0\xcf\x11\xe0")
    except (OSError, UnicodeError):  # pragma: no cover
        pytest.skip("this file system takes UTF-8 names only")
    for name in sorted(FORMATTERS):
        done = _cli(["check", "--format", name, "."], tmp_path)
        assert (done.returncode, done.stderr) == (1, b""), name  # was: UnicodeEncodeError
        done.stdout.decode("utf-8")


def test_an_empty_path_is_a_usage_error(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = run("check", "")  # ``reportlint check "$REPORT"`` with the variable unset
    assert (done.exit_code, done.stdout) == (2, "")  # was: the working folder linted
    assert done.stderr == "reportlint: '': no such file or directory\n"
