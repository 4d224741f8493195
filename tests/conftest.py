"""Shared fixtures. Every test runs with its own data folder; Qt runs offscreen."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A transaction not begun for writing is read-only (store.engine.CHECK_WRITES): a write path that
# does not say it writes fails here, and in every CLI run a test starts (they inherit it).
os.environ["ADVISOR_APP_CHECK_WRITES"] = "1"

DATA = Path(__file__).parent / "data"
TEST_PASSPHRASE = "test-passphrase"  # every profile the suite makes is encrypted with it


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    """Profiles open without a prompt, as scripts do (the CLI subprocesses inherit it)."""
    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


_derived_keys: dict[tuple[str, bytes], bytes] = {}


@pytest.fixture(autouse=True)
def remembered_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id once per passphrase and salt in the test process (the key is the same each time; the
    suite opens the same files again and again: crash checks, CLI commands run in-process, a sync
    between three profiles). Every process a test starts derives its keys itself, at full cost."""
    from advisor_app.store import encryption

    derive = encryption.derive_key

    def remembered(passphrase: str, salt: bytes) -> bytes:
        if (passphrase, salt) not in _derived_keys:
            _derived_keys[passphrase, salt] = derive(passphrase, salt)
        return _derived_keys[passphrase, salt]

    monkeypatch.setattr(encryption, "derive_key", remembered)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the user's real data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("ADVISOR_APP_HOME", str(home))
    monkeypatch.delenv("ADVISOR_APP_DATABASE_URL", raising=False)  # the profile's own SQLite file
    return home


@pytest.fixture
def data_dir(_isolated_home: Path) -> Path:
    return _isolated_home


@contextlib.contextmanager
def fixture_salt() -> Iterator[None]:
    """While a ``profile`` fixture makes its profile: one salt for all of them, so that their key is
    derived once in the test process (``remembered_keys``) instead of at full cost for every test
    (about 0.12 s of the 0.2 s a new encrypted profile takes). A profile a test makes itself, and a
    new passphrase, get a salt of their own, as in the app."""
    from advisor_app.store import encryption

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(encryption, "new_salt", lambda: b"fixture-profile!"[:encryption.SALT_BYTES])
        yield


@pytest.fixture
def profile_salt() -> Callable[[], contextlib.AbstractContextManager[None]]:
    """:func:`fixture_salt`, for the ``profile`` fixtures of the test folders."""
    return fixture_salt


@pytest.fixture
def profile(data_dir: Path) -> Iterator[object]:
    """An empty, migrated profile in a temporary folder (SQLite; tests/integration runs it on both)."""
    from advisor_app.services.profile import open_profile

    with fixture_salt():
        p = open_profile(data_dir)
    yield p
    p.close()


@pytest.fixture
def demo_profile(profile: object) -> object:
    """A profile with 60 deterministic demo households."""
    from advisor_app.services.demo import fill_demo

    fill_demo(profile, 60, seed=7)  # type: ignore[arg-type]
    return profile


@pytest.fixture
def household_json() -> str:
    """吴晓霞's household from the sample file (text of an advisor-household/1 document)."""
    return (DATA / "household_wu.json").read_text(encoding="utf-8")
