"""The mouse wheel scrolls forms; it changes a spin box, date field or combo box only when that field
has the keyboard focus.

Qt's own behaviour turns the value of whatever field is under the pointer while the advisor scrolls a
long form (已离家 going from 0 to 8 months changes eligibility) and gives that field the focus. The
:class:`WheelGuard`, installed once on the QApplication (:func:`install`, from ``app.application``
and ``app.create_main_window``), changes that for every window of the app:

* every :class:`QAbstractSpinBox` (spin boxes, money and date fields) and :class:`QComboBox` gets the
  focus policy ``StrongFocus`` when it is polished (before it is first shown), so the wheel never
  gives it the focus; a click or Tab still does;
* a wheel event over such a field without the focus does not reach the field: it goes to the field's
  parents, nearest first, until one takes it (the scroll area around the form, or a table that can
  still scroll), the way Qt passes on a wheel event a widget ignores.

With the focus in the field (clicked or tabbed into), the wheel steps its value as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARD_NAME = "advisor-wheel-guard"
GUARDED = (QAbstractSpinBox, QComboBox)


def pass_up(widget: QWidget, event: QWheelEvent) -> bool:
    """Offer ``event`` (over ``widget``) to ``widget``'s parents, nearest first, until one accepts
    it; stops at the window. True when one accepted it."""
    position = QPointF(event.position())
    current = widget
    while not current.isWindow() and not current.testAttribute(Qt.WidgetAttribute.WA_NoMousePropagation):
        parent = current.parentWidget()
        if parent is None:
            break
        position += QPointF(current.pos())
        current = parent
        passed = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                             event.buttons(), event.modifiers(), event.phase(), event.inverted(),
                             event.source())
        passed.ignore()  # a widget that does nothing with it leaves it ignored
        QApplication.sendEvent(current, passed)
        if passed.isAccepted():
            return True
    return False


class WheelGuard(QObject):
    """The application's event filter that keeps the wheel from changing unfocused fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                pass_up(watched, event)
                event.accept()  # dealt with: Qt does not offer it to the parents a second time
                return True
        elif (kind == QEvent.Type.Polish and isinstance(watched, GUARDED)
              and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` (once: calling again returns the one installed)."""
    existing = app.findChild(WheelGuard, GUARD_NAME)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(GUARD_NAME)
    app.installEventFilter(guard)
    return guard
