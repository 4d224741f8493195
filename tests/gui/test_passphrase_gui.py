"""The passphrase in the desktop app, driven through the real dialogs while ``start_profile`` waits
in them: a new folder sets one on the first start's own-profile page, an encrypted profile asks for
it (a wrong one is refused, waits longer each time and changes nothing), and a profile written
before encryption is encrypted after asking for a new one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_typing import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.domain import interchange
from advisor_app.gui import app as gui_app
from advisor_app.gui.first_start import FirstStartDialog
from advisor_app.gui.passphrase_dialogs import EncryptDialog, UnlockDialog
from advisor_app.services import households, profile_settings
from advisor_app.services.profile import WrongPassphrase, open_profile
from advisor_app.store import encryption
from advisor_app.store import engine as store_engine

DATA = Path(__file__).parents[1] / "data"


def when_shown(kind: type[QWidget], act: Callable[[Any], None]) -> None:
    def attempt() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            QTimer.singleShot(20, attempt)
            return
        act(found[0])
    QTimer.singleShot(0, attempt)


@pytest.fixture
def no_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ADVISOR_APP_PASSPHRASE")


def test_a_new_folder_sets_the_passphrase_on_the_own_profile_page(
        qtbot: Any, data_dir: Path, no_passphrase: None) -> None:
    notes: list[str] = []

    def act(dialog: FirstStartDialog) -> None:
        qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.region, "340181")
        qtbot.wait(10)
        qtbot.keyClick(QApplication.activePopupWidget() or dialog.region, Qt.Key.Key_Return)
        type_text(qtbot, dialog.villages, "七星村")
        type_text(qtbot, dialog.advisor, "张明")
        assert dialog.passphrase_fields is not None
        type_text(qtbot, dialog.passphrase_fields.first, "长江黄河1号")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # too short: refused
        notes.append(dialog.problem.text())
        type_text(qtbot, dialog.passphrase_fields.first, "长江")
        type_text(qtbot, dialog.passphrase_fields.second, "长江黄河1号")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # not the same twice: refused
        notes.append(dialog.problem.text())
        type_text(qtbot, dialog.passphrase_fields.second, "长江")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    when_shown(FirstStartDialog, act)
    profile = gui_app.start_profile(str(data_dir))
    assert notes == ["口令太短：至少 8 个字符", "两次输入的口令不一样"]
    assert profile is not None
    profile.close()
    assert encryption.salt_of(data_dir / "advisor.sqlite") is not None
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, passphrase="长江黄河1号")
    again = open_profile(data_dir, passphrase="长江黄河1号长江")
    assert profile_settings.profile_info(again).advisor == "张明"
    again.close()


def test_unlock_refuses_a_wrong_passphrase_with_a_growing_wait(
        qtbot: Any, data_dir: Path, no_passphrase: None) -> None:
    made = open_profile(data_dir, passphrase="right-passphrase")
    households.save_household(made, interchange.household_from_json((DATA / "household_wu.json").read_text()))
    made.close()
    before = (data_dir / "advisor.sqlite").read_bytes()
    seen: list[str] = []

    def act(dialog: UnlockDialog) -> None:
        type_text(qtbot, dialog.field, "wrong-one")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        seen.append(f"{dialog.message.text()} {dialog.unlock_button.isEnabled()} {dialog.delay_s()}")
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=3000)
        type_text(qtbot, dialog.field, "wrong-two")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        seen.append(f"{dialog.unlock_button.isEnabled()} {dialog.delay_s()}")
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=4000)
        seen.append(str((data_dir / "advisor.sqlite").read_bytes() == before))
        type_text(qtbot, dialog.field, "right-passphrase")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when_shown(UnlockDialog, act)
    profile = gui_app.start_profile(str(data_dir))
    assert profile is not None and households.count_households(profile) == 1
    profile.close()
    assert seen[0].startswith("口令不对") and seen[0].endswith("（1 秒后可以再试） False 1")
    assert seen[1:] == ["False 2", "True"]  # the second wait is longer; the file was not touched


def test_a_plaintext_profile_is_encrypted_after_asking(qtbot: Any, data_dir: Path, no_passphrase: None) -> None:
    plain = open_profile(data_dir, database_url=store_engine.sqlite_url(data_dir / "advisor.sqlite"))
    households.save_household(plain, interchange.household_from_json((DATA / "household_wu.json").read_text()))
    plain.close()
    assert "吴晓霞".encode() in (data_dir / "advisor.sqlite").read_bytes()

    def act(dialog: EncryptDialog) -> None:
        type_text(qtbot, dialog.fields.first, "new-passphrase")
        type_text(qtbot, dialog.fields.second, "new-passphrase")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(EncryptDialog, act)
    opened = gui_app.start_profile(str(data_dir))
    assert opened is not None
    opened.close()
    raw = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert "吴晓霞".encode() not in raw and "吴晓霞".encode("utf-16-le") not in raw
    profile = open_profile(data_dir, passphrase="new-passphrase")
    assert households.count_households(profile) == 1
    profile.close()
