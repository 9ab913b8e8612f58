"""The review report: summary.csv, diagnostics.jsonl, index.html and a page per report."""
