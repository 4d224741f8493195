"""打印 → 公示名单 asks for the village, the 公示期 and the 监督电话 before anything prints; the phone
is remembered for the next notice, and a blank one can never be printed."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
from gui_typing import retype
from PySide6.QtCore import QDate, Qt

from advisor_app.gui.notice_dialog import NoticeDialog
from advisor_app.services import documents, households
from advisor_app.services.documents import NoticePlace

PHONE = "0551-62345678"


def _shown(window: Any) -> list[NoticeDialog]:
    return [d for d in window.findChildren(NoticeDialog) if d.isVisible()]


def _open_dialog(qtbot: Any, window: Any) -> NoticeDialog:
    window.print_actions["notice"].trigger()
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(_shown(window)) == 1)
    return _shown(window)[0]


def pdftotext(pdf: bytes, tmp: Path) -> str:
    (tmp / "n.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp / "n.pdf"), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str]]:
    from advisor_app.gui import print_preview

    shown: list[tuple[bytes, str, str]] = []
    monkeypatch.setattr(print_preview, "show_print_preview",
                        lambda _parent, pdf, title, file_name: shown.append((pdf, title, file_name)))
    return shown


def test_the_notice_asks_village_period_and_phone_and_remembers_the_phone(
        qtbot: Any, main_window: Any, demo_profile: Any, previews: list[Any], tmp_path: Path) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(0, 0))
    h = households.load_household(demo_profile, main_window.current_household_id())
    dialog = _open_dialog(qtbot, main_window)
    assert previews == []  # nothing is made before the advisor answers
    chosen = dialog.place.currentData()
    assert (chosen.village, chosen.town, chosen.region) == (h.village, h.town, h.region)
    assert dialog.place.count() == len(documents.notice_places(demo_profile)) > 1
    today = dt.date.today()
    assert dialog.start.date() == QDate(today.year, today.month, today.day)
    assert dialog.until.date() == dialog.start.date().addDays(6)

    assert dialog.phone.text() == "" and not dialog.make_button.isEnabled()  # no phone saved yet
    assert dialog.problem.isVisible() and "监督电话" in dialog.problem.text()
    qtbot.keyClicks(dialog.phone, PHONE)
    assert dialog.make_button.isEnabled() and not dialog.problem.isVisible()

    dialog.until.setDate(dialog.start.date().addDays(3))
    assert not dialog.make_button.isEnabled() and "不得少于7天" in dialog.problem.text()
    dialog.until.setDate(dialog.start.date().addDays(9))
    assert dialog.make_button.isEnabled()
    dialog.start.setDate(dialog.start.date().addDays(2))  # still 8 days: the end stays
    assert dialog.until.date() == QDate(today.year, today.month, today.day).addDays(9)
    dialog.start.setDate(dialog.start.date().addDays(2))  # 6 days: the end moves along to keep 7
    assert dialog.until.date() == dialog.start.date().addDays(6)
    start = dialog.start.date().toPython()
    end = dialog.until.date().toPython()
    retype(qtbot, dialog.period, "2026年第四季度")

    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(previews) == 1)
    pdf, _title, file_name = previews[0]
    text = "".join(pdftotext(pdf, tmp_path).split())
    assert PHONE in text and "2026年第四季度" in text and h.village in text
    assert f"公示期：{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日（7天）" in text
    assert file_name == f"公示名单-{h.village}-{start.isoformat()}.pdf"
    assert documents.complaint_phone(demo_profile) == PHONE  # remembered in the profile

    again = _open_dialog(qtbot, main_window)
    assert again.phone.text() == PHONE and again.make_button.isEnabled()
    again.reject()


def test_a_blank_phone_cannot_be_printed_even_with_ctrl_s(qtbot: Any, main_window: Any, demo_profile: Any,
                                                          previews: list[Any]) -> None:
    documents.set_complaint_phone(demo_profile, PHONE)
    dialog = _open_dialog(qtbot, main_window)  # no household selected: the first village is offered
    assert dialog.place.currentIndex() == 0 and dialog.phone.text() == PHONE
    retype(qtbot, dialog.phone, "   ")
    assert not dialog.make_button.isEnabled() and "请填写监督电话" in dialog.problem.text()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.result() != NoticeDialog.DialogCode.Accepted
    retype(qtbot, dialog.phone, "110")
    assert not dialog.make_button.isEnabled() and "至少要有5位数字" in dialog.problem.text()
    dialog.reject()
    assert main_window.operations.wait_idle()
    assert previews == [] and documents.complaint_phone(demo_profile) == PHONE  # nothing made or changed


def test_a_dialog_without_villages_says_so(qtbot: Any) -> None:
    dialog = NoticeDialog([], PHONE)
    qtbot.addWidget(dialog)
    assert not dialog.make_button.isEnabled() and "没有可公示的村" in dialog.problem.text()
    place = NoticePlace("莲花社区", "莲花街道", "340104", "合肥市蜀山区")
    dialog = NoticeDialog([place], PHONE, place, today=dt.date(2026, 12, 1))
    qtbot.addWidget(dialog)
    assert dialog.make_button.isEnabled()
    assert dialog.place.currentText() == "莲花社区（莲花街道，合肥市蜀山区）"
    assert dialog.request() == documents_request(place)


def documents_request(place: NoticePlace) -> Any:
    from advisor_app.gui.notice_dialog import NoticeRequest

    return NoticeRequest(place, dt.date(2026, 12, 1), dt.date(2026, 12, 7), "", PHONE)
