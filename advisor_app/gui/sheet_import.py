"""文件 ▸ 导入 Excel 名单…: a roster or a department's list from a spreadsheet, with the mapping dialog.

:class:`SheetImportDialog` asks for the file (xlsx, xlsm, xlsb, xls, ods or csv) and the kind of list,
then shows what :func:`advisor_app.services.xlsx_import.preview` found — the sheet, the header row,
one row per column header with the field it goes to (a combo: the kind's fields and 不导入; the
synonyms' and the remembered choice first) and the first rows. A required field left without a
column is named and 导入 stays disabled. 试导入 runs the import as a dry run and shows what it would
do; 导入 runs it for real; both run on the worker as a long job whose progress dialog can be
cancelled (a cancelled import writes nothing). Then the summary in the advisor's words, the first
problems, and 打开错误报告 when rows were refused. Files that cannot be read say why in the
dialog (the service's words), never with a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from .operations import JobProgress, Operations
from .print_preview import SAVE_DIALOG_OPTIONS

if TYPE_CHECKING:  # (the readers are loaded when a file is chosen, not at start)
    from advisor_app.services.xlsx_import import ImportSummary, Preview

translate = QCoreApplication.translate
SHOWN_ERRORS = 8


def kind_labels() -> dict[str, str]:
    """The kinds of list, in the interface's language (the service's Chinese names otherwise)."""
    from advisor_app.services.xlsx_import import KIND_LABELS

    shown = {"roster": translate("SheetImport", "户籍名册"), "disability": translate("SheetImport", "残联残疾人名册"),
             "medical": translate("SheetImport", "医保个人自付费用"),
             "monitoring": translate("SheetImport", "防返贫监测对象名单"),
             "pension": translate("SheetImport", "养老金领取名单"),
             "employment": translate("SheetImport", "就业登记名单")}
    return {kind: shown.get(kind, label) for kind, label in KIND_LABELS.items()}


class SheetImportDialog(QDialog):
    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.preview: Preview | None = None
        self.last: ImportSummary | None = None
        self._loaded: tuple[str, str, str | None] | None = None  # (file, kind, sheet) of the preview shown
        self.setWindowTitle(translate("SheetImport", "导入 Excel 名单"))
        self.file = QLineEdit()
        self.file.setPlaceholderText(translate("SheetImport", "选择要导入的表格文件"))
        self.browse_button = QPushButton(translate("SheetImport", "浏览…"))
        self.browse_button.clicked.connect(self.browse)
        self.kind = QComboBox()
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.sheet = QComboBox()
        self.header_label = QLabel()
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([translate("SheetImport", "表头"), translate("SheetImport", "对应字段")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.rows = QTableWidget(0, 0)
        self.rows.setMaximumHeight(160)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.dry_button = QPushButton(translate("SheetImport", "试导入"))
        self.import_button = QPushButton(translate("SheetImport", "导入"))
        self.report_button = QPushButton(translate("SheetImport", "打开错误报告"))
        self.close_button = QPushButton(translate("SheetImport", "关闭"))
        self.report_button.hide()
        self.dry_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.report_button.clicked.connect(self.open_report)
        self.close_button.clicked.connect(self.reject)
        chooser = QHBoxLayout()
        chooser.addWidget(self.file, 1)
        chooser.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(translate("SheetImport", "文件"), chooser)
        form.addRow(translate("SheetImport", "名单种类"), self.kind)
        form.addRow(translate("SheetImport", "工作表"), self.sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for b in (self.dry_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.header_label)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.rows)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.file.editingFinished.connect(self.load)
        self.kind.currentIndexChanged.connect(self.load)
        self.sheet.activated.connect(self.load)
        self.resize(760, 620)
        self._ready()

    # --- reading the file -----------------------------------------------------------------------
    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, translate("SheetImport", "选择表格文件"), self.file.text(),
                                                translate("SheetImport", "表格文件 (*.xlsx *.xlsm *.xlsb *.xls *.ods "
                                                                         "*.csv *.txt);;所有文件 (*)"),
                                                options=SAVE_DIALOG_OPTIONS)
        if chosen:
            self.file.setText(chosen)
            self.load()

    def load(self) -> None:
        """Read the chosen file's header (on the worker) and show the mapping."""
        path, kind = self.file.text().strip(), self.kind.currentData()
        sheet = self.sheet.currentText() if self.sender() is self.sheet else None
        if (path, kind, sheet) == self._loaded:  # (the file box loses focus to a button: nothing changed)
            return
        self._loaded = (path, kind, sheet)
        self.preview = None
        self._ready()
        if not path:
            return
        from advisor_app.services import xlsx_import

        self.summary.setText(translate("SheetImport", "正在读取表格……"))
        self.operations.query(lambda p: xlsx_import.preview(path, kind, sheet, profile=p), self.show_preview,
                              on_error=self.problem)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(preview.sheets)
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
        self.header_label.setText(translate("SheetImport", "表头在第 %1 行；请核对每一列对应的字段：").replace(
            "%1", str(preview.header_row)))
        self.mapping.setRowCount(len(preview.headers))
        for row, header in enumerate(preview.headers):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(translate("SheetImport", "不导入"), None)
            for f in preview.fields:
                combo.addItem(f.label, f.name)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(header))))
            combo.currentIndexChanged.connect(self._ready)
            self.mapping.setCellWidget(row, 1, combo)
        self.rows.setColumnCount(len(preview.headers))
        self.rows.setHorizontalHeaderLabels(preview.headers)
        self.rows.setRowCount(len(preview.shown))
        for r, cells in enumerate(preview.shown):
            for c, value in enumerate(cells[:len(preview.headers)]):
                self.rows.setItem(r, c, QTableWidgetItem(value))
        self.summary.setText("")
        self._ready()

    def combo(self, header: str) -> QComboBox:
        """The field combo of a column header (tests choose with it)."""
        assert self.preview is not None
        widget = self.mapping.cellWidget(self.preview.headers.index(header), 1)
        assert isinstance(widget, QComboBox)
        return widget

    def chosen_mapping(self) -> dict[str, str | None]:
        if self.preview is None:
            return {}
        return {h: self.combo(h).currentData() for h in self.preview.headers if h}

    def missing(self) -> list[str]:
        """The labels of the required fields no column goes to."""
        if self.preview is None:
            return []
        used = set(self.chosen_mapping().values())
        return [f.label for f in self.preview.fields if f.required and f.name not in used]

    def _ready(self) -> None:
        missing = self.missing()
        ok = self.preview is not None and not missing
        self.dry_button.setEnabled(ok)
        self.import_button.setEnabled(ok)
        text = translate("SheetImport", "还缺少这些字段对应的列：%1")
        if missing:
            self.summary.setText(text.replace("%1", "、".join(missing)))
        elif self.summary.text().startswith(text.split("%1")[0]):
            self.summary.setText("")  # (every required field has its column now)

    def problem(self, exc: DomainError) -> None:
        self.preview = None
        self.mapping.setRowCount(0)
        self.rows.setRowCount(0)
        self.summary.setText(translate("SheetImport", "不能导入：%1").replace("%1", str(exc)))
        self._ready()

    # --- importing ------------------------------------------------------------------------------
    def run(self, *, dry_run: bool) -> None:
        from advisor_app.services import xlsx_import

        path, kind, sheet = self.file.text().strip(), self.kind.currentData(), self.sheet.currentText() or None
        mapping = self.chosen_mapping()
        opened = self.preview.opened if self.preview is not None else None  # parsed for the preview: not again

        def job(profile: Profile, progress: JobProgress) -> ImportSummary:
            return xlsx_import.import_sheet(profile, path, kind, mapping=mapping, dry_run=dry_run, progress=progress,
                                            sheet=sheet, opened=opened)

        title = translate("SheetImport", "正在试导入") if dry_run else translate("SheetImport", "正在导入")
        self.operations.long_job(job, self.show_summary, title=title, on_error=self.stopped,
                                 changed=None if dry_run else Changes(all_households=True))

    def stopped(self, exc: DomainError) -> None:
        if isinstance(exc, Cancelled):
            self.summary.setText(translate("SheetImport", "已取消，没有导入任何数据。"))
        else:
            self.problem(exc)

    def show_summary(self, summary: ImportSummary) -> None:
        self.last = summary
        head = translate("SheetImport", "试导入（没有写入）") if summary.dry_run else translate("SheetImport", "已导入")
        text = translate("SheetImport", "%1：共 %2 行，对上已登记成员 %3 行，新增 %4，与登记不同 %5，"
                                        "未登记（线索）%6 行，有错误 %7 行").replace("%1", head)
        for k, n in enumerate((summary.rows, summary.matched, summary.new, summary.changed, summary.unmatched,
                               summary.invalid), start=2):
            text = text.replace(f"%{k}", str(n))
        lines = [text] + [translate("SheetImport", "第 %1 行：%2").replace("%1", str(e.row)).replace("%2", e.message)
                          for e in summary.errors[:SHOWN_ERRORS]]
        if len(summary.errors) > SHOWN_ERRORS:
            more = len(summary.errors) - SHOWN_ERRORS
            lines.append(translate("SheetImport", "……还有 %1 处").replace("%1", str(more)))
        lines += [translate("SheetImport", "提示：第 %1 行：%2").replace("%1", str(w.row)).replace("%2", w.message)
                  for w in summary.warnings[:SHOWN_ERRORS]]
        if len(summary.warnings) > SHOWN_ERRORS:
            more = len(summary.warnings) - SHOWN_ERRORS
            lines.append(translate("SheetImport", "……还有 %1 条提示").replace("%1", str(more)))
        self.summary.setText("\n".join(lines))
        self.report_button.setVisible(bool(summary.report))

    def open_report(self) -> None:
        if self.last is not None and self.last.report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last.report))


class SheetImportActions:
    """文件 ▸ 导入 Excel 名单…"""

    def __init__(self, parent: QWidget, operations: Operations) -> None:
        self.parent, self.operations = parent, operations
        self.dialog: SheetImportDialog | None = None
        self.action = QAction(translate("SheetImport", "导入 Excel 名单…"), parent)
        self.action.setObjectName("import_sheet")
        self.action.triggered.connect(self.start)

    def start(self, _checked: Any = False) -> SheetImportDialog:
        self.dialog = SheetImportDialog(self.operations, self.parent)
        self.dialog.open()
        return self.dialog


__all__ = ["SheetImportActions", "SheetImportDialog", "kind_labels"]
