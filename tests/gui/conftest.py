"""GUI test fixtures: real widgets offscreen on pytest-qt's single QApplication.

* Window settings (QSettings) go to a temporary folder.
* Message boxes and the exception dialog never block: they are recorded (``message_boxes``,
  ``exception_reports``); a question is answered "Discard". A test that did not expect an exception
  dialog fails at teardown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

import advisor_app.gui  # noqa: F401  (first: protects None from PySide6 6.12's refcount fault)
from advisor_app.domain import interchange
from advisor_app.gui import errors
from advisor_app.gui.operations import Operations
from advisor_app.services import households, profile_settings


@pytest.fixture(autouse=True)
def _gui_settings_in_tmp(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """(kind, title, text) of every static QMessageBox shown during the test."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str, answer: Any) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((kind, title, text))
            return answer
        return staticmethod(show)

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", ok))
    monkeypatch.setattr(QMessageBox, "information", recorder("information", ok))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", ok))
    monkeypatch.setattr(QMessageBox, "about", recorder("about", None))
    # Questions (unsaved changes …) answer "discard" unless a test patches its own answer.
    monkeypatch.setattr(QMessageBox, "question", recorder("question", QMessageBox.StandardButton.Discard))
    return shown


@pytest.fixture(autouse=True)
def exception_reports(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Tracebacks that would have been shown in the exception dialog; must be empty at the end
    unless the test clears it after checking."""
    reports: list[str] = []
    monkeypatch.setattr(errors, "show_exception_dialog",
                        lambda _parent, details, _log_file: reports.append(details))
    yield reports
    assert not reports, "unexpected exception dialog:\n" + "\n".join(reports)


@pytest.fixture
def ops(qtbot: Any, profile: Any) -> Iterator[Operations]:
    """The background operations on the empty profile (a hidden widget as their parent)."""
    host = QWidget()
    qtbot.addWidget(host)
    operations = Operations(profile, host)
    yield operations
    operations.wait_idle()
    operations.shutdown()


@pytest.fixture
def editor(qtbot: Any, ops: Operations) -> Any:
    """A household editor on an empty profile, shown at a laptop's size."""
    from advisor_app.gui.household_editor import HouseholdEditor

    widget = HouseholdEditor(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture
def main_window(qtbot: Any, demo_profile: Any) -> Iterator[Any]:
    """The main window on the 60-household demo profile, shown, with its first query done."""
    yield from _shown_window(qtbot, demo_profile)


@pytest.fixture
def own_window(qtbot: Any, profile: Any, household_json: str) -> Iterator[Any]:
    """The main window on the advisor's own (encrypted) profile with one household."""
    profile_settings.set_up_own_profile(profile, region="340104", villages=["七星村"], advisor="张明")
    households.save_household(profile, interchange.household_from_json(household_json))
    yield from _shown_window(qtbot, profile)


def _open_window(qtbot: Any, profile: Any) -> Any:
    """The main window on ``profile``, shown with its first query done."""
    from advisor_app.gui.app import create_main_window

    window = create_main_window(profile, install_hook=False)
    qtbot.addWidget(window)
    window.show()
    assert window.operations.wait_idle()
    return window


def _close_window(window: Any) -> None:
    window.operations.wait_idle()
    window.close()


def _shown_window(qtbot: Any, profile: Any) -> Iterator[Any]:
    """The main window on ``profile``, shown with its first query done; closed afterwards."""
    window = _open_window(qtbot, profile)
    yield window
    _close_window(window)


@pytest.fixture
def window_on(qtbot: Any) -> Iterator[Any]:
    """Opens main windows on profiles: ``window_on(profile)`` beside those already open, or
    ``window_on(profile, alone=True)`` after closing them; every one is closed afterwards."""
    opened: list[Any] = []

    def open_window(profile: Any, *, alone: bool = False) -> Any:
        if alone:
            while opened:
                _close_window(opened.pop())
        opened.append(_open_window(qtbot, profile))
        return opened[-1]

    yield open_window
    for window in opened:
        _close_window(window)
