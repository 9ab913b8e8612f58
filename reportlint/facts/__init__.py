"""Facts: what one parsed report says about itself, derived once per report.

Takes a ``Context`` (``context``: the ``Document``, its lines, the rule pack's data, the run's
settings, a memo) and gives the report year (``year``), statistics period, signature date and
deadline (``period``), contact details (``contact``), issuer name and kind (``issuer``) and the
prose blocks the P rules read (``prose``). ``describe`` lists them for ``reportlint parse``.
"""
