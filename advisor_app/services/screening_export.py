"""The stored screening results as an Excel sheet: one row per household, programme and member.

Chinese headers for the office (金额 in yuan: monthly, or the cap per event for 临时救助); ID
numbers are masked (340104********0026). Written in openpyxl's write-only mode to a temporary file
that replaces the target only when complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.domain.idcard import mask
from advisor_app.rules.results import CARE_LABELS, PROGRAM_LABELS, STATUS_LABELS

from .eligibility import Progress
from .profile import Profile

HEADERS = ["户主姓名", "乡镇（街道）", "村（社区）", "项目", "成员姓名", "身份证号", "状态", "金额", "说明",
           "核对日期"]

_QUERY = (
    "SELECT h.head_name, h.town, h.village, r.program, m.name, m.id_number, r.status, r.amount_fen, r.detail, "
    "r.on_date FROM screening_results r JOIN households h ON h.id = r.household_id "
    "LEFT JOIN members m ON m.id = r.member_id "
    "WHERE h.deleted_at IS NULL ORDER BY h.village, h.head_name, r.household_id, r.id")


def _detail(program: str, detail: str) -> str:
    if program == "temporary":
        return f"{detail}，金额为每户每次上限" if detail else ""
    return CARE_LABELS.get(detail, detail)


def export_xlsx(profile: Profile, path: str | os.PathLike[str], progress: Progress | None = None) -> int:
    """Write the stored results to ``path``; returns the number of result rows written.

    ``progress(done, total)`` is called every few thousand rows; returning False cancels (raises
    :class:`Cancelled`) and leaves ``path`` as it was."""
    target = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("筛查结果")
    ws.append(HEADERS)
    n = 0
    with profile.connection() as conn:
        total = int(conn.exec_driver_sql("SELECT count(*) FROM screening_results").scalar() or 0)
        for head, town, village, program, name, number, status, fen, detail, on in conn.exec_driver_sql(_QUERY):
            ws.append([head, town, village, PROGRAM_LABELS.get(program, program), name or "",
                       mask(number) if number else "", STATUS_LABELS.get(status, status),
                       None if fen is None else fen / 100, _detail(program, detail or ""), str(on)])
            n += 1
            if progress is not None and n % 5000 == 0 and not progress(n, total):
                raise Cancelled()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=target.parent)
        os.close(fd)
        try:
            wb.save(tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror}", where=str(target)) from None
    return n
