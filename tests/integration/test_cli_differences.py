"""``advisor-app differences list|accept|reject`` over the differences a roster import listed."""

from __future__ import annotations

import json
from typing import Any

from roster_rows import person_id

from advisor_app.cli import main
from advisor_app.domain.household import Household, Member
from advisor_app.services import households, profile_settings
from advisor_app.services.roster_import import import_roster
from advisor_app.sheets.model import ImportSummary, SheetRow


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_accept_and_reject_from_the_command_line(capsys: Any, profile: Any) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="张明")
    saved = households.save_household(profile, Household(
        region="340104", area="rural", village="桃园村", phone="0556-1",
        members=[Member("王大", person_id(7, 0), "head"), Member("李二", person_id(7, 1), "spouse")]))
    rows = [SheetRow(2, {"name": "王大", "id_number": person_id(7, 0), "relation": "户主", "phone": "139"}),
            SheetRow(3, {"name": "李二", "id_number": person_id(7, 1), "relation": "长女"})]
    import_roster(profile, rows, ImportSummary(), dry_run=False, source="名册.xlsx")

    code, out, _ = run(capsys, "differences", "list", "--format", "json")
    listed = {d["field"]: d for d in json.loads(out)}
    assert code == 0 and set(listed) == {"phone", "relation"}
    assert listed["relation"]["existing"] == "spouse" and listed["relation"]["roster"] == "child"
    assert listed["relation"]["member"] == "李二" and listed["relation"]["source"] == "名册.xlsx"
    code, out, _ = run(capsys, "differences", "list")
    assert code == 0 and "现有：配偶\t名册：子女" in out

    code, out, _ = run(capsys, "differences", "accept", listed["relation"]["id"])
    assert code == 0 and "已接受" in out
    code, out, _ = run(capsys, "differences", "reject", listed["phone"]["id"], "--format", "json")
    assert code == 0 and json.loads(out)["choice"] == "reject"
    h = households.load_household(profile, str(saved.id))
    assert h.members[1].relation == "child" and h.phone == "0556-1"
    code, out, _ = run(capsys, "differences", "list")
    assert out.strip() == "没有待处理的名册差异"
    code, _, err = run(capsys, "differences", "accept", listed["phone"]["id"])
    assert code == 2 and "待处理" in err and "Traceback" not in err
