"""What the public notice (公示) reads besides households and screening results: its scope."""

from __future__ import annotations

import sqlalchemy as sa


def households_in(conn: sa.Connection, village: str | None, town: str | None,
                  region: str | None) -> list[tuple[str, str, str, str]]:
    """(id, village, town, region) of the live households of a village and/or town (and county
    ``region``, a 6-digit code), in no particular order. Names match whole."""
    sql = "SELECT id, village, town, region FROM households WHERE deleted_at IS NULL"
    params: dict[str, str] = {}
    for column, value in (("village", village), ("town", town), ("region", region)):
        if value:
            sql += f" AND {column} = :{column}"
            params[column] = value
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(sa.text(sql), params)]
