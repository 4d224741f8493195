"""advisor-household/2 in the store: every new fact is saved, loaded, read by batch screening,
exported and imported unchanged on both databases; migration 0007 keeps the rows made before it;
importing a /1 file whose supporter's relation names no kinship saves it and warns on stderr."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from advisor_app.cli import main
from advisor_app.domain import idcard
from advisor_app.domain.household import Disability, Household, Member, Receipt, Supporter
from advisor_app.services import households as svc
from advisor_app.services.profile import open_profile
from advisor_app.store import engine as store_engine
from advisor_app.store import households as store
from advisor_app.store import migrate
from advisor_app.store.screening import read_for_screening, sql_runner

DATA = Path(__file__).parents[1] / "data" / "household_wu.json"
BEFORE = "0006_address"


def _number(birth: dt.date, sequence: int) -> str:
    return idcard.make("341202", birth, sequence)


def full_household() -> Household:
    """A household with every advisor-household/2 field set to something other than its default."""
    head = Member("李秀英", _number(dt.date(1950, 3, 1), 11), "head", no_legal_capacity=True,
                  guardianship_revoked=True)
    husband = Member("王建国", _number(dt.date(1948, 5, 2), 13), "spouse", state="deceased",
                     state_date=dt.date(2024, 11, 30))
    son = Member("王强", _number(dt.date(1975, 7, 9), 15), "child", whereabouts="prison", months_away=3,
                 order_months=30, deported=True)
    missing = Member("王丽", _number(dt.date(1978, 1, 20), 22), "child", state="declared_missing",
                     state_date=dt.date(2022, 6, 1))
    in_law = Member("赵敏", _number(dt.date(1977, 9, 9), 24), "child_in_law")
    lodger = Member("陈护工", _number(dt.date(1970, 2, 2), 26), "lodger")
    household = Household(region="341202", area="rural", village="王庄村", town="王家坝镇",
                          members=[head, husband, son, missing, in_law, lodger])
    household.assets.vehicles = 1
    household.assets.disability_vehicles = 2
    household.assets.production_vehicles = 3
    household.supporters = [
        Supporter("王大伟", None, "外出打工，联系不上", "侄子", _number(dt.date(1980, 4, 4), 31), "13800000000",
                  kinship="elder_brother", of_member=son.id_number, status="dibao", situation="prison",
                  disability=Disability("visual", 2), monthly_income=1234.56, assets_ok=False),
        Supporter("王小妹", True, kinship="younger_sister", of_member=head.id_number, monthly_income=0.0,
                  assets_ok=True, status="tekun", situation="no_capacity"),
    ]
    household.receiving = [Receipt("dibao", dt.date(2023, 5, 1), 1460.5),
                           Receipt("tekun", dt.date(2021, 1, 1), 980.0, member=head.id_number)]
    return household


def _without_ids(h: Household) -> Household:
    return dataclasses.replace(h, id=None, version=0, members=[dataclasses.replace(m, id=None) for m in h.members])


def test_every_new_field_survives_save_load_screening_export_and_import(profile: Any, tmp_path: Path) -> None:
    original = full_household()
    saved = svc.save_household(profile, full_household())
    loaded = svc.load_household(profile, saved.id)
    assert _without_ids(loaded) == _without_ids(original)
    assert loaded.supporters[0].able is None and loaded.supporters[0].monthly_income == 1234.56
    assert loaded.supporters[1].monthly_income == 0.0  # zero recorded: not the same as not recorded
    assert loaded.members[1].state_date == dt.date(2024, 11, 30)

    with profile.connection(write=True) as conn:  # the batch reads (screening, notices) carry them too
        batch = [h for hs in store.iter_households(conn, ids=[saved.id]) for h in hs]
        screened = [h for hs in read_for_screening(sql_runner(conn)) for h in hs]
    assert batch[0].members == loaded.members and batch[0].supporters == loaded.supporters
    assert batch[0].assets == loaded.assets and batch[0].receiving == loaded.receiving
    (quick,) = screened
    assert quick.assets == loaded.assets and quick.supporters == loaded.supporters
    assert quick.receiving == loaded.receiving
    for fast, full in zip(quick.members, loaded.members, strict=True):
        assert (fast.state, fast.state_date, fast.order_months, fast.no_legal_capacity, fast.guardianship_revoked,
                fast.deported) == (full.state, full.state_date, full.order_months, full.no_legal_capacity,
                                   full.guardianship_revoked, full.deported)

    text = svc.export_household(profile, saved.id)
    doc = json.loads(text)
    assert doc["format"] == "advisor-household/2" and len(doc["receiving"]) == 2
    path = tmp_path / "full.json"
    path.write_text(text, encoding="utf-8")
    assert svc.read_document(path) == loaded
    imported = svc.import_household(profile, path)
    assert imported.id == saved.id
    assert svc.load_household(profile, saved.id) == loaded  # same content: no new version either


def test_clearing_the_new_fields_is_saved_too(profile: Any) -> None:
    saved = svc.save_household(profile, full_household())
    h = svc.load_household(profile, saved.id)
    h.members[1].state, h.members[1].state_date = "living", None
    h.members[0].no_legal_capacity = False
    h.supporters[0].monthly_income = None
    h.supporters[0].able = False
    h.receiving = []
    h.assets.disability_vehicles = 0
    svc.save_household(profile, h)
    again = svc.load_household(profile, saved.id)
    assert again.members[1].state == "living" and again.members[1].state_date is None
    assert not again.members[0].no_legal_capacity
    assert again.supporters[0].monthly_income is None and again.supporters[0].able is False
    assert again.receiving == [] and again.assets.disability_vehicles == 0


def test_a_version_1_file_with_an_unmappable_relation_is_imported_with_a_warning(
        profile: Any, tmp_path: Path, capsys: Any) -> None:
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    doc["supporters"] = [{"name": "吴大军", "able": True, "reason": "", "relation": "哥哥"},
                         {"name": "周某", "able": False, "reason": "年老", "relation": "表舅"}]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["household", "import", str(path)]) == 0
    out, err = capsys.readouterr()
    stored = svc.load_household(profile, out.strip())
    assert "周某" in err and "表舅" in err and "吴大军" not in err
    assert [(s.kinship, s.of_member) for s in stored.supporters] == [
        ("elder_brother", stored.members[0].id_number), ("", "")]
    assert stored.supporters[1].relation == "表舅"  # the old words are kept for the advisor

    doc["supporters"], doc["id"] = doc["supporters"][:1], stored.id  # update the same household
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["household", "import", str(path)]) == 0
    assert capsys.readouterr().err == ""  # everything mapped: nothing to say


def test_migration_0007_keeps_existing_rows_and_goes_down_again(tmp_path: Path, empty_database_url: str) -> None:
    engine = store_engine.create_engine(empty_database_url)
    migrate.upgrade(engine, tmp_path / "unused", target=BEFORE)
    profile_dir = tmp_path / "profile"
    # A household saved by the app before 0007, written the way that app wrote it.
    with store_engine.for_writing(engine).begin() as conn:
        conn.exec_driver_sql(
            "insert into households (id, region, area, address, registered_address, town, village, phone, notes,"
            " financial_assets_fen, vehicles, extra_houses, medical_selfpaid_12m_fen, education_12m_fen, supporters,"
            " head_name, head_initials, member_count, created_at, updated_at, version, unsent) values ('h1',"
            " '340104', 'urban', '', '', '', '莲花社区', '', '', 150000, 1, 0, 0, 0,"
            " '[{\"name\": \"吴大军\", \"able\": true, \"reason\": \"\", \"relation\": \"哥哥\","
            " \"id_number\": \"\", \"phone\": \"\"}]', '吴晓霞', 'wxx', 1, 'x', 'x', 1, true)")
        conn.exec_driver_sql(
            "insert into members (id, household_id, position, name, id_number, relation, serious_illness,"
            " self_care_lost, self_care_items, student, whereabouts, months_away, incomes, ethnicity, occupation,"
            " phone, created_at, updated_at, version, unsent) values ('m1', 'h1', 0, '吴晓霞',"
            " '34010419880314002X', 'head', false, 0, '[]', false, 'home', 0, '[[\"wage\", 300.0]]', '', '', '',"
            " 'x', 'x', 1, true)")
    engine.dispose()

    profile = open_profile(profile_dir, database_url=empty_database_url)
    try:
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        old = svc.load_household(profile, "h1")
        assert old.head_name == "吴晓霞" and old.assets.vehicles == 1 and old.assets.financial == 1500.0
        assert (old.assets.disability_vehicles, old.assets.production_vehicles, old.receiving) == (0, 0, [])
        member = old.members[0]
        assert (member.state, member.state_date, member.order_months, member.no_legal_capacity,
                member.guardianship_revoked, member.deported) == ("living", None, 0, False, False, False)
        assert old.supporters == [Supporter("吴大军", True, relation="哥哥")]
        with profile.connection(write=True) as conn:
            (screened,) = [h for hs in read_for_screening(sql_runner(conn)) for h in hs]
        assert screened.supporters == old.supporters and screened.members[0].state == "living"
        saved = svc.save_household(profile, full_household())
        assert svc.load_household(profile, saved.id).receiving == full_household().receiving
    finally:
        profile.close()

    engine = store_engine.create_engine(empty_database_url)
    try:
        cfg = migrate._config()
        with store_engine.for_writing(engine).begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, BEFORE)
        columns = {c["name"] for c in sa.inspect(engine).get_columns("members")}
        assert "state" not in columns and "deported" not in columns
        assert "receiving" not in {c["name"] for c in sa.inspect(engine).get_columns("households")}
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select head_name from households where id = 'h1'").scalar() == "吴晓霞"
    finally:
        engine.dispose()
