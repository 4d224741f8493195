"""Auto-lock and 立即锁定 on real windows: after a short idle time (injected) the main window and an
open visit dialog are covered and retitled, typing reaches neither, a wrong passphrase keeps them
locked with a wait, the right one restores them with the typing kept and an audit entry; the demo
never locks by itself and unlocks without asking; the lock minutes are set in 档案设置."""

from __future__ import annotations

from typing import Any

from gui_typing import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from advisor_app.gui import settings as gui_settings
from advisor_app.gui.auto_lock import LockCover
from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import audit, households


def covered(window: QWidget, cover: LockCover | None) -> bool:
    """Every point of the window (menu bar and toolbar included) is the cover's."""
    if cover is None or not cover.isVisible() or cover.geometry() != window.rect():
        return False
    for x in range(2, window.width(), max(1, window.width() // 9)):
        for y in range(2, window.height(), max(1, window.height() // 9)):
            hit = window.childAt(QPoint(x, y))
            if hit is not None and hit is not cover and not cover.isAncestorOf(hit):
                return False
    return True


def open_visit(qtbot: Any, window: Any) -> VisitDialog:
    window.select_household(window.model.household_id(0))
    household = households.load_household(window.profile, window.model.household_id(0))
    dialog = VisitDialog(window.operations, household, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert window.operations.wait_idle()
    return dialog


def test_idle_covers_every_window_and_only_the_passphrase_unlocks(qtbot: Any, own_window: Any) -> None:
    lock = own_window.auto_lock
    dialog = open_visit(qtbot, own_window)
    type_text(qtbot, dialog.notes, "还没保存的记录")
    titles = own_window.windowTitle(), dialog.windowTitle()
    assert "吴" in titles[0]  # the title names the household shown
    lock.set_idle_ms(300)
    qtbot.wait(150)
    qtbot.mouseMove(own_window.table.viewport(), QPoint(20, 20))  # input: the wait starts again
    qtbot.wait(200)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    screen = lock.screen
    assert screen is not None and screen.isVisible() and screen.isModal()
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    for window in (own_window, dialog):
        assert covered(window, lock.covers(window)), window
        assert window.windowTitle() == "已锁定" and window.isVisible()  # nothing closed or hidden
    own_window.refresh_total()  # a refresh while locked does not name the household again
    assert own_window.operations.wait_idle() and own_window.windowTitle() == "已锁定"
    type_text(qtbot, dialog.notes, "偷看")  # keys to a covered window go nowhere
    assert dialog.notes.toPlainText() == "还没保存的记录"

    type_text(qtbot, screen.field, "wrong-passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.locked and not screen.unlock_button.isEnabled()
    assert screen.message.text().startswith("口令不对") and "1 秒后" in screen.message.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Esc does not unlock
    screen.close()  # nor does closing it
    assert lock.locked and screen.isVisible() and covered(own_window, lock.covers(own_window))
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=3000)
    entries = len(audit.list_entries(own_window.profile))
    type_text(qtbot, screen.field, "test-passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked and not screen.isVisible()
    qtbot.waitUntil(lambda: not own_window.findChildren(LockCover) and not dialog.findChildren(LockCover),
                    timeout=2000)
    assert (own_window.windowTitle(), dialog.windowTitle()) == titles
    assert dialog.isVisible() and dialog.notes.toPlainText() == "还没保存的记录"  # the typing kept
    assert own_window.operations.wait_idle()
    after = audit.list_entries(own_window.profile)
    assert len(after) == entries + 1 and after[-1].action == "unlock"
    dialog.close()


def test_ctrl_l_locks_at_once_and_a_window_shown_while_locked_is_covered(qtbot: Any, own_window: Any) -> None:
    lock = own_window.auto_lock
    action = own_window.security.lock_action
    assert action.shortcut().toString() == "Ctrl+L"
    assert action in [a for m in own_window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    action.trigger()
    assert lock.locked and lock.screen is not None
    later = QMessageBox(QMessageBox.Icon.Information, "保存失败", "吴晓霞户的走访记录", parent=own_window)
    qtbot.addWidget(later)
    later.show()  # e.g. a worker's answer while locked
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock.screen, timeout=2000)
    qtbot.waitUntil(lambda: covered(later, lock.covers(later)), timeout=2000)
    assert later.windowTitle() == "已锁定"
    type_text(qtbot, lock.screen.field, "test-passphrase")
    qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked and later.windowTitle() == "保存失败"
    later.close()
    action.trigger()  # locked again: the screen unlocked last time still cannot be closed
    lock.screen.close()
    assert lock.locked and lock.screen.isVisible()
    type_text(qtbot, lock.screen.field, "test-passphrase")
    qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked


def test_the_demo_does_not_lock_by_itself_and_unlocks_without_asking(qtbot: Any, main_window: Any) -> None:
    lock = main_window.auto_lock
    assert main_window.profile_info.is_demo
    lock.set_idle_ms(100)
    qtbot.wait(400)
    assert not lock.locked
    main_window.security.lock_action.trigger()
    assert lock.locked and lock.screen is not None and not lock.screen.field.isVisibleTo(lock.screen)
    assert covered(main_window, lock.covers(main_window))
    qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked
    assert not main_window.security.change_action.isEnabled()  # the demo's passphrase is published


def test_the_lock_minutes_are_set_in_the_profile_dialog(qtbot: Any, own_window: Any) -> None:
    from advisor_app.gui.profile_dialog import ProfileDialog

    assert own_window.auto_lock.idle_ms() == 10 * 60_000  # the default
    own_window.edit_profile()
    def shown() -> list[ProfileDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=3000)
    dialog = shown()[0]
    assert dialog.lock_minutes.minimum() == 1 and dialog.lock_minutes.maximum() == 60  # no 从不
    dialog.lock_minutes.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui_settings.settings.lock_minutes == 3, timeout=3000)
    assert gui_settings.settings.lock_minutes == 3 and own_window.auto_lock.idle_ms() == 3 * 60_000
