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


def places(conn: sa.Connection) -> list[tuple[str, str, str]]:
    """(village, town, region) of every village with live households, sorted (town, village, region)."""
    sql = ("SELECT DISTINCT village, town, region FROM households WHERE deleted_at IS NULL AND village <> ''"
           " ORDER BY town, village, region")
    return [(r[0], r[1], r[2]) for r in conn.execute(sa.text(sql))]
