"""Print preview of a PDF made by the services (forms, notices): look, print, or save as PDF.

The PDF is shown with Qt's own PDF engine (``QPdfDocument`` + ``QPdfView``), so no PDF reader or
office suite is needed. 打印 renders each page to an image at the printer's resolution (at most
300 dpi) and draws it on the printer page, keeping the aspect ratio; 另存为 PDF writes the bytes as
they are (with their embedded font and QR code), proposing ``<form>-<head's name>-<date>.pdf`` (公示名单:
``公示名单-<village>-<date>.pdf``) in the folder of the last save (first time: the user's Documents).

The window is sized from the screen's available area (at most 90 % of its height, the page view
about A4-shaped), so its buttons stay on screen at 1366×768 and 1024×768.

The PDF never touches the disk until 另存为 PDF: it is made in memory and shown from a ``QBuffer``.
The save dialog is Qt's own, not the system's (:data:`SAVE_DIALOG_OPTIONS`): the Windows and GTK
dialogs add the file chosen to the system's recent-files lists (the Windows registry's
OpenSavePidlMRU, ``recently-used.xbel``), which would keep a family's name from the proposed file
name after the PDF itself is deleted. Qt's dialog remembers folders only, and the app's settings
keep the folder of the last save, never a file name.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services.profile import Profile

from . import language

if TYPE_CHECKING:
    from .notice_dialog import NoticeRequest

from . import settings as gui_settings
from .operations import Operations

MAX_PRINT_DPI = 300
PREFERRED_HEIGHT = 980  # on a tall screen; never more than SCREEN_SHARE of the available height
SCREEN_SHARE = 0.9
FRAME_ALLOWANCE = QSize(16, 40)  # borders and title bar the window manager adds around the dialog
A4_ASPECT = 297 / 210
SAVE_DIALOG_OPTIONS = QFileDialog.Option.DontUseNativeDialog  # no system recent-files entry
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by task bars and panels."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def pdf_file_name(*parts: str, on: dt.date | None = None) -> str:
    """``最低生活保障申请书-吴晓霞-2026-11-29.pdf``: the non-empty parts and the date joined by "-",
    characters that file names may not contain (\\ / : * ? " < > |) replaced by "_"."""
    words = [p.strip() for p in parts if p.strip()] + [(on or dt.date.today()).isoformat()]
    return _NOT_IN_FILE_NAMES.sub("_", "-".join(words)).strip(" .") + ".pdf"


def proposed_folder() -> Path:
    """The folder of the last saved PDF if it still exists, else the user's Documents folder."""
    last = gui_settings.settings.pdf_folder
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class PrintPreviewDialog(QDialog):
    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None,
                 file_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(title)
        self.pdf_bytes = pdf_bytes
        self.title = title
        self.file_name = file_name or pdf_file_name(title)
        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save_with_dialog)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        self.pages_label = QLabel(self.tr("共 %n 页", "", self.page_count()), self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.fit_to_screen()
        self.print_button.setDefault(True)

    def fit_to_screen(self) -> None:
        """Size the window for the available screen area, the page view about A4-shaped, and centre it."""
        area = available_geometry(self)
        layout = self.layout()
        assert layout is not None
        height = min(PREFERRED_HEIGHT, int(area.height() * SCREEN_SHARE)) - FRAME_ALLOWANCE.height()
        around_view = layout.sizeHint() - self.view.sizeHint()  # buttons row, margins, spacing
        view_height = height - around_view.height()
        margins = self.view.documentMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        page_width = round((view_height - margins.top() - margins.bottom()) / A4_ASPECT)
        width = page_width + margins.left() + margins.right() + scroll_bar + 2 * self.view.frameWidth() \
            + around_view.width()
        width = max(layout.minimumSize().width(),
                    min(width, int(area.width() * SCREEN_SHARE) - FRAME_ALLOWANCE.width()))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width - FRAME_ALLOWANCE.width()) // 2,
                  area.y() + (area.height() - height - FRAME_ALLOWANCE.height()) // 2)

    # --- what the buttons do (also called directly by tests) ---

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def render_page(self, index: int, dpi: int = 72) -> QImage:
        points = self.document.pagePointSize(index)
        size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
        return self.document.render(index, size)

    def save_to(self, path: str | Path) -> None:
        Path(path).write_bytes(self.pdf_bytes)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the range chosen in the printer settings; returns pages printed."""
        first, last = 0, self.page_count() - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(last, printer.toPage() - 1)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(self.tr("无法开始打印"))
        printed = 0
        try:
            for index in range(first, last + 1):
                if printed:
                    printer.newPage()
                image = self.render_page(index, dpi)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(target.x(), target.y(), scaled.width(), scaled.height()))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
                painter.setWindow(QRect(0, 0, target.width(), target.height()))
                printed += 1
        finally:
            painter.end()
        return printed

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFullPage(True)  # the PDF already has print-ready margins
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setFromTo(1, max(1, self.page_count()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印 %1").replace("%1", self.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("打印"), str(exc))

    def save_with_dialog(self) -> None:
        proposed = proposed_folder() / self.file_name
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), str(proposed),
                                              self.tr("PDF 文件 (*.pdf)"), "", SAVE_DIALOG_OPTIONS)
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("另存为 PDF"), self.tr("无法写入文件：") + (exc.strerror or str(exc)))
            return
        gui_settings.settings.pdf_folder = str(Path(path).parent)


def show_print_preview(parent: QWidget | None, pdf_bytes: bytes, title: str,
                       file_name: str | None = None) -> PrintPreviewDialog:
    """Open the preview (not modal) and return it; ``file_name`` is what 另存为 PDF proposes."""
    dialog = PrintPreviewDialog(pdf_bytes, title, parent, file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


# --- the main window's 打印 menu ---------------------------------------------------------------

NOTICE_ACTION = "notice"


class PrintHost(Protocol):
    """What the print actions need of the main window."""

    operations: Operations
    print_menu: QMenu

    def current_household_id(self) -> str | None: ...
    def household_for_action(self, archived: str | None = None) -> str | None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...


def install_print_actions(window: PrintHost) -> dict[str, QAction]:
    """Add one action per form kind (for the selected household; the 资格测算参考单 among them) and a
    公示名单 (which asks for the village, 公示期 and 监督电话 first) to ``window.print_menu``. The PDF
    is made on the window's background worker, then previewed."""
    from advisor_app.services.documents import FORM_KINDS  # reportlab loads on first print only

    actions: dict[str, QAction] = {}
    for kind, title in FORM_KINDS.items():
        shown = language.label("form", kind, default=title)  # the printed title stays Chinese
        a = QAction(shown + "…", window.print_menu)
        a.setObjectName(f"print_{kind}")
        a.triggered.connect(lambda _checked=False, k=kind, t=title, s=shown: print_form(window, k, t, s))
        window.print_menu.addAction(a)
        actions[kind] = a
    window.print_menu.addSeparator()
    a = QAction(QCoreApplication.translate("PrintPreview", "公示名单…"), window.print_menu)
    a.setObjectName("print_notice")
    a.triggered.connect(lambda _checked=False: print_village_notice(window))
    window.print_menu.addAction(a)
    actions[NOTICE_ACTION] = a
    return actions


