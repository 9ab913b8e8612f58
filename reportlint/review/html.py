"""Small helpers for writing HTML by hand: escaping and the shared page frame."""

from __future__ import annotations

from html import escape
from importlib import resources


def esc(text: object) -> str:
    # lone surrogates (undecodable file names) would not encode as UTF-8
    return escape(str(text)).encode("utf-8", "replace").decode("utf-8")


def asset(name: str) -> str:
    return resources.files("reportlint.review").joinpath("assets", name).read_text("utf-8")


def frame(title: str, body: str, script: str = "") -> str:
    """A whole page: no external resource at all, so it opens from file:// offline."""
    js = f"<script>{script}</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{asset('review.css')}</style></head>"
            f"<body>{body}{js}</body></html>\n")
