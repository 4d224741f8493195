"""The optional recovery key (恢复密钥): made once, printed once, never stored; it opens the profile
when the passphrase is forgotten, and a new passphrase must then be set.

The design (an X25519 key pair; the public half and the sealed database key beside the database) is
:mod:`advisor_app.store.recovery`. Every re-key keeps the sealed file in step
(:func:`.passphrase.rekey_files`), so the recovery key stays valid across passphrase changes until a
new one is made (which replaces it). Backups are re-keyed with the database, so the key sealed now
opens them too.

* :func:`create_recovery_key` — asks for the current passphrase (a window left unlocked for a
  minute must not be enough to make oneself a lasting key), returns the key to show.
* :func:`recover_profile` — the recovery key and a new passphrase: the database and its backups are
  re-keyed to the new passphrase. A mistyped or foreign key changes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from advisor_app.domain.errors import DomainError
from advisor_app.store import encryption, paths, recovery

from .passphrase import check_passphrase, current_key, rekey_files
from .profile import Profile

BadRecoveryKey = recovery.BadRecoveryKey


class NoRecoveryKey(DomainError):
    """The profile has no recovery key (none was made)."""


def has_recovery_key(profile: Profile) -> bool:
    return profile.data.recovery.exists()


def create_recovery_key(profile: Profile, passphrase: str) -> str:
    """A new recovery key for the open profile (any earlier one stops working), as the advisor must
    write it down: ``ABCD-EFGH-…``. ``passphrase`` must be the profile's (:class:`WrongPassphrase`)."""
    check_passphrase(profile, passphrase)
    key = current_key(profile)
    assert key is not None  # check_passphrase refuses a profile without one
    private, public = recovery.new_key_pair()
    recovery.write(profile.data.recovery, recovery.RecoveryFile(public, ()).sealing([key]))
    return recovery.format_code(private)


@dataclass(frozen=True)
class Recovered:
    backups: int  # backups re-keyed to the new passphrase


def recover_profile(data_dir: str | os.PathLike[str] | None, code: str, new_passphrase: str) -> Recovered:
    """Open the data folder's profile with the recovery key ``code`` and re-key it (and its backups)
    to ``new_passphrase``. Raises :class:`BadRecoveryKey` (mistyped, another profile's),
    :class:`NoRecoveryKey`, :class:`WeakPassphrase`; in each case nothing was changed."""
    data = paths.resolve(data_dir)
    private = recovery.parse_code(code)  # a typo is found before anything else is read
    sealed = recovery.read(data.recovery)
    if sealed is None:
        raise NoRecoveryKey("这个档案没有生成过恢复密钥，无法用恢复密钥打开")
    path = data.database
    salt = encryption.salt_of(path)
    if salt is None:
        raise DomainError("没有找到加密的档案文件 advisor.sqlite")
    keys = sealed.unsealed(private)
    opening = next((key for key, key_salt in keys if key_salt == salt and encryption.opens(path, key, salt)), None)
    if opening is None:
        raise BadRecoveryKey("恢复密钥对得上，但打不开档案文件（档案可能已损坏，或恢复密钥文件来自别的档案）："
                             "没有改动任何东西")
    encryption.check_new_passphrase(new_passphrase)
    done = rekey_files(data, salt, opening, lambda copy_salt: [k for k, s in keys if s == copy_salt], new_passphrase)
    return Recovered(done)


def folder_has_recovery_key(data_dir: str | os.PathLike[str] | None) -> bool:
    """Whether the data folder's profile has a recovery key (the unlock dialog then offers it)."""
    return paths.resolve(data_dir).recovery.exists()
