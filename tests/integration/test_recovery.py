"""The recovery key end to end on real encrypted files: made for a profile, kept valid across a
passphrase change, and used by ``advisor-app profile recover`` (exit codes; a wrong key changes
nothing); backups are re-keyed with the database."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from advisor_app.cli import main
from advisor_app.services import households, recovery
from advisor_app.services import passphrase as keys
from advisor_app.services.profile import WrongPassphrase, open_profile
from advisor_app.store import encryption, migrate
from advisor_app.store import recovery as sealed_file

DATA = Path(__file__).parents[1] / "data"


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.parts}


@pytest.fixture
def own(capsys: Any, data_dir: Path) -> str:
    """A profile with one household and one backup, and its recovery key."""
    assert run(capsys, "household", "import", str(DATA / "household_wu.json"))[0] == 0
    profile = open_profile(data_dir)
    migrate.backup(profile.engine, profile.data.backups, "manual")
    with pytest.raises(WrongPassphrase):
        recovery.create_recovery_key(profile, "not-the-passphrase")
    assert not recovery.has_recovery_key(profile)
    code = recovery.create_recovery_key(profile, "test-passphrase")
    assert recovery.has_recovery_key(profile)
    profile.close()
    return code


def test_recover_opens_the_profile_and_sets_a_new_passphrase(
        capsys: Any, data_dir: Path, tmp_path: Path, own: str, monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_text(own.replace("-", " ").lower() + "\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("a-new-passphrase\n", encoding="utf-8")
    monkeypatch.delenv("ADVISOR_APP_PASSPHRASE")  # forgotten
    copies = len(list((data_dir / "backups").glob("*.sqlite")))  # the day's and the import's, at least
    assert copies >= 1
    code, out, err = run(capsys, "profile", "recover", "--recovery-key-file", str(key_file),
                         "--new-passphrase-file", str(new))
    assert (code, err) == (0, "") and f"档案和 {copies} 份备份已用新口令重新加密" in out
    for path in [data_dir / "advisor.sqlite", *sorted((data_dir / "backups").glob("*.sqlite"))]:
        salt = encryption.salt_of(path)
        assert salt is not None and encryption.opens(path, encryption.derive_key("a-new-passphrase", salt), salt)
        assert not encryption.opens(path, encryption.derive_key("test-passphrase", salt), salt)
    profile = open_profile(data_dir, passphrase="a-new-passphrase")
    assert households.count_households(profile) == 1
    profile.close()
    # the recovery key still works: the sealed file holds the new key, and only it
    stored = sealed_file.read(data_dir / "advisor.sqlite.recovery")
    assert stored is not None and len(stored.sealed) == 1
    code, _, _ = run(capsys, "profile", "recover", "--recovery-key-file", str(key_file),
                     "--new-passphrase-file", str(new))
    assert code == 0


def test_a_wrong_recovery_key_exits_2_and_changes_nothing(
        capsys: Any, data_dir: Path, tmp_path: Path, own: str) -> None:
    before = fingerprint(data_dir)
    key_file = tmp_path / "key.txt"
    letters = own.replace("-", "")
    typo = letters[:10] + ("A" if letters[10] != "A" else "B") + letters[11:]
    foreign_private, _ = sealed_file.new_key_pair()
    for text, says in ((typo, "校验不符"), (letters[:-4], "应有 56 个"), (sealed_file.format_code(foreign_private),
                                                                      "不是这个档案的")):
        key_file.write_text(text, encoding="utf-8")
        code, out, err = run(capsys, "profile", "recover", "--recovery-key-file", str(key_file))
        assert code == 2 and out == "" and err.count("\n") == 1 and says in err and "Traceback" not in err
    code, _, err = run(capsys, "profile", "recover", "--recovery-key-file", str(tmp_path / "missing.txt"))
    assert code == 2 and "读不了恢复密钥文件" in err
    key_file.write_text(own, encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("short", encoding="utf-8")
    code, _, err = run(capsys, "profile", "recover", "--recovery-key-file", str(key_file),
                       "--new-passphrase-file", str(short))
    assert code == 2 and "口令太短" in err
    assert fingerprint(data_dir) == before


def test_without_a_recovery_key_recover_says_so(capsys: Any, data_dir: Path, tmp_path: Path) -> None:
    assert run(capsys, "household", "list")[0] == 0
    key_file = tmp_path / "key.txt"
    key_file.write_text(sealed_file.format_code(sealed_file.new_key_pair()[0]), encoding="utf-8")
    code, _, err = run(capsys, "profile", "recover", "--recovery-key-file", str(key_file))
    assert code == 2 and "没有生成过恢复密钥" in err


def test_changing_the_passphrase_reseals_the_key(data_dir: Path, own: str) -> None:
    profile = open_profile(data_dir)
    keys.change_passphrase(profile, "test-passphrase", "changed-passphrase")
    assert households.count_households(profile) == 1  # reopened with the new key: it reads
    profile.close()
    stored = sealed_file.read(data_dir / "advisor.sqlite.recovery")
    assert stored is not None
    unsealed = stored.unsealed(sealed_file.parse_code(own))
    salt = encryption.salt_of(data_dir / "advisor.sqlite")
    assert unsealed == [(encryption.derive_key("changed-passphrase", salt or b""), salt)]


def test_a_crash_during_a_rekey_leaves_a_sealed_key_for_the_database(
        data_dir: Path, own: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed while the backups are re-keyed (the database comes last): the sealed file holds the new
    key and the old one, so the recovery key opens the database and every backup, on either key."""
    profile = open_profile(data_dir)

    def killed(*_args: Any) -> None:
        raise KeyboardInterrupt

    real_opens = encryption.opens
    monkeypatch.setattr(encryption, "opens", lambda path, *a: killed() if "backups" in str(path) else real_opens(
        path, *a))
    with pytest.raises(KeyboardInterrupt):
        keys.change_passphrase(profile, "test-passphrase", "changed-passphrase")
    monkeypatch.setattr(encryption, "opens", real_opens)
    stored = sealed_file.read(data_dir / "advisor.sqlite.recovery")
    assert stored is not None and len(stored.unsealed(sealed_file.parse_code(own))) == 2
    result = recovery.recover_profile(data_dir, own, "after-the-crash")
    assert result.backups == len(list((data_dir / "backups").glob("*.sqlite"))) >= 1
    reopened = open_profile(data_dir, passphrase="after-the-crash")
    assert households.count_households(reopened) == 1
    reopened.close()
