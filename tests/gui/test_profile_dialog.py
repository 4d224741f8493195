"""设置 ▸ 档案设置… driven as the advisor does: the villages, name and 监督电话 changed and saved
(Ctrl+S), the next new household starting in the new first village, the next visit with the new
advisor; what is missing named, Esc asking before changes are thrown away; a demo profile changing
only its advisor and phone. Real widgets, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_typing import retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from advisor_app.gui.app import create_main_window
from advisor_app.gui.profile_dialog import ProfileDialog
from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import documents, households, profile_settings
from advisor_app.services.profile import Profile, open_profile


@pytest.fixture
def own_profile(tmp_path: Path) -> Iterator[Profile]:
    """The advisor's own profile: 巢湖市 (340181), 七星村 and 光明村, advisor 张明."""
    profile = open_profile(tmp_path / "own")
    profile_settings.set_up_own_profile(profile, region="340181", villages=["七星村", "光明村"], advisor="张明")
    yield profile
    profile.close()


@pytest.fixture
def window(qtbot: Any, own_profile: Profile) -> Iterator[Any]:
    w = create_main_window(own_profile, install_hook=False)
    qtbot.addWidget(w)
    w.show()
    assert w.operations.wait_idle()
    yield w
    w.operations.wait_idle()
    w.close()


def _open_dialog(window: Any) -> ProfileDialog:
    window.profile_action.trigger()
    assert window.operations.wait_idle()
    dialogs = [d for d in window.findChildren(ProfileDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _closed(dialog: ProfileDialog) -> bool:
    """Closed (and deleted by Qt, as the window opens it with WA_DeleteOnClose)."""
    return not isValid(dialog) or not dialog.isVisible()


def _visible(window: Any, kind: type) -> list[Any]:
    return [d for d in window.findChildren(kind) if d.isVisible()]


def test_changed_villages_name_and_phone_are_saved_and_used(qtbot: Any, window: Any, own_profile: Profile) -> None:
    assert window.profile_action in window.menuBar().actions()[-2].menu().actions()  # 设置 ▸ 档案设置…
    dialog = _open_dialog(window)
    assert dialog.village_names() == ("七星村", "光明村") and dialog.advisor_name() == "张明"
    assert dialog.region_code() == "340181" and dialog.phone.text() == ""
    retype(qtbot, dialog.villages, "光明村、新华村")
    retype(qtbot, dialog.advisor, "李娟")
    retype(qtbot, dialog.phone, "0551-65551234")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.operations.wait_idle() and window.operations.wait_idle()
    assert _closed(dialog)
    info = profile_settings.profile_info(own_profile)
    assert (info.region, info.villages, info.advisor) == ("340181", ("光明村", "新华村"), "李娟")
    assert documents.complaint_phone(own_profile) == "0551-65551234"
    assert window.profile_info == info  # the window read them again

    window.new_household()
    editor = window.editor
    assert editor is not None and editor.village.text() == "光明村" and editor.region.code() == "340181"
    window.close_editor()

    saved = households.import_household(own_profile, Path(__file__).parents[1] / "data" / "household_wu.json")
    window.run_search()
    assert window.operations.wait_idle()
    assert window.select_household(str(saved.id))
    window.visit_action.trigger()
    assert window.operations.wait_idle()
    [visit] = _visible(window, VisitDialog)
    assert visit.investigators.text() == "李娟"  # the new advisor, for a new visit
    visit.reject()


def test_what_is_missing_is_named_and_nothing_is_saved(qtbot: Any, window: Any, own_profile: Profile) -> None:
    dialog = _open_dialog(window)
    retype(qtbot, dialog.villages, "，、 ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == "请填写您负责的村（社区）名称。"
    retype(qtbot, dialog.villages, "七星村")
    retype(qtbot, dialog.advisor, " ")
    qtbot.keyClick(dialog.advisor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.problem.text() == "请填写您的姓名。"
    retype(qtbot, dialog.advisor, "李娟")
    retype(qtbot, dialog.phone, "110")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.operations.wait_idle()
    assert dialog.isVisible() and "不像电话号码" in dialog.problem.text()
    assert profile_settings.profile_info(own_profile).advisor == "张明"


def test_esc_asks_before_changes_are_thrown_away(qtbot: Any, window: Any, own_profile: Profile,
                                                 message_boxes: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _open_dialog(window)
    qtbot.keyClick(dialog.advisor, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert _closed(dialog) and not message_boxes

    dialog = _open_dialog(window)
    retype(qtbot, dialog.advisor, "李娟")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(dialog.advisor, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.advisor_name() == "李娟"  # 取消: back to typing
    monkeypatch.undo()
    message_boxes.clear()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, title, text, *a, **k: message_boxes.append((title, text)) or QMessageBox.StandardButton.Discard))
    qtbot.keyClick(dialog.advisor, Qt.Key.Key_Escape)
    assert _closed(dialog)
    assert message_boxes == [("档案设置", "不保存档案设置，放弃已填写的内容吗？")]
    assert window.operations.wait_idle()
    assert profile_settings.profile_info(own_profile).advisor == "张明"


def test_a_demo_changes_only_its_advisor_and_phone(qtbot: Any, main_window: Any, demo_profile: Profile) -> None:
    dialog = _open_dialog(main_window)
    assert not dialog.region.isEnabled() and dialog.villages.isReadOnly()
    assert "演示档案" in dialog.note.text()
    retype(qtbot, dialog.advisor, "李娟")
    retype(qtbot, dialog.phone, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle() and main_window.operations.wait_idle()
    assert _closed(dialog)
    info = profile_settings.profile_info(demo_profile)
    assert (info.kind, info.advisor, info.phone) == ("demo", "李娟", "12345")
    assert "演示数据" in main_window.windowTitle()
