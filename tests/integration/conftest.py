"""Integration fixtures: every test that takes ``profile`` (or ``demo_profile``) runs twice, on a
SQLite file (id ``sqlite``) and on a fresh PostgreSQL database (id ``postgresql``).

The PostgreSQL server is started once per session (see ``pg_cluster.py``) the first time a test
needs it, and stopped at the end. ``ADVISOR_APP_DATABASE_URL`` is set for a PostgreSQL test, so the
CLI run inside that test opens the same database as its ``profile``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pg_cluster
import pytest

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pg_cluster.Cluster]:
    """The session's PostgreSQL server, with a template database migrated to head."""
    from advisor_app.store import engine as store_engine
    from advisor_app.store import migrate

    problem = None
    try:
        cluster = pg_cluster.start_cluster()
    except pg_cluster.ClusterError as exc:
        problem = str(exc)
    if problem is not None:
        pytest.fail(problem, pytrace=False)  # fails every PostgreSQL test, saying how to install it
    try:
        url = cluster.create_database(name=pg_cluster.TEMPLATE)
        engine = store_engine.create_engine(url)
        try:
            migrate.upgrade(engine, tmp_path_factory.mktemp("pg-template-backups"))
        finally:
            engine.dispose()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with nothing in it yet: a new SQLite file or a new PostgreSQL database
    (dropped after the test)."""
    from advisor_app.store.engine import sqlite_url

    if backend == "sqlite":
        yield sqlite_url(tmp_path / "empty.sqlite")
        return
    cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[str | None]:
    """``None`` for SQLite (the profile's own file); else a new PostgreSQL database at head (dropped
    after the test)."""
    if backend == "sqlite":
        yield None
        return
    cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
    url = cluster.create_database(pg_cluster.TEMPLATE)
    monkeypatch.setenv("ADVISOR_APP_DATABASE_URL", url)
    yield url
    cluster.drop_database(url)


@pytest.fixture
def profile(data_dir: Path, database_url: str | None, profile_salt: Any) -> Iterator[Any]:
    """An empty, migrated profile: its data folder is temporary, its database as ``backend`` says."""
    from advisor_app.services.profile import open_profile

    with profile_salt():
        p = open_profile(data_dir, database_url=database_url)
    yield p
    p.close()
