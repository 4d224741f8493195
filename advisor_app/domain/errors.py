"""Expected problems, told in words an advisor understands.

A ``DomainError`` is never a bug: the CLI prints it and exits with code 2, the GUI shows it as a
plain message. Anything else that escapes is unexpected and goes to the crash dialog / traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to correct. ``path`` locates the field (``("members", 1, "id_number")``);
    ``other_household`` is the id of the household the problem points to, when it points to one."""

    path: Path
    message: str
    other_household: str | None = None

    @property
    def key(self) -> str:
        """``members[1].id_number``: the path as written in the household document."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    @property
    def field(self) -> str:
        """The last named part of the path (``id_number``; ``members`` for the household's members)."""
        return next((p for p in reversed(self.path) if isinstance(p, str)), "")

    def under(self, *prefix: str | int) -> bool:
        return self.path[:len(prefix)] == prefix

    def __str__(self) -> str:
        return self.message


class DomainError(Exception):
    """A problem with the user's data or files, with a message fit to show them."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}：{message}" if where else message)


class InvalidDocument(DomainError):
    """A household (or other) document that cannot be accepted as it is."""


class InvalidRecord(InvalidDocument):
    """A household or visit that breaks the rules of :mod:`.validation`; nothing was written.

    ``problems`` lists every one (each names the member and the field and has a machine key). With
    ``with_keys`` the message puts each problem's key first (``members[1].id_number：…``), for people
    who correct a household document by hand.
    """

    def __init__(self, problems: Sequence[Problem], *, with_keys: bool = False) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [f"{p.key}：{p.message}" if with_keys and p.key else p.message for p in self.problems]
        if len(lines) == 1:
            message = lines[0]
        else:
            message = f"有 {len(lines)} 处需要改正：\n" + "\n".join(f"  {line}" for line in lines)
        super().__init__(message)


class PersonInAnotherHousehold(InvalidRecord):
    """A member's ID number is already in another live household (a person belongs to one).

    ``other_household`` is the id of the first such household, for a screen that offers to open it.
    """

    @property
    def other_household(self) -> str:
        return next(p.other_household for p in self.problems if p.other_household)


class InvalidIdNumber(DomainError):
    """A 居民身份证号 that fails GB 11643 (length, birth date, area code or check character)."""


class NotFound(DomainError):
    """A record the user asked for does not exist (or was deleted)."""


class Cancelled(DomainError):
    """The user cancelled a long job; the job left the data as it was."""

    def __init__(self, message: str = "已取消，数据保持原样。") -> None:
        super().__init__(message)
