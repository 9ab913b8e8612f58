"""Rule kinds: generic checks implemented in Python and configured by rule YAML.

``base`` defines what a kind is; one module per family of kinds; ``registry`` maps each kind
name to its implementation. This package imports nothing itself, so that the modules the
kinds use (the table layer, for one) can import ``reportlint.kinds.base`` without a cycle.
"""
