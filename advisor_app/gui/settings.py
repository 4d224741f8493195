"""The desktop app's own settings: window geometry, splitter positions, language, last PDF folder,
the auto-lock's minutes.

All QSettings keys live here, each with its type and default, so no other module calls QSettings.
They are stored per user in an INI file (``advisor-app/advisor-app.ini`` in the user's config
folder). Business settings that belong to a profile (policy region, demo flag …) are not here: they
live in the profile's database and are read and written through ``advisor_app.services``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "advisor-app"
APPLICATION = "advisor-app"

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

T = TypeVar("T")


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _text(value: object, default: str) -> str:
    return default if value is None else str(value)


def _flag(value: object, default: bool) -> bool:
    return default if value is None else value in (True, "true", "1", 1)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default


def _bytes(value: object, default: QByteArray) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray(default)


class Setting(Generic[T]):
    """One key with its default and a converter from what the INI file gives back; a descriptor
    on :class:`GuiSettings`."""

    def __init__(self, key: str, default: T, convert: Callable[[object, T], T]) -> None:
        self.key = key
        self.default = default
        self.convert = convert

    def __get__(self, owner: object, kind: type | None = None) -> T:
        return self.convert(_store().value(self.key), self.default)

    def __set__(self, owner: object, value: T) -> None:
        store = _store()
        store.setValue(self.key, value)
        store.sync()


class GuiSettings:
    """``settings.language = "en"``; values are read fresh from the file each time."""

    language = Setting("ui/language", DEFAULT_LANGUAGE, _text)
    main_geometry = Setting("main_window/geometry", QByteArray(), _bytes)
    main_state = Setting("main_window/state", QByteArray(), _bytes)
    main_splitter = Setting("main_window/splitter", QByteArray(), _bytes)
    header_state = Setting("household_list/header", QByteArray(), _bytes)
    # the household editor's split between its tabs and the eligibility panel, one per arrangement
    editor_split_beside = Setting("household_editor/split_beside", QByteArray(), _bytes)
    editor_split_below = Setting("household_editor/split_below", QByteArray(), _bytes)
    # the folder of the last 另存为 PDF ("" until the first save: the user's Documents folder is proposed)
    pdf_folder = Setting("print_preview/pdf_folder", "", _text)
    # the folder a bundle was last exported to or imported from ("" until then: removable drives first)
    bundle_folder = Setting("sync/bundle_folder", "", _text)
    # the folder a ledger (台账) was last exported to ("" until then: the Documents folder)
    ledger_folder = Setting("ledgers/folder", "", _text)
    # minutes without input before the windows lock (.auto_lock: 1 to 60; an own profile always locks)
    lock_minutes = Setting("security/lock_minutes", 10, _int)

    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else DEFAULT_LANGUAGE


settings = GuiSettings()
