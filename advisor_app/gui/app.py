"""Starting the desktop app: one QApplication, language, CJK font, exception hook, profile, window.

``run_app(data_dir)`` is what ``advisor-app`` without arguments calls. Tests build the window with
``create_main_window(profile)`` on pytest-qt's QApplication instead.

Which profile opens (:func:`start_profile`): with ``--demo`` the demo profile in ``<data folder>/demo``
(filled with ``DEMO_HOUSEHOLDS`` generated families when empty); otherwise the data folder's own
profile, and when that is not set up yet (first start) the first-start dialog asks
(:mod:`.first_start`): 试用演示数据 opens the demo profile, 建立我自己的档案 makes the folder's
profile the advisor's own (empty, with the region, village(s) and name typed there).

User-facing source strings are Chinese (the default language); ``resources/i18n/advisor_en.ts`` holds
the English translation, compiled to ``advisor_en.qm`` by ``scripts/build-translations``.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_app import shipped

if TYPE_CHECKING:
    from advisor_app.services.profile import Profile

    from .main_window import MainWindow

APP_TITLE = "救助顾问工作台"
DEMO_HOUSEHOLDS = 200

# Fonts with Chinese glyphs, by family, then as files in the usual places (Linux, Windows, macOS).
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "SimSun",
                "PingFang SC", "Source Han Sans SC")
CJK_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)

log = logging.getLogger("advisor_app")


def qt_problem() -> str | None:
    """Why Qt cannot show a window here, in words for the person at the terminal, or None."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return (f"无法加载图形界面库 PySide6（{exc}）。\n"
                "请安装缺少的系统库（例如 Debian/Ubuntu：sudo apt install libgl1 libegl1 libxkbcommon0），"
                "或使用命令行子命令（advisor-app --help）。")
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform.startswith("linux") and not platform:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return ("没有可用的图形显示（DISPLAY 未设置）。请在桌面环境中运行，"
                    "或使用命令行子命令（advisor-app --help）。")
        if not os.environ.get("WAYLAND_DISPLAY"):
            import ctypes.util

            if ctypes.util.find_library("xcb-cursor") is None:
                return ("缺少 Qt 所需的系统库 libxcb-cursor。请安装后再试"
                        "（Debian/Ubuntu：sudo apt install libxcb-cursor0）。")
    return None


def setup_logging(log_file: Path) -> None:
    """Log to the profile's log file (replacing an earlier profile's file): the app's own records
    from INFO, every other library's and Python's warnings from WARNING, all of them masked
    (:mod:`advisor_app.services.log_masking`: no ID number, phone number or name is written)."""
    from advisor_app.services import log_masking

    log_masking.install()
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "advisor_profile_log", False)]:
        if getattr(old, "baseFilename", None) == str(log_file):
            return
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3,
                                                   encoding="utf-8", delay=True)
    handler.advisor_profile_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(log_masking.add_to(handler))
    logging.getLogger("advisor_app").setLevel(logging.INFO)


def setup_font(app: object) -> str | None:
    """Make Chinese render: register a CJK font and put it first in the application font.

    Returns the family used, or None when none was found (Qt then falls back on its own)."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    family = None
    fonts = shipped.fonts_dir()
    bundled = sorted(fonts.glob("*.[ot]t[fc]")) if fonts.is_dir() else []
    for path in [*map(str, bundled), *CJK_FILES]:
        if os.path.exists(path):
            font_id = QFontDatabase.addApplicationFont(path)
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
                break
    if family is None:
        installed = set(QFontDatabase.families())
        family = next((f for f in CJK_FAMILIES if f in installed), None)
    if family is None:
        log.warning("no CJK font found; Chinese may not render")
        return None
    font = QFont(app.font())
    font.setFamilies([family, *[f for f in font.families() if f != family]])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return family


# Labels of Qt's file dialog that Qt's own qtbase_zh_CN.qm leaves in English.
QT_FILE_DIALOG_ZH = {"&Look in:": "查找范围(&L)：", "Files of &type:": "文件类型(&T)："}


def install_translations(app: object, language: str) -> list[object]:
    """Load our translation (none needed for Chinese: the source strings are Chinese) and, unless
    English, Qt's own (standard buttons such as 确定/取消, the file and print dialogs), and name the
    application in that language (Qt adds the name to every window title). Returns the translators,
    which must stay referenced."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    class QtGaps(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str | None:
            # None (a null string) lets the other translators answer
            return QT_FILE_DIALOG_ZH.get(source) if context == "QFileDialog" else None

    assert isinstance(app, QApplication)
    QLocale.setDefault(QLocale(language))
    loaded: list[object] = []
    qt = QTranslator(app)
    if language != "en" and qt.load(f"qtbase_{language}",
                                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    if language == "zh_CN":
        gaps = QtGaps(app)
        app.installTranslator(gaps)
        loaded.append(gaps)
    if language != "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(shipped.translations_dir() / f"advisor_{language}.qm")):
            app.installTranslator(ours)
            loaded.append(ours)
        else:
            log.warning("no translation for %s in %s", language, shipped.translations_dir())
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "救助顾问工作台"))
    return loaded


