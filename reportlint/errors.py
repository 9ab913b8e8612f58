"""The errors the CLI turns into one line on stderr and exit 2, and the input problems that are
diagnostics instead."""


class UsageError(Exception):
    """Bad command line, unreadable path, bad rule file or configuration."""


class InputProblem(Exception):
    """The file cannot be linted as its type: reported as an E diagnostic, not a crash."""

    def __init__(self, code: str, message: str, page: int | None = None, *,
                 at: tuple[int, int, int] = (1, 1, 2), severity: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.page = page
        # Where in the file: (line, column, end column on that line); line 1 by default.
        self.at = at
        # The problem's own severity (``info`` …) unless the user configured the rule's.
        self.severity = severity


class RuleFailure(Exception):
    """A rule implementation raised: a bug in reportlint, reported as one line."""

    def __init__(self, path: str, code: str, error: Exception) -> None:
        super().__init__(f"{path}: rule {code} failed: {type(error).__name__}: {error}")
