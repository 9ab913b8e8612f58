"""Long lines in the text format: a window of about a hundred screen columns around the span."""

from __future__ import annotations

from pathlib import Path

from helpers import run

from reportlint.model import Diagnostic, FileReport, Severity, Span
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.output.text import display_width

ROW = "一二三四五六七八九十"  # 10 CJK characters, 20 screen columns


def _excerpt(line: str, column: int, end_column: int) -> tuple[str, str]:
    diagnostic = Diagnostic("S105", "heading-nonstandard", Severity.WARNING, "标题不规范",
                            Span(1, column, 1, end_column))
    text = FORMATTERS["text"]([FileReport("r.txt", (diagnostic,), (line,))], FormatOptions())
    source, carets = text.splitlines()[1:3]
    return source.removeprefix("    1 | "), carets.removeprefix("      | ")


def test_a_short_line_is_shown_whole() -> None:
    assert _excerpt(ROW * 4, 11, 13) == (ROW * 4, " " * 20 + "^^^^")


def test_a_long_line_is_cut_around_the_span_with_ellipses() -> None:
    line = ROW * 100 + "错别字" + ROW * 100  # 6,006 columns: the span at 2,001
    source, carets = _excerpt(line, 1001, 1004)
    assert source.startswith("…") and source.endswith("…")
    assert display_width(source) <= 100
    # the caret stands under the flagged characters, in screen columns (CJK two)
    start = display_width(source[: source.index("错别字")])
    assert carets == " " * start + "^" * 6


def test_a_span_at_the_end_of_a_long_line_keeps_the_left_context() -> None:
    line = "a" * 5000 + "错"
    source, carets = _excerpt(line, 5001, 5002)
    assert source == "…" + "a" * 96 + "错"
    assert carets == " " * 97 + "^^"


def test_a_span_wider_than_the_window_is_cut_too() -> None:
    line = "x" * 300
    source, carets = _excerpt(line, 1, 301)
    assert source == "x" * 98 + "…"
    assert carets == "^" * 88  # the flagged part shown, leaving room for context after it


def test_a_report_on_one_line_gives_bounded_output(tmp_path: Path) -> None:
    # a crawled page: the whole report joined into one line of text
    example = (Path(__file__).resolve().parent.parent / "fixtures" / "example.txt")
    one_line = example.read_text(encoding="utf-8").replace("\n", " ") * 20
    (tmp_path / "page.txt").write_text(one_line + "\n", encoding="utf-8")
    done = run("check", str(tmp_path / "page.txt"))
    lines = done.stdout.splitlines()
    assert len(lines) > 1
    assert max(display_width(line) for line in lines if line.startswith(" ")) <= 108
