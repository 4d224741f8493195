"""Profiles encrypted at rest, on real SQLite files: the CLI's passphrase sources and exit codes,
``profile init / check / encrypt / passphrase``, encrypting a plaintext profile with its backups, a
crash half-way through that, re-keying, and no name or ID number left readable in the data folder
after a working session."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from advisor_app.cli import main
from advisor_app.domain import interchange
from advisor_app.domain.household import Need, Visit
from advisor_app.services import eligibility, households
from advisor_app.services import passphrase as keys
from advisor_app.services.profile import PLAINTEXT_OLD, WrongPassphrase, database_state, open_profile
from advisor_app.store import encryption, migrate
from advisor_app.store import engine as store_engine

DATA = Path(__file__).parents[1] / "data"
WU = json.loads((DATA / "household_wu.json").read_text(encoding="utf-8"))
SECRETS = [WU["members"][0]["name"], WU["members"][0]["id_number"], WU["members"][1]["name"],
           WU["members"][1]["id_number"]]


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def readable(raw: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode("utf-8") in raw or s.encode("utf-16-le") in raw
            or s.encode("utf-16-be") in raw]


def plaintext_profile(folder: Path) -> None:
    """A profile as the release before encryption wrote it: a plain SQLite file, with a backup."""
    profile = open_profile(folder, database_url=store_engine.sqlite_url(folder / "advisor.sqlite"))
    households.save_household(profile, interchange.household_from_json(json.dumps(WU)))
    migrate.backup(profile.engine, profile.data.backups, "manual")
    profile.close()


def test_wrong_or_missing_passphrase_is_one_line_and_exit_2(capsys: Any, data_dir: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(capsys, "household", "list")[0] == 0  # made with the suite's passphrase
    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", "not-the-right-one")
    code, out, err = run(capsys, "household", "list")
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("错误：口令不对")
    monkeypatch.delenv("ADVISOR_APP_PASSPHRASE")
    code, _, err = run(capsys, "household", "list")  # no terminal here: nothing to ask on
    assert code == 2 and "需要口令" in err and "Traceback" not in err
    file = tmp_path / "pass.txt"
    file.write_text("test-passphrase\nthe rest is ignored\n", encoding="utf-8")
    assert run(capsys, "--passphrase-file", str(file), "household", "list")[0] == 0
    code, _, err = run(capsys, "--passphrase-file", str(tmp_path / "none.txt"), "household", "list")
    assert code == 2 and "读不了口令文件" in err


def test_profile_init_check_and_change_passphrase(capsys: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "own"
    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", "first-passphrase")
    code, out, _ = run(capsys, "profile", "init", "--data-dir", str(folder), "--name", "张敏", "--region", "340104")
    assert code == 0 and "已新建档案" in out and database_state(folder) == "encrypted"
    code, _, err = run(capsys, "profile", "init", "--data-dir", str(folder))
    assert code == 2 and "已经有档案" in err
    assert run(capsys, "--data-dir", str(folder), "household", "import", str(DATA / "household_wu.json"))[0] == 0
    profile = open_profile(folder)
    migrate.backup(profile.engine, profile.data.backups, "manual")
    profile.close()
    code, out, _ = run(capsys, "--data-dir", str(folder), "profile", "check")
    assert code == 0 and out.startswith("档案文件完好；审计记录完好")
    new = tmp_path / "new.txt"
    new.write_text("second-passphrase", encoding="utf-8")
    copies = sorted((folder / "backups").glob("*.sqlite"))  # manual, and the daily and before-import ones
    assert {"daily", "import", "manual"} <= {c.stem.split("-")[-1] for c in copies}
    code, out, _ = run(capsys, "--data-dir", str(folder), "profile", "passphrase", "--new-passphrase-file", str(new))
    assert code == 0 and f"{len(copies)} 份备份" in out
    with pytest.raises(WrongPassphrase):
        open_profile(folder)  # the old passphrase no longer opens it
    for path in [folder / "advisor.sqlite", *sorted((folder / "backups").glob("*.sqlite"))]:
        salt = encryption.salt_of(path)
        assert salt is not None and encryption.opens(path, encryption.derive_key("second-passphrase", salt), salt)
        assert not encryption.opens(path, encryption.derive_key("first-passphrase", salt), salt)


def test_a_plaintext_profile_and_its_backups_are_encrypted_with_nothing_left_readable(
        capsys: Any, data_dir: Path) -> None:
    plaintext_profile(data_dir)
    assert readable(folder_bytes(data_dir))  # the names are readable before
    code, _, err = run(capsys, "household", "list")
    assert code == 2 and "还没有加密" in err
    code, out, _ = run(capsys, "profile", "encrypt")
    assert code == 0 and "备份加密 1 份" in out and "记录核对无误" in out
    assert readable(folder_bytes(data_dir)) == []
    assert sorted(p.name for p in data_dir.iterdir() if p.is_file()) == ["advisor.sqlite"]
    code, out, _ = run(capsys, "household", "list")
    assert code == 0 and WU["members"][0]["name"] in out
    backup = next((data_dir / "backups").glob("*.sqlite"))
    engine = store_engine.create_engine(open_profile(data_dir).engine.url.set(database=str(backup)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM households").scalar_one() == 1
    engine.dispose()


def test_a_crash_while_swapping_in_the_encrypted_copy_is_finished_at_the_next_open(data_dir: Path) -> None:
    plaintext_profile(data_dir)
    database = data_dir / "advisor.sqlite"
    # killed after the plaintext was moved aside, before the copy was moved in: the plaintext comes back
    os.replace(database, database.with_name(database.name + PLAINTEXT_OLD))
    assert database_state(data_dir) == "missing"
    with pytest.raises(Exception, match="还没有加密"):
        open_profile(data_dir)
    assert encryption.is_plaintext(database)
    # killed after the copy was moved in, before the plaintext was deleted: the plaintext is deleted
    report = keys.encrypt_profile(data_dir, "test-passphrase")
    assert report.counts["households"] == 1
    leftover = database.with_name(database.name + PLAINTEXT_OLD)
    leftover.write_bytes((DATA / "household_wu.json").read_bytes())
    profile = open_profile(data_dir)
    assert not leftover.exists() and households.count_households(profile) == 1
    profile.close()


def test_a_working_session_leaves_no_name_or_id_number_readable(capsys: Any, data_dir: Path,
                                                                tmp_path: Path) -> None:
    profile = open_profile(data_dir)
    h = households.save_household(profile, interchange.household_from_json(json.dumps(WU)))
    households.save_visit(profile, h.id or "", Visit("investigation", dt.date(2026, 11, 2), ["王芳", "李强"],
                                                     f"{WU['members'][0]['name']}坐轮椅", [Need("goods", "轮椅一台")]))
    eligibility.screen(profile, dt.date(2026, 11, 2))
    profile.close()
    pdf = tmp_path / "out" / "form.pdf"
    pdf.parent.mkdir()
    assert run(capsys, "form", "dibao-application", "--household", h.id or "", "--out", str(pdf))[0] == 0
    assert run(capsys, "screen", "--on", "2026-11-02")[0] == 0
    assert run(capsys, "check", str(DATA / "household_wu.json"))[0] == 0
    raw = folder_bytes(data_dir)
    assert len(raw) > 100_000 and readable(raw) == []


def test_a_saved_record_is_flushed_to_disk_at_commit(data_dir: Path) -> None:
    """WAL with synchronous=FULL (2): a save that returned survives a power cut (docs/store.md)."""
    profile = open_profile(data_dir)
    with profile.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    profile.close()


def test_after_a_change_of_passphrase_the_same_profile_saves_with_the_new_key(data_dir: Path) -> None:
    profile = open_profile(data_dir)
    try:
        keys.change_passphrase(profile, "test-passphrase", "a-new-passphrase")
        saved = households.save_household(profile, interchange.household_from_json(json.dumps(WU)))  # writes
        assert households.count_households(profile) == 1  # reads
    finally:
        profile.close()
    again = open_profile(data_dir, passphrase="a-new-passphrase")
    assert households.load_household(again, saved.id or "").head_name == WU["members"][0]["name"]
    again.close()
