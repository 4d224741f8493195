"""Parts of a bundle kept until the rest arrive (migration 0010, docs/sync.md "Parts").

A bundle cut into parts may be imported a part at a time, in any order and in separate runs. A part
whose signature, sender and addressee were checked, but whose bundle is not complete yet, is kept
here — inside the profile's database, so it is encrypted like everything else — and the bundle is
applied once the last part is given. The parts of a bundle once imported are removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base


class HeldPartRow(Base):
    """One part of an incomplete bundle, as its file's bytes (checked, still encrypted)."""

    __tablename__ = "sync_held_parts"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sender: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer)
    parts: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    held_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_sync_held_parts_sender", "sender", "sequence"),)


def held_parts(session: Session, bundle_id: str) -> dict[int, bytes]:
    """The parts of ``bundle_id`` kept so far: part number → the file's bytes."""
    rows = session.execute(sa.select(HeldPartRow.part, HeldPartRow.data).where(HeldPartRow.bundle_id == bundle_id))
    return {part: bytes(data) for part, data in rows}


def hold(session: Session, *, bundle_id: str, sender: str, sequence: int, parts: int,
         files: Iterable[tuple[int, bytes]]) -> None:
    """Keep the given parts (part number, bytes) of a bundle; a part kept already stays as it is."""
    have = set(held_parts(session, bundle_id))
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for part, data in files:
        if part not in have:
            session.add(HeldPartRow(bundle_id=bundle_id, part=part, sender=sender, sequence=sequence, parts=parts,
                                    data=data, held_at=now))
            have.add(part)
    session.flush()


def release(session: Session, bundle_id: str) -> None:
    """Forget the kept parts of ``bundle_id`` (it was imported, or it needs no keeping)."""
    session.execute(sa.delete(HeldPartRow).where(HeldPartRow.bundle_id == bundle_id))


def release_sequence(session: Session, sender: str, sequence: int) -> None:
    """Forget the kept parts of ``sender``'s bundle ``sequence``."""
    session.execute(sa.delete(HeldPartRow).where(HeldPartRow.sender == sender, HeldPartRow.sequence == sequence))


def held_bundles(session: Session) -> list[tuple[str, int, int, list[int]]]:
    """Every incomplete bundle kept: (sender, sequence, parts, the part numbers here), in order."""
    rows = session.execute(sa.select(HeldPartRow.sender, HeldPartRow.sequence, HeldPartRow.parts, HeldPartRow.part)
                           .order_by(HeldPartRow.sender, HeldPartRow.sequence, HeldPartRow.part))
    out: dict[tuple[str, int], tuple[int, list[int]]] = {}
    for sender, sequence, parts, part in rows:
        out.setdefault((sender, sequence), (parts, []))[1].append(part)
    return [(s, q, n, have) for (s, q), (n, have) in out.items()]
