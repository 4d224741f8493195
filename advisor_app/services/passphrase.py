"""The passphrase of an encrypted profile: encrypting a plaintext profile, changing the passphrase,
checking it to unlock a locked window (:func:`check_passphrase`). How the key is made is
:mod:`advisor_app.store.encryption`; the optional recovery key is :mod:`.recovery`.

Encrypting in place (:func:`encrypt_profile`): the encrypted copy is written beside the plaintext
file, its row counts compared table by table, the plaintext moved aside, the copy moved in, the
plaintext overwritten and deleted; then every plaintext backup the same way. A crash at any point
leaves the plaintext or the encrypted database in place, never neither:
:func:`.profile.finish_interrupted_encryption` completes or undoes the swap at the next open, and
every open of the encrypted profile encrypts the backups a crash left in plaintext
(:func:`.profile.encrypt_backups`).

Changing the passphrase (:func:`change_passphrase`) re-keys the backups first and the database last,
each file in one transaction of its own (a file opens with the old passphrase or the new one, never
neither). Killed half-way, the profile still opens with the old passphrase; changing it again
finishes the job (the backups already re-keyed are recognised and left alone). A demo profile keyed
before the demo's passphrase got its cheap derivation is re-keyed the same way, once, when it is
opened (:func:`rekey_full_cost_demo`).
"""

from __future__ import annotations

import hmac
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from advisor_app.domain.errors import DomainError
from advisor_app.store import encryption, paths, recovery
from advisor_app.store import engine as store_engine

from .profile import ENCRYPTING, PLAINTEXT_OLD, Profile, WrongPassphrase, compare_counts, encrypt_backups

MIN_PASSPHRASE = encryption.MIN_PASSPHRASE


def encrypt_profile(data_dir: str | os.PathLike[str] | None, passphrase: str, *,
                    new_passphrase_checked: bool = True) -> EncryptionReport:
    """Encrypt a plaintext profile (and every plaintext backup) with ``passphrase``, in place.

    The encrypted copy is written beside the file, its row counts compared table by table with the
    plaintext, then swapped in; the plaintext file (and its WAL) is overwritten and deleted. A crash
    at any point leaves either the plaintext or the encrypted database in place, never neither
    (the next open finishes the swap). Backups made before encryption are encrypted the same way.
    """
    if new_passphrase_checked:
        encryption.check_new_passphrase(passphrase)
    data = paths.resolve(data_dir).ensure()
    path = data.database
    if not encryption.is_plaintext(path):
        raise DomainError("这个档案已经加密了" if encryption.salt_of(path) else "没有找到要加密的档案")
    salt = encryption.new_salt()
    key = encryption.derive_key(passphrase, salt)
    staged = path.with_name(path.name + ENCRYPTING)
    encryption.encrypt_copy(path, staged, key, salt)
    counts = compare_counts(path, staged, key, salt)
    old = path.with_name(path.name + PLAINTEXT_OLD)
    os.replace(path, old)
    os.replace(staged, path)
    encryption.remove_file(old)
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        encryption.remove_file(leftover)
    return EncryptionReport(counts, encrypt_backups(data.backups, key, salt))


@dataclass(frozen=True)
class EncryptionReport:
    counts: dict[str, int]  # rows per table, the same before and after
    backups: int  # backups encrypted too


def change_passphrase(profile: Profile, old: str, new: str) -> int:
    """Re-key every backup and then the profile's database from ``old`` to ``new`` (each keeps its
    salt); returns how many backups were re-keyed. The profile's engine is re-made with the new key,
    and a recovery key's sealed file is kept in step (:func:`rekey_files`)."""
    encryption.check_new_passphrase(new)
    path = profile.data.database
    salt = encryption.salt_of(path)
    if salt is None or not store_engine.is_encrypted(profile.engine):
        raise DomainError("这个档案没有用口令加密，不能改口令")
    old_key = encryption.derive_key(old, salt)
    if not encryption.opens(path, old_key, salt):
        raise WrongPassphrase("原口令不对")
    profile.engine.dispose()
    done = rekey_files(profile.data, salt, old_key, lambda copy_salt: [encryption.derive_key(old, copy_salt)], new)
    profile.reopen(store_engine.create_engine(store_engine.sqlcipher_url(path, encryption.derive_key(new, salt),
                                                                          salt)))
    return done