def _selected(window: PrintHost) -> str | None:  # a form needs a household; a notice does not
    """The household shown, or None after the window said why there is none (as for every action)."""
    return window.household_for_action(
        QCoreApplication.translate("PrintPreview", "已归档的家庭不能打印表格，请先恢复"))


def print_form(window: PrintHost, kind: str, title: str, shown: str | None = None) -> None:
    """Preview form ``kind`` of the selected household; ``title`` (the printed, Chinese one) names the
    PDF file, ``shown`` (the title in the interface language) the preview window."""
    household_id = _selected(window)
    if household_id is None:
        return
    from advisor_app.services import documents, households

    def job(profile: Profile) -> tuple[bytes, str]:
        head = households.load_household(profile, household_id).head_name
        return documents.render_form(profile, kind, household_id), pdf_file_name(title, head)

    window.operations.query(job, lambda result: show_print_preview(window.window(), result[0], shown or title,
                                                                   result[1]))


def print_village_notice(window: PrintHost) -> None:
    """Ask for the village, the 公示期 and the 监督电话 (:class:`.notice_dialog.NoticeDialog`), then make
    the notice and preview it; the 监督电话 used is remembered for the next notice."""
    household_id = window.current_household_id()
    from advisor_app.services import documents, households

    def gather(profile: Profile) -> tuple[list[documents.NoticePlace], str, documents.NoticePlace | None]:
        places = documents.notice_places(profile)
        current = None
        if household_id is not None:
            h = households.load_household(profile, household_id)
            current = next((p for p in places if (p.village, p.town, p.region) == (h.village, h.town, h.region)),
                           None)
        return places, documents.complaint_phone(profile), current

    def ask(found: tuple[list[documents.NoticePlace], str, documents.NoticePlace | None]) -> None:
        from .notice_dialog import NoticeDialog

        dialog = NoticeDialog(found[0], found[1], found[2], parent=window.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: make(dialog.request()))
        dialog.open()

    def make(request: NoticeRequest) -> None:
        def job(profile: Profile) -> tuple[bytes, str]:
            place = request.place
            pdf = documents.render_notice(profile, village=place.village, town=place.town, region=place.region,
                                          on=request.start, until=request.until, period=request.period,
                                          phone=request.phone)
            documents.set_complaint_phone(profile, request.phone)  # once the notice could be made
            return pdf, pdf_file_name("公示名单", place.village, on=request.start)  # Chinese in every language

        window.operations.query(job, lambda result: show_print_preview(
            window.window(), result[0], QCoreApplication.translate("PrintPreview", "公示名单"), result[1]))

    window.operations.query(gather, ask)
