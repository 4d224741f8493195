"""After a crash or a power cut: offer to restore the visits that were being typed.

The main window calls :func:`offer_draft_restore` once at start-up. For each visit draft (newest
first) the advisor chooses 恢复 (the visit dialog opens with the draft), 放弃 (the draft is deleted)
or 以后再说 (it stays, and is offered again next time — or restored when a visit to that household
is recorded).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household
from advisor_app.services import drafts
from advisor_app.services import households as household_service
from advisor_app.services.changes import Changes

from . import errors
from .operations import Operations
from .visit_dialog import VisitDialog

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DraftRestore", text)


def ask_restore(parent: QWidget | None, head_name: str, saved_at: str) -> str:
    """Ask what to do with one draft: RESTORE, DISCARD or LATER."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("恢复走访记录"))
    box.setText(_tr("上次有一条走访记录没有保存（户主：%1，最后自动保存于 %2）。要恢复吗？")
                .replace("%1", head_name or "—").replace("%2", saved_at))
    restore = box.addButton(_tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER


def _when(updated_at: str) -> str:
    return updated_at[:16].replace("T", " ") + "（UTC）" if updated_at else "—"


def offer_draft_restore(main_window: QWidget, operations: Operations,
                        on_dialog: Callable[[VisitDialog], None] | None = None) -> None:
    """Offer every visit draft of the profile, one after another (``on_dialog`` gets each dialog opened)."""

    def offer(pending: list[drafts.Draft]) -> None:
        if not pending:
            return
        draft, rest = pending[0], pending[1:]
        try:
            household_id, head_name, visit = drafts.visit_from_payload(draft.payload)
        except DomainError as exc:
            errors.show_error(main_window, exc)
            offer(rest)
            return
        choice = ask_restore(main_window, head_name, _when(draft.updated_at))
        if choice == DISCARD:
            operations.write(lambda p: drafts.discard_draft(p, draft.id), lambda _gone: offer(rest),
                             changed=Changes(drafts=True))
            return
        if choice == LATER:
            offer(rest)
            return

        def show(household: Household) -> None:
            dialog = VisitDialog(operations, household, main_window, draft=visit)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: offer(rest))
            if on_dialog is not None:
                on_dialog(dialog)
            dialog.open()

        def missing(exc: DomainError) -> None:
            errors.show_error(main_window, _tr("这条草稿所属的家庭已不存在，草稿暂时保留。") + "\n" + str(exc))
            offer(rest)

        operations.query(lambda p: household_service.load_household(p, household_id), show, on_error=missing)

    operations.query(lambda p: drafts.list_drafts(p, drafts.VISIT), offer)
