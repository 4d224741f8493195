"""Expected problems, told in words an advisor understands.

A ``DomainError`` is never a bug: the CLI prints it and exits with code 2, the GUI shows it as a
plain message. Anything else that escapes is unexpected and goes to the crash dialog / traceback.
"""

from __future__ import annotations


class DomainError(Exception):
    """A problem with the user's data or files, with a message fit to show them."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}：{message}" if where else message)


class InvalidDocument(DomainError):
    """A household (or other) document that cannot be accepted as it is."""


class InvalidIdNumber(DomainError):
    """A 居民身份证号 that fails GB 11643 (length, birth date, area code or check character)."""


class NotFound(DomainError):
    """A record the user asked for does not exist (or was deleted)."""


class Cancelled(DomainError):
    """The user cancelled a long job; the job left the data as it was."""

    def __init__(self, message: str = "已取消，数据保持原样。") -> None:
        super().__init__(message)
