"""Opening a profile: the data folder, its database (migrated) and sessions on it.

A ``Profile`` is what every service works on. It holds the engine (created once, in
``store.engine``) and hands out short-lived sessions; a session must not cross threads.
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


@dataclass
class Profile:
    data: paths.DataDir
    engine: sa.Engine
    created: bool  # the database file did not exist before this start
    backup: Path | None = None  # copy made before a migration, if one ran
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = store_engine.session_factory(self.engine)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def connection(self) -> Iterator[sa.Connection]:
        """A Core connection in a transaction, for bulk work."""
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def open_profile(data_dir: str | os.PathLike[str] | None = None) -> Profile:
    """Open (creating and migrating as needed) the profile in ``data_dir`` or the default folder."""
    data = paths.resolve(data_dir).ensure()
    created = not data.database.exists()
    engine = store_engine.create_engine(data.database)
    copy = migrate.upgrade(engine, data.database, data.backups)
    return Profile(data=data, engine=engine, created=created, backup=copy)
