"""The register panel of the dashboard: units without a report, duplicates, loose matches."""

from __future__ import annotations

from reportlint.batch.register import Comparison
from reportlint.review.html import esc


def _list(title: str, items: list[str], empty: str) -> str:
    body = "".join(f"<li>{item}</li>" for item in items) or f'<li class="none">{esc(empty)}</li>'
    return f'<div class="panel"><h2>{esc(title)}</h2><ul class="reg">{body}</ul></div>'


def register_panel(result: Comparison, register_page: str, loose_note: str) -> str:
    missing = [f'<a href="{esc(register_page)}#L{d.span.line}">{esc(d.message)}</a>'
               for d in result.register.diagnostics]
    duplicates = [f"{esc(path)}：{esc(d.message)}" for path, d in result.duplicates]
    loose = [esc(unit + loose_note.format(name=name, file=path))
             for unit, name, path in result.loose]
    year = f"{result.year}年度" if result.year else ""
    return (f'<section class="panels" id="register">'
            f'{_list(f"名录中未发布{year}报告的单位（{len(missing)}）", missing, "无")}'
            f'{_list(f"重复报送（{len(duplicates)}）", duplicates, "无")}'
            f'{_list(f"宽松匹配的单位名称（{len(loose)}）", loose, "无")}</section>')
