import sqlite3
from pathlib import Path

from alembic import command

from advisor_app.services.profile import open_profile
from advisor_app.store import engine as store_engine
from advisor_app.store import migrate


def _tables(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    finally:
        con.close()


def test_empty_folder_gets_a_database_at_head_without_backup(tmp_path: Path) -> None:
    profile = open_profile(tmp_path / "new")
    try:
        assert profile.created and profile.backup is None
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        assert {"households", "members", "visits", "needs", "drafts", "settings"} <= _tables(profile.data.database)
        assert list(profile.data.backups.iterdir()) == []
    finally:
        profile.close()


def test_existing_database_at_head_is_opened_without_migrating(tmp_path: Path, household_json: str) -> None:
    from advisor_app.services import households

    first = open_profile(tmp_path)
    sample = Path(__file__).parents[1] / "data" / "household_wu.json"
    saved = households.save_household(first, households.read_document(sample))
    first.close()
    again = open_profile(tmp_path)
    try:
        assert not again.created and again.backup is None
        assert households.load_household(again, saved.id).head_name == "吴晓霞"
    finally:
        again.close()


def test_database_at_the_first_revision_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite"
    engine = store_engine.create_engine(db)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "insert into households (id, region, area, address, town, village, phone, notes, financial_assets_fen,"
            " vehicles, extra_houses, medical_selfpaid_12m_fen, education_12m_fen, supporters, head_name,"
            " head_initials, member_count, created_at, updated_at, version, unsent) values ('h1', '340104',"
            " 'urban', '', '', '莲花社区', '', '', 0, 0, 0, 0, 0, '[]', '吴晓霞', 'wxx', 0, 'x', 'x', 1, 1)")
    engine.dispose()

    profile = open_profile(tmp_path)
    try:
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        with profile.connection() as conn:
            assert conn.exec_driver_sql("select head_name from households").scalar() == "吴晓霞"
        if migrate.head_revision() == "0001":
            assert profile.backup is None  # nothing to migrate, nothing copied
        else:
            assert profile.backup is not None and profile.backup.parent == profile.data.backups
            con = sqlite3.connect(profile.backup)
            assert con.execute("select head_name from households").fetchone() == ("吴晓霞",)
            assert con.execute("select version_num from alembic_version").fetchone() == ("0001",)
            con.close()
    finally:
        profile.close()


def test_backup_copies_a_live_wal_database(profile) -> None:
    with profile.connection() as conn:
        conn.exec_driver_sql("insert into settings (key, value) values ('k', 'v')")
    copy = migrate.backup(profile.data.database, profile.data.backups, "manual")
    con = sqlite3.connect(copy)
    assert con.execute("select value from settings where key = 'k'").fetchone() == ("v",)
    con.close()


def test_data_folder_comes_from_option_then_environment(tmp_path: Path, monkeypatch) -> None:
    from advisor_app.store import paths

    monkeypatch.setenv("ADVISOR_APP_HOME", str(tmp_path / "env"))
    assert paths.resolve().root == tmp_path / "env"
    assert paths.resolve(tmp_path / "explicit").root == tmp_path / "explicit"
    monkeypatch.delenv("ADVISOR_APP_HOME")
    assert "advisor-app" in str(paths.resolve().root)
