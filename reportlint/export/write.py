"""Rows as CSV (UTF-8 with BOM, so WPS and Excel keep the Chinese) or JSON lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from reportlint.export.rows import COLUMNS, Row

FORMATS = ("csv", "jsonl")


def write_csv(rows: Iterable[Row], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def write_jsonl(rows: Iterable[Row], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_rows(rows: Iterable[Row], out: TextIO, fmt: str) -> None:
    (write_csv if fmt == "csv" else write_jsonl)(rows, out)
