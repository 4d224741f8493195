"""The desktop app's own settings: window geometry, splitter positions, language.

All QSettings keys live here, each with its type and default, so no other module calls QSettings.
They are stored per user in an INI file (``advisor-app/advisor-app.ini`` in the user's config
folder). Business settings that belong to a profile (policy region, demo flag …) are not here: they
live in the profile's database and are read and written through ``advisor_app.services``.
"""

from __future__ import annotations

from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "advisor-app"
APPLICATION = "advisor-app"

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

T = TypeVar("T", str, bool, int, QByteArray)


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Setting(Generic[T]):
    """One key with its type and default, read and written as a descriptor on :class:`GuiSettings`."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def __get__(self, owner: object, kind: type | None = None) -> T:
        value = _store().value(self.key, self.default)
        if isinstance(self.default, bool):
            return cast(T, value in (True, "true", "1", 1))
        if isinstance(self.default, int):
            try:
                return cast(T, int(value))
            except (TypeError, ValueError):
                return self.default
        if isinstance(self.default, QByteArray):
            return cast(T, value if isinstance(value, QByteArray) else QByteArray(self.default))
        return cast(T, str(value) if value is not None else self.default)

    def __set__(self, owner: object, value: T) -> None:
        store = _store()
        store.setValue(self.key, value)
        store.sync()


class GuiSettings:
    """``settings.language = "en"``; values are read fresh from the file each time."""

    language = Setting("ui/language", DEFAULT_LANGUAGE)
    main_geometry = Setting("main_window/geometry", QByteArray())
    main_state = Setting("main_window/state", QByteArray())
    main_splitter = Setting("main_window/splitter", QByteArray())
    header_state = Setting("household_list/header", QByteArray())

    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else DEFAULT_LANGUAGE


settings = GuiSettings()
