"""The English interface is English: the list's statuses, the member editor's and visit dialog's
choices, the eligibility panel's programmes, statuses and reasons, the print menu, the window title
and the counts; and the member editor fits a 1366×768 screen in both languages.

The language is switched as the app does it: the setting is stored, then the translations are
installed from it (``install_translations``, what ``application()`` does at start-up), and only
then the window is made. Names, villages and other words the advisor typed stay as typed: they
are taken out before looking for Chinese characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QScrollArea, QWidget

from advisor_app.documents.kinds import FORM_KINDS
from advisor_app.domain.household import Household, Need
from advisor_app.domain.interchange import household_from_dict
from advisor_app.gui import app as gui_app
from advisor_app.gui import language
from advisor_app.gui import settings as gui_settings
from advisor_app.gui.household_table_model import STATUS
from advisor_app.rules.snapshot import DEFAULT_NOTE
from advisor_app.services import eligibility, household_list, households

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _install(qapp: Any, code: str) -> Iterator[str]:
    gui_settings.settings.language = code
    before_locale, before_name = QLocale(), qapp.applicationDisplayName()
    translators = gui_app.install_translations(qapp, gui_settings.settings.effective_language())
    try:
        yield code
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(before_locale)
        qapp.setApplicationDisplayName(before_name)


@pytest.fixture
def english(qapp: Any) -> Iterator[str]:
    yield from _install(qapp, "en")


@pytest.fixture(params=["zh_CN", "en"])
def interface(request: Any, qapp: Any) -> Iterator[str]:
    yield from _install(qapp, request.param)


def _window(qtbot: Any, profile: Any) -> Any:
    window = gui_app.create_main_window(profile, install_hook=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.operations.wait_idle()
    return window


def _open(qtbot: Any, window: Any, household_id: str) -> Any:
    window.open_household(household_id)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible(), timeout=5000)
    assert window.operations.wait_idle()
    return window.editor


def _bare(text: str, typed: list[str]) -> str:
    """``text`` without the words the advisor typed (longest first)."""
    for word in sorted((w for w in typed if w), key=len, reverse=True):
        text = text.replace(word, "")
    return text


def _texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: labels, buttons, group titles, and every choice of
    every combo box (closed or open)."""
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        if isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
    return [t for t in found if t]


def _wu(profile: Any, household_json: str) -> Household:
    return households.save_household(profile, household_from_dict(json.loads(household_json)))


def test_the_list_title_counts_and_print_menu_are_english(qtbot: Any, qapp: Any, english: str,
                                                         demo_profile: Any) -> None:
    eligibility.screen(demo_profile)
    window = _window(qtbot, demo_profile)
    assert language.current() == "en"
    model = window.model
    statuses = [str(model.data(model.index(r, STATUS)) or "") for r in range(model.rowCount())]
    assert sum(bool(s) for s in statuses) >= 10  # screened: most households have a programme
    assert not [s for s in statuses if CJK.search(s)]
    assert {"Dibao", "Near-dibao"} & {part for s in statuses for part in s.split(", ")}

    assert qapp.applicationDisplayName() == "Assistance Advisor Workbench"  # Qt adds it to window titles
    assert not CJK.search(window.windowTitle()) and "demo data" in window.windowTitle()
    assert "Assistance Advisor Workbench" not in window.windowTitle()  # once, by Qt
    assert window.count_label.text() == "60 households"

    items = [a.text() for a in window.print_menu.actions() if not a.isSeparator()]
    assert len(items) == len(FORM_KINDS) + 1  # every form, and the public notice
    assert "Dibao application…" in items and "Eligibility assessment (for reference)…" in items
    assert not [t for t in items if CJK.search(t)]

    number = households.load_household(demo_profile, household_list.ids(demo_profile)[5]).members[0].id_number
    window.search.setText(number)
    qtbot.waitUntil(lambda: window.list_pane.searched_text == number, timeout=3000)
    assert window.operations.wait_idle()
    assert window.count_label.text() == "1 household found (of 60)"


