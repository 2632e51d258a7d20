"""The one error type a user sees: a file that cannot be checked, with a Chinese reason."""


class InputError(Exception):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}：{reason}")
        self.path = path
        self.reason = reason

    def line(self) -> str:
        return f"错误：{self.path}：{self.reason}"


class ProfileError(Exception):
    """A profile name or file that cannot be used; the message is Chinese."""


class ModelError(Exception):
    """The shipped model cannot be loaded safely; the message is Chinese."""