def application(argv: list[str] | None = None) -> object:
    """The one QApplication of this process (created on first call), set up for our UI."""
    from PySide6.QtWidgets import QApplication

    from . import settings, style, wheel_guard

    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName(settings.ORGANIZATION)
        QApplication.setApplicationName(settings.APPLICATION)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName(APP_TITLE)  # in the interface language once translations are in
        install_translations(app, settings.settings.effective_language())
        setup_font(app)
        style.install(app)
        wheel_guard.install(app)
    return app


def create_main_window(profile: Profile, *, install_hook: bool = True) -> MainWindow:
    """The main window on ``profile``, with logging to the profile's log file and (unless a test
    runner owns it) the exception hook installed."""
    from PySide6.QtWidgets import QApplication

    from . import errors, style, wheel_guard
    from .main_window import MainWindow

    app = QApplication.instance()
    if isinstance(app, QApplication):  # both already there when application() made the app
        style.install(app)
        wheel_guard.install(app)
    setup_logging(profile.data.log_file)
    if install_hook:
        errors.install(profile.data.log_file)
    return MainWindow(profile)


def start_profile(data_dir: str | None, demo: bool = False) -> Profile | None:
    """The profile to open (see the module doc); None when the advisor quit a dialog.

    The data folder's own profile is encrypted: its passphrase comes from ``ADVISOR_APP_PASSPHRASE``
    when set (scripts, tests), else a dialog asks — to unlock it, to set one for a new profile (on
    the first start's own-profile page), or to encrypt a profile written before encryption. The demo
    profile opens with its published passphrase, asking nothing.

    Raises what opening the profile raises, and :class:`DomainError` for a refused setting."""
    import os

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    from advisor_app.services import audit, recovery
    from advisor_app.services import passphrase as keys
    from advisor_app.services.profile import (
        ENV_DATABASE_URL,
        MISSING,
        PLAINTEXT,
        database_state,
        open_profile,
        passphrase_from_environment,
    )
    from advisor_app.services.profile_settings import ProfileInfo, open_demo_profile, profile_info, set_up_own_profile

    from .first_start import OWN, FirstStartDialog
    from .passphrase_dialogs import EncryptDialog, unlock

    if demo:
        return open_demo_profile(data_dir)
    given = passphrase_from_environment()
    state = "url" if os.environ.get(ENV_DATABASE_URL) else database_state(data_dir)
    if state == PLAINTEXT:
        if given is None:
            ask = EncryptDialog()
            if ask.exec() != QDialog.DialogCode.Accepted:
                return None
            given = ask.fields.passphrase()
        keys.encrypt_profile(data_dir, given)
    if state == MISSING and given is None:
        first = FirstStartDialog(None, ProfileInfo(None), new_passphrase=True)
        if first.exec() != QDialog.DialogCode.Accepted or first.choice is None:
            return None
        if first.choice != OWN:
            return open_demo_profile(data_dir)
        profile = open_profile(data_dir, passphrase=first.passphrase())
        try:
            set_up_own_profile(profile, region=first.region_code(), villages=first.village_names(),
                               advisor=first.advisor_name())
        except BaseException:
            profile.close()
            raise
        return profile
    if given is not None or state == "url":
        profile = open_profile(data_dir, passphrase=given)
    else:
        opened = unlock(lambda typed: open_profile(data_dir, passphrase=typed),
                        QCoreApplication.translate("app", "打开档案"),
                        recover=recover_with_key(data_dir) if recovery.folder_has_recovery_key(data_dir) else None)
        if opened is None:
            return None
        profile = opened
        audit.record_unlock(profile)
    try:
        info = profile_info(profile)
        if not info.needs_setup:
            return profile
        dialog = FirstStartDialog(profile, info)
        answered = dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice is not None
        if answered and dialog.choice == OWN:
            set_up_own_profile(profile, region=dialog.region_code(), villages=dialog.village_names(),
                               advisor=dialog.advisor_name())
            return profile
    except BaseException:
        profile.close()
        raise
    profile.close()
    return open_demo_profile(data_dir) if answered else None


