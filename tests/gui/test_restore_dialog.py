"""文件 ▸ 恢复备份…: the dialog lists the backups (time, cause), restores the chosen one after a
question, and the window shows the restored records; a read-only profile says 只读."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from advisor_app.gui.restore_dialog import RestoreDialog
from advisor_app.services import backups, households
from advisor_app.services.profile import open_profile


def _when_shown(qtbot: Any, act: Any) -> list[RestoreDialog]:
    """Run ``act(dialog)`` once the (modal) restore dialog is on screen."""
    seen: list[RestoreDialog] = []

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return seen


def test_the_chosen_backup_is_restored_after_a_question(main_window: Any, qtbot: Any, monkeypatch: Any,
                                                        message_boxes: list[tuple[str, str, str]]) -> None:
    window = main_window
    copy = backups.backup_before(window.profile, "import")
    assert copy is not None
    gone = window.model.household_id(0)
    households.delete_household(window.profile, gone)
    qtbot.waitUntil(lambda: window.model.row_of(gone) is None, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))

    def choose(dialog: RestoreDialog) -> None:
        texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert texts[0] == "导入前"
        assert not dialog.restore_button.isEnabled()  # nothing chosen yet
        rect = dialog.table.visualRect(dialog.table.model().index(0, 0))
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.restore_button.isEnabled()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    shown = _when_shown(qtbot, choose)
    window.restore_action.trigger()
    assert shown and shown[0].chosen == copy.name.removesuffix(".sqlite")
    qtbot.waitUntil(lambda: window.model.row_of(gone) is not None, timeout=10000)
    assert window.model.rowCount() == 60
    assert any(kind == "information" and "已从" in text for kind, _t, text in message_boxes)
    assert backups.list_backups(window.profile.data.root)[0].cause == "before-restore"
    other = open_profile(window.profile.data.root, daily_backup=False)
    try:  # the restored file is the profile's database now, for every program
        assert any(h.id == gone for h in households.list_households(other))
    finally:
        other.close()


def test_cancel_restores_nothing(main_window: Any, qtbot: Any) -> None:
    window = main_window
    backups.backup_before(window.profile, "import")
    before = backups.list_backups(window.profile.data.root)
    shown = _when_shown(qtbot, lambda dialog: dialog.reject())
    window.restore_action.trigger()
    assert shown and shown[0].chosen is None
    assert window.operations.wait_idle()
    assert backups.list_backups(window.profile.data.root) == before


def test_a_read_only_profile_says_so(qtbot: Any, demo_profile: Any) -> None:
    from advisor_app.gui.app import create_main_window

    folder = demo_profile.data.root
    demo_profile.close()
    profile = open_profile(folder, read_only=True)
    window = create_main_window(profile, install_hook=False)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.operations.wait_idle()
        assert "只读" in window.windowTitle() and window.read_only_badge.isVisible()
        assert window.model.rowCount() == 60  # the list works
    finally:
        window.close()
        profile.close()
