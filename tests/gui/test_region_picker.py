"""The region picker on real widgets: type a name, pinyin initials or a code, pick with the keyboard;
a zone (经开区) shows as itself, and the eligibility panel says whose policy table it used (Hefei's zones
their own, a zone without one its city's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from gui_typing import type_text as type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from advisor_app.domain import interchange
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.region_picker import RegionPicker
from advisor_app.services import households as svc
from advisor_app.services.policy import legacy_table_path

ZONE_LABEL = "合肥市 · 合肥经济技术开发区（340177）"


@pytest.fixture
def form(qtbot: Any) -> Iterator[tuple[RegionPicker, QLineEdit, list[str]]]:
    """A picker between two fields, shown, with the focus in it; and the codes it announced."""
    host = QWidget()
    qtbot.addWidget(host)
    before, picker, after = QLineEdit(), RegionPicker(None), QLineEdit()
    layout = QVBoxLayout(host)
    for widget in (before, picker, after):
        layout.addWidget(widget)
    show_active(qtbot, host)
    picker.set_code("340102")
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # into the picker, as the advisor would
    assert QApplication.focusWidget() is picker
    announced: list[str] = []
    picker.code_changed.connect(announced.append)
    yield picker, after, announced
    host.close()  # the host lives as long as the test


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type, then let Qt deliver what it queued, as the event loop does between real keystrokes."""
    type_keys(qtbot, widget, text)
    qtbot.wait(10)


