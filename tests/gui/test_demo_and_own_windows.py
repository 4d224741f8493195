"""Demo and own profiles in the main window: the title, 重置演示数据, demo families refused in an own
profile, and a new household that starts from the profile's own region and village (no result shown
before it can be checked). Real widgets, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_typing import type_text
from PySide6.QtWidgets import QMessageBox

from advisor_app.domain import interchange
from advisor_app.gui.app import create_main_window
from advisor_app.gui.household_table_model import STATUS
from advisor_app.services import eligibility, households, profile_settings
from advisor_app.services.profile import Profile, open_profile

GOOD_ID = "34010419880314002X"


@pytest.fixture
def own_profile(tmp_path: Path) -> Iterator[Profile]:
    """The advisor's own profile (beside the demo fixture's folder): 巢湖市 (340181), 七星村 and 光明村."""
    profile = open_profile(tmp_path / "own")
    profile_settings.set_up_own_profile(profile, region="340181", villages=["七星村", "光明村"], advisor="张明")
    yield profile
    profile.close()


def _window(qtbot: Any, profile: Profile) -> Any:
    window = create_main_window(profile, install_hook=False)
    qtbot.addWidget(window)
    window.show()
    assert window.operations.wait_idle()
    return window


def _close(window: Any) -> None:
    window.operations.wait_idle()
    window.close()


def test_the_title_says_demo_only_on_the_demo(qtbot: Any, demo_profile: Profile, own_profile: Any) -> None:
    demo = _window(qtbot, demo_profile)
    own = _window(qtbot, own_profile)
    try:
        assert "演示数据" in demo.windowTitle() and demo.reset_demo_action.isVisible()
        assert "演示数据" not in own.windowTitle() and not own.reset_demo_action.isVisible()
        assert own.windowTitle().startswith("救助顾问工作台")
        # and inside the window, where a full-screen window has no title bar
        assert not demo.demo_badge.isHidden() and "演示数据" in demo.demo_badge.text()
        assert own.demo_badge.isHidden()
    finally:
        _close(demo)
        _close(own)


def test_reset_demo_regenerates_after_asking(qtbot: Any, demo_profile: Profile, monkeypatch: pytest.MonkeyPatch,
                                             message_boxes: list[Any]) -> None:
    window = _window(qtbot, demo_profile)
    try:
        first = households.list_households(demo_profile, limit=1)[0]
        households.delete_household(demo_profile, first.id)
        assert households.count_households(demo_profile) == 59
        window.reset_demo_action.trigger()  # conftest answers the question "Discard": nothing happens
        assert window.operations.wait_idle()
        assert households.count_households(demo_profile) == 59
        assert message_boxes[-1][:2] == ("question", "重置演示数据")
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
        window.reset_demo_action.trigger()
        assert window.operations.wait_idle(60000) and window.operations.wait_idle()
        assert households.count_households(demo_profile) == 60 and window.total == 60
        again = {h.head_name for h in households.list_households(demo_profile)}
        assert first.head_name in again  # the same families (same seed), the deleted one back
        assert "演示数据已重置：60 户" in window.statusBar().currentMessage()
        # screened at once: the list's 当前状态 shows what the demo families may apply for
        assert eligibility.last_screening(demo_profile) is not None
        qtbot.waitUntil(lambda: sum(bool(window.model.data(window.model.index(r, STATUS)))
                                    for r in range(window.model.rowCount())) >= 10, timeout=5000)
    finally:
        _close(window)


def test_the_own_profile_refuses_demo_families_and_a_reset(qtbot: Any, own_profile: Profile,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          message_boxes: list[Any]) -> None:
    window = _window(qtbot, own_profile)
    try:
        window.fill_demo_households(5)
        assert window.operations.wait_idle()
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
        window.reset_demo()
        assert window.operations.wait_idle()
        warnings = [text for kind, _title, text in message_boxes if kind == "warning"]
        assert len(warnings) == 2
        assert "不能放入演示用的虚构家庭" in warnings[0] and "不能重置演示数据" in warnings[1]
        assert households.count_households(own_profile) == 0
    finally:
        _close(window)


def test_a_new_household_starts_in_the_profiles_region_and_village(qtbot: Any, own_profile: Profile,
                                                                   household_json: str) -> None:
    other = interchange.household_from_json(household_json.encode())  # 合肥市蜀山区, 莲花社区
    saved = households.save_household(own_profile, other)
    window = _window(qtbot, own_profile)
    try:
        window.open_household(str(saved.id))
        assert window.operations.wait_idle()
        editor = window.editor
        assert editor is not None and editor.region.code() == "340104"
        window.new_household()
        assert editor.region.code() == "340181" and editor.village.text() == "七星村"
        panel = editor.panel
        qtbot.waitUntil(lambda: not panel.pending(), timeout=3000)
        assert panel.result() is None and "填写户主姓名、身份证号并选择所属地区后" in panel.text()
        type_text(qtbot, editor.members.name, "王秀兰")  # a name, no ID number yet: still nothing
        qtbot.waitUntil(lambda: not panel.pending(), timeout=3000)
        assert panel.result() is None and "填写户主姓名" in panel.text()
        qtbot.keyClicks(editor.members.id_number, GOOD_ID)
        qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=5000)
        assert editor.household().region == "340181"
    finally:
        _close(window)



@pytest.fixture
def app_display_name(qapp: Any) -> Iterator[str]:
    """The application display name the app sets (gui.app.application), which Qt appends to titles."""
    before = qapp.applicationDisplayName()
    qapp.setApplicationDisplayName("救助顾问工作台")
    yield "救助顾问工作台"
    qapp.setApplicationDisplayName(before)


def test_the_title_names_the_app_once(qtbot: Any, demo_profile: Profile, own_profile: Any,
                                      app_display_name: str) -> None:
    demo = _window(qtbot, demo_profile)
    own = _window(qtbot, own_profile)
    try:
        assert demo.windowTitle() == "演示数据"  # Qt shows "演示数据 — 救助顾问工作台"
        demo.table.setCurrentIndex(demo.model.index(2, 0))
        head = households.load_household(demo_profile, demo.model.household_id(2))
        assert demo.windowTitle() == f"{head.head_name}户 — {head.village} — 演示数据"
        assert app_display_name not in demo.windowTitle()
        # nothing else to say: the app's name alone (Qt adds nothing to a title ending with it)
        assert own.windowTitle() == app_display_name
    finally:
        _close(demo)
        _close(own)


def test_without_a_display_name_the_window_names_the_app_itself(qtbot: Any, qapp: Any, demo_profile: Profile) -> None:
    assert qapp.applicationDisplayName() != "救助顾问工作台"  # pytest-qt's: not the app's name
    demo = _window(qtbot, demo_profile)
    try:
        assert demo.windowTitle() == "演示数据 — 救助顾问工作台"
    finally:
        _close(demo)
