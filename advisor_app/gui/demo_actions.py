"""演示数据 in the main window: filling a brand-new demo profile, and 文件 → 重置演示数据… (a demo
profile only; the service refuses the advisor's own profile), each a long job with its progress
dialog (see ``docs/profiles.md``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from .operations import Operations


class DemoActions(QObject):
    def __init__(self, window: QMainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations

    def fill_demo_households(self, count: int) -> None:
        """Fill a brand-new profile with demo households, screened at once so the list's 当前状态 shows
        what they may apply for (with a progress dialog)."""
        from advisor_app.services import demo

        self.operations.long_job(lambda p, progress: _screened(p, demo.fill_demo(p, count, progress=progress,
                                                                                 processes=demo.AUTO)),
                                 None, title=self.tr("正在生成演示数据"),
                                 changed=Changes(all_households=True, screening=True))

    def reset_demo(self) -> None:
        """重置演示数据, after the advisor agrees (the households cannot come back)."""
        from advisor_app.services import demo

        answer = QMessageBox.question(
            self.window, self.tr("重置演示数据"),
            self.tr("删除演示档案里的全部家庭（包括走访记录和筛查结果），再重新生成演示家庭吗？"
                    "删除后不能恢复。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(count: int) -> None:
            self.window.statusBar().showMessage(self.tr("演示数据已重置：%1 户").replace("%1", str(count)), 10000)

        self.operations.long_job(lambda p, progress: _screened(p, demo.reset_demo(p, progress=progress,
                                                                                  processes=demo.AUTO)), done,
                                 title=self.tr("正在重置演示数据"),
                                 changed=Changes(all_households=True, screening=True))


def _screened(profile: Profile, households: int) -> int:
    """Screen the demo households just made (a few hundred: a second), then pass their count on."""
    from advisor_app.services import eligibility

    eligibility.screen(profile)
    return households