def show_active(qtbot: Any, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def press(qtbot: Any, picker: RegionPicker, key: Qt.Key) -> None:
    """A key press where the keyboard goes: the open list of matches, else the field."""
    qtbot.keyClick(QApplication.activePopupWidget() or picker, key)
    qtbot.wait(10)


def test_type_a_name_and_press_enter(qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, _after, announced = form
    assert picker.lineEdit().selectedText() == picker.currentText()  # typing replaces the shown region
    type_text(qtbot, picker, "蜀山")
    assert picker.matches() == ["340104"] and picker.finder.popup().isVisible()
    assert picker.code() == "340102"  # nothing picked while typing
    press(qtbot, picker, Qt.Key.Key_Return)
    assert picker.code() == "340104" and picker.currentText() == "合肥市 · 蜀山区（340104）"
    assert announced == ["340104"] and not picker.finder.popup().isVisible()


def test_a_city_lists_its_units_and_the_field_keeps_what_was_typed(
        qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, _after, _announced = form
    type_text(qtbot, picker, "合肥")
    assert picker.lineEdit().text() == "合肥"  # no inline completion overwriting the search
    assert picker.matches()[:12] == [c for c in picker.codes() if c.startswith("3401")]
    popup = picker.finder.popup()
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert "合肥市 · 合肥经济技术开发区（340177）" in shown and "合肥市 · 蜀山区（340104）" in shown


def test_pinyin_initials_and_arrow_keys(qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, _after, announced = form
    type_text(qtbot, picker, "jkq")
    matches = picker.matches()
    assert matches[:2] == ["340177", "340271"] and len(matches) == 8  # every 经开区
    assert picker.finder.popup().currentIndex().row() == 0  # the best match is highlighted
    press(qtbot, picker, Qt.Key.Key_Down)
    press(qtbot, picker, Qt.Key.Key_Up)
    press(qtbot, picker, Qt.Key.Key_Down)
    press(qtbot, picker, Qt.Key.Key_Enter)
    assert picker.code() == "340271" and announced == ["340271"]
    assert picker.currentText() == "芜湖市 · 芜湖经济技术开发区（340271）"


def test_a_code_then_tab_picks_and_moves_on(qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, after, announced = form
    type_text(qtbot, picker, "340177")
    assert picker.matches() == ["340177"]
    press(qtbot, picker, Qt.Key.Key_Tab)
    assert picker.code() == "340177" and picker.currentText() == ZONE_LABEL
    assert announced == ["340177"] and QApplication.focusWidget() is after


def test_an_old_code_finds_the_zone_under_its_new_code(qtbot: Any,
                                                       form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, _after, _announced = form
    type_text(qtbot, picker, "340172")
    press(qtbot, picker, Qt.Key.Key_Return)
    assert picker.code() == "340177"


def test_enter_after_esc_takes_the_best_match(qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, _after, announced = form
    type_text(qtbot, picker, "合肥 经开")
    press(qtbot, picker, Qt.Key.Key_Escape)
    assert not picker.finder.popup().isVisible() and picker.lineEdit().text() == "合肥 经开"
    press(qtbot, picker, Qt.Key.Key_Return)
    assert picker.code() == "340177" and announced == ["340177"]


def test_leaving_a_search_that_matched_nothing_shows_the_region_again(
        qtbot: Any, form: tuple[RegionPicker, QLineEdit, list[str]]) -> None:
    picker, after, announced = form
    type_text(qtbot, picker, "xyzxyz")
    assert picker.matches() == [] and not picker.finder.popup().isVisible()
    press(qtbot, picker, Qt.Key.Key_Return)  # nothing to take
    assert picker.code() == "340102" and picker.currentText() == "合肥市 · 瑶海区（340102）"
    type_text(qtbot, picker, "zzz")
    after.setFocus()
    assert picker.currentText() == "合肥市 · 瑶海区（340102）" and announced == []


def test_every_anhui_unit_is_offered_and_stored_codes_keep_a_note(qtbot: Any) -> None:
    picker = RegionPicker(None)
    qtbot.addWidget(picker)
    assert len(picker.codes()) == 119 and {"340176", "340177", "340178", "341871"} <= set(picker.codes())
    assert "340171" not in picker.codes() and "340100" not in picker.codes()
    picker.set_code("340172")  # a household stored with the 2017–2022 code keeps it
    assert picker.code() == "340172"
    assert picker.currentText() == "合肥市 · 合肥经济技术开发区（340172，旧代码，现为 340177）"
    picker.set_code("340800")
    assert picker.code() == "340800" and "请选到县、区" in picker.currentText()


def test_a_code_only_the_local_table_names_is_offered(qtbot: Any, profile: Any) -> None:
    path = legacy_table_path(profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("region,region_name,key,area,value,unit,effective_from,effective_to,is_default,source,note\n"
                    "349901,试验县,dibao_standard,,700,元/人/月,2024-01-01,,no,县文件,\n", encoding="utf-8")
    picker = RegionPicker(profile)
    qtbot.addWidget(picker)
    assert picker.codes()[-1] == "349901"
    show_active(qtbot, picker)
    picker.setFocus()
    type_text(qtbot, picker, "试验")
    assert picker.matches() == ["349901"]


def test_a_zone_household_shows_as_the_zone_and_the_panel_names_the_table(
        qtbot: Any, editor: HouseholdEditor, profile: Any, household_json: str) -> None:
    doc = interchange.household_from_json(household_json)
    doc.region = "340177"
    stored = svc.save_household(profile, doc)
    editor.load(svc.load_household(profile, stored.id or ""))
    assert editor.region.currentText() == ZONE_LABEL and editor.region.code() == "340177"
    assert not editor.is_dirty()
    panel = editor.panel
    panel.date.setDate(panel.date.date().fromString("2024-01-01", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=5000)
    assert panel.summary.text().splitlines()[-1] == "使用的标准：合肥经济技术开发区"  # its own table
    assert "低保标准 924 元/人/月" in panel.summary.text() and panel.status_of("dibao") == "eligible"

    editor.tabs.setCurrentIndex(0)
    show_active(qtbot, editor)
    editor.region.setFocus()  # as a click would: the shown region is selected, typing replaces it
    qtbot.waitUntil(lambda: editor.region.lineEdit().selectedText() == ZONE_LABEL, timeout=2000)
    type_text(qtbot, editor.region, "czjkq")  # 滁州经开区: 滁州 has a city-wide table only
    press(qtbot, editor.region, Qt.Key.Key_Return)
    assert editor.household().region == "341172" and editor.is_dirty()
    fallback = "使用的标准：滁州市（滁州经济技术开发区没有单独的标准，按所在市执行）"
    qtbot.waitUntil(lambda: fallback in panel.summary.text() and not panel.pending(), timeout=5000)
    assert "低保标准 727 元/人/月" in panel.summary.text() and panel.status_of("dibao") == "eligible"
    assert panel.result() is not None and panel.result().on == dt.date(2024, 1, 1)
