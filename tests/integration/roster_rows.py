"""Rosters built as rows (no files): a village's households, one row per person, as the provincial
system's 人员查询 export has them, with the fields matched to the roster's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor_app.domain import idcard
from advisor_app.sheets.model import SheetRow

RELATION_WORDS = ["户主", "妻", "长子", "次女", "母亲"]


def person_id(household: int, member: int) -> str:
    born = dt.date(1950 + member * 9, 1, 1) + dt.timedelta(days=household // 1000)
    return idcard.make("340104", born, household % 1000)


def village_rows(households: int, *, members: int = 4, with_number: bool = True,
                 with_head_id: bool = True, start: int = 2) -> list[SheetRow]:
    """``households`` households of ``members`` people; every third receives 低保 (household's), the
    first member of every seventh 特困 (the person's own)."""
    rows: list[SheetRow] = []
    number = start
    for h in range(households):
        head = person_id(h, 0)
        for m in range(members):
            values: dict[str, Any] = {
                "name": f"村民{h}之{m}", "id_number": person_id(h, m), "relation": RELATION_WORDS[m % 5],
                "village": "桃园村", "group": f"{h % 5 + 1}组", "phone": f"1390000{h:04d}",
                "health": "重病" if (h + m) % 11 == 0 else "健康", "monthly_income": 300 + m * 10,
            }
            if with_number:
                values["household_no"] = f"H{h:05d}"
            if with_head_id:
                values["head_id"], values["head_name"] = head, f"村民{h}之0"
            if h % 3 == 0:
                values.update(program="农村低保", amount="480.00", since="2023-05-01")
            if h % 7 == 0 and m == 0:
                values.update(program="分散供养特困", amount=1100, since=dt.date(2022, 3, 1))
            if m == 3:
                values.update(disability_kind="肢体残疾", disability_grade="二级")
            rows.append(SheetRow(number, values, list(values.values())))
            number += 1
    return rows