def rekey_files(data: paths.DataDir, salt: bytes, old_key: bytes, old_keys_for: Callable[[bytes], list[bytes]],
                new: str) -> int:
    """Re-key the database (``old_key`` and its ``salt``) and each backup (``old_key`` or one of the
    keys ``old_keys_for`` its salt gives, whichever opens it) to the passphrase ``new``; returns how
    many backups were re-keyed.

    The backups come first and the database last, so that a change cut short leaves the profile on
    the old passphrase, and doing it again completes it (a backup already on the new key opens with
    none of the old ones and is left alone). A recovery key's sealed file
    (:mod:`advisor_app.store.recovery`) is rewritten first with the new key and the old one, and once
    everything is re-keyed with the new one only, each write atomic: a crash at any point leaves a
    sealed key that opens the database and one that opens each backup."""
    path = data.database
    new_key = encryption.derive_key(new, salt)
    sealed = recovery.read(data.recovery)
    if sealed is not None:
        recovery.write(data.recovery, sealed.sealing([(new_key, salt), (old_key, salt)]))
    done = 0
    for copy in sorted(data.backups.glob("*.sqlite")):  # the backups first …
        copy_salt = encryption.salt_of(copy)
        if copy_salt is None:
            continue
        tried = [old_key] if copy_salt == salt else []
        old_copy = next((k for k in [*tried, *old_keys_for(copy_salt)] if encryption.opens(copy, k, copy_salt)), None)
        if old_copy is not None:
            encryption.rekey(copy, old_copy, encryption.derive_key(new, copy_salt), copy_salt)
            done += 1
    encryption.rekey(path, old_key, new_key, salt)  # … the database last: the passphrase changes here
    if sealed is not None:
        recovery.write(data.recovery, sealed.sealing([(new_key, salt)]))
    return done


def rekey_full_cost_demo(data: paths.DataDir) -> bool:
    """A demo profile keyed with the full-cost derivation (before the demo's passphrase got its own
    token cost, :data:`advisor_app.store.encryption.DEMO_ARGON2_TIME_COST`): its backups and then its
    database re-keyed to the demo's key, as a passphrase change does (a re-key cut short is completed
    at the next open). False when the file does not open with the full-cost key either."""
    demo = encryption.DEMO_PASSPHRASE
    salt = encryption.salt_of(data.database)
    if salt is None:
        return False
    old_key = encryption.full_cost_key(demo, salt)
    if not encryption.opens(data.database, old_key, salt):
        return False
    rekey_files(data, salt, old_key, lambda copy_salt: [encryption.full_cost_key(demo, copy_salt)], demo)
    return True


def check_passphrase(profile: Profile, typed: str) -> None:
    """Whether ``typed`` is the passphrase of the open profile (to unlock a locked window): the key
    derived from it with the file's salt is compared with the open engine's key; nothing is opened
    or written. Raises :class:`WrongPassphrase`, or :class:`DomainError` for a profile without one."""
    key = current_key(profile)
    if key is None:
        raise DomainError("这个档案没有用口令加密")
    salt = key[1]
    given = encryption.raw_key(encryption.derive_key(typed, salt), salt)
    if not hmac.compare_digest(given.encode(), encryption.raw_key(*key).encode()):
        raise WrongPassphrase("口令不对")


def has_passphrase(profile: Profile) -> bool:
    """Whether the profile is the data folder's encrypted file (a database by URL has no passphrase)."""
    return current_key(profile) is not None


def current_key(profile: Profile) -> tuple[bytes, bytes] | None:
    """(key, salt) the open engine uses, None for a database without SQLCipher."""
    if not store_engine.is_encrypted(profile.engine):
        return None
    match = re.fullmatch(r"x'([0-9a-fA-F]{64})([0-9a-fA-F]{32})'", profile.engine.url.password or "")
    if match is None:
        return None
    return bytes.fromhex(match[1]), bytes.fromhex(match[2])
