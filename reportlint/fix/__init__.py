"""Safe automatic fixes: apply the edits that findings carry to the original bytes
(``apply``), repeat until nothing is left to fix (``run``), show them as a diff (``diff``)."""
