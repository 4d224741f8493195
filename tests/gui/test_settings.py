"""Typed window settings: defaults, round trips through the INI file, unknown languages."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from advisor_app.gui import settings as gui_settings


def test_defaults_then_round_trip() -> None:
    s = gui_settings.GuiSettings()
    assert s.language == "zh_CN" and s.effective_language() == "zh_CN"
    assert s.main_geometry.isEmpty()
    s.language = "en"
    s.main_splitter = QByteArray(b"\x00\x01state")
    again = gui_settings.GuiSettings()
    assert again.language == "en"
    assert bytes(again.main_splitter.data()) == b"\x00\x01state"


def test_an_unknown_language_falls_back_to_chinese() -> None:
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      gui_settings.ORGANIZATION, gui_settings.APPLICATION)
    store.setValue("ui/language", "xx")
    store.sync()
    assert gui_settings.settings.language == "xx"
    assert gui_settings.settings.effective_language() == "zh_CN"
