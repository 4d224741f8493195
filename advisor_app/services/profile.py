"""Opening a profile: the data folder, its database (migrated) and sessions on it.

A ``Profile`` is what every service works on. It holds the engine (created once, in
``store.engine``) and hands out short-lived sessions; a session must not cross threads.

The database is the SQLite file ``advisor.sqlite`` in the data folder unless a database URL is
given (``database_url=``, else the ``ADVISOR_APP_DATABASE_URL`` environment variable), e.g.
``postgresql+psycopg://advisor@office-hub/advisor``. The data folder still holds the logs, the
backups and the profile's own forms either way; its policy tables are in the database.

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
from advisor_app.store import backups as backup_files
from advisor_app.store import damage, encryption, migrate, paths
from advisor_app.store import engine as store_engine

from . import backups, policy_store

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
    daily: Path | None = None  # the day's first backup, when this open made it
    read_only: bool = False  # the data folder or the file cannot be written: opened read-only
    damage: tuple[str, ...] = ()  # what the check at open found wrong (writes are refused)
    refusal: str = ""  # what a refused write says (read-only or damaged)
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
        if write:
            self.refuse_writes()
        with _damage_told(self), (self._writing_sessions if write else self._sessions)() as session, \
                session.begin():
            yield session

    @contextlib.contextmanager
    def connection(self, *, write: bool = False) -> Iterator[sa.Connection]:
        """A Core connection in a transaction, for bulk work (``write``: as for :meth:`session`)."""
        if write:
            self.refuse_writes()
        with _damage_told(self), (store_engine.for_writing(self.engine) if write else self.engine).begin() as conn:
            yield conn

    def refuse_writes(self) -> None:
        """Raise :class:`ReadOnlyProfile` or :class:`DamagedProfile` when writes are not allowed."""
        if self.read_only:
            raise ReadOnlyProfile(self.refusal)
        if self.damage:
            raise DamagedProfile(self.refusal)

    @property
    def has_own_file(self) -> bool:
        """Whether the records are in the data folder's own SQLite file (which has file backups)."""
        return store_engine.file_path(self.engine) == self.data.database

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


class ReadOnlyProfile(DomainError):
    """The data folder or the database file cannot be written: the profile was opened read-only."""


class DamagedProfile(DomainError):
    """The database file failed the check at open (or a damaged page was read): no more writes."""


READ_ONLY_MESSAGE = ("档案是只读的（数据文件夹或档案文件不能写入，例如在只读的 U 盘或光盘上）：只能查看，"
                     "不能保存改动。请把数据文件夹复制到可以写入的地方再打开。")


