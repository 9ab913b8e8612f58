"""``reportlint annotate``: Word comments and PDF highlights at each diagnostic, in a copy."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pypdf
import pypdfium2
import pytest

from tests.clirun import run

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "documents"
REAL = ROOT / "fixtures" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TITLE = "2020年政府信息公开工作年度报告"


def _set_text(paragraph: Any, text: str) -> None:
    runs = paragraph.runs
    runs[0].text = text
    for extra in runs[1:]:
        extra.text = ""


def _draft(folder: Path, *, comment: bool = False) -> Path:
    """The example Word report with a variant title (S102, a warning) and, optionally, a
    comment of the drafter's own on the second paragraph."""
    document = docx.Document(str(DOCS / "example.docx"))
    title = next(p for p in document.paragraphs if TITLE in p.text)
    _set_text(title, title.text.replace(TITLE, "2020年政府信息公开年度报告"))
    if comment:
        second = [p for p in document.paragraphs if p.text.strip()][1]
        document.add_comment(second.runs, text="请科室核对", author="张三")
    path = folder / "报告.docx"
    document.save(str(path))
    return path


def _anchored(document: Any) -> dict[str, tuple[str, str]]:
    """Comment id → (text of the runs it is anchored on, tag of the element holding them:
    ``tc`` for a table cell, ``p`` for a body paragraph)."""
    body = document.element.body
    found: dict[str, tuple[str, str]] = {}
    for start in body.iter(f"{W}commentRangeStart"):
        key = start.get(f"{W}id")
        holder = next(a for a in start.iterancestors() if a.tag in (f"{W}tc", f"{W}p"))
        if holder.tag == f"{W}p" and any(a.tag == f"{W}tc" for a in holder.iterancestors()):
            holder = next(a for a in holder.iterancestors() if a.tag == f"{W}tc")
        text, inside = [], False
        for element in body.iter():
            if element.tag == f"{W}commentRangeStart" and element.get(f"{W}id") == key:
                inside = True
            elif element.tag == f"{W}commentRangeEnd" and element.get(f"{W}id") == key:
                break
            elif inside and element.tag == f"{W}t":
                text.append(element.text or "")
        found[key] = ("".join(text), holder.tag.removeprefix(W))
    return found


def _body(document: Any) -> tuple[Any, ...]:
    paragraphs = tuple((p.text, p.style.name) for p in document.paragraphs)
    tables = tuple(tuple(tuple(c.text for c in row.cells) for row in t.rows)
                   for t in document.tables)
    return paragraphs, tables, tuple(s.name for s in document.styles)


def test_docx_comments_on_paragraph_and_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft(tmp_path)
    original = draft.read_bytes()
    result = run(["annotate", str(draft)], tmp_path, monkeypatch, capsys)
    assert result.code == 0, result.err  # a warning and an info: below fail-on error
    out = tmp_path / "报告.reportlint.docx"
    assert out.is_file() and draft.read_bytes() == original
    annotated = docx.Document(str(out))
    comments = {c.comment_id: c for c in annotated.comments}
    assert all(c.author == "reportlint" for c in comments.values())
    anchors = _anchored(annotated)
    by_code = {c.text.split("]")[0].lstrip("["): (c.text, anchors[str(k)])
               for k, c in comments.items()}
    assert sorted(by_code) == ["N303", "S102"]
    s102_text, (s102_on, s102_holder) = by_code["S102"]
    assert s102_text.startswith("[S102] ") and s102_holder == "p"
    assert s102_on == "邵阳市商务局2020年政府信息公开年度报告"  # the title's two paragraphs
    n303_text, (n303_on, n303_holder) = by_code["N303"]
    assert n303_text.startswith("[N303] ") and "－2" in n303_text
    assert (n303_on, n303_holder) == ("－2", "tc")
    assert _body(annotated) == _body(docx.Document(str(draft)))


def test_docx_keeps_existing_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft(tmp_path, comment=True)
    out = tmp_path / "out.docx"
    result = run(["annotate", str(draft), "-o", str(out), "--select", "S"], tmp_path,
                 monkeypatch, capsys)
    assert result.code == 0, result.err
    texts = sorted((c.author, c.text.split("]")[0]) for c in docx.Document(str(out)).comments)
    assert texts == [("reportlint", "[S102"), ("张三", "请科室核对")]


def test_exit_codes_follow_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft(tmp_path)
    failing = run(["annotate", str(draft), "--fail-on", "warning"], tmp_path, monkeypatch,
                  capsys)
    assert failing.code == 1
    text = tmp_path / "报告.txt"
    text.write_text("一、总体情况\n", encoding="utf-8")
    refused = run(["annotate", str(text)], tmp_path, monkeypatch, capsys)
    assert refused.code == 2 and "只能为 .docx 或 .pdf" in refused.err
    locked = run(["annotate", str(DOCS / "bad" / "encrypted.pdf"), "-o",
                  str(tmp_path / "x.pdf")], tmp_path, monkeypatch, capsys)
    assert locked.code == 2 and locked.err.startswith("reportlint: ")
    assert not (tmp_path / "x.pdf").exists()


