"""What can go wrong with a bundle or an enrolment file, in an advisor's words.

Each is a :class:`~advisor_app.domain.errors.DomainError`: the CLI prints the message and exits
with code 2, the app shows it; nothing was read into the profile.
"""

from __future__ import annotations

from advisor_app.domain.errors import DomainError


class InvalidKeys(DomainError):
    """Keys or a device identity that cannot be used (damaged, the wrong length, not base64)."""


class BundleRefused(DomainError):
    """A bundle file that is not accepted: not a bundle, damaged or altered, truncated, of a later
    format, addressed to another device, or not from the sender it names."""


class NewerFormat(BundleRefused):
    """A bundle written by a later release of the app, in a format this one cannot read."""


class BundleIncomplete(DomainError):
    """Not every part of a bundle is here yet: the bundle is held until they are.

    ``missing`` are the part numbers (from 1) not given, ``parts`` how many the bundle has.
    """

    def __init__(self, missing: tuple[int, ...], parts: int) -> None:
        self.missing = missing
        self.parts = parts
        numbers = "、".join(str(k) for k in missing[:10]) + ("……" if len(missing) > 10 else "")
        super().__init__(f"第 {numbers} 部分（共 {parts} 部分）还没有导入")


class InvalidEnrolment(DomainError):
    """An enrolment request or answer that cannot be accepted (damaged, forged, altered, of a later
    format, or meant for another device)."""
