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

from advisor_app.store import engine as store_engine
from advisor_app.store import migrate, paths

ENV_DATABASE_URL = "ADVISOR_APP_DATABASE_URL"
DEMO_FOLDER = "demo"


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


def open_profile(data_dir: str | os.PathLike[str] | None = None, *, database_url: str | None = None) -> Profile:
    """Open (creating and migrating as needed) the profile in ``data_dir`` or the default folder.

    ``database_url`` (or ``ADVISOR_APP_DATABASE_URL``) puts the records in that database instead of
    the data folder's SQLite file; an empty database there is given the schema.
    """
    data = paths.resolve(data_dir).ensure()
    url = database_url or os.environ.get(ENV_DATABASE_URL) or store_engine.sqlite_url(data.database)
    engine = store_engine.create_engine(url)
    try:
        store_engine.check_database(engine)
        created = migrate.current_revision(engine) is None and not migrate.has_tables(engine)
        copy = migrate.upgrade(engine, data.backups)
    except BaseException:
        engine.dispose()
        raise
    return Profile(data=data, engine=engine, created=created, backup=copy)


def demo_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The demo profile's folder: ``demo`` inside the data folder."""
    return paths.resolve(data_dir).root / DEMO_FOLDER

