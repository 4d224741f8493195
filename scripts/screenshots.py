"""Take the screenshots (run by scripts/screenshots on Xvfb; needs a display).

Writes into the folder given: main_window.png, search_filtered.png, household.png (the editor, or
visit_dialog.png (a new visit of the first household),
print_menu.png, and main_window_en.png and household_en.png (the English interface).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")


def settle(app: Any, window: Any, seconds: float = 0.3) -> None:
    window.operations.wait_idle(60000)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget: Any, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    from advisor_app.gui import app as gui_app
    from advisor_app.gui import settings as gui_settings
    from advisor_app.services import eligibility, household_list
    from advisor_app.services.demo import fill_demo
    from advisor_app.services.profile import open_profile

    OUT.mkdir(parents=True, exist_ok=True)
    english = "--english" in sys.argv
    if english:
        gui_settings.settings.language = "en"
    qapp = gui_app.application()
    profile = open_profile(None)
    if profile.created:
        fill_demo(profile, gui_app.DEMO_HOUSEHOLDS)
        eligibility.screen(profile)
    window = gui_app.create_main_window(profile, install_hook=False)
    window.resize(1366, 768)  # a common laptop screen
    window.show()
    settle(qapp, window, 0.5)
    if english:
        save(window, "main_window_en.png")
        window.table.setCurrentIndex(window.model.index(0, 0))
        window.edit_current()
        settle(qapp, window, 0.5)
        save(window, "household_en.png")
        window.close()
        return 0
    save(window, "main_window.png")

    first = household_list.rows(profile, household_list.ids(profile)[:1])[0]
    from advisor_app.domain.pinyin import initials

    window.search.setText(initials(first.head_name)[:2])
    window.run_search()
    settle(qapp, window)
    save(window, "search_filtered.png")

    window.table.setCurrentIndex(window.model.index(0, 0))
    window.edit_current()
    settle(qapp, window, 0.5)
    save(window, "household.png")

    from PySide6.QtWidgets import QApplication

    from advisor_app.gui.visit_dialog import VisitDialog

    window.record_visit()  # opens the dialog (window-modal) once the household is loaded
    settle(qapp, window, 0.5)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog) and w.isVisible()]
    if dialogs:
        save(dialogs[0], "visit_dialog.png")
        dialogs[0].close()

    window.print_menu.aboutToShow.emit()
    bar = window.menuBar()
    window.print_menu.popup(bar.mapToGlobal(bar.actionGeometry(window.print_menu.menuAction()).bottomLeft()))
    settle(qapp, window)
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    shot = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
    shot.save(str(OUT / "print_menu.png"))
    print(f"wrote {OUT / 'print_menu.png'}")
    window.print_menu.hide()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
