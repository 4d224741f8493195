"""Business settings stored in the profile's database (key → text)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from .models import SettingRow

_T = SettingRow.__table__

ADVISOR = "profile.advisor"
"""The advisor's name (who a change is by); its users: ``services.profile_settings``."""

# Both databases know INSERT … ON CONFLICT DO UPDATE, each through its own construct.
_UPSERT: dict[str, Callable[[Any], Any]] = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def get_setting(conn: sa.Connection, key: str, default: str | None = None) -> str | None:
    value = conn.execute(sa.select(_T.c.value).where(_T.c.key == key)).scalar()
    return default if value is None else str(value)


def set_setting(conn: sa.Connection, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing what was there, in one statement."""
    insert = _UPSERT.get(conn.dialect.name)
    if insert is None:
        set_setting_portable(conn, key, value)
        return
    stmt = insert(SettingRow).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[SettingRow.key], set_={"value": value}))


def set_setting_portable(conn: sa.Connection, key: str, value: str) -> None:
    """The same with plain UPDATE, then INSERT when no row was there (any database)."""
    updated = conn.execute(sa.update(SettingRow).where(SettingRow.key == key).values(value=value))
    if not updated.rowcount:
        conn.execute(sa.insert(SettingRow).values(key=key, value=value))


def all_settings(conn: sa.Connection) -> dict[str, str]:
    return {k: v for k, v in conn.execute(sa.select(_T.c.key, _T.c.value))}


def delete_setting(conn: sa.Connection, key: str) -> None:
    conn.execute(sa.delete(SettingRow).where(SettingRow.key == key))
