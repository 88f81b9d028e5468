"""The applicant's «导出 PDF» dialog: options, a cancellable progress bar, a preview, save.

The export is an operation on the runner's ``export`` lane, so a 300-page report never
freezes the window; the runner's reporter is the ``progress`` of
:func:`smedesk.export.pdf.export_pdf`: it feeds the bar, and raises ``Cancelled`` once the
user cancels. The PDF is first written to a private temporary folder and shown; «保存»
then copies it next to its destination and renames it into place, so the chosen path only
ever holds a complete file.

The preview uses Qt's PDF viewer (``PySide6.QtPdf``/``QtPdfWidgets``, the PySide6-Pdf
wheel, a declared dependency). «用系统阅读器打开» opens the same file in the system's
reader too.

Entry point for the editor's menu: :func:`open_pdf_export`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smedesk.errors import UserError
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Handle, Operation, OperationRunner, Reporter

_PDF_FILTER = "PDF (*.pdf)"


class PdfExportDialog(QDialog):
    """Build the PDF in the background, preview it, then save it where the user says."""

    def __init__(
        self,
        doc: Any,
        attachments: Sequence[Any] = (),
        suggested: str | Path | None = None,
        parent: QWidget | None = None,
        *,
        copies: int = 1,
        version: str | None = None,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner or OperationRunner(parent=self)
        #: The export function (tests wrap it with a gate to hold the export mid-way).
        self.export: Callable[..., Any] = _export_pdf
        self.doc = doc
        self.version = version  # the footer's version text; None: scheme@version
        self.attachments = list(attachments)
        self.suggested = Path(suggested) if suggested else Path(f"{doc.display_title()}.pdf")
        self.result: Any = None
        self.saved_path: Path | None = None
        self._handle: Handle | None = None
        self._tmpdir = Path(tempfile.mkdtemp(prefix="smedesk-pdf-"))
        self._pdf_document: Any = None
        self.setWindowTitle(tr("导出 PDF：{title}").format(title=doc.display_title()))
        # Fits a 1366×768 laptop with room for the taskbar; the preview scrolls.
        self.resize(760, 640)
        self._build(copies)

    # --- layout
    def _build(self, copies: int) -> None:
        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        options.addWidget(QLabel(tr("份数")))
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        self.copies.setValue(max(1, copies))
        self.copies.setToolTip(tr("每份封面标注“第 k 份 共 N 份”"))
        options.addWidget(self.copies)
        self.cross_seal = QCheckBox(tr("标出骑缝章位置"))
        options.addWidget(self.cross_seal)
        options.addStretch(1)
        self.preview_button = QPushButton(tr("生成预览"))
        self.preview_button.clicked.connect(self.start)
        options.addWidget(self.preview_button)
        layout.addLayout(options)

        self.status = QLabel(tr("点击“生成预览”开始。"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bar = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        bar.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        bar.addWidget(self.cancel_button)
        layout.addLayout(bar)

        self.preview = self._make_preview()
        layout.addWidget(self.preview, 1)

        buttons = QHBoxLayout()
        self.open_external = QPushButton(tr("用系统阅读器打开"))
        self.open_external.setEnabled(False)
        self.open_external.clicked.connect(self._open_external)
        buttons.addWidget(self.open_external)
        buttons.addStretch(1)
        self.save_button = QPushButton(tr("保存…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.save_button)
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _make_preview(self) -> QWidget:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._pdf_document = QPdfDocument(self)
        view = QPdfView(self)
        view.setDocument(self._pdf_document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        return view

    # --- the export
    @property
    def temp_path(self) -> Path:
        return self._tmpdir / "preview.pdf"

    def is_running(self) -> bool:
        return self._handle is not None and self._handle.running

    def start(self) -> None:
        """Build the PDF into the private temporary folder, on the worker thread."""
        if self.is_running():
            return
        self._unload_preview()
        self.result = None
        self.save_button.setEnabled(False)
        self.open_external.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("正在生成 PDF……"))
        self.progress.setRange(0, 0)  # busy until the first report gives the total
        options = {
            "copies": self.copies.value(),
            "cross_seal": self.cross_seal.isChecked(),
            "version": self.version,
        }
        doc, attachments, target, export = self.doc, self.attachments, self.temp_path, self.export

        def work(reporter: Reporter) -> Any:
            return export(doc, target, attachments=attachments, progress=reporter, **options)

        self._handle = self.runner.run(
            Operation(tr("正在生成 PDF……"), work, long=True, lane="export"),
            on_success=self._on_succeeded,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
            on_cancelled=self._on_cancelled,
            parent=self,
        )

    def cancel(self) -> None:
        if self.is_running():
            assert self._handle is not None
            self._handle.cancel()
            self.status.setText(tr("正在取消……"))
            self.cancel_button.setEnabled(False)

    def _ended(self) -> None:
        self.preview_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_succeeded(self, result: Any) -> None:
        self._ended()
        self.result = result
        copies = tr("，共 {count} 份").format(count=result.copies) if result.copies > 1 else ""
        self.status.setText(
            tr("已生成：每份 {pages} 页{copies}。请检查预览后保存。").format(
                pages=result.pages, copies=copies
            )
            + "\n"
            + result.footer
        )
        if self._pdf_document is not None:
            self._pdf_document.load(str(self.temp_path))
        self.save_button.setEnabled(True)
        self.open_external.setEnabled(True)

    def _on_cancelled(self) -> None:
        self._ended()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(tr("已取消，未生成文件。"))

    def _on_failed(self, message: str) -> None:
        self._ended()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    # --- saving
    def save(self, target: str | Path | None = None) -> Path | None:
        """Copy the previewed PDF to ``target`` (asked for when not given), atomically."""
        if self.result is None:
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("保存 PDF"), str(self.suggested), _PDF_FILTER
            )
            if not chosen:
                return None
            target = chosen
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            _copy_atomically(self.temp_path, path)
        except UserError as exc:  # full disk, read-only folder, stick pulled: old file kept
            QMessageBox.warning(self, tr("无法保存"), exc.message)
            return None
        except OSError as exc:
            QMessageBox.warning(self, tr("无法保存"), f"{path}：{exc.strerror or exc}")
            return None
        self.saved_path = path
        self.status.setText(tr("已保存：{path}").format(path=path))
        return path

    def _open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.temp_path)))

    # --- closing
    def _unload_preview(self) -> None:
        if self._pdf_document is not None:
            self._pdf_document.close()

    def done(self, code: int) -> None:
        # Closing while the export runs: cancel it and wait, so nothing writes into the
        # temporary folder after it is removed.
        if self.is_running():
            assert self._handle is not None
            self._handle.cancel()
            self.runner.wait(lane="export")
        self._unload_preview()
        shutil.rmtree(self._tmpdir, ignore_errors=True)
        super().done(code)


def _export_pdf(*args: Any, **kwargs: Any) -> Any:
    from smedesk.export.pdf import export_pdf  # ReportLab: imported when first used

    return export_pdf(*args, **kwargs)


def _copy_atomically(source: Path, target: Path) -> None:
    from smedesk.safe_write import copy_file

    copy_file(source, target, what="PDF 文件")  # temp file, fsync, rename; 0644


def open_pdf_export(
    parent: QWidget | None,
    doc: Any,
    attachments: Sequence[Any] = (),
    suggested: str | Path | None = None,
    *,
    revision: int | None = None,
    runner: OperationRunner | None = None,
) -> PdfExportDialog:
    """Open the export dialog for ``doc`` (window-modal) and start building the preview.

    ``attachments`` are :class:`smedesk.export.pdf.Attachment` (material id, file name,
    bytes), read from the store by the caller. ``revision`` is the stored document's
    revision number, printed in the footer as its version («版本 第 12 版»); without it
    the footer shows the scheme and its version. The default number of copies is the
    number of sealed sets the document's scheme asks for, when it says.
    """
    from smedesk.export.pdf import revision_label
    from smedesk.export.pdf.scheme import scheme_view

    copies = scheme_view(doc).sealed_copies or 1
    version = revision_label(revision) if revision is not None else None
    dialog = PdfExportDialog(
        doc, attachments, suggested, parent, copies=copies, version=version, runner=runner
    )
    dialog.open()
    dialog.start()
    return dialog
