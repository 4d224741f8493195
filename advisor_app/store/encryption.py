"""The profile database encrypted at rest: SQLCipher 4 with a key derived from the passphrase.

**Key.** ``key = argon2id(passphrase, salt)`` (32 bytes; time cost 3, 64 MiB, 4 lanes: RFC 9106's
second recommended setting, about 0.1 s on a 2-core laptop; the published demo passphrase alone at a
token cost, :data:`DEMO_ARGON2_TIME_COST`), given to SQLCipher as a raw key with
the salt (``PRAGMA key = "x'<key><salt>'"``), so SQLCipher's own PBKDF2 is skipped and the salt is
stored as the file's first 16 bytes, where SQLCipher keeps its per-database salt anyway. A database
file is therefore self-contained: nothing beside it is needed to open it, a backup copy opens with
the same passphrase, and a lost side file cannot lock anyone out. Every page is AES-256-CBC with an
HMAC-SHA512 (SQLCipher 4 defaults); a wrong key fails the first page's HMAC.

**What is plaintext on disk.** Only the salt (random) and the page size. The WAL and the journal
are encrypted like the database.

A plaintext SQLite file (one written before encryption) starts with ``SQLite format 3``:
:func:`is_plaintext` tells, and :func:`encrypt_copy` writes an encrypted copy (``sqlcipher_export``)
that the caller swaps in. :func:`rekey` changes the key of a file in place (same salt).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw

from advisor_app.domain.errors import DomainError

SALT_BYTES = 16
KEY_BYTES = 32
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_LANES = 4
PLAINTEXT_HEADER = b"SQLite format 3\x00"

DEMO_PASSPHRASE = "demo"
"""The demo profile's published passphrase: it holds only invented families and opens without asking."""

DEMO_ARGON2_TIME_COST = 1
DEMO_ARGON2_MEMORY_KIB = 1024
DEMO_ARGON2_LANES = 1
"""The key derivation's cost for :data:`DEMO_PASSPHRASE` alone: about a millisecond instead of 0.1–0.5 s.
A memory-hard derivation makes each guess of a secret passphrase expensive; the demo's passphrase is
published and needs no guessing, so its cost would protect nothing and only slow every open of the
demo. No other passphrase can take this path: a new passphrase has at least :data:`MIN_PASSPHRASE`
characters, and the demo's has four. Files keyed before (the full cost) are re-keyed once when the
demo is opened (:func:`advisor_app.services.profile_settings.open_demo_profile`)."""


class WrongPassphrase(DomainError):
    """The passphrase does not open this profile (or the file is damaged beyond its first page)."""


class PassphraseNeeded(DomainError):
    """An encrypted profile was opened without a passphrase."""


class WeakPassphrase(DomainError):
    """A new passphrase that is too short."""


MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must have at least 8 characters (a Chinese phrase counts each character)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"口令太短：至少 {MIN_PASSPHRASE} 个字符（可以用一句好记的话）")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The database key: argon2id at the full cost, or at the demo's for :data:`DEMO_PASSPHRASE`."""
    if passphrase == DEMO_PASSPHRASE:
        return _argon2id(passphrase, salt, DEMO_ARGON2_TIME_COST, DEMO_ARGON2_MEMORY_KIB, DEMO_ARGON2_LANES)
    return full_cost_key(passphrase, salt)


def full_cost_key(passphrase: str, salt: bytes) -> bytes:
    """argon2id at the full cost, whatever the passphrase (the demo's key before it got its own)."""
    return _argon2id(passphrase, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_LANES)


def _argon2id(passphrase: str, salt: bytes, time_cost: int, memory_kib: int, lanes: int) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
                           parallelism=lanes, hash_len=KEY_BYTES, type=Type.ID)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def raw_key(key: bytes, salt: bytes) -> str:
    """The value of ``PRAGMA key``: SQLCipher's raw key with its salt (``x'…'``, 96 hex digits)."""
    return f"x'{key.hex()}{salt.hex()}'"


def read_header(path: Path) -> bytes:
    """The file's first 16 bytes (b"" for a missing or empty file)."""
    try:
        with path.open("rb") as f:
            return f.read(SALT_BYTES)
    except FileNotFoundError:
        return b""


def is_plaintext(path: Path) -> bool:
    return read_header(path) == PLAINTEXT_HEADER


def salt_of(path: Path) -> bytes | None:
    """The salt an encrypted file starts with; None for a missing, empty or plaintext file."""
    header = read_header(path)
    if len(header) < SALT_BYTES or header == PLAINTEXT_HEADER:
        return None
    return header


def _connect(path: Path, pragma_key: str) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{pragma_key}"')
    return conn


def opens(path: Path, key: bytes, salt: bytes) -> bool:
    """Whether ``key`` opens the encrypted file at ``path`` (reads its first page)."""
    conn = _connect(path, raw_key(key, salt))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def encrypt_copy(plain: Path, target: Path, key: bytes, salt: bytes) -> None:
    """Write an encrypted copy of the plaintext database ``plain`` to ``target`` (replaced if there)."""
    # A journal left by a copy cut short would be played back into the new copy: remove it too.
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal")):
        leftover.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(plain), isolation_level=None)  # no key: reads the plaintext file
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), raw_key(key, salt)))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def rekey(path: Path, old_key: bytes, new_key: bytes, salt: bytes) -> None:
    """Re-encrypt the file at ``path`` from ``old_key`` to ``new_key`` (the salt stays)."""
    conn = _connect(path, raw_key(old_key, salt))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f'PRAGMA rekey = "{raw_key(new_key, salt)}"')
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def remove_file(path: Path) -> None:
    """Delete a database file and its WAL and shared-memory files, overwriting their bytes first (a
    best effort: an SSD or a copy-on-write file system may still keep old blocks)."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            continue
        zeros = b"\0" * min(size, 1 << 20)
        with p.open("r+b") as f:
            for _ in range(0, size, len(zeros) or 1):
                f.write(zeros)
            f.flush()
            os.fsync(f.fileno())
        p.unlink()
