"""Application set-up: one QApplication, English translation, CJK font, clear message without Qt."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from advisor_app import shipped
from advisor_app.gui import app as gui_app
from advisor_app.gui import errors as gui_errors


def test_application_reuses_the_one_qapplication(qapp: Any) -> None:
    assert gui_app.application() is qapp


def test_english_translation_loads(qapp: Any) -> None:
    assert (shipped.translations_dir() / "advisor_en.qm").exists()
    translators = gui_app.install_translations(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "新建家庭") == "New household"
        assert QCoreApplication.translate("HouseholdTableModel", "户主") == "Head"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "新建家庭") == "新建家庭"


def test_a_cjk_font_is_found_and_used(qapp: Any) -> None:
    before = qapp.font()
    try:
        family = gui_app.setup_font(qapp)
        assert family is not None
        assert qapp.font().families()[0] == family
        assert QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese)
    finally:
        qapp.setFont(before)


def test_no_display_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.setattr(gui_app.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert gui_app.run_app(None) == 3
    assert "DISPLAY" in capsys.readouterr().err


def test_a_damaged_database_is_reported_in_a_window(tmp_path: Any, exception_reports: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "advisor.sqlite").write_bytes(b"this is not a database" * 100)
    shown: list[str] = []
    monkeypatch.setattr(gui_errors, "show_error", lambda _parent, error, title=None: shown.append(str(error)))
    # An encrypted file and a damaged one look the same to SQLCipher: the message names both.
    assert gui_app.run_app(str(folder)) == 2
    assert len(shown) == 1 and "口令不对" in shown[0] and "可能已损坏" in shown[0] and "从备份恢复" in shown[0]
    assert not exception_reports
