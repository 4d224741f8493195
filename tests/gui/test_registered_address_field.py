"""The household editor's 户籍地址 field, under 居住地址: typed, saved, loaded back and undone."""

from __future__ import annotations

from typing import Any

from gui_typing import retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from advisor_app.domain import idcard, interchange
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.operations import Operations
from advisor_app.services import households as svc

REGISTERED = "安徽省六安市金寨县梅山镇红石村三组"


def _label_of(editor: HouseholdEditor, widget: Any) -> str:
    form = widget.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    row, _role = form.getWidgetPosition(widget)
    label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
    assert isinstance(label, QLabel)
    return label.text()


def test_registered_address_is_typed_saved_and_loaded_back(qtbot: Any, editor: HouseholdEditor, ops: Operations,
                                                           profile: Any, household_json: str) -> None:
    original = svc.save_household(profile, interchange.household_from_json(household_json))
    editor.load(svc.load_household(profile, original.id))
    assert editor.registered_address.text() == ""
    assert _label_of(editor, editor.registered_address) == "户籍地址"
    form = editor.address.parentWidget().layout()
    assert form.getWidgetPosition(editor.registered_address)[0] == form.getWidgetPosition(editor.address)[0] + 1

    retype(qtbot, editor.registered_address, REGISTERED)
    assert editor.is_dirty() and editor.household().registered_address == REGISTERED
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor.registered_address, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ops.wait_idle()
    stored = svc.load_household(profile, original.id)
    assert stored.registered_address == REGISTERED and stored.address == original.address
    assert not editor.is_dirty()

    second = interchange.household_from_json(household_json)
    for i, m in enumerate(second.members):
        m.id_number = idcard.make("340104", m.birth_date, 500 + i)
    other = svc.save_household(profile, second)
    editor.load(svc.load_household(profile, other.id))
    assert editor.registered_address.text() == ""  # another household: its own (empty) one
    editor.load(stored)
    assert editor.registered_address.text() == REGISTERED
    retype(qtbot, editor.registered_address, "别处")
    editor.undo()
    assert editor.registered_address.text() == REGISTERED and not editor.is_dirty()
