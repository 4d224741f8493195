"""Take the screenshots (run by scripts/screenshots on Xvfb; needs a display).

Usage: screenshots.py OUT_DIR WIDTHxHEIGHT LANGUAGE (zh or en). The window fills a screen of
that size, as on an advisor's laptop. Writes ``<screen>-<WIDTHxHEIGHT>-<language>.png`` into OUT_DIR:
first_start, first_start_own, main_window, search_filtered, household (the 吴晓霞 household of
tests/data with its eligibility explanation), members, assets and supporters (its other tabs),
region_picker (typing "jkq"), visit_dialog, visit_history, needs_list, print_menu, print_preview,
notice_dialog and archive_dialog. The profile is a demo profile in a fresh folder
(``ADVISOR_APP_HOME``), screened once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOP = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1])
SIZE = sys.argv[2]
LANGUAGE = sys.argv[3]
SAMPLE = TOP / "tests" / "data" / "household_wu.json"


def settle(app: Any, window: Any = None, seconds: float = 0.3) -> None:
    if window is not None:
        window.operations.wait_idle(60000)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(widget: Any, name: str) -> None:
    """The widget as the screen shows it (menus and pop-ups over it included)."""
    from PySide6.QtGui import QGuiApplication

    frame = widget.frameGeometry()
    shot = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    path = OUT / f"{name}-{SIZE}-{LANGUAGE}.png"
    shot.save(str(path))
    print(f"wrote {path}")


def top_level(kind: type) -> Any:
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def dialog_shot(app: Any, window: Any, open_it: Callable[[], None], kind: type, name: str,
                then: Callable[[Any], None] | None = None) -> None:
    """Open a dialog, shoot it, and (``then``) whatever else it shows; close it."""
    open_it()
    settle(app, window, 0.6)
    dialog = top_level(kind)
    if dialog is None:
        print(f"no {kind.__name__} appeared for {name}", file=sys.stderr)
        return
    shoot(dialog, name)
    if then is not None:
        then(dialog)
    dialog.done(0)
    settle(app, window, 0.2)


def main() -> int:
    from advisor_app.gui import settings as gui_settings

    OUT.mkdir(parents=True, exist_ok=True)
    gui_settings.settings.language = "en" if LANGUAGE == "en" else gui_settings.DEFAULT_LANGUAGE
    from advisor_app.gui import app as gui_app

    qapp = gui_app.application()
    first_start(qapp)

    from advisor_app.domain.interchange import household_from_json
    from advisor_app.services import eligibility, households
    from advisor_app.services.demo import fill_demo
    from advisor_app.services.profile import open_profile

    profile = open_profile(None)
    if profile.created:
        fill_demo(profile, gui_app.DEMO_HOUSEHOLDS)
        wu = households.save_household(profile, household_from_json(SAMPLE.read_text(encoding="utf-8")))
        visit_wu(profile, wu.id or "")
        eligibility.screen(profile)
    window = gui_app.create_main_window(profile, install_hook=False)
    from PySide6.QtGui import QGuiApplication

    window.show()  # filling the screen, as maximised (Xvfb has no window manager to maximise it)
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    settle(qapp, window, 0.8)
    shoot(window, "main_window")
    try:
        screens(qapp, window)
    finally:
        window.close()
        window.operations.shutdown()
        profile.close()
    return 0


def visit_wu(profile: Any, household_id: str) -> None:
    """Two visits of the 吴 household (the source article's story), so the history has something to show."""
    import datetime as dt

    from advisor_app.domain.household import Need, Visit
    from advisor_app.services import households

    today = dt.date.today()
    households.save_visit(profile, household_id, Visit(
        "discovery", today - dt.timedelta(days=40), ["王芳"],
        "丈夫意外去世，本人肢体残疾一级，儿子读初二；家庭无稳定收入。",
        [Need("cash", "申请低保、特困"), Need("service", "轮椅维修")], follow_up="协助准备低保申请材料"))
    households.save_visit(profile, household_id, Visit(
        "investigation", today - dt.timedelta(days=12), ["王芳", "李强"], "入户调查：核实收入、住房和残疾证。",
        [Need("goods", "冬季棉被两床")], next_visit=today + dt.timedelta(days=80)))


def first_start(qapp: Any) -> None:
    """The first-start question, on an empty folder of its own."""
    import tempfile

    from advisor_app.gui.first_start import FirstStartDialog
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import profile_info

    with tempfile.TemporaryDirectory() as folder:
        profile = open_profile(folder)
        dialog = FirstStartDialog(profile, profile_info(profile))
        dialog.show()
        settle(qapp, None, 0.5)
        shoot(dialog, "first_start")
        dialog.pages.setCurrentIndex(1)
        settle(qapp, None, 0.3)
        shoot(dialog, "first_start_own")
        dialog.close()
        profile.close()


def screens(qapp: Any, window: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from advisor_app.gui.archive_dialog import ArchiveDialog
    from advisor_app.gui.notice_dialog import NoticeDialog
    from advisor_app.gui.print_preview import PrintPreviewDialog
    from advisor_app.gui.visit_dialog import VisitDialog
    from advisor_app.gui.visit_history import VisitHistoryDialog

    window.search.setText("wxx")  # 吴晓霞, by the initials of her name
    window.run_search()
    settle(qapp, window, 0.5)
    shoot(window, "search_filtered")

    window.table.setCurrentIndex(window.model.index(0, 0))
    window.edit_current()
    settle(qapp, window, 1.0)
    shoot(window, "household")
    editor = window.editor
    for index, name in ((1, "members"), (2, "assets"), (3, "supporters")):
        editor.tabs.setCurrentIndex(index)
        settle(qapp, window, 0.4)
        shoot(window, name)
    editor.tabs.setCurrentIndex(0)
    settle(qapp, window, 0.2)

    editor.region.setFocus()
    editor.region.lineEdit().selectAll()
    QTest.keyClicks(editor.region.lineEdit(), "jkq")
    settle(qapp, window, 0.5)
    shoot(window, "region_picker")
    QTest.keyClick(editor.region.lineEdit(), Qt.Key.Key_Escape)
    settle(qapp, window, 0.3)

    dialog_shot(qapp, window, window.record_visit, VisitDialog, "visit_dialog")
    def needs_tab(dialog: Any) -> None:
        dialog.tabs.setCurrentIndex(1)
        settle(qapp, window, 0.3)
        shoot(dialog, "needs_list")

    dialog_shot(qapp, window, window.show_visit_history, VisitHistoryDialog, "visit_history", needs_tab)

    window.print_menu.aboutToShow.emit()
    bar = window.menuBar()
    window.print_menu.popup(bar.mapToGlobal(bar.actionGeometry(window.print_menu.menuAction()).bottomLeft()))
    settle(qapp, window, 0.4)
    shoot(window, "print_menu")
    window.print_menu.hide()
    settle(qapp, window, 0.2)

    actions = {a.objectName(): a for a in window.print_menu.actions()}
    dialog_shot(qapp, window, actions["print_dibao-application"].trigger, PrintPreviewDialog, "print_preview")
    dialog_shot(qapp, window, actions["print_notice"].trigger, NoticeDialog, "notice_dialog")
    dialog_shot(qapp, window, window.archive_current, ArchiveDialog, "archive_dialog")


if __name__ == "__main__":
    raise SystemExit(main())
