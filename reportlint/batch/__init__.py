"""Many reports at once: the inputs a reviewer receives (folders, zips, lists), the work for
one file as a pure, picklable function (``work.run_job``), an executor that runs it on every
core and hands results back in input order, and a cache of results by content.

Everything here is a front end over ``reportlint.check.engine``: no stage is re-implemented.
"""
