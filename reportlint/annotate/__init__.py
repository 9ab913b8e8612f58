"""Diagnostics written back into the drafter's own file: Word comments (批注) in a copy of a
``.docx``, highlight annotations in a copy of a PDF. The original bytes are never changed."""

from __future__ import annotations

from reportlint.annotate.notes import ANNOTATABLE, annotate_bytes, default_output

__all__ = ["ANNOTATABLE", "annotate_bytes", "default_output"]
