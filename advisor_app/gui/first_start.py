"""The first-start question: 试用演示数据, or 建立我自己的档案 (region, village(s), the advisor's name).

Shown by :func:`advisor_app.gui.app.run_app` when the data folder's profile is not set up yet (a new
folder, or one an earlier release filled with demo households). The dialog only collects the answer;
``run_app`` acts on it (:attr:`FirstStartDialog.choice`): ``DEMO`` opens the demo profile in
``<data folder>/demo``, ``OWN`` makes the folder's profile the advisor's own with the settings typed
here (:func:`advisor_app.services.profile_settings.set_up_own_profile`). For a folder with no
profile yet the own-profile page also sets the passphrase the new profile is encrypted with.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services.profile import Profile
from advisor_app.services.profile_settings import ProfileInfo

from .confirm import may_discard
from .passphrase_dialogs import NewPassphraseFields
from .profile_fields import ProfileFields

DEMO = "demo"
OWN = "own"


class FirstStartDialog(QDialog):
    def __init__(self, profile: Profile | None, info: ProfileInfo, parent: QWidget | None = None, *,
                 new_passphrase: bool = False) -> None:
        """``profile`` None and ``new_passphrase``: no profile exists yet; 建立档案 also sets its
        passphrase (:meth:`passphrase`)."""
        super().__init__(parent)
        self.passphrase_fields = NewPassphraseFields(self) if new_passphrase else None
        self.setWindowTitle(self.tr("欢迎使用救助顾问工作台"))
        self.choice: str | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page(info))
        self.pages.addWidget(self._own_page(profile, info))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(560, 300)

    def _choice_page(self, info: ProfileInfo) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "请选择怎样开始：\n\n"
            "· 试用演示数据：打开一个装有 200 户虚构家庭的演示档案，可以随意练习；演示档案单独存放，"
            "标有“演示数据”，打印的每一页都有“演示”水印，不会混入您的真实档案。\n"
            "· 建立我自己的档案：登记您负责的真实家庭，档案从空白开始。"))
        intro.setWordWrap(True)
        self.legacy_note = QLabel(self._legacy_text(info))
        self.legacy_note.setWordWrap(True)
        self.legacy_note.setVisible(bool(self.legacy_note.text()))
        self.demo_button = QPushButton(self.tr("试用演示数据"))
        self.own_button = QPushButton(self.tr("建立我自己的档案"))
        self.demo_button.clicked.connect(self._choose_demo)
        self.own_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.own_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.legacy_note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _legacy_text(self, info: ProfileInfo) -> str:
        if not info.legacy_flag:
            return ""
        text = self.tr("这个数据文件夹里有旧版本自动生成的 %1 户演示家庭；建立您自己的档案时，这些虚构家庭会被删除。"
                       ).replace("%1", str(info.legacy_demo))
        if info.legacy_own:
            text += self.tr("您自己登记的 %1 户家庭会保留。").replace("%1", str(info.legacy_own))
        return text

    def _own_page(self, profile: Profile | None, info: ProfileInfo) -> QWidget:
        page = QWidget()
        self.fields = ProfileFields(profile, info, self)
        self.region, self.villages, self.advisor = self.fields.region, self.fields.villages, self.fields.advisor
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        self.fields.add_rows(form)
        self.back_button = QPushButton(self.tr("返回"))
        self.create_button = QPushButton(self.tr("建立档案"))
        self.create_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self._choose_own)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        title = QLabel(self.tr("建立我自己的档案：新登记的家庭会默认使用这里的地区和第一个村（社区）。"))
        title.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(form)
        if self.passphrase_fields is not None:
            layout.addWidget(self.passphrase_fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- the answer ---

    def region_code(self) -> str:
        return self.fields.region_code()

    def village_names(self) -> tuple[str, ...]:
        return self.fields.village_names()

    def advisor_name(self) -> str:
        return self.fields.advisor_name()

    def passphrase(self) -> str:
        return self.passphrase_fields.passphrase() if self.passphrase_fields is not None else ""

    def reject(self) -> None:  # Esc and the window's close button: the app does not start
        """Whatever was typed on the own-profile page is asked about before the app closes."""
        typed = bool(self.village_names() or self.advisor_name() or self.region_code())
        if self.pages.currentIndex() == 1 and typed and not may_discard(
                self, self.tr("退出"), self.tr("不建立档案并退出，放弃已填写的内容吗？")):
            return
        super().reject()

    def _choose_demo(self) -> None:
        self.choice = DEMO
        self.accept()

    def _choose_own(self) -> None:
        missing = self.fields.missing() or (self.passphrase_fields.problem() if self.passphrase_fields else "")
        if missing:
            self.problem.setText(missing)
            return
        self.choice = OWN
        self.accept()
