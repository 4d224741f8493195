"""The declarative base every table of the profile's database is declared on (``models``,
``sync_models``): one metadata, which the migrations are compared with."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
