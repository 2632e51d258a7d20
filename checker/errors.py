"""The errors a user sees, each with a Chinese message."""


class InputError(Exception):
    """A file that cannot be checked, with the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}：{reason}")
        self.path = path
        self.reason = reason

    def line(self) -> str:
        return f"错误：{self.path}：{self.reason}"


class ProfileError(Exception):
    """A profile name or file that cannot be used."""


class ModelError(Exception):
    """The shipped model is missing or cannot be loaded safely."""


class OutputError(Exception):
    """A result that cannot be written (disk full, file name too long, another run holds the journal)."""
