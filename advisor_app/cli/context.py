"""What a subcommand may need, opened only when it asks (``check`` needs no profile).

The passphrase of an encrypted profile comes from ``--passphrase-file FILE`` (its first line), else
the environment variable ``ADVISOR_APP_PASSPHRASE``, else, on a terminal, a prompt that does not
echo. Without any of them, or with a wrong one, the command stops with a one-line message (exit 2).

The profile services (SQLAlchemy, SQLCipher, the KDF) are imported when a command first asks for
the profile, not when the parser is built.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app.domain.errors import DomainError

if TYPE_CHECKING:
    from advisor_app.services.profile import Profile

MAX_PASSPHRASE_FILE = 4096


def read_text_file(path: str, what: str) -> str:
    """The whole of a small UTF-8 text file (a passphrase or recovery key file), or a message."""
    try:
        with Path(path).open("rb") as f:
            raw = f.read(MAX_PASSPHRASE_FILE + 1)
    except OSError as exc:
        raise DomainError(f"读不了{what} {path}：{exc.strerror or exc}") from exc
    if len(raw) > MAX_PASSPHRASE_FILE:
        raise DomainError(f"{what} {path} 太大：不是{what}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(f"{what} {path} 不是 UTF-8 文本") from exc


def read_passphrase_file(path: str) -> str:
    text = read_text_file(path, "口令文件")
    line = text.splitlines()[0] if text.splitlines() else ""
    if not line:
        raise DomainError(f"口令文件 {path} 的第一行是空的")
    return line


def prompt(text: str) -> str | None:
    """Ask on the terminal without echo; None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(text)
    except EOFError:
        return None


def passphrase_from_environment() -> str | None:
    """``ADVISOR_APP_PASSPHRASE`` (:func:`advisor_app.services.profile.passphrase_from_environment`)."""
    from advisor_app.services.profile import passphrase_from_environment as given

    return given()


def typed_twice(ask: str, none_given: str) -> str:
    """A new passphrase typed twice on the terminal (refused when the two differ)."""
    first = prompt(ask)
    if first is None:
        from advisor_app.services.profile import PassphraseNeeded

        raise PassphraseNeeded(none_given)
    if prompt("再输入一次：") != first:
        raise DomainError("两次输入的口令不一样")
    return first


class Context:
    def __init__(self, data_dir: str | None, database_url: str | None = None, *, demo: bool = False,
                 passphrase_file: str | None = None, reads_only: bool = False) -> None:
        self.data_dir = data_dir
        self.reads_only = reads_only  # a command that only reads: no daily backup (see docs/backups.md)
        self.database_url = database_url
        self.demo = demo  # --demo: the demo profile inside the data folder
        self.passphrase_file = passphrase_file
        self._profile: Profile | None = None

    def passphrase(self, ask: str = "口令：") -> str | None:
        """The passphrase given (file, environment), else asked on the terminal, else None."""
        if self.passphrase_file:
            return read_passphrase_file(self.passphrase_file)
        return passphrase_from_environment() or prompt(ask)

    def new_passphrase(self) -> str:
        """A passphrase for a new or re-encrypted profile: given, or typed twice on the terminal."""
        given = read_passphrase_file(self.passphrase_file) if self.passphrase_file else passphrase_from_environment()
        if given:
            return given
        return typed_twice("设置口令（至少 8 个字符；忘记口令就无法找回档案）：",
                           "需要口令：用 --passphrase-file 或环境变量 ADVISOR_APP_PASSPHRASE 给出")

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            from advisor_app.services.profile import ENCRYPTED, PassphraseNeeded, database_state, open_profile

            if self.demo:
                from advisor_app.services.profile_settings import open_demo_profile

                self._profile = open_demo_profile(self.data_dir)
            else:
                given = (read_passphrase_file(self.passphrase_file) if self.passphrase_file
                         else passphrase_from_environment())
                try:
                    self._profile = open_profile(self.data_dir, database_url=self.database_url, passphrase=given,
                                                 daily_backup=not self.reads_only)
                except PassphraseNeeded:
                    existing = database_state(self.data_dir) == ENCRYPTED
                    typed = None if given or not existing else prompt("口令：")
                    if typed is None:
                        raise
                    self._profile = open_profile(self.data_dir, database_url=self.database_url, passphrase=typed,
                                                 daily_backup=not self.reads_only)
                    from advisor_app.services import audit

                    audit.record_unlock(self._profile)  # a person typed it (scripts' opens are not entries)
            if self._profile.backup is not None:
                print(f"数据库已升级，升级前的备份：{self._profile.backup}", file=sys.stderr)
            if self._profile.read_only:
                print("注意：档案只读（数据文件夹或档案文件不能写入），只能查看，不能保存改动", file=sys.stderr)
            elif self._profile.damage:
                print(f"注意：{self._profile.refusal}", file=sys.stderr)
        return self._profile

    @property
    def profile_folder(self) -> str | None:
        """The data folder of the profile the command acts on (the demo's own folder with --demo)."""
        from advisor_app.services.profile import demo_data_dir

        return str(demo_data_dir(self.data_dir)) if self.demo else self.data_dir

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