def recover_with_key(data_dir: str | None) -> Callable[[object], Profile | None]:
    """忘记口令？用恢复密钥: the recovery key and a new passphrase open the profile (re-keyed to it)."""
    from PySide6.QtWidgets import QDialog, QWidget

    from advisor_app.services import audit, recovery
    from advisor_app.services.profile import open_profile

    from .security_dialogs import RecoverDialog

    def attempt(code: str, new: str) -> Profile:
        recovery.recover_profile(data_dir, code, new)
        profile = open_profile(data_dir, passphrase=new)
        audit.record_unlock(profile)
        return profile

    def ask(parent: object) -> Profile | None:
        assert parent is None or isinstance(parent, QWidget)
        dialog = RecoverDialog(attempt, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        opened = dialog.result_value
        assert opened is not None
        return opened  # type: ignore[return-value]

    return ask


def passphrase_to_be_set(data_dir: str | None, demo: bool) -> bool:
    """Whether this start will have the advisor type a new passphrase (a new folder's own profile, or
    encrypting an old one): the recovery key is offered afterwards."""
    from advisor_app.services.profile import (
        ENV_DATABASE_URL,
        MISSING,
        PLAINTEXT,
        database_state,
        passphrase_from_environment,
    )

    if demo or os.environ.get(ENV_DATABASE_URL) or passphrase_from_environment() is not None:
        return False
    return database_state(data_dir) in (MISSING, PLAINTEXT)


def run_app(data_dir: str | None, *, demo: bool = False) -> int:
    """Open the desktop app on the profile in ``data_dir`` (or the default folder), or on its demo
    profile (``demo``); returns the exit code."""
    problem = qt_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from advisor_app.domain.errors import DomainError
    from advisor_app.services import policy
    from advisor_app.services.session_trace import SessionTrace

    from . import errors

    app = application()
    assert isinstance(app, QApplication)
    try:
        new_passphrase = passphrase_to_be_set(data_dir, demo)
        profile = start_profile(data_dir, demo)
    except DomainError as exc:
        errors.show_error(None, exc)
        return 2
    except Exception as exc:  # e.g. a damaged database file: say so in a window, not only on a console
        log.exception("cannot open the profile")
        errors.show_exception_dialog(None, errors.format_exception(exc), None)
        return 1
    if profile is None:  # the first-start dialog was closed without a choice
        return 0
    trace = SessionTrace(profile.data.logs)
    if not profile.read_only:  # a read-only folder takes no marker (nor a log file)
        trace.start()
    window = create_main_window(profile)
    window.show()
    if trace.previous_ended_abnormally:
        QTimer.singleShot(0, lambda: report_abnormal_end(window, trace.crash_log))
    try:  # load and validate the policy tables now: a broken table file is named at start-up
        policy.tables_for(profile)
    except DomainError as exc:
        errors.show_error(window, exc)
    if profile.damage:  # writes are refused: say so, and offer the latest good backup
        from .restore_dialog import offer_restore_of_damaged

        QTimer.singleShot(0, lambda: offer_restore_of_damaged(window, window))
    elif not fill_empty_demo(window):
        QTimer.singleShot(0, window.offer_drafts)  # once the window is on screen
    if new_passphrase:
        QTimer.singleShot(0, window.security.offer_recovery_key)
    try:
        return app.exec()
    finally:
        window.operations.shutdown()
        profile.close()
        trace.finish()


def fill_empty_demo(window: MainWindow) -> bool:
    """Fill the window's profile with ``DEMO_HOUSEHOLDS`` generated families when it is an empty demo
    profile (a new one, or just chosen on first start); True when it started doing so."""
    from advisor_app.services.demo import is_empty_demo

    if not is_empty_demo(window.profile):
        return False
    window.fill_demo_households(DEMO_HOUSEHOLDS)
    return True


def report_abnormal_end(parent: object, crash_log: Path) -> None:
    """Tell the advisor that the last session did not close normally, and where its trace is."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox, QWidget

    assert parent is None or isinstance(parent, QWidget)
    log.warning("the previous session ended abnormally; trace in %s", crash_log)
    QMessageBox.warning(parent, QCoreApplication.translate("App", "上次运行异常结束"), QCoreApplication.translate(
        "App", "上次运行没有正常关闭（程序崩溃或被强行结束）。已保存的资料不受影响；"
        "未保存的走访记录草稿会在稍后提示恢复。\n\n故障记录：%1\n如需技术支持，请把这个文件发给县里的信息员。")
        .replace("%1", str(crash_log)))
