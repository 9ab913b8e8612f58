"""Helpers every stage may use: the data folders shipped with the package (``resources``),
caches keyed by a rule pack's data (``datacache``), file names made printable (``names``)."""
