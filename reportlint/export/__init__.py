"""``reportlint export``: every bound table cell and each report's facts, as rows for a
spreadsheet or pandas (the same read → parse → tables → facts pipeline as ``check``)."""