def test_docx_opens_in_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    draft = _draft(tmp_path)
    out = tmp_path / "annotated.docx"
    assert run(["annotate", str(draft), "-o", str(out)], tmp_path, monkeypatch, capsys).code == 0
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), str(out)],
                   check=True, capture_output=True, timeout=300)
    converted = pypdf.PdfReader(tmp_path / "pdf" / "annotated.pdf")
    assert "一、总体情况" in "".join(page.extract_text() for page in converted.pages)


def _highlights(path: Path) -> list[tuple[int, str, str]]:
    """(page, text under the annotation's rectangle, its note) for each annotation."""
    reader = pypdf.PdfReader(path)
    pdf = pypdfium2.PdfDocument(path)
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            note = ref.get_object()
            assert note["/Subtype"] == "/Highlight" and note["/T"] == "reportlint"
            left, bottom, right, top = (float(v) for v in note["/Rect"])
            under = pdf[number - 1].get_textpage().get_text_bounded(left, bottom, right, top)
            found.append((number, under.strip(), str(note["/Contents"])))
    return found


def test_pdf_highlights_over_the_flagged_text(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = REAL / "KIROGOVCOMPARE__hzq2023_working.pdf"
    out = tmp_path / "out.pdf"
    result = run(["annotate", str(source), "-o", str(out)], tmp_path, monkeypatch, capsys)
    assert result.code == 1  # two T404 errors
    found = [(page, under, note.split("]")[0][1:]) for page, under, note in _highlights(out)]
    assert (3, "2.其他法律行政止公开", "F206") in found
    assert (4, "（六）其他处理", "F203") in found
    assert sorted(p for p, _, code in found if code == "T404") == [4, 4]
    assert all(u == "0" for _, u, code in found if code == "T404")
    assert len(found) == 6


def test_pdf_cell_on_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.pdf"
    result = run(["annotate", str(DOCS / "example.pdf"), "-o", str(out)], tmp_path,
                 monkeypatch, capsys)
    assert result.code == 0
    [(page, under, note)] = _highlights(out)
    assert (page, under) == (1, "－2") and note.startswith("[N303] ")
    assert pypdf.PdfReader(io.BytesIO((DOCS / "example.pdf").read_bytes())).pages[0].get(
        "/Annots") is None


def test_pdf_text_not_found_is_a_note_not_a_highlight() -> None:
    """A whole table row is not drawn as one string on the page: the note goes to the top of
    its page as a comment icon, not over text it might not be about."""
    from reportlint.annotate.pdf import annotate_pdf
    from reportlint.model import Diagnostic, FileReport, Severity, Span
    from reportlint.read import read_bytes

    data = (DOCS / "example.pdf").read_bytes()
    source = read_bytes("example.pdf", data)
    row = source.shown_lines[23]
    assert row.startswith("| 信息内容 | 本年新制作数量")
    flagged = Diagnostic("F206", "row-label", Severity.WARNING, "行", Span(24, 1, 24, len(row) + 1),
                         page=1)
    out = annotate_pdf(data, FileReport("example.pdf", (flagged,)), source)
    [note] = [a.get_object() for a in pypdf.PdfReader(io.BytesIO(out)).pages[0]["/Annots"]]
    assert (note["/Subtype"], note["/Contents"]) == ("/Text", "[F206] 行")


def test_pdf_is_read_once_with_the_engine_in_effect(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The notes are placed with the lint's own reading of the PDF: one read, with the
    configuration's pdf-engine, and with --pdf-engine where the command line gives it."""
    from reportlint import read
    from reportlint.batch import lintjob

    engines: list[str] = []
    real = read.read_bytes

    def spy(path: str, data: bytes, engine: str = read.PDF_ENGINES[0]) -> Any:
        engines.append(engine)
        return real(path, data, engine)

    monkeypatch.setattr(read, "read_bytes", spy)
    monkeypatch.setattr(lintjob, "read_bytes", spy)
    monkeypatch.delattr(os, "fork")  # the budget lints in this process, where the spy is
    (tmp_path / "reportlint.toml").write_text('pdf-engine = "pdfminer"\n', encoding="utf-8")
    report = tmp_path / "report.pdf"
    report.write_bytes((REAL / "KIROGOVCOMPARE__hzq2023_working.pdf").read_bytes())
    for given, expected in (((), "pdfminer"), (("--pdf-engine", "pdfium"), "pdfium")):
        engines.clear()
        out = tmp_path / f"{expected}.pdf"
        result = run(["annotate", str(report), "-o", str(out), *given], tmp_path, monkeypatch,
                     capsys)
        assert (result.code, engines) == (1, [expected]), result.err
        found = [(page, under) for page, under, note in _highlights(out) if "T404" in note]
        assert found == [(4, "0"), (4, "0")]
