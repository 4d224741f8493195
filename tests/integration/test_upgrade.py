"""A profile written by the release users have today (0.1.0: a plaintext SQLite file at schema
revision 0007, ``tests/fixtures/release-0.1.0-profile.sqlite``, made by that release's own code with
``tests/fixtures/make_release_profile.py``) opens in this release the way a user meets it: refused
until it is encrypted, encrypted with a new passphrase (with the backup beside it), migrated to head
at the next open, and then every record is as that release wrote it, the file and the audit chain
check out, and no name or ID number is left readable anywhere in the data folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from advisor_app.cli import main
from advisor_app.domain.inputs import LAYOUT
from advisor_app.services import drafts, households
from advisor_app.services.profile import PLAINTEXT, database_state, open_profile
from advisor_app.services.profile_settings import profile_info
from advisor_app.store import encryption, migrate
from advisor_app.store.household_inputs import LAYOUT_KEY, read_packed
from advisor_app.store.screening_results import stored_results

FIXTURES = Path(__file__).parents[1] / "fixtures"
RELEASE = FIXTURES / "release-0.1.0-profile.sqlite"
DUMP = json.loads((FIXTURES / "release-0.1.0-profile.json").read_text(encoding="utf-8"))
NEW_PASSPHRASE = "莲花社区的新口令"


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def secrets() -> list[str]:
    people = DUMP["tables"]["members"]
    return [m["name"] for m in people] + [m["id_number"] for m in people]


def readable(folder: Path) -> list[str]:
    raw = b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
    return [s for s in secrets() if any(s.encode(c) in raw for c in ("utf-8", "utf-16-le", "utf-16-be"))]


def test_the_fixture_is_what_that_release_wrote() -> None:
    assert RELEASE.read_bytes().startswith(encryption.PLAINTEXT_HEADER)
    assert DUMP["revision"] == "0007_format2" != migrate.head_revision()
    tables = DUMP["tables"]
    assert {t for t, rows in tables.items() if rows} >= {
        "households", "members", "visits", "needs", "need_status_changes", "drafts", "settings",
        "screening_results"}


def test_a_profile_of_the_current_release_upgrades_with_every_record_intact(
        capsys: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(parents=True)
    shutil.copyfile(RELEASE, data_dir / "advisor.sqlite")
    (data_dir / "backups").mkdir()
    shutil.copyfile(RELEASE, data_dir / "backups" / "advisor-20260301-080000-manual.sqlite")
    assert database_state(data_dir) == PLAINTEXT and readable(data_dir) == secrets()

    code, _, err = run(capsys, "household", "list")  # refused, untouched, until it is encrypted
    assert code == 2 and "还没有加密" in err and "Traceback" not in err
    assert (data_dir / "advisor.sqlite").read_bytes() == RELEASE.read_bytes()

    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", NEW_PASSPHRASE)
    code, out, _ = run(capsys, "profile", "encrypt")
    rows = sum(len(v) for v in DUMP["tables"].values()) + 1  # and alembic_version's one row
    assert code == 0 and f"{rows} 条记录核对无误" in out and "备份加密 1 份" in out

    profile = open_profile(data_dir)  # the next start: migrated to head, a backup made first
    try:
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        assert profile.backup is not None and encryption.salt_of(profile.backup) is not None
        with profile.connection() as conn:
            for table, expected in DUMP["tables"].items():
                if table == "screening_results":  # one row per household since migration 0014
                    old = sorted(expected, key=lambda r: (r["household_id"], r["id"]))
                    assert [(*r[:6], r[6].isoformat()) for r in stored_results(conn)] == [
                        (r["household_id"], r["member_id"], r["program"], r["status"], r["amount_fen"], r["detail"],
                         r["on_date"]) for r in old], table
                    continue
                columns = list(expected[0]) if expected else ["rowid"]
                names = ", ".join(f'"{c}"' for c in columns)
                stored = [dict(zip(columns, r, strict=True))
                          for r in conn.exec_driver_sql(f'SELECT {names} FROM "{table}" ORDER BY rowid')]
                if table == "settings":  # and the layout of the rules' inputs, packed on opening
                    assert {"key": LAYOUT_KEY, "value": LAYOUT} in stored
                    stored = [r for r in stored if r["key"] != LAYOUT_KEY]
                assert stored == expected, table
        # and through the services, as the screens read them
        for row in DUMP["tables"]["households"]:
            if row["deleted_at"] is not None:
                continue
            household = households.load_household(profile, row["id"])
            members = sorted((m["position"], m["name"], m["id_number"]) for m in DUMP["tables"]["members"]
                             if m["household_id"] == row["id"] and m["deleted_at"] is None)
            assert [(m.name, m.id_number) for m in household.members] == [(n, i) for _, n, i in members]
            assert sorted(v.id or "" for v in household.visits) == sorted(
                v["id"] for v in DUMP["tables"]["visits"] if v["household_id"] == row["id"])
        assert [d.payload for d in drafts.list_drafts(profile)] == [d["payload"] for d in DUMP["tables"]["drafts"]]
        info = profile_info(profile)
        assert (info.kind, info.region, info.advisor) == ("real", "340104", "张敏")
        assert info.villages == ("莲花社区", "七星村")
        live = sum(1 for h in DUMP["tables"]["households"] if h["deleted_at"] is None)
        assert households.count_households(profile) == live
        with profile.connection() as conn:  # every live household's inputs packed when it opened
            assert sorted(r[0] for r in read_packed(conn)) == sorted(
                h["id"] for h in DUMP["tables"]["households"] if h["deleted_at"] is None)
    finally:
        profile.close()

    code, out, _ = run(capsys, "profile", "check")
    assert code == 0 and out.startswith("档案文件完好；审计记录完好")
    assert readable(data_dir) == []  # the database, its WAL, both backups: nothing in plaintext
    for copy in (data_dir / "backups").glob("*.sqlite"):
        salt = encryption.salt_of(copy)
        assert salt is not None and encryption.opens(copy, encryption.derive_key(NEW_PASSPHRASE, salt), salt)
    assert not [p for p in data_dir.rglob("*") if p.name.endswith((".plaintext-old", ".encrypting"))]
