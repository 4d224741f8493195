"""The demo's published passphrase gets a token key derivation; every other passphrase the full one
(store/encryption.py, docs/security.md). A demo keyed before is re-keyed once when opened."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from advisor_app.services import households
from advisor_app.services.profile import demo_data_dir
from advisor_app.services.profile_settings import open_demo_profile
from advisor_app.store import encryption, paths
from advisor_app.store import engine as store_engine

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def test_a_real_passphrase_keeps_the_full_cost_and_cannot_be_the_demos() -> None:
    salt = encryption.new_salt()
    assert (encryption.ARGON2_TIME_COST, encryption.ARGON2_MEMORY_KIB, encryption.ARGON2_LANES) == (3, 65536, 4)
    for real in ("test-passphrase", "一句好记的话就可以", "demo-demo"):
        assert encryption.derive_key(real, salt) == encryption.full_cost_key(real, salt)
    assert encryption.derive_key("demo", salt) != encryption.full_cost_key("demo", salt)
    with pytest.raises(encryption.WeakPassphrase):
        encryption.check_new_passphrase(encryption.DEMO_PASSPHRASE)


def test_the_demo_key_costs_next_to_nothing() -> None:
    salts = [encryption.new_salt() for _ in range(11)]  # new salts: nothing remembered (tests/conftest.py)
    start = time.perf_counter()
    for salt in salts[1:]:
        encryption.derive_key(encryption.DEMO_PASSPHRASE, salt)
    demo = (time.perf_counter() - start) / 10
    start = time.perf_counter()
    encryption.full_cost_key(encryption.DEMO_PASSPHRASE, salts[0])
    full = time.perf_counter() - start
    assert demo < full / 10, (demo, full)  # a measured ratio on the same machine, not a fixed time


def test_a_demo_keyed_at_the_full_cost_is_rekeyed_once_with_its_backups(data_dir: Path) -> None:
    profile = open_demo_profile(data_dir)
    try:
        households.save_household(profile, households.read_document(SAMPLE))
        data = paths.DataDir(demo_data_dir(data_dir))
        backup = data.backups / "20250101-000000-before-test.sqlite"
        store_engine.copy_database(profile.engine, backup)
    finally:
        profile.close()
    salt = encryption.salt_of(data.database)
    assert salt is not None and encryption.salt_of(backup) == salt
    demo_key = encryption.derive_key(encryption.DEMO_PASSPHRASE, salt)
    full = encryption.full_cost_key(encryption.DEMO_PASSPHRASE, salt)
    for path in (backup, data.database):  # as a release before the demo's own derivation left them
        encryption.rekey(path, demo_key, full, salt)
        assert not encryption.opens(path, demo_key, salt)

    profile = open_demo_profile(data_dir)
    try:
        assert [h.head_name for h in households.list_households(profile)] == ["吴晓霞"]
    finally:
        profile.close()
    for path in (backup, data.database):
        assert encryption.opens(path, demo_key, salt) and not encryption.opens(path, full, salt)

    profile = open_demo_profile(data_dir)  # the second open needs no re-key
    profile.close()
    assert encryption.opens(data.database, demo_key, salt)


def test_a_demo_file_that_opens_with_neither_key_is_still_refused(data_dir: Path) -> None:
    open_demo_profile(data_dir).close()
    data = paths.DataDir(demo_data_dir(data_dir))
    salt = encryption.salt_of(data.database)
    assert salt is not None
    encryption.rekey(data.database, encryption.derive_key(encryption.DEMO_PASSPHRASE, salt),
                     encryption.derive_key("another-passphrase", salt), salt)
    with pytest.raises(encryption.WrongPassphrase):
        open_demo_profile(data_dir)
