"""Parse: a ``Source`` → a located ``Document`` (title, sections, paragraphs, tables).

The line classifier (``lines``) labels each physical line; ``unflatten`` splits a report crawled
onto one line at its headings and ``wrapped`` rejoins headings wrapped over two lines; the Lark
grammar (``parser``, over ``grammar/report.lark``) builds the tree of ``tree`` records. The
section catalogue (``catalogue``) and the date patterns (``dates``) are the domain words the
classifier needs; ``dump`` prints the tree for ``reportlint parse``.
"""
