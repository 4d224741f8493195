"""Opening a profile: the data folder, its database (migrated) and sessions on it.

A ``Profile`` is what every service works on. It holds the engine (created once, in
``store.engine``) and hands out short-lived sessions; a session must not cross threads.

The database is the SQLite file ``advisor.sqlite`` in the data folder unless a database URL is
given (``database_url=``, else the ``ADVISOR_APP_DATABASE_URL`` environment variable), e.g.
``postgresql+psycopg://advisor@office-hub/advisor``. The data folder still holds the logs, the
backups and the profile's own forms and policy tables either way.

**The demo profile** lives in its own folder inside the data folder, ``<data folder>/demo``
(:func:`.profile_settings.open_demo_profile`, ``advisor-app --demo``), always in that folder's own SQLite file: the
invented families never share a database with real ones (not even with an office database given
by URL). Which kind a profile is, is a profile setting (:mod:`.profile_settings`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from advisor_app.domain.errors import DomainError
from advisor_app.store import encryption, migrate, paths
from advisor_app.store import engine as store_engine

ENV_DATABASE_URL = "ADVISOR_APP_DATABASE_URL"
ENV_PASSPHRASE = "ADVISOR_APP_PASSPHRASE"
DEMO_FOLDER = "demo"
MISSING, PLAINTEXT, ENCRYPTED = "missing", "plaintext", "encrypted"
ENCRYPTING = ".encrypting"  # the encrypted copy being written
PLAINTEXT_OLD = ".plaintext-old"  # the plaintext moved aside, deleted once the copy is in place

PassphraseNeeded = encryption.PassphraseNeeded
WrongPassphrase = encryption.WrongPassphrase
DEMO_PASSPHRASE = encryption.DEMO_PASSPHRASE


@dataclass
class Profile:
    data: paths.DataDir
    engine: sa.Engine
    created: bool  # the database was new (no file, or no tables) before this start
    backup: Path | None = None  # copy made before a migration, if one ran
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _writing_sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = store_engine.session_factory(self.engine)
        self._writing_sessions = store_engine.session_factory(store_engine.for_writing(self.engine))

    @contextlib.contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on error.

        ``write=True`` for every transaction that may write: it waits for another program's write to
        finish instead of failing half-way (:func:`advisor_app.store.engine.for_writing`)."""
        with (self._writing_sessions if write else self._sessions)() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def connection(self, *, write: bool = False) -> Iterator[sa.Connection]:
        """A Core connection in a transaction, for bulk work (``write``: as for :meth:`session`)."""
        with (store_engine.for_writing(self.engine) if write else self.engine).begin() as conn:
            yield conn

    @property
    def database_url(self) -> str:
        """The database's URL, password included: what a worker process needs to open it."""
        return self.engine.url.render_as_string(hide_password=False)

    def close(self) -> None:
        self.engine.dispose()

    def reopen(self, engine: sa.Engine) -> None:
        """Use ``engine`` from now on (after a re-key), the old one closed."""
        self.engine.dispose()
        self.engine = engine
        self._sessions = store_engine.session_factory(engine)
        self._writing_sessions = store_engine.session_factory(store_engine.for_writing(engine))


class PlaintextProfile(DomainError):
    """The data folder's database was written before profiles were encrypted: it must be encrypted
    (:func:`encrypt_profile`) before it is opened."""


def passphrase_from_environment() -> str | None:
    return os.environ.get(ENV_PASSPHRASE) or None


def database_state(data_dir: str | os.PathLike[str] | None = None) -> str:
    """What the data folder's own database file is: ``missing`` (no file, or an empty one),
    ``plaintext`` (written before encryption) or ``encrypted``."""
    path = paths.resolve(data_dir).database
    if encryption.is_plaintext(path):
        return PLAINTEXT
    return ENCRYPTED if encryption.salt_of(path) is not None else MISSING


def open_profile(data_dir: str | os.PathLike[str] | None = None, *, database_url: str | None = None,
                 passphrase: str | None = None, new_passphrase_checked: bool = True) -> Profile:
    """Open (creating and migrating as needed) the profile in ``data_dir`` or the default folder.

    The data folder's database is encrypted (:mod:`advisor_app.store.encryption`): ``passphrase``
    (else ``ADVISOR_APP_PASSPHRASE``) opens it, or creates it when there is none yet (then it must
    be a good passphrase unless ``new_passphrase_checked`` is false: the demo's published one).
    Raises :class:`PassphraseNeeded`, :class:`WrongPassphrase`, :class:`PlaintextProfile`.

    ``database_url`` (or ``ADVISOR_APP_DATABASE_URL``) puts the records in that database instead of
    the data folder's SQLite file (no passphrase: a server's data is protected by the server); an
    empty database there is given the schema.
    """
    data = paths.resolve(data_dir).ensure()
    url = database_url or os.environ.get(ENV_DATABASE_URL) or own_database_url(
        data, passphrase if passphrase is not None else passphrase_from_environment(), new_passphrase_checked)
    engine = store_engine.create_engine(url)
    try:
        store_engine.check_database(engine)
        created = migrate.current_revision(engine) is None and not migrate.has_tables(engine)
        copy = migrate.upgrade(engine, data.backups)
    except BaseException:
        engine.dispose()
        raise
    return Profile(data=data, engine=engine, created=created, backup=copy)


def own_database_url(data: paths.DataDir, passphrase: str | None, check_new: bool) -> str:
    path = data.database
    finish_interrupted_encryption(path)
    if encryption.is_plaintext(path):
        raise PlaintextProfile("这个档案是旧版本保存的，还没有加密：请先设置口令加密它"
                               "（打开桌面程序，或运行 advisor-app profile encrypt）")
    salt = encryption.salt_of(path)
    if passphrase is None:
        raise PassphraseNeeded("这个档案已加密，需要口令才能打开" if salt is not None else
                               "还没有档案：请先新建并设置口令（advisor-app profile init，或打开桌面程序）")
    if salt is None:
        if check_new:
            encryption.check_new_passphrase(passphrase)
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)  # an empty file left by an interrupted start
        salt = encryption.new_salt()
    return store_engine.sqlcipher_url(path, encryption.derive_key(passphrase, salt), salt)


def finish_interrupted_encryption(path: Path) -> None:
    """After a crash during :func:`encrypt_profile`: the plaintext moved aside and the encrypted copy
    already in place → delete the plaintext; the plaintext moved aside and nothing in place → put it
    back (the encryption is asked for again)."""
    old = path.with_name(path.name + PLAINTEXT_OLD)
    if not old.exists():
        path.with_name(path.name + ENCRYPTING).unlink(missing_ok=True)
        return
    if encryption.salt_of(path) is not None:
        encryption.remove_file(old)
    else:
        os.replace(old, path)
    path.with_name(path.name + ENCRYPTING).unlink(missing_ok=True)


def demo_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The demo profile's folder: ``demo`` inside the data folder."""
    return paths.resolve(data_dir).root / DEMO_FOLDER



def integrity_problems(profile: Profile) -> list[str]:
    """What SQLite's integrity and foreign-key checks find wrong in the profile's file ([] = sound)."""
    return store_engine.integrity_problems(profile.engine)
