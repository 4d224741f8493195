"""The store on both databases: the fast paths behind each dialect and the portable paths write the
same rows, and booleans, dates and JSON read back the same from SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.cli import main
from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain.household import Emergency
from advisor_app.domain.inputs import LAYOUT
from advisor_app.services import households as svc
from advisor_app.store import bulk, settings
from advisor_app.store import engine as store_engine
from advisor_app.store.household_inputs import LAYOUT_KEY
from advisor_app.store.models import HouseholdRow, MemberRow, NeedRow, VisitRow


def _demo(seed: int, n: int) -> list[Any]:
    """Demo households, one with an emergency (a date column) and some with visits and needs."""
    households = list(DemoGenerator(seed=seed).households(n))
    households[0].emergency = Emergency("fire", dt.date(2026, 3, 1))
    assert any(v.needs for h in households for v in h.visits)
    return households


@pytest.mark.parametrize("insert", [bulk.insert_rows, bulk.insert_rows_portable], ids=["fast", "portable"])
def test_bulk_rows_read_back_as_they_were_given(profile: Any, insert: Any) -> None:
    households = _demo(21, 30)
    with profile.connection(write=True) as conn:
        insert(conn, bulk.household_rows(households))
    for expected in households:
        assert svc.load_household(profile, expected.id) == expected  # ORM read: members, visits, needs


def test_fast_and_portable_paths_store_the_same_values(profile: Any) -> None:
    fast, portable = _demo(5, 12), _demo(5, 12)  # the same households twice, with their own ids
    with profile.connection(write=True) as conn:
        bulk.insert_rows(conn, bulk.household_rows(fast))
        bulk.insert_rows_portable(conn, bulk.household_rows(portable))
    ignored = {"id", "household_id", "visit_id", "created_at", "updated_at"}

    def values(conn: sa.Connection, model: Any, households: list[Any]) -> list[tuple[Any, ...]]:
        table = model.__table__
        owner = table.c.id if model is HouseholdRow else table.c.household_id
        columns = [c for c in table.columns if c.name not in ignored]
        rows = conn.execute(sa.select(*columns).where(owner.in_([h.id for h in households])))
        return sorted((tuple(r) for r in rows), key=repr)

    with profile.connection(write=True) as conn:
        for model in (HouseholdRow, MemberRow, VisitRow, NeedRow):
            assert values(conn, model, fast) == values(conn, model, portable), model.__tablename__
            assert values(conn, model, fast)


def test_booleans_dates_and_json_read_back_as_python_values(profile: Any, household_json: str) -> None:
    from advisor_app.domain import interchange
    from advisor_app.domain.household import Visit

    household = interchange.household_from_json(household_json)
    household.visits = [Visit("investigation", dt.date(2026, 11, 2), ["周明", "孙丽"],
                              next_visit=dt.date(2027, 5, 2))]
    saved = svc.save_household(profile, household)
    with profile.connection(write=True) as conn:
        h = conn.execute(sa.select(HouseholdRow.__table__).where(HouseholdRow.id == saved.id)).one()
        m = conn.execute(sa.select(MemberRow.__table__).where(MemberRow.household_id == saved.id)
                         .order_by(MemberRow.position)).first()
        v = conn.execute(sa.select(VisitRow.__table__).where(VisitRow.household_id == saved.id)).one()
    assert h.unsent is True and isinstance(h.supporters, list)
    assert m is not None and isinstance(m.student, bool) and isinstance(m.serious_illness, bool)
    assert m.incomes == [[i.kind, i.monthly] for i in saved.members[0].incomes]
    assert isinstance(m.self_care_items, list)
    assert v.date == dt.date(2026, 11, 2) and v.next_visit == dt.date(2027, 5, 2)
    assert v.investigators == ["周明", "孙丽"]


@pytest.mark.parametrize("write", [settings.set_setting, settings.set_setting_portable], ids=["upsert", "portable"])
def test_settings_are_replaced_not_repeated(profile: Any, write: Any) -> None:
    with profile.connection(write=True) as conn:
        write(conn, "office.phone", "0554-1234567")
        write(conn, "office.phone", "0554-7654321")
        write(conn, "office.name", "七星村")
    with profile.connection(write=True) as conn:
        assert settings.get_setting(conn, "office.phone") == "0554-7654321"
        assert settings.all_settings(conn) == {"office.phone": "0554-7654321", "office.name": "七星村",
                                               LAYOUT_KEY: LAYOUT}  # (set when the profile was made)
        assert settings.get_setting(conn, "missing", "默认") == "默认"


def test_bulk_load_rebuilds_the_indexes_and_keeps_the_rows(profile: Any) -> None:
    households = _demo(3, 20)
    with profile.connection(write=True) as conn, bulk.bulk_load(conn):
        bulk.insert_many(conn, households)
    with profile.connection(write=True) as conn:
        names = {i["name"] for t in ("households", "members") for i in sa.inspect(conn).get_indexes(t)}
        assert {"ix_households_village", "ix_members_id_number", "ix_households_list"} <= names
        assert conn.execute(sa.select(sa.func.count()).select_from(HouseholdRow)).scalar() == 20


def test_the_cli_opens_the_database_its_url_names(profile: Any, capsys: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ADVISOR_APP_DATABASE_URL", raising=False)
    sample = Path(__file__).parents[1] / "data" / "household_wu.json"
    svc.save_household(profile, svc.read_document(sample))
    code = main(["--data-dir", str(tmp_path / "elsewhere"), "--database-url", profile.database_url,
                 "household", "list"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "吴晓霞" in out
    assert not (tmp_path / "elsewhere" / "advisor.sqlite").exists()


def test_a_database_that_cannot_be_reached_is_a_plain_message(tmp_path: Path, capsys: Any) -> None:
    url = f"postgresql+psycopg://advisor@/advisor?host={tmp_path / 'no-server-here'}"
    code = main(["--data-dir", str(tmp_path), "--database-url", url, "household", "list"])
    _, err = capsys.readouterr()
    assert code == 2 and "打不开数据库" in err and "Traceback" not in err


def test_sqlite_url_keeps_every_character_of_the_path(tmp_path: Path) -> None:
    path = tmp_path / "a?b#c 村" / "advisor.sqlite"
    path.parent.mkdir()
    engine = store_engine.create_engine(store_engine.sqlite_url(path))
    try:
        with store_engine.for_writing(engine).begin() as conn:
            conn.exec_driver_sql("create table t (x integer)")
        assert path.is_file()
    finally:
        engine.dispose()


def test_a_missing_postgresql_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(store_engine.UnsupportedDatabase, match=r"advisor-app\[postgresql\]"):
        store_engine.create_engine("postgresql://advisor@/advisor")
