"""Room for the eligibility panel: beside the tabs from SIDE_BY_SIDE_WIDTH on, below them otherwise,
the advisor's split kept per arrangement and across restarts; the editor's share of the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from advisor_app.gui import main_window as main_window_module
from advisor_app.gui import settings as gui_settings
from advisor_app.gui.editor_splitter import FIRST_SHARE
from advisor_app.gui.household_editor import SIDE_BY_SIDE_WIDTH, HouseholdEditor

BESIDE, BELOW = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def _editor(qtbot: Any, ops: Any, width: int, height: int = 700) -> HouseholdEditor:
    editor = HouseholdEditor(ops)
    qtbot.addWidget(editor)
    editor.resize(width, height)
    editor.show()
    qtbot.waitUntil(lambda: editor.width() == width, timeout=2000)
    return editor


def _share(editor: HouseholdEditor) -> float:
    tabs, panel = editor.splitter.sizes()
    return tabs / (tabs + panel)


def test_beside_when_wide_below_when_narrow_with_a_fair_share(qtbot: Any, ops: Any) -> None:
    editor = _editor(qtbot, ops, SIDE_BY_SIDE_WIDTH + 20)
    assert editor.splitter.orientation() == BESIDE
    assert abs(_share(editor) - FIRST_SHARE[BESIDE]) < 0.05
    editor.resize(SIDE_BY_SIDE_WIDTH - 100, 700)
    qtbot.waitUntil(lambda: editor.splitter.orientation() == BELOW, timeout=2000)
    assert abs(_share(editor) - FIRST_SHARE[BELOW]) < 0.05
    assert editor.panel.height() > 250  # the reasons are readable, not a strip under the tabs


def test_the_split_is_kept_per_arrangement_and_after_a_restart(qtbot: Any, ops: Any) -> None:
    editor = _editor(qtbot, ops, SIDE_BY_SIDE_WIDTH - 100, 800)
    assert editor.splitter.orientation() == BELOW
    total = sum(editor.splitter.sizes())
    editor.splitter.setSizes([total * 35 // 100, total - total * 35 // 100])  # the advisor gives the panel more room
    editor.resize(SIDE_BY_SIDE_WIDTH + 200, 800)
    qtbot.waitUntil(lambda: editor.splitter.orientation() == BESIDE, timeout=2000)
    editor.resize(SIDE_BY_SIDE_WIDTH - 100, 800)
    qtbot.waitUntil(lambda: editor.splitter.orientation() == BELOW, timeout=2000)
    assert abs(_share(editor) - 0.35) < 0.04
    editor.save_layout()
    assert not gui_settings.settings.editor_split_below.isEmpty()

    again = _editor(qtbot, ops, SIDE_BY_SIDE_WIDTH - 50, 700)
    assert again.splitter.orientation() == BELOW and abs(_share(again) - 0.35) < 0.04


def test_the_editor_gets_most_of_a_laptop_screen_and_the_panel_beside_the_tabs(qtbot: Any,
                                                                                main_window: Any) -> None:
    main_window.resize(1366, 768)
    qtbot.waitUntil(lambda: main_window.width() == 1366, timeout=2000)
    main_window.table.setCurrentIndex(main_window.model.index(0, 0))
    main_window.edit_current()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: main_window.editor.isVisible(), timeout=2000)
    list_width, editor_width = main_window.splitter.sizes()
    assert abs(editor_width / (list_width + editor_width) - main_window_module.EDITOR_SHARE) < 0.03
    assert list_width >= main_window_module.LIST_MIN_WIDTH
    assert main_window.editor.splitter.orientation() == BESIDE
    main_window.close()
    assert not gui_settings.settings.editor_split_beside.isEmpty()  # the editor's split is kept too


def test_a_split_stored_before_the_editor_was_ever_opened_is_not_used(qtbot: Any, demo_profile: Any) -> None:
    from advisor_app.gui.app import create_main_window

    first = create_main_window(demo_profile, install_hook=False)
    qtbot.addWidget(first)
    first.resize(1366, 768)
    first.show()
    assert first.operations.wait_idle()
    first.close()  # the editor never shown: the stored split has no width for it
    assert not gui_settings.settings.main_splitter.isEmpty()

    second = create_main_window(demo_profile, install_hook=False)
    qtbot.addWidget(second)
    second.resize(1366, 768)
    second.show()
    assert second.operations.wait_idle()
    second.show_editor(QWidget())
    qtbot.waitUntil(lambda: second.editor_area.isVisible(), timeout=2000)
    list_width, editor_width = second.splitter.sizes()
    assert editor_width / (list_width + editor_width) > 0.5
    second.close()
