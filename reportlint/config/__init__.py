"""Config: ``reportlint.toml`` / ``[tool.reportlint]`` files → the rule set and settings of a path.

``files`` finds, reads and type-checks one configuration file; ``resolve`` combines it with the
command line into the rules, selection and settings that apply to each input file; ``show``
prints that for ``reportlint config``.
"""
