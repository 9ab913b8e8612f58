"""Rule kinds: generic checks implemented in Python and configured by rule YAML.

``base`` defines what a kind is; one module per family of kinds; ``registry`` maps each kind
name to its implementation. Kinds read the report through ``reportlint.facts`` and
``reportlint.tables``; they never import lark, click, pdfminer or docx.
"""