@contextlib.contextmanager
def _damage_told(profile: Profile) -> Iterator[None]:
    """A damaged page read at any time becomes :class:`DamagedProfile` with the advice of the check
    at open (or a short one), not a traceback."""
    try:
        yield
    except sa.exc.DatabaseError as exc:
        if not damage.is_damage(exc):
            raise
        raise DamagedProfile(profile.refusal if profile.damage else
                             "档案文件已损坏（读到损坏的数据页），请从备份恢复：advisor-app backup list 列出备份，"
                             "advisor-app backup restore 名称 恢复") from None


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
                 passphrase: str | None = None, new_passphrase_checked: bool = True,
                 daily_backup: bool = True, read_only: bool = False) -> Profile:
    """Open (creating and migrating as needed) the profile in ``data_dir`` or the default folder.

    The data folder's database is encrypted (:mod:`advisor_app.store.encryption`): ``passphrase``
    (else ``ADVISOR_APP_PASSPHRASE``) opens it, or creates it when there is none yet (then it must
    be a good passphrase unless ``new_passphrase_checked`` is false: the demo's published one).
    Raises :class:`PassphraseNeeded`, :class:`WrongPassphrase`, :class:`PlaintextProfile`.

    ``database_url`` (or ``ADVISOR_APP_DATABASE_URL``) puts the records in that database instead of
    the data folder's SQLite file (no passphrase: a server's data is protected by the server); an
    empty database there is given the schema.

    The data folder's own file is checked at open (:mod:`advisor_app.store.damage`): a damaged one
    opens for reading with every write refused (``damage``, ``refusal``: the latest good backup and
    the command). A data folder or file that cannot be written (or ``read_only``) opens read-only
    (``read_only``). ``daily_backup``: make the day's first backup when none was made today (an open
    that may write; see :mod:`.backups`).
    """
    data = paths.resolve(data_dir)
    own = not (database_url or os.environ.get(ENV_DATABASE_URL))
    read_only = own and (read_only or not _writable(data))
    if not read_only:
        data.ensure()
    given = passphrase if passphrase is not None else passphrase_from_environment()
    key: tuple[bytes, bytes] | None = None
    url: str | sa.URL
    if own:
        key = own_key(data, given, new_passphrase_checked, read_only=read_only)
        url = store_engine.sqlcipher_url(data.database, *key)
    else:
        url = database_url or os.environ[ENV_DATABASE_URL]
    if read_only:
        url = store_engine.read_only_url(url, immutable=not _has_wal(data.database))
    engine = store_engine.create_engine(url)
    try:
        try:
            store_engine.check_database(engine)
        except WrongPassphrase:
            if own and backups.latest_good(data, given) is not None:  # the passphrase opens a backup
                raise DamagedProfile(backups.damaged_message(data, given)) from None
            raise
        except store_engine.DatabaseUnavailable as exc:
            if own and exc.__cause__ is not None and damage.is_damage(exc.__cause__):
                raise DamagedProfile(backups.damaged_message(data, given)) from None
            raise
        problems = damage.open_problems(engine, remember=not read_only)
        if problems:
            return _damaged(data, engine, problems, given, read_only)
        if read_only:
            return _read_only(data, engine)
        if key is not None:
            encrypt_backups(data.backups, *key)  # those an encryption cut short left in plaintext
        created = migrate.current_revision(engine) is None and not migrate.has_tables(engine)
        copy = migrate.upgrade(engine, data.backups)
        daily = None
        if own and daily_backup and not created and copy is None:
            daily, problems = backups.daily_backup(engine, data.backups)
            if problems:
                return _damaged(data, engine, problems, given, read_only)
        policy_store.move_local_file(engine, data.root)  # an older profile's plaintext table, once
    except BaseException:
        engine.dispose()
        raise
    return Profile(data=data, engine=engine, created=created, backup=copy, daily=daily)


def _writable(data: paths.DataDir) -> bool:
    folder = data.root
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        return False
    return not data.database.exists() or os.access(data.database, os.W_OK)


def _has_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.is_file() and wal.stat().st_size > 0


def _read_only(data: paths.DataDir, engine: sa.Engine) -> Profile:
    if migrate.current_revision(engine) is None:
        raise ReadOnlyProfile("这个只读的数据文件夹里没有档案，不能新建", where=str(data.root))
    migrate.refuse_unknown(engine, migrate.current_revision(engine))
    if migrate.needs_upgrade(engine):
        raise ReadOnlyProfile("这个档案需要升级到新版本的格式才能打开，但它是只读的：请把数据文件夹复制到"
                              "可以写入的地方再打开", where=str(data.root))
    return Profile(data=data, engine=engine, created=False, read_only=True, refusal=READ_ONLY_MESSAGE)


def _damaged(data: paths.DataDir, engine: sa.Engine, problems: list[str], passphrase: str | None,
             read_only: bool) -> Profile:
    message = backups.damaged_message(data, passphrase)
    try:
        usable = not migrate.needs_upgrade(engine)
    except sa.exc.DatabaseError:
        usable = False
    if not usable:  # nothing can be read in a schema this release does not use
        raise DamagedProfile(message)
    return Profile(data=data, engine=engine, created=False, read_only=read_only, damage=tuple(problems),
                   refusal=READ_ONLY_MESSAGE if read_only else message)


def own_database_url(data: paths.DataDir, passphrase: str | None, check_new: bool, *,
                     read_only: bool = False) -> str:
    """The URL of the data folder's own encrypted database, opened with ``passphrase``."""
    return store_engine.sqlcipher_url(data.database, *own_key(data, passphrase, check_new, read_only=read_only))