def test_member_editor_choices_and_eligibility_reasons_are_english(qtbot: Any, english: str, profile: Any,
                                                                    household_json: str) -> None:
    wu = _wu(profile, household_json)
    window = _window(qtbot, profile)
    editor = _open(qtbot, window, str(wu.id))
    qtbot.waitUntil(lambda: not editor.panel.pending() and editor.panel.result() is not None, timeout=10000)
    typed = [m.name for m in wu.members] + [m.id_number for m in wu.members]
    for s in wu.supporters:
        typed += [s.name, s.relation, s.reason]

    members = editor.members
    combos = members.findChildren(QComboBox)
    assert len(combos) >= 5  # relation, disability kind and grade, whereabouts, the income kinds
    for row in range(members.list.count()):
        members.select(row)
        assert not CJK.search(_bare(members.list.item(row).text(), typed)), members.list.item(row).text()
        shown = [_bare(t, typed) for t in _texts(members)]
        assert not [t for t in shown if CJK.search(t)], [t for t in shown if CJK.search(t)]
    kinds = members.disability_kind
    assert "Physical disability" in [kinds.itemText(i) for i in range(kinds.count())]

    result = editor.panel.result()
    assert {p.status for p in result.programs} >= {"eligible", "ineligible"}
    panel_text = editor.panel.text() + "\n" + editor.panel.view.toPlainText()
    assert "Eligible" in panel_text and "Not eligible" in panel_text
    assert sum(len(p.reasons) for p in result.programs) >= 10
    for reason in (r for p in result.programs for r in p.reasons):
        # Each reason shows in English with its citation after it; a default figure carries "*" where
        # the sentence said "(default: …)", and the note on defaults comes once, in English.
        sentence = reason.sentence.en.replace(DEFAULT_NOTE.en, "*")
        assert f"{sentence} ({reason.source.en})" in editor.panel.text()
    assert DEFAULT_NOTE.en not in panel_text and panel_text.count("this software's defaults") == 2  # text + view
    assert editor.panel.text().startswith("Your family can apply for: extreme poverty support for 吴晓霞")
    assert "What to apply for" in panel_text
    # 复制说明 copies the explanation for the family, in Chinese, whatever the interface language.
    editor.panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == editor.panel.explanation().text()
    assert QGuiApplication.clipboard().text().startswith("您家可以申请：吴晓霞的特困人员救助供养")
    leftover = [line for line in panel_text.splitlines() if CJK.search(_bare(line, typed))]
    assert not leftover, leftover


def test_visit_dialog_choices_are_english(qtbot: Any, english: str, profile: Any, household_json: str) -> None:
    from advisor_app.gui.operations import Operations
    from advisor_app.gui.visit_dialog import VisitDialog

    wu = _wu(profile, household_json)
    host = QWidget()
    qtbot.addWidget(host)
    operations = Operations(profile, host)
    dialog = VisitDialog(operations, wu, host)
    qtbot.addWidget(dialog)
    dialog.needs.add_row(Need("goods", "轮椅", "open"))
    choices = [dialog.type.itemText(i) for i in range(dialog.type.count())]
    assert "Home investigation" in choices and not [c for c in choices if CJK.search(c)]
    for column in (0, 2):
        combo = dialog.needs.combo(0, column)
        items = [combo.itemText(i) for i in range(combo.count())]
        assert items and not [t for t in items if CJK.search(t)], items
    operations.wait_idle()
    operations.shutdown()


def test_member_editor_and_tables_fit_a_1366_screen(qtbot: Any, interface: str, demo_profile: Any) -> None:
    window = _window(qtbot, demo_profile)
    biggest = max(household_list.ids(demo_profile),
                  key=lambda h: len(households.load_household(demo_profile, h).members))
    editor = _open(qtbot, window, biggest)
    editor.tabs.setCurrentWidget(editor.members)
    qtbot.wait(50)
    members = editor.members
    scroll = members.findChildren(QScrollArea)[0]
    assert members.isVisible() and scroll.viewport().width() > 200
    for row in range(members.list.count()):  # the widest member (long whereabouts, incomes)
        members.select(row)
        qtbot.wait(10)
        assert scroll.horizontalScrollBar().maximum() == 0, (interface, row, members.form.minimumSizeHint())
        # and nothing is cut off at the right edge: every field, box and label lies inside the viewport
        viewport = scroll.viewport()
        cut = [(type(w).__name__, getattr(w, "text", lambda: "")()) for w in members.form.findChildren(QWidget)
               if w.isVisible() and isinstance(w, QComboBox | QAbstractButton | QLabel)
               and w.mapTo(viewport, w.rect().topRight()).x() > viewport.width()]
        assert not cut, (interface, row, cut)
    for table in (members.incomes.table, editor.supporters.table):
        header = table.horizontalHeader()
        for column in range(header.count()):
            needed = header.sectionSizeFromContents(column).width()
            assert header.sectionSize(column) >= needed, (interface, column, table.horizontalHeaderItem(column).text())


def test_the_notice_dialog_says_what_is_missing_in_english(qtbot: Any, english: str) -> None:
    import datetime as dt

    from advisor_app.gui.notice_dialog import NoticeDialog
    from advisor_app.services.documents import NoticePlace

    dialog = NoticeDialog([NoticePlace("七星村", "三河镇", "340123", "肥西县")], "")
    qtbot.addWidget(dialog)
    assert dialog.problems() == ["Enter the complaint phone: a public notice must print one"]
    dialog.phone.setText("12")
    dialog.until.setDate(dialog.start.date().addDays(2))
    found = dialog.problems()
    start = dialog.start.date().toPython()
    assert found == [f"A notice period must be at least 7 days: {start.isoformat()} to "
                     f"{(start + dt.timedelta(days=2)).isoformat()} is only 3",
                     'The complaint phone "12" does not look like a phone number: it needs at least 5 digits, '
                     "e.g. 0551-12345678 or 12345"]
    assert not [text for text in found if CJK.search(text)] and not dialog.make_button.isEnabled()
