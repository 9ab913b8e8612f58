"""JSON Lines: one diagnostic object per line, the same keys as the ``json`` format."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportlint.model import FileReport
from reportlint.output.base import FormatOptions, ordered
from reportlint.output.jsonfmt import diagnostic_object


def format_jsonl(reports: Sequence[FileReport], options: FormatOptions) -> str:
    return "".join(json.dumps(diagnostic_object(r.path, d), ensure_ascii=False) + "\n"
                   for r, d in ordered(reports))
