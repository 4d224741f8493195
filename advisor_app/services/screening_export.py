"""The stored screening results as an Excel ledger: one row per household, programme and member.

Chinese headers for the office (金额 in yuan: monthly, or the cap per event for 临时救助); ID
numbers are masked (340104********0026): this is the list passed round for checking, unlike the
household and member ledgers (:mod:`.ledger_kinds`), which carry them in full. Written like every
ledger (:mod:`.ledger_book`: title row, frozen header, filter, typed cells — 金额 a number with two
decimals, 核对日期 a date), to a file in a hidden scratch folder beside the target, renamed into place
only when complete.

Only current results are written (:func:`advisor_app.services.eligibility.result_freshness`): the
households added or changed after the screening are left out and named on a second sheet, 未列入,
so that nobody reads an old amount for a family whose facts have changed. When no stored result is
current (no screening yet, or the policy tables or rules changed since) nothing is written and the
advisor is told to screen again.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

import sqlalchemy as sa

from advisor_app.domain.errors import DomainError
from advisor_app.domain.idcard import mask
from advisor_app.rules.results import CARE_LABELS, PROGRAM_LABELS, STATUS_LABELS
from advisor_app.sheets.write import DATE, ID_NUMBER, MONEY, Column, LedgerBook
from advisor_app.store.screening import changed_since, ledger_rows, result_count

from .eligibility import Progress, result_freshness
from .ledger_book import LedgerKind, Source, check_target, write_ledger
from .ledger_kinds import LEFT_OUT_REASON
from .profile import Profile

HEADERS = ["户主姓名", "乡镇（街道）", "村（社区）", "项目", "成员姓名", "身份证号", "状态", "金额", "说明",
           "核对日期"]
COLUMNS = (Column(HEADERS[0]), Column(HEADERS[1]), Column(HEADERS[2]), Column(HEADERS[3]), Column(HEADERS[4]),
           Column(HEADERS[5], ID_NUMBER), Column(HEADERS[6]), Column(HEADERS[7], MONEY), Column(HEADERS[8]),
           Column(HEADERS[9], DATE))

LEFT_OUT_HEADERS = ["户主姓名", "乡镇（街道）", "村（社区）", "原因"]
LEFT_OUT_SHEET = "未列入"

__all__ = ["HEADERS", "LEFT_OUT_HEADERS", "LEFT_OUT_REASON", "SCREENING", "LedgerExport", "check_writable",
           "export_xlsx"]


class LedgerExport(NamedTuple):
    rows: int  # result rows written
    left_out: int  # households left out: added or changed after the screening


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise :class:`DomainError` unless a file can be written at ``path`` (its folder exists or can
    be made, and takes a new file): asked before screening replaces the stored results, so a
    screening whose sheet cannot be written changes nothing. A name not ending in .xlsx is refused."""
    target = check_target(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "这是一个文件夹")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=target.parent)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=str(target)) from None


def _detail(program: str, detail: str) -> str:
    if program == "temporary":
        return f"{detail}，金额为每户每次上限" if detail else ""
    return CARE_LABELS.get(detail, detail)


def _source(profile: Profile, conn: sa.Connection, village: str | None, today: dt.date) -> Source:
    fresh = result_freshness(profile, conn)
    since = fresh.since
    if since is None:
        raise DomainError(f"没有可以导出的筛查结果：{fresh.reason() or ''}")

    def rows() -> Iterator[Sequence[object]]:
        for head, town, place, program, name, number, status, fen, detail, on in ledger_rows(conn, since):
            if village is not None and place != village:
                continue
            yield (head or "", town or "", place or "", PROGRAM_LABELS.get(program, program), name or "",
                   mask(number) if number else "", STATUS_LABELS.get(status, status),
                   None if fen is None else fen / 100, _detail(program, detail), on)

    def left_out(book: LedgerBook, title_of: Callable[[str], str]) -> int:
        found = [r for r in changed_since(conn, since) if village is None or r[2] == village]
        if found:
            sheet = book.sheet(LEFT_OUT_SHEET, [Column(h) for h in LEFT_OUT_HEADERS], title_of("未列入筛查结果的家庭"))
            for head, town, place in found:
                sheet.append([head or "", town or "", place or "", LEFT_OUT_REASON])
        return len(found)

    return Source(result_count(conn), rows(), left_out)


SCREENING = LedgerKind("screening", "筛查结果", COLUMNS, 2, _source)


def export_xlsx(profile: Profile, path: str | os.PathLike[str], progress: Progress | None = None) -> LedgerExport:
    """Write the current stored results to ``path``.

    ``progress(done, total)`` is called every few thousand rows; returning False cancels (raises
    :class:`Cancelled`) and leaves ``path`` as it was. Raises :class:`DomainError` when no stored
    result is current."""
    written = write_ledger(profile, SCREENING, path, progress=progress)
    return LedgerExport(written.rows, written.left_out)
