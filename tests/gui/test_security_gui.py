"""更改口令… and 生成恢复密钥… on real widgets, and 忘记口令？用恢复密钥 in the unlock dialog at start."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_typing import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.gui import app as gui_app
from advisor_app.gui.passphrase_dialogs import UnlockDialog
from advisor_app.gui.security_dialogs import ChangePassphraseDialog, RecoverDialog, RecoveryKeyDialog
from advisor_app.services import profile_settings, recovery
from advisor_app.services.profile import WrongPassphrase, open_profile
from advisor_app.store import recovery as sealed_file


def shown(kind: type[QWidget]) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def when_shown(kind: type[QWidget], act: Callable[[Any], None]) -> None:
    def attempt() -> None:
        found = shown(kind)
        if not found:
            QTimer.singleShot(20, attempt)
            return
        act(found[0])
    QTimer.singleShot(0, attempt)


def database_hash(folder: Path) -> str:
    return hashlib.sha256((folder / "advisor.sqlite").read_bytes()).hexdigest()




def test_change_the_passphrase_in_the_window(qtbot: Any, own_window: Any, data_dir: Path,
                                             message_boxes: list[tuple[str, str, str]]) -> None:
    assert own_window.security.change_action.isEnabled()
    own_window.security.change_action.trigger()
    qtbot.waitUntil(lambda: bool(shown(ChangePassphraseDialog)), timeout=2000)
    dialog = shown(ChangePassphraseDialog)[0]
    before = database_hash(data_dir)
    type_text(qtbot, dialog.current, "not-the-passphrase")
    type_text(qtbot, dialog.fields.first, "长江黄河一号大桥")
    type_text(qtbot, dialog.fields.second, "长江黄河一号大桥")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "" and dialog.busy.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=5000)
    assert dialog.problem.text() == "现在的口令不对，口令没有更改" and dialog.isVisible()
    assert database_hash(data_dir) == before and not dialog.busy.isVisible()
    type_text(qtbot, dialog.current, "test-passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shown(ChangePassphraseDialog), timeout=10000)
    assert own_window.operations.wait_idle()
    assert ("information", "更改口令", "口令已更改：档案和 0 份备份已用新口令重新加密。") in message_boxes
    assert any(kind == "question" and title == "恢复密钥" for kind, title, _ in message_boxes)  # offered
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, passphrase="test-passphrase")
    check = open_profile(data_dir, passphrase="长江黄河一号大桥")
    check.close()
    # the window goes on, on the new key: its list reads, and the watch notices another program's write
    own_window.run_search()
    assert own_window.operations.wait_idle() and own_window.model.rowCount() == 1
    own_window.list_pane.check_external_changes()
    assert own_window.operations.wait_idle()


def test_the_recovery_key_is_shown_once_after_the_passphrase(qtbot: Any, own_window: Any, data_dir: Path) -> None:
    own_window.security.recovery_action.trigger()
    qtbot.waitUntil(lambda: bool(shown(RecoveryKeyDialog)), timeout=2000)
    dialog = shown(RecoveryKeyDialog)[0]
    assert not dialog.replaces.isVisible()  # no key yet
    type_text(qtbot, dialog.passphrase, "wrong-passphrase")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=3000)
    assert dialog.problem.text() == "口令不对，没有生成恢复密钥" and not recovery.has_recovery_key(own_window.profile)
    type_text(qtbot, dialog.passphrase, "test-passphrase")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.code.text() != "", timeout=3000)
    code = dialog.code.text()
    assert dialog.code.isVisible() and len(code.split("-")) == 14
    assert recovery.has_recovery_key(own_window.profile)
    private = sealed_file.parse_code(code)
    raw = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw and private not in raw
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_unlock_dialog_opens_with_the_recovery_key(qtbot: Any, data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    made = open_profile(data_dir)
    profile_settings.set_up_own_profile(made, region="340104", villages=["七星村"], advisor="张明")
    code = recovery.create_recovery_key(made, "test-passphrase")
    made.close()
    monkeypatch.delenv("ADVISOR_APP_PASSPHRASE")  # forgotten
    seen: list[str] = []

    def recover(dialog: RecoverDialog) -> None:
        typo = code[:-1] + ("A" if code[-1] != "A" else "B")
        dialog.code.setPlainText(typo)
        type_text(qtbot, dialog.fields.first, "记得住的新口令呀")
        type_text(qtbot, dialog.fields.second, "记得住的新口令呀")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.problem.text())
        dialog.code.setPlainText(code.replace("-", " ").lower())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def unlock(dialog: UnlockDialog) -> None:
        assert dialog.recover_button.isVisible()
        when_shown(RecoverDialog, recover)
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)

    when_shown(UnlockDialog, unlock)
    profile = gui_app.start_profile(str(data_dir))
    assert seen and "校验不符" in seen[0]
    assert profile is not None
    profile.close()
    again = open_profile(data_dir, passphrase="记得住的新口令呀")
    assert profile_settings.profile_info(again).advisor == "张明"
    again.close()
