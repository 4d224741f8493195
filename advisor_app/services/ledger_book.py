"""Writing one ledger (台账) file: the part every ledger shares.

A ledger is a :class:`LedgerKind` — its name, its title, its columns and where its rows come from
(:class:`Source`, read on the export's own connection, streamed). :func:`write_ledger` writes its
rows with :mod:`advisor_app.sheets.write` to a file in a hidden scratch folder beside the target
(:mod:`.scratch`: XlsxWriter's temporary row files go there too), and renames it into place only
when it is complete, with an audit entry (``export ledger``). Cancelling (``progress`` returning
False) or any failure leaves no file and the target as it was.

Sheets: one, named after the ledger; or, with ``sheet_per_village``, one per village (村/社区) in the
villages' order, named after the village (a village left empty: 未填村（社区）). Each sheet's title
row names the ledger, the profile's region (county or district), the village when there is one, and
the day of the export.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.sheets.write import Column, LedgerBook, LedgerSheet
from advisor_app.store import ledgers as store

from . import audit
from .eligibility import Progress
from .profile import Profile
from .scratch import scratch_beside

NO_VILLAGE = "未填村（社区）"
PROGRESS_EVERY = 2000  # rows


@dataclass(slots=True)
class Source:
    """The rows of a ledger, as they will be written (one value per column), and how many there are.
    ``after(book, title_of)``: more sheets written after the rows (the screening's 未列入); returns a
    count the export reports (households left out)."""

    total: int
    rows: Iterable[Sequence[object]]
    after: Callable[[LedgerBook, Callable[[str], str]], int] | None = None


@dataclass(frozen=True, slots=True)
class LedgerKind:
    name: str  # households | members | needs | visits | screening
    title: str  # 救助帮扶台账 …
    columns: tuple[Column, ...]
    village_at: int  # the index of the 村（社区） column
    source: Callable[[Profile, sa.Connection, str | None, dt.date], Source]


@dataclass(frozen=True, slots=True)
class LedgerFile:
    """What an export wrote: the file, the ledger, its rows, its sheets, households left out."""

    path: Path
    which: str
    rows: int
    sheets: tuple[str, ...]
    left_out: int = 0


def check_target(path: str | os.PathLike[str]) -> Path:
    """The target of a ledger (refused unless it ends in .xlsx: Excel opens nothing else as such)."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise DomainError("台账文件名应以 .xlsx 结尾，例如 台账.xlsx", where=str(target))
    if target.is_dir():
        raise DomainError("无法写入文件：这是一个文件夹", where=str(target))
    return target


def write_ledger(profile: Profile, kind: LedgerKind, path: str | os.PathLike[str], *, village: str | None = None,
                 sheet_per_village: bool = False, progress: Progress | None = None,
                 today: dt.date | None = None) -> LedgerFile:
    """Write the ledger ``kind`` to ``path`` (see the module's doc)."""
    target = check_target(path)
    day = today or dt.date.today()
    try:
        with scratch_beside(target) as folder:
            made = folder / "ledger.xlsx"
            rows, sheets, left_out = _build(profile, kind, made, folder, village, sheet_per_village, progress, day)
            detail = f"ledger={kind.name} rows={rows}" + (" village" if village is not None else "")
            with audit.recording(profile, action="export", kind="ledger", detail=detail):
                os.replace(made, target)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=str(target)) from None
    return LedgerFile(target, kind.name, rows, sheets, left_out)


def region_name(profile: Profile, code: str) -> str:
    """The region as printed forms name it ("" for none)."""
    if not code:
        return ""
    from .regions import describe

    return describe(code, profile).full_name


def _build(profile: Profile, kind: LedgerKind, made: Path, folder: Path, village: str | None,
           per_village: bool, progress: Progress | None, today: dt.date) -> tuple[int, tuple[str, ...], int]:
    from .profile_settings import read_info

    with profile.connection() as conn:
        if village is not None:
            known = store.villages(conn)
            if village not in known:
                named = "、".join(v or NO_VILLAGE for v in known[:20]) or "（还没有家庭）"
                if len(known) > 20:
                    named += f" 等 {len(known)} 个"
                raise DomainError(f"档案里没有村（社区）“{village}”的家庭。档案里的村（社区）：{named}")
        region = region_name(profile, read_info(conn).region)
        source = kind.source(profile, conn, village, today)

        def title_of(sheet_title: str, place: str | None = village) -> str:
            where = "　".join(p for p in (region, place or "") if p)
            return "　".join(p for p in (sheet_title, where, f"导出日期：{today.isoformat()}") if p)

        book = LedgerBook(made, tmpdir=folder)
        try:
            n, left_out = 0, 0
            sheets: dict[str, LedgerSheet] = {}
            single = None if per_village else book.sheet(kind.title, kind.columns, title_of(kind.title))
            for values in source.rows:
                sheet = single
                if sheet is None:
                    place = str(values[kind.village_at] or "")
                    sheet = sheets.get(place)
                    if sheet is None:
                        sheet = sheets[place] = book.sheet(place or NO_VILLAGE, kind.columns,
                                                           title_of(kind.title, place or NO_VILLAGE))
                sheet.append(values)
                n += 1
                if progress is not None and n % PROGRESS_EVERY == 0 and not progress(n, source.total):
                    raise Cancelled()
            if not book.sheets:  # one sheet per village, and no rows at all: still one sheet with headers
                book.sheet(kind.title, kind.columns, title_of(kind.title))
            if source.after is not None:
                left_out = source.after(book, title_of)
            if progress is not None and not progress(n, max(source.total, n)):
                raise Cancelled()
            names = tuple(s.worksheet.name for s in book.sheets)
            book.close()
        except BaseException:
            book.discard()
            raise
    return n, names, left_out
