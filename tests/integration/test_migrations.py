"""Opening a profile migrates its database: on a SQLite file and on PostgreSQL, with the same
migrations; a failed migration leaves the schema as it was; SQLite gets a backup copy first."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from advisor_app.domain.errors import DomainError
from advisor_app.services.profile import open_profile
from advisor_app.store import encryption, migrate
from advisor_app.store import engine as store_engine
from advisor_app.store.models import Base

TABLES = {"households", "members", "visits", "needs", "drafts", "settings", "screening_results"}
LIST_INDEXES = {"ix_households_list", "ix_members_name_list", "ix_members_id_reversed"}


def _indexes(engine: sa.Engine) -> set[str]:
    """Every index's name (SQLAlchemy does not reflect SQLite's expression indexes: ask the catalogue)."""
    sql = ("select name from sqlite_master where type = 'index'" if engine.dialect.name == "sqlite"
           else "select indexname from pg_indexes where schemaname = 'public'")
    with engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(sql)}


def _at(url: str, revision: str, backups: Path) -> sa.Engine:
    engine = store_engine.create_engine(url)
    migrate.upgrade(engine, backups, target=revision)
    return engine


OLD_HOUSEHOLD = (
    "insert into households (id, region, area, address, town, village, phone, notes, financial_assets_fen,"
    " vehicles, extra_houses, medical_selfpaid_12m_fen, education_12m_fen, supporters, head_name,"
    " head_initials, member_count, created_at, updated_at, version, unsent) values ('h1', '340104',"
    " 'urban', '', '', '莲花社区', '', '', 0, 0, 0, 0, 0, '[]', '吴晓霞', 'wxx', 0, 'x', 'x', 1, true)")


def test_empty_folder_gets_a_sqlite_database_at_head_without_backup(tmp_path: Path) -> None:
    profile = open_profile(tmp_path / "new")
    try:
        assert profile.created and profile.backup is None
        assert profile.data.database.is_file()
        assert profile.engine.url.drivername == "sqlite+pysqlcipher"  # encrypted from the start
        assert profile.engine.url.database == str(profile.data.database)
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        assert set(sa.inspect(profile.engine).get_table_names()) >= TABLES
        assert list(profile.data.backups.iterdir()) == []
    finally:
        profile.close()


def test_empty_database_gets_the_schema_at_head(tmp_path: Path, empty_database_url: str, backend: str) -> None:
    profile = open_profile(tmp_path, database_url=empty_database_url)
    try:
        assert profile.engine.dialect.name == backend
        assert profile.created and profile.backup is None
        assert migrate.current_revision(profile.engine) == migrate.head_revision()
        assert set(sa.inspect(profile.engine).get_table_names()) >= TABLES
        assert _indexes(profile.engine) >= LIST_INDEXES
        assert not (tmp_path / "advisor.sqlite").exists()  # the URL's database, not the folder's file
    finally:
        profile.close()


def test_migrations_give_the_schema_the_models_describe(empty_database_url: str, tmp_path: Path) -> None:
    engine = _at(empty_database_url, "head", tmp_path)
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        # The expression index cannot be compared (SQLite does not reflect it, PostgreSQL rewrites its
        # text): that it exists is checked by name.
        assert [d for d in differences
                if not (isinstance(d, tuple) and getattr(d[1], "name", None) == "ix_members_id_reversed")] == []
        assert "ix_members_id_reversed" in _indexes(engine)
    finally:
        engine.dispose()


def test_migrations_go_down_to_nothing_and_up_again(empty_database_url: str, tmp_path: Path) -> None:
    engine = _at(empty_database_url, "head", tmp_path)
    try:
        cfg = migrate._config()
        with store_engine.for_writing(engine).begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine, tmp_path)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert _indexes(engine) >= LIST_INDEXES
    finally:
        engine.dispose()


def test_existing_database_at_head_is_opened_without_migrating(tmp_path: Path, database_url: str | None) -> None:
    from advisor_app.services import households

    first = open_profile(tmp_path, database_url=database_url)
    sample = Path(__file__).parents[1] / "data" / "household_wu.json"
    saved = households.save_household(first, households.read_document(sample))
    first.close()
    again = open_profile(tmp_path, database_url=database_url)
    try:
        assert not again.created and again.backup is None
        assert households.load_household(again, saved.id).head_name == "吴晓霞"
    finally:
        again.close()


def test_database_at_the_first_revision_is_upgraded(tmp_path: Path, empty_database_url: str, backend: str) -> None:
    engine = _at(empty_database_url, "0001", tmp_path / "unused")
    with store_engine.for_writing(engine).begin() as conn:
        conn.exec_driver_sql(OLD_HOUSEHOLD)
    engine.dispose()

    profile = open_profile(tmp_path, database_url=empty_database_url)
    try:
        assert migrate.current_revision(profile.engine) == migrate.head_revision() != "0001"
        with profile.connection(write=True) as conn:
            assert conn.exec_driver_sql("select head_name from households").scalar() == "吴晓霞"
        if backend == "postgresql":
            assert profile.backup is None  # no file to copy: the migration's transaction is the safety
            return
        assert profile.backup is not None and profile.backup.parent == profile.data.backups
        copy = store_engine.create_engine(store_engine.sqlite_url(profile.backup))
        try:
            with copy.connect() as conn:
                assert conn.exec_driver_sql("select head_name from households").scalar() == "吴晓霞"
                assert conn.exec_driver_sql("select version_num from alembic_version").scalar() == "0001"
        finally:
            copy.dispose()
    finally:
        profile.close()


def test_a_failed_migration_leaves_the_schema_as_it_was(tmp_path: Path, empty_database_url: str) -> None:
    engine = _at(empty_database_url, "0001", tmp_path)
    with store_engine.for_writing(engine).begin() as conn:
        conn.exec_driver_sql(OLD_HOUSEHOLD)
        # Takes the name of the last index migration 0002 creates: the first two are made, then it fails.
        conn.exec_driver_sql("create index ix_members_id_reversed on members (name)")
    before = _indexes(engine)
    with pytest.raises(sa.exc.DatabaseError):
        migrate.upgrade(engine, tmp_path / "backups")
    try:
        assert migrate.current_revision(engine) == "0001"
        assert _indexes(engine) == before and not {"ix_households_list", "ix_members_name_list"} & before
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select head_name from households").scalar() == "吴晓霞"
    finally:
        engine.dispose()


def test_backup_copies_a_live_wal_database(tmp_path: Path) -> None:
    profile = open_profile(tmp_path)
    try:
        with profile.connection(write=True) as conn:
            conn.exec_driver_sql("insert into settings (key, value) values ('k', 'v')")
        with profile.engine.connect() as reader:  # another connection with the database open
            reader.exec_driver_sql("select count(*) from settings").scalar()
            copy = migrate.backup(profile.engine, profile.data.backups, "manual")
        assert copy is not None and copy.parent == profile.data.backups
        second = migrate.backup(profile.engine, profile.data.backups, "manual")
        assert second is not None and second != copy  # made in the same second: not overwritten
        assert not encryption.is_plaintext(copy) and b"settings" not in copy.read_bytes()  # encrypted too
        engine = store_engine.create_engine(profile.engine.url.set(database=str(copy)))  # same key
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select value from settings where key = 'k'").scalar() == "v"
        engine.dispose()
    finally:
        profile.close()


def test_postgresql_has_no_file_to_back_up(profile, backend: str) -> None:
    copy = migrate.backup(profile.engine, profile.data.backups, "manual")
    assert (copy is None) == (backend == "postgresql")


def test_a_url_of_another_kind_of_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不支持这种数据库"):
        open_profile(tmp_path, database_url="mysql://advisor@localhost/advisor")


def test_a_postgresql_database_that_does_not_sort_by_byte_is_refused(tmp_path: Path, postgres) -> None:
    url = postgres.create_database("template0", locale_provider="icu", icu_locale="zh")
    with pytest.raises(DomainError, match="排序规则") as refused:
        open_profile(tmp_path, database_url=url)
    assert "LOCALE 'C'" in str(refused.value)


def test_the_environment_names_the_database(tmp_path: Path, empty_database_url: str, monkeypatch) -> None:
    monkeypatch.setenv("ADVISOR_APP_DATABASE_URL", empty_database_url)
    profile = open_profile(tmp_path)
    try:
        assert profile.database_url == store_engine.create_engine(empty_database_url).url.render_as_string(
            hide_password=False)
    finally:
        profile.close()


def test_data_folder_comes_from_option_then_environment(tmp_path: Path, monkeypatch) -> None:
    from advisor_app.store import paths

    monkeypatch.setenv("ADVISOR_APP_HOME", str(tmp_path / "env"))
    assert paths.resolve().root == tmp_path / "env"
    assert paths.resolve(tmp_path / "explicit").root == tmp_path / "explicit"
    monkeypatch.delenv("ADVISOR_APP_HOME")
    assert "advisor-app" in str(paths.resolve().root)
