"""The application's own pages, in Chinese: the upload form, a problem, the result."""

from __future__ import annotations

import base64
from pathlib import PurePath

from reportlint.review.html import esc, frame
from reportlint.review.page import report_page
from reportlint.web.work import Checked

_ACCEPT = ".pdf,.docx,.doc,.wps,.html,.htm,.shtml,.txt,.md"
_FORM = ('<form method="post" action="/check" enctype="multipart/form-data">'
         f'<p><input type="file" name="file" id="file" accept="{_ACCEPT}" required></p>'
         '<p><button type="submit" id="submit">检查</button></p></form>')
_MEDIA = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ".pdf": "application/pdf"}


def upload_page(max_mb: float) -> str:
    body = (f"<header><h1>政府信息公开工作年度报告检查</h1>"
            f"<p>选择报告文件（PDF、Word、网页或文本，不超过 {max_mb:g} MB）后点击“检查”。"
            f"文件只在本次检查中使用，不保存。</p></header><section>{_FORM}</section>")
    return frame("年报检查", body)


def problem_page(message: str) -> str:
    body = (f'<header><h1>无法检查该文件</h1><p class="problem" id="problem">{esc(message)}'
            f'</p><p><a href="/">返回重新上传</a></p></header>')
    return frame("无法检查", body)


def _link(data: bytes, media: str, name: str, label: str, key: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return (f'<a class="download" id="{key}" download="{esc(name)}" '
            f'href="data:{media};base64,{encoded}">{esc(label)}</a>')


def result_page(name: str, checked: Checked) -> str:
    """The review report's page of the upload, with its downloads above it."""
    assert checked.report is not None
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    links = [_link(checked.json.encode("utf-8"), "application/json",
                   f"{stem}.reportlint.json", "下载检查结果（JSON）", "download-json")]
    if checked.annotated is not None:
        label = "下载带批注的 Word 文档" if suffix == ".docx" else "下载带批注的 PDF"
        links.insert(0, _link(checked.annotated, _MEDIA[suffix], f"{stem}.reportlint{suffix}",
                              label, "download-annotated"))
    bar = f'<nav class="downloads"><a href="/">检查另一份</a> {" ".join(links)}</nav>'
    return report_page(checked.report).replace("<body>", f"<body>{bar}", 1)
