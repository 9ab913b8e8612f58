"""``.doc`` and ``.wps`` through LibreOffice: the conversion test is optional (skipped, with the
reason, where LibreOffice is not installed); without it, E001 says what to do."""

from __future__ import annotations

import pytest
from readerhelp import BAD, DOCUMENTS, lint

from reportlint.read import legacyword

EXAMPLE_DOC = DOCUMENTS / "drafts" / "example.doc"  # example.docx saved as .doc by LibreOffice
needs_office = pytest.mark.skipif(legacyword.find_office() is None,
                                  reason="LibreOffice (soffice) is not installed")


def _found(name: str, data: bytes) -> list[tuple[str, int, int, str | None]]:
    return sorted((d.code, d.span.line, d.span.column, d.where) for d in lint(name, data))


@needs_office
@pytest.mark.parametrize("name", ["report.doc", "report.wps"])
def test_a_converted_doc_lints_like_the_example_with_places_in_words(name):
    assert _found(name, EXAMPLE_DOC.read_bytes()) == [("N303", 14, 21, "第2个表格第4行第3列")]


@needs_office
def test_a_damaged_doc_is_not_read_as_text():
    (found,) = lint("old.doc", (BAD / "old.doc").read_bytes())
    assert found.code == "E001" and "LibreOffice" in found.message


def test_without_libreoffice_e001_says_what_to_install(monkeypatch):
    monkeypatch.setattr(legacyword, "find_office", lambda: None)
    for name in ("report.doc", "report.wps"):
        (found,) = lint(name, EXAMPLE_DOC.read_bytes())
        assert found.code == "E001"
        assert "LibreOffice" in found.message and ".docx" in found.message


def test_a_conversion_past_its_time_limit_is_stopped(monkeypatch, tmp_path):
    """LibreOffice stands in for a program that never ends; the run goes on with E001."""
    monkeypatch.setattr(legacyword, "find_office", lambda: "sleep")
    monkeypatch.setattr(legacyword, "_command", lambda office, folder, source: [office, "600"])
    monkeypatch.setattr(legacyword, "TIMEOUT_SECONDS", 0.2)
    with pytest.raises(legacyword.InputProblem) as raised:
        legacyword.to_docx("report.doc", b"x", timeout=0.2)
    assert raised.value.code == "E001" and "超时" in raised.value.message
