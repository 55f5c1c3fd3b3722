"""The error raised when facts contradict the Convention's rules."""


class RuleError(ValueError):
    """A rule of the Convention is broken; `field` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
