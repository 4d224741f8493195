"""Business settings stored in the profile's database (key → text)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert

from .models import SettingRow

_T = SettingRow.__table__


def get_setting(conn: sa.Connection, key: str, default: str | None = None) -> str | None:
    value = conn.execute(sa.select(_T.c.value).where(_T.c.key == key)).scalar()
    return default if value is None else str(value)


def set_setting(conn: sa.Connection, key: str, value: str) -> None:
    stmt = insert(SettingRow).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=[SettingRow.key], set_={"value": value}))


def all_settings(conn: sa.Connection) -> dict[str, str]:
    return {k: v for k, v in conn.execute(sa.select(_T.c.key, _T.c.value))}
