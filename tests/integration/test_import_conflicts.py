"""Importing a document that does not fit what is stored: ids of another household's records, a
stale copy, the export of a deleted household. Refused with a message that names the household by
its head and village, never a database error with names and full ID numbers; nothing written."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from advisor_app.domain.household import Need, Visit
from advisor_app.domain.interchange import read_household_json
from advisor_app.services import households as svc
from advisor_app.store.record_owners import DeletedHousehold, RecordsOfAnotherHousehold, StaleHousehold

FULL_ID_NUMBER = re.compile(r"\d{17}[\dX]")


def _wu_with_visit(profile: Any, household_json: str) -> dict[str, Any]:
    """吴晓霞's household stored with one visit and one need; returns its export."""
    wu = svc.save_household(profile, read_household_json(household_json.encode())[0])
    svc.save_visit(profile, wu.id or "", Visit("return", dt.date(2026, 3, 2), ["王芳", "李强"],
                                                needs=[Need("cash", "住院押金")]))
    return dict(json.loads(svc.export_household(profile, wu.id or "")))


def _import(profile: Any, doc: dict[str, Any]) -> Any:
    return svc.save_household(profile, read_household_json(json.dumps(doc, ensure_ascii=False).encode())[0])


def _cli(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(data_dir), *args], input=stdin,
                          capture_output=True, text=True, env=os.environ, check=False, timeout=120)


def test_a_copy_without_its_id_is_refused_naming_the_household_not_the_people(
        profile: Any, household_json: str) -> None:
    exported = _wu_with_visit(profile, household_json)
    svc.archive_household(profile, exported["id"], "moved")  # its members may be registered again
    copy = {k: v for k, v in deepcopy(exported).items() if k != "id"}
    with pytest.raises(RecordsOfAnotherHousehold) as refused:
        _import(profile, copy)
    text = str(refused.value)
    assert "户主“吴晓霞”" in text and "已删除或归档" in text and "删掉文件里成员、走访和需求的 id" in text
    assert not FULL_ID_NUMBER.search(text)
    assert {p.other_household for p in refused.value.problems} == {exported["id"]}
    assert {p.key for p in refused.value.problems} >= {"members[0].id", "visits[0].id", "visits[0].needs[0].id"}
    assert svc.count_households(profile) == 0  # nothing written

    # Without the record ids it is a new household, with new records.
    for m in copy["members"]:
        m.pop("id", None)
    for v in copy["visits"]:
        v.pop("id", None)
        for n in v["needs"]:
            n.pop("id", None)
    new = _import(profile, copy)
    assert new.id != exported["id"] and svc.count_households(profile) == 1
    stored = svc.load_household(profile, new.id)
    assert {m.id for m in stored.members}.isdisjoint({m["id"] for m in exported["members"]})


def test_the_cli_refuses_the_copy_without_a_traceback_or_id_numbers(
        profile: Any, household_json: str, data_dir: Path, database_url: str | None) -> None:
    exported = _wu_with_visit(profile, household_json)
    svc.archive_household(profile, exported["id"], "moved")
    copy = json.dumps({k: v for k, v in exported.items() if k != "id"}, ensure_ascii=False)
    result = _cli(data_dir, "household", "import", "-", stdin=copy)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "IntegrityError" not in result.stderr
    assert not FULL_ID_NUMBER.search(result.stderr) and "吴晓霞" in result.stderr
    assert svc.count_households(profile) == 0


def test_a_visit_of_another_household_is_refused(profile: Any, household_json: str) -> None:
    wu = _wu_with_visit(profile, household_json)
    other = read_household_json(household_json.encode())[0]
    other.members = other.members[:1]
    other.members[0].id_number = "340104198001010012"
    other.members[0].name = "张三"
    other.village = "七星村"
    saved = svc.save_household(profile, other)
    doc = json.loads(svc.export_household(profile, saved.id or ""))
    doc["visits"] = wu["visits"]  # pasted from 吴晓霞's export
    with pytest.raises(RecordsOfAnotherHousehold, match="户主“吴晓霞”"):
        _import(profile, doc)
    assert svc.load_household(profile, saved.id or "").visits == []
    visit = svc.load_household(profile, wu["id"]).visits[0]
    with pytest.raises(RecordsOfAnotherHousehold):  # one visit saved under the other household
        svc.save_visit(profile, saved.id or "", visit)
    assert svc.load_household(profile, saved.id or "").visits == []


def test_a_stale_export_is_refused_saying_which_is_newer(profile: Any, household_json: str, data_dir: Path,
                                                         database_url: str | None) -> None:
    old = _wu_with_visit(profile, household_json)
    current = svc.load_household(profile, old["id"])
    current.address = "较新的地址 8 号"
    svc.save_household(profile, current, with_visits=False)
    newer = svc.load_household(profile, old["id"]).version
    assert newer > old["version"]
    stale = dict(old, address="旧地址")
    with pytest.raises(StaleHousehold) as refused:
        _import(profile, stale)
    assert f"第 {old['version']} 版" in str(refused.value) and f"第 {newer} 版" in str(refused.value)
    assert "档案里的更新" in str(refused.value)
    result = _cli(data_dir, "household", "import", "-", stdin=json.dumps(stale, ensure_ascii=False))
    assert result.returncode == 2 and "档案里的更新" in result.stderr and "Traceback" not in result.stderr
    assert svc.load_household(profile, old["id"]).address == "较新的地址 8 号"

    # A copy of the stored version is an ordinary update.
    fresh = json.loads(svc.export_household(profile, old["id"]))
    fresh["address"] = "在最新版本上改的 9 号"
    _import(profile, fresh)
    assert svc.load_household(profile, old["id"]).address == "在最新版本上改的 9 号"


def test_the_export_of_a_deleted_household_does_not_bring_it_back(profile: Any, household_json: str,
                                                                  data_dir: Path, database_url: str | None) -> None:
    exported = _wu_with_visit(profile, household_json)
    svc.delete_household(profile, exported["id"])
    with pytest.raises(DeletedHousehold, match="恢复"):
        _import(profile, exported)
    result = _cli(data_dir, "household", "import", "-", stdin=json.dumps(exported, ensure_ascii=False))
    assert result.returncode == 2 and "household restore" in result.stderr and "Traceback" not in result.stderr
    assert svc.count_households(profile) == 0
    svc.restore_household(profile, exported["id"])  # the way back
    assert svc.count_households(profile) == 1
