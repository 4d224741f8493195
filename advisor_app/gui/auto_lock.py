"""Auto-lock: after some minutes without keyboard or mouse input in any of the app's windows, every
window's content is covered and a lock screen asks for the passphrase.

**Idle.** :class:`AutoLock` is an event filter on the QApplication: every key, mouse button, mouse
move, wheel or touch event in any window restarts a single-shot timer of ``idle_ms`` (the minutes
of 设置 ▸ 档案设置…, :data:`.settings.GuiSettings.lock_minutes`, default 10, from 1 to 60: an own
profile cannot switch it off). 文件 ▸ 立即锁定 (Ctrl+L) locks at once.

**Locked.** Each visible window — the main window and every open dialog (visit dialog, editors,
print preview, message boxes) — gets a :class:`LockCover`: an opaque child widget over the whole
window, menu bar and toolbar included, so neither the screen nor the taskbar's thumbnail shows a
name; its title becomes 已锁定 (the title names the household shown). A window shown while locked
(a worker's answer opening a dialog) is covered when it shows; popups and tool tips are closed.
Nothing is closed or hidden: a modal dialog stays in its ``exec()``, unsaved typing stays where it
was (visit drafts are saved on the worker as before). The :class:`LockScreen` is application-modal,
so no other window takes input; key presses meant for another window are dropped as well.

**Unlocking** takes the passphrase, checked against the open database's key
(:func:`advisor_app.services.passphrase.check_passphrase`: nothing is opened or written), with the
unlock dialog's growing wait after a wrong one (the count of wrong tries carries across locks until
one succeeds). It is written to the audit log (:func:`advisor_app.services.audit.record_unlock`).

**The demo profile** (published passphrase, invented families) never locks by itself; 立即锁定
locks it, and 解锁 opens it without asking. A database given by URL (the office hub) has no
passphrase to check: it is treated like the demo (the server's own sign-in protects it).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from advisor_app.services import audit
from advisor_app.services import passphrase as keys
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile, WrongPassphrase

from .operations import Operations
from .passphrase_dialogs import UnlockDialog

DEFAULT_MINUTES = 10
MIN_MINUTES, MAX_MINUTES = 1, 60
INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
         QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.InputMethod}
HIDDEN_KINDS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class LockCover(QWidget):
    """An opaque sheet over a whole window while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        label = QLabel(self.tr("已锁定"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 20pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())


class LockScreen(UnlockDialog):
    """解锁 with the passphrase; cannot be closed or escaped, only unlocked."""

    def __init__(self, attempt: Callable[[str], object], ask: bool, parent: QWidget) -> None:
        super().__init__(attempt, self.tr("已锁定"), parent)
        self.setObjectName("lock_screen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint)
        self.quit_button.hide()
        self.field.setVisible(ask)
        self.ask = ask
        self.reset_message()

    def reset_message(self) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("为保护家庭信息，程序已锁定。请输入口令解锁，未保存的内容都还在。")
                             if self.ask else self.tr("演示档案：点“解锁”继续。"))

    def reject(self) -> None:  # Esc: stays locked
        return

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != UnlockDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)


