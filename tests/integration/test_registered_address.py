"""户籍地址 (registered address): stored on both databases, exported and imported, added by migration
0006 to databases made before it (older files without it still read)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from advisor_app.cli import main
from advisor_app.domain.interchange import household_from_json
from advisor_app.services import households as svc
from advisor_app.services.profile import open_profile
from advisor_app.store import engine as store_engine
from advisor_app.store import households as store
from advisor_app.store import migrate

REGISTERED = "安徽省六安市金寨县梅山镇红石村三组"
DATA = Path(__file__).parents[1] / "data" / "household_wu.json"
BEFORE = "0003"  # the revision before the column


def test_registered_address_round_trips_save_export_import(profile: Any, tmp_path: Path, capsys: Any) -> None:
    old = svc.read_document(DATA)  # an older file: no registered_address
    assert old.registered_address == ""
    old.registered_address = f"  {REGISTERED} "
    saved = svc.save_household(profile, old)
    stored = svc.load_household(profile, saved.id)
    assert stored.registered_address == REGISTERED  # tidied like every text
    assert stored.address != stored.registered_address

    text = svc.export_household(profile, saved.id)
    assert json.loads(text)["registered_address"] == REGISTERED
    path = tmp_path / "wu.json"
    path.write_text(text.replace(REGISTERED, "安徽省六安市金寨县梅山镇红石村四组"), encoding="utf-8")
    assert main(["household", "import", str(path)]) == 0
    capsys.readouterr()
    assert svc.load_household(profile, saved.id).registered_address == "安徽省六安市金寨县梅山镇红石村四组"

    with profile.connection(write=True) as conn:  # the batch read (screening, notices) has it too
        batch = [h for hs in store.iter_households(conn, ids=[saved.id]) for h in hs]
    assert [h.registered_address for h in batch] == ["安徽省六安市金寨县梅山镇红石村四组"]

    cleared = svc.load_household(profile, saved.id)
    cleared.registered_address = ""
    svc.save_household(profile, cleared)
    assert "registered_address" not in json.loads(svc.export_household(profile, saved.id))  # optional field
    assert household_from_json(DATA.read_text(encoding="utf-8")).registered_address == ""


def test_migration_adds_the_column_to_an_older_database_and_removes_it_going_down(
        tmp_path: Path, empty_database_url: str) -> None:
    engine = store_engine.create_engine(empty_database_url)
    migrate.upgrade(engine, tmp_path / "unused", target=BEFORE)
    assert "registered_address" not in {c["name"] for c in sa.inspect(engine).get_columns("households")}
    engine.dispose()
    profile = open_profile(tmp_path / "profile", database_url=empty_database_url)
    try:
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        household = svc.read_document(DATA)
        household.registered_address = REGISTERED
        saved = svc.save_household(profile, household)
        assert svc.load_household(profile, saved.id).registered_address == REGISTERED
    finally:
        profile.close()

    engine = store_engine.create_engine(empty_database_url)
    try:
        cfg = migrate._config()
        with store_engine.for_writing(engine).begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, BEFORE)
        assert "registered_address" not in {c["name"] for c in sa.inspect(engine).get_columns("households")}
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select head_name from households").scalar() == "吴晓霞"
        migrate.upgrade(engine, tmp_path / "again")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select registered_address from households").scalar() == ""
    finally:
        engine.dispose()
