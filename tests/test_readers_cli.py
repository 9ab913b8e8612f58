"""Readers through the command line: lazy imports, ``extract``, folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from readerhelp import BAD, DOCUMENTS, ROOT

from reportlint.batch.inputs import jobs_for
from reportlint.cli.main import cli

_PROBE = """
import sys
from reportlint.cli.main import main
try:
    main(["check", "--no-cache", sys.argv[1]])  # a cached result reads nothing
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"pdfminer", "docx", "lxml"})
print("HEAVY:" + ",".join(heavy))
"""


def test_a_text_run_never_imports_format_libraries():
    example = str(ROOT / "fixtures" / "example.txt")
    done = subprocess.run([sys.executable, "-c", _PROBE, example], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_a_pdf_run_imports_pdfminer_only():
    # ``extract`` reads in this process (``check`` reads each file in a forked child)
    probe = _PROBE.replace('main(["check", "--no-cache", sys.argv[1]])',
                           'main(["extract", sys.argv[1]])')
    done = subprocess.run([sys.executable, "-c", probe, str(DOCUMENTS / "example.pdf")],
                          capture_output=True, text=True, check=True)
    heavy = done.stdout.strip().splitlines()[-1].removeprefix("HEAVY:").split(",")
    assert heavy and all(m.startswith("pdfminer") for m in heavy)


def test_extract_prints_lines_and_page_markers():
    result = CliRunner().invoke(cli, ["extract", str(DOCUMENTS / "example.pdf")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "=== 第1页 ==="
    assert "=== 第3页 ===" in lines
    assert lines[1].split(" | ", 1) == [" 1", "邵阳市商务局"]


def test_extract_of_a_broken_file_is_one_line():
    from reportlint.cli.main import main

    done = subprocess.run([sys.executable, "-c", "from reportlint.cli.main import main; main()",
                           "extract", str(BAD / "encrypted.pdf")], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "E001" in done.stderr
    assert main is not None


def test_text_output_shows_the_page(tmp_path):
    sys.path.insert(0, str(ROOT / "fixtures"))
    import make_documents

    text = (ROOT / "fixtures" / "example.txt").read_text(encoding="utf-8")
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况",
                        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
    path = tmp_path / "r.pdf"
    path.write_bytes(make_documents.render_all(text)[".pdf"])
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert f"{path}:" in result.output and "(第3页): S105" in result.output
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    assert [d["page"] for d in json.loads(result.output) if d["code"] == "S105"] == [3]


def test_folders_pick_up_every_report_type(tmp_path):
    for name in ("example.pdf", "example.html", "example.docx"):
        shutil.copy(DOCUMENTS / name, tmp_path / name)
    shutil.copy(DOCUMENTS / "example.html", tmp_path / "copy.htm")
    shutil.copy(BAD / "old.doc", tmp_path / "old.doc")
    (tmp_path / "notes.xyz").write_text("x")
    found = sorted(Path(job.name).name for job in jobs_for(str(tmp_path)))
    assert found == ["copy.htm", "example.docx", "example.html", "example.pdf", "old.doc"]