def own_key(data: paths.DataDir, passphrase: str | None, check_new: bool, *,
            read_only: bool = False) -> tuple[bytes, bytes]:
    """The key and salt of the data folder's own database (a new salt when there is none yet)."""
    path = data.database
    if path.is_dir():
        raise DamagedProfile("档案文件的位置是一个文件夹（不是档案文件）：请把这个文件夹移走或改名，再打开；"
                             "要找回记录，用 advisor-app backup list 列出备份，advisor-app backup restore 名称 恢复",
                             where=str(path))
    if not read_only:
        backup_files.finish_interrupted_restore(path)
        finish_interrupted_encryption(path)
    if encryption.is_plaintext(path):
        raise PlaintextProfile("这个档案是旧版本保存的，还没有加密：请先设置口令加密它"
                               "（打开桌面程序，或运行 advisor-app profile encrypt）")
    salt = encryption.salt_of(path)
    if passphrase is None:
        raise PassphraseNeeded("这个档案已加密，需要口令才能打开" if salt is not None else
                               "还没有档案：请先新建并设置口令（advisor-app profile init，或打开桌面程序）")
    if salt is None:
        if read_only:
            raise ReadOnlyProfile("这个只读的数据文件夹里没有档案，不能新建", where=str(data.root))
        if check_new:
            encryption.check_new_passphrase(passphrase)
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)  # an empty file left by an interrupted start
        salt = encryption.new_salt()
    return encryption.derive_key(passphrase, salt), salt


def finish_interrupted_encryption(path: Path) -> None:
    """After a crash during :func:`encrypt_profile`: the plaintext moved aside and the encrypted copy
    already in place → delete the plaintext; the plaintext moved aside and nothing in place → put it
    back (the encryption is asked for again)."""
    old = path.with_name(path.name + PLAINTEXT_OLD)
    if old.exists():
        if encryption.salt_of(path) is not None:
            encryption.remove_file(old)
        else:
            os.replace(old, path)
    encryption.remove_file(path.with_name(path.name + ENCRYPTING))  # a copy cut short, with its journal


def encrypt_backups(backups: Path, key: bytes, salt: bytes) -> int:
    """Encrypt every plaintext backup in ``backups`` with the profile's key, in place, as
    :func:`.passphrase.encrypt_profile` does the database; returns how many. Run again at every
    open of the encrypted profile, so backups an encryption cut short left in plaintext (or moved
    aside half-way) are encrypted then, and no plaintext copy stays behind."""
    done = 0
    for copy in sorted(backups.glob("*.sqlite")) + sorted(backups.glob(f"*.sqlite{PLAINTEXT_OLD}")):
        finish_interrupted_encryption(copy.with_name(copy.name.removesuffix(PLAINTEXT_OLD)))
    for copy in sorted(backups.glob("*.sqlite")):
        if not encryption.is_plaintext(copy):
            continue
        staged = copy.with_name(copy.name + ENCRYPTING)
        encryption.encrypt_copy(copy, staged, key, salt)
        compare_counts(copy, staged, key, salt)
        old = copy.with_name(copy.name + PLAINTEXT_OLD)
        os.replace(copy, old)
        os.replace(staged, copy)
        encryption.remove_file(old)
        done += 1
    return done


def compare_counts(plain: Path, encrypted: Path, key: bytes, salt: bytes) -> dict[str, int]:
    """Rows per table of the plaintext file and of its encrypted copy: the same, or the copy is
    deleted and the encryption refused."""
    before = store_engine.table_counts(store_engine.sqlite_url(plain))
    after = store_engine.table_counts(store_engine.sqlcipher_url(encrypted, key, salt))
    if before != after:
        encryption.remove_file(encrypted)
        raise DomainError("加密后的档案和原档案的记录数不一致，已放弃加密，原档案没有改动")
    return after


def demo_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The demo profile's folder: ``demo`` inside the data folder."""
    return paths.resolve(data_dir).root / DEMO_FOLDER



def integrity_problems(profile: Profile) -> list[str]:
    """What SQLite's integrity and foreign-key checks find wrong in the profile's file ([] = sound)."""
    return store_engine.integrity_problems(profile.engine)
