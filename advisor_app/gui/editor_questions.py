"""What the household editor asks and answers in a message box: 未保存的修改 (discard them? save
them before the window closes?) and 无法保存 (the problems to correct first; a member already in
another household, with 打开该户)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from advisor_app.domain.errors import PersonInAnotherHousehold, Problem

Button = QMessageBox.StandardButton


def may_discard(parent: QWidget) -> bool:
    """当前家庭有未保存的修改: True when the advisor lets them go."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("editor_questions", "未保存的修改"),
        QCoreApplication.translate("editor_questions", "当前家庭有未保存的修改，放弃这些修改吗？"),
        Button.Discard | Button.Cancel, Button.Cancel)
    return answer == Button.Discard


def save_before_close(parent: QWidget) -> QMessageBox.StandardButton:
    """这户家庭有未保存的修改。要保存吗？ Save, Discard or Cancel (the window stays open)."""
    return QMessageBox.question(
        parent, QCoreApplication.translate("editor_questions", "未保存的修改"),
        QCoreApplication.translate("editor_questions", "这户家庭有未保存的修改。要保存吗？"),
        Button.Save | Button.Discard | Button.Cancel, Button.Save)


def not_saved(parent: QWidget, problems: list[Problem]) -> None:
    """无法保存, listing what to correct first."""
    intro = QCoreApplication.translate("editor_questions", "请先改正以下内容，家庭信息没有保存：")
    QMessageBox.warning(parent, QCoreApplication.translate("editor_questions", "无法保存"),
                        intro + "\n" + "\n".join(p.message for p in problems))


def offer_other_household(parent: QWidget, exc: PersonInAnotherHousehold, open_household: Callable[[str], None],
                          closed: Callable[[], None]) -> QMessageBox:
    """The refusal, with 打开该户 (``open_household`` of the household the member is already in) and
    关闭; ``closed`` runs either way. Window-modal, does not block: returns the open box."""
    title = QCoreApplication.translate("editor_questions", "无法保存")
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), parent=parent)
    open_button = box.addButton(QCoreApplication.translate("editor_questions", "打开该户"),
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("editor_questions", "关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    other = exc.other_household

    def finished(_result: int) -> None:
        closed()
        if box.clickedButton() is open_button:
            open_household(other)
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
