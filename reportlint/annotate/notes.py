"""What a comment says, and which writer annotates which kind of file."""

from __future__ import annotations

from pathlib import Path

from reportlint.errors import UsageError
from reportlint.model import Diagnostic, FileReport, Source

AUTHOR = "reportlint"
ANNOTATABLE = (".docx", ".pdf")


def note_text(diagnostic: Diagnostic) -> str:
    """``[T401] message``, then the safe fix where there is one."""
    text = f"[{diagnostic.code}] {diagnostic.message}"
    if diagnostic.fix is not None:
        text += f"\n建议修改：{diagnostic.fix.title}"
    return text


def default_output(path: str) -> Path:
    """``报告.docx`` → ``报告.reportlint.docx`` beside it."""
    source = Path(path)
    return source.with_name(f"{source.stem}.reportlint{source.suffix.lower()}")


def annotate_bytes(path: str, data: bytes, report: FileReport, source: Source | None) -> bytes:
    """A copy of ``data`` carrying ``report``'s diagnostics as comments or annotations. A PDF
    needs ``source``, the text its lint read (``Plan.source``): the lines and pages the
    diagnostics refer to, from the engine that run used; the file is not read again."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from reportlint.annotate.word import annotate_docx

        return annotate_docx(data, report.diagnostics)
    if suffix == ".pdf":
        from reportlint.annotate.pdf import annotate_pdf

        if source is None:
            raise UsageError(f"{path}: 没有读出该 PDF 的文本，无法添加批注")
        return annotate_pdf(data, report, source)
    raise UsageError(f"{path}: 只能为 .docx 或 .pdf 文件添加批注")