class AutoLock(QObject):
    def __init__(self, window: QWidget, profile: Profile, operations: Operations,
                 is_demo: Callable[[], bool], minutes: int = DEFAULT_MINUTES) -> None:
        super().__init__(window)
        self.window = window
        self.profile = profile
        self.operations = operations
        self.is_demo = is_demo
        self.locked = False
        self.failures = 0  # wrong passphrases since the last unlock
        self.screen: LockScreen | None = None
        self._covered: list[tuple[QWidget, LockCover, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)  # removed by Qt when this object goes with its window

    # --- settings ---

    def set_minutes(self, minutes: int) -> None:
        self.set_idle_ms(max(MIN_MINUTES, min(MAX_MINUTES, minutes)) * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        """How long without input before locking (tests give a short one)."""
        self._timer.setInterval(ms)
        if not self.locked:
            self._timer.start()

    def idle_ms(self) -> int:
        return self._timer.interval()

    def locks_by_itself(self) -> bool:
        """An own encrypted profile locks when idle; the demo and a database by URL do not."""
        return keys.has_passphrase(self.profile) and not self.is_demo()

    def stop(self) -> None:
        """The window closed: no more locking, and the application's events no longer pass here."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- idle ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:
            if kind in INPUT:
                self._timer.start()
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if watched is not self._screen() and not isinstance(watched, LockCover):
                self._cover_later(watched)
        elif kind in (QEvent.Type.Resize, QEvent.Type.ChildAdded, QEvent.Type.LayoutRequest) \
                and isinstance(watched, QWidget):
            cover = self.covers(watched)
            if cover is not None:  # the window grew, or a part of it was added above the cover
                cover.setGeometry(watched.rect())
                QTimer.singleShot(0, lambda: cover.raise_() if shiboken6.isValid(cover) else None)
        elif (kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(watched, QWidget)
              and not self._on_screen(watched)):
            event.accept()  # a shortcut of a covered window does not fire, its key goes nowhere
            return True
        return False

    def _on_screen(self, widget: QWidget) -> bool:
        screen = self._screen()
        return screen is not None and (widget is screen or screen.isAncestorOf(widget))

    def _screen(self) -> LockScreen | None:
        if self.screen is not None and not shiboken6.isValid(self.screen):
            self.screen = None  # went with its window
        return self.screen

    def _idle(self) -> None:
        if self.locks_by_itself():
            self.lock()

    # --- locking ---

    def lock(self) -> None:
        """Cover every window and show the lock screen (nothing is closed)."""
        if self.locked:
            return
        self.locked = True
        self._timer.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self._screen():
                self._cover(widget)
        screen = self._screen()
        if screen is None:
            screen = LockScreen(self._attempt, keys.has_passphrase(self.profile) and not self.is_demo(), self.window)
            screen.accepted.connect(self._unlocked)
            self.screen = screen
        screen.setResult(0)  # not accepted yet: it cannot be closed
        screen.failures = self.failures
        screen.reset_message()
        screen.field.clear()
        screen.show()
        screen.raise_()
        screen.activateWindow()
        screen.field.setFocus()

    def _cover_later(self, window: QWidget) -> None:
        """A window shown while locked: covered, and the lock screen shown again after it, so that
        it stays the one modal window that takes input (a message box would otherwise block it)."""
        if window.windowType() in HIDDEN_KINDS:
            QTimer.singleShot(0, lambda: window.hide() if shiboken6.isValid(window) else None)
            return
        self._cover(window)
        QTimer.singleShot(0, self._screen_on_top)

    def _screen_on_top(self) -> None:
        screen = self._screen()
        if self.locked and screen is not None:
            screen.hide()
            screen.show()
            screen.raise_()
            screen.activateWindow()

    def _cover(self, window: QWidget) -> None:
        if window.windowType() in HIDDEN_KINDS:
            window.hide()
            return
        if any(w is window for w, _c, _t in self._covered):
            return
        cover = LockCover(window)
        cover.show()
        cover.raise_()
        self._covered.append((window, cover, window.windowTitle()))
        window.setWindowTitle(self.tr("已锁定"))

    def _attempt(self, typed: str) -> None:
        if self.screen is not None and self.screen.ask:
            try:
                keys.check_passphrase(self.profile, typed)
            except WrongPassphrase:
                self.failures += 1
                raise

    def _unlocked(self) -> None:
        self.failures = 0
        for window, cover, title in self._covered:
            if shiboken6.isValid(window):
                window.setWindowTitle(title)
            if shiboken6.isValid(cover):
                cover.deleteLater()
        self._covered.clear()
        self.locked = False
        self._timer.start()
        update_title = getattr(self.window, "update_title", None)
        if callable(update_title):
            update_title()
        if self.screen is not None and self.screen.ask:
            self.operations.write(audit.record_unlock, None, changed=Changes())

    def covers(self, window: QWidget) -> LockCover | None:
        """The cover over ``window`` while locked (for tests and the title)."""
        return next((c for w, c, _t in self._covered if w is window and shiboken6.isValid(c)), None)
