"""The stored screening results as an Excel sheet: one row per household, programme and member.

Chinese headers for the office (金额 in yuan: monthly, or the cap per event for 临时救助); ID
numbers are masked (340104********0026). Written in openpyxl's write-only mode to a file in a
hidden scratch folder beside the target (:mod:`.scratch`: openpyxl's own temporary worksheet files
go there too, never to the system's temporary folder), renamed into place only when complete.

Only current results are written (:func:`advisor_app.services.eligibility.result_freshness`): the
households added or changed after the screening are left out and named on a second sheet, 未列入,
so that nobody reads an old amount for a family whose facts have changed. When no stored result is
current (no screening yet, or the policy tables or rules changed since) nothing is written and the
advisor is told to screen again.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.domain.idcard import mask
from advisor_app.rules.results import CARE_LABELS, PROGRAM_LABELS, STATUS_LABELS
from advisor_app.store.screening import LedgerRow, changed_since, ledger_rows, result_count

from . import audit
from .eligibility import Progress, result_freshness
from .profile import Profile
from .scratch import scratch_beside

HEADERS = ["户主姓名", "乡镇（街道）", "村（社区）", "项目", "成员姓名", "身份证号", "状态", "金额", "说明",
           "核对日期"]

LEFT_OUT_HEADERS = ["户主姓名", "乡镇（街道）", "村（社区）", "原因"]
LEFT_OUT_REASON = "筛查之后有改动或新增，结果未列入，请重新筛查"


class LedgerExport(NamedTuple):
    rows: int  # result rows written
    left_out: int  # households left out: added or changed after the screening


def _cell(text: str) -> str:
    """Text as a cell may hold it: control characters (which Excel cannot store) dropped."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise :class:`DomainError` unless a file can be written at ``path`` (its folder exists or can
    be made, and takes a new file): asked before screening replaces the stored results, so a
    screening whose sheet cannot be written changes nothing."""
    target = Path(path)
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


def export_xlsx(profile: Profile, path: str | os.PathLike[str], progress: Progress | None = None) -> LedgerExport:
    """Write the current stored results to ``path``.

    ``progress(done, total)`` is called every few thousand rows; returning False cancels (raises
    :class:`Cancelled`) and leaves ``path`` as it was. Raises :class:`DomainError` when no stored
    result is current."""
    target = Path(path)
    try:
        with scratch_beside(target) as folder:
            made = folder / "ledger.xlsx"
            n, left_out = _build(profile, made, progress)
            with audit.recording(profile, action="export", kind="ledger", detail=f"rows={n}"):
                os.replace(made, target)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=str(target)) from None
    return LedgerExport(n, left_out)


def _build(profile: Profile, made: Path, progress: Progress | None) -> tuple[int, int]:
    """Write the workbook to ``made``: (result rows, households left out)."""
    with profile.connection() as conn:
        fresh = result_freshness(profile, conn)
        since = fresh.since
        if since is None:
            raise DomainError(f"没有可以导出的筛查结果：{fresh.reason() or ''}")
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("筛查结果")
        try:
            n = _write_results(ws, ledger_rows(conn, since), result_count(conn), progress)
        except BaseException:
            ws.close()  # finish the sheet's stream: nothing is saved
            raise
        left_out = changed_since(conn, since)
    if left_out:
        other = wb.create_sheet("未列入")
        other.append(LEFT_OUT_HEADERS)
        for head, town, village in left_out:
            other.append([_cell(head or ""), _cell(town or ""), _cell(village or ""), LEFT_OUT_REASON])
    wb.save(made)
    return n, len(left_out)


def _write_results(ws: Any, rows: Iterable[LedgerRow], total: int, progress: Progress | None) -> int:
    ws.append(HEADERS)
    n = 0
    for head, town, village, program, name, number, status, fen, detail, on in rows:
        ws.append([_cell(head or ""), _cell(town or ""), _cell(village or ""), PROGRAM_LABELS.get(program, program),
                   _cell(name or ""), mask(number) if number else "", STATUS_LABELS.get(status, status),
                   None if fen is None else fen / 100, _cell(_detail(program, detail)), on.isoformat()])
        n += 1
        if progress is not None and n % 5000 == 0 and not progress(n, total):
            raise Cancelled()
    return n
