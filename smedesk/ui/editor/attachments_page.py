"""The materials page: the scheme's checklist, each item taking PDF or image files.

Files go into the store (which records their SHA-256) and an ``AttachmentRef`` goes into
``doc.materials``, so the self-check sees which items are still missing. Files are added
with a file dialog or by dropping them on the item.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smedesk.errors import UserError
from smedesk.export.pdf.attachments import MAX_ATTACHMENT_BYTES, check_attachment
from smedesk.safe_read import read_input
from smedesk.store import AttachmentInfo, DocumentStore
from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.editor.form_page import page_title
from smedesk.ui.editor.sections import Section
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Handle, Operation, OperationRunner, Reporter

ACCEPTED = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
OTHER_ID = "other"


def checklist(state: DocumentState) -> list[tuple[str, str, str, bool]]:
    """(id, label, citation, generated) of the scheme's materials for this document."""
    try:
        from smedesk.schemes import SchemeError, load_scheme

        scheme = load_scheme(state.scheme_id)
    except (ImportError, SchemeError, OSError):
        return [(OTHER_ID, tr("附件材料"), "", False)]  # no scheme: one open-ended item
    kind = str(state.data.get("kind", ""))
    return [
        (m.id, m.label, f"《{m.document or scheme.document}》{m.article}", m.generated)
        for m in scheme.materials_for(kind)
    ]


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{max(1, n // 1024)} KB"


class MaterialCard(QFrame):
    """One checklist item: its files, an add button, and a drop target."""

    def __init__(self, page: AttachmentsPage, material: tuple[str, str, str, bool]) -> None:
        super().__init__()
        self.page = page
        self.material_id, label, citation, generated = material
        self.setObjectName("materialCard")
        self.setStyleSheet("#materialCard { border: 1px solid #d5dae1; border-radius: 4px; }")
        self.setAcceptDrops(not generated)
        column = QVBoxLayout(self)
        head = QHBoxLayout()
        self.status = QLabel()
        title = QLabel(f"<b>{label}</b>")
        title.setWordWrap(True)
        head.addWidget(self.status)
        head.addWidget(title, 1)
        self.add_button = QPushButton(tr("添加文件…"))
        self.add_button.clicked.connect(self.choose_files)
        head.addWidget(self.add_button)
        column.addLayout(head)
        if citation:
            cite = QLabel(citation)
            cite.setStyleSheet("color: #666; font-size: 12px;")
            column.addWidget(cite)
        self.files = QVBoxLayout()
        column.addLayout(self.files)
        if generated:
            self.add_button.hide()
            self.status.setText("✔")
            self.files.addWidget(QLabel(tr("由本文档生成，无需上传")))
        self.generated = generated

    def show_files(self, refs: list[dict[str, Any]]) -> None:
        if self.generated:
            return
        while self.files.count():
            item = self.files.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status.setText("✔" if refs else "✘")
        self.status.setStyleSheet("color: #188038;" if refs else "color: #d93025;")
        if not refs:
            hint = QLabel(tr("尚未添加。可将 PDF 或图片文件拖到此处。"))
            hint.setStyleSheet("color: #999;")
            self.files.addWidget(hint)
        for ref in refs:
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            text = f"{ref.get('filename')} · {_size(int(ref.get('size') or 0))} · SHA-256 {str(ref.get('sha256'))[:12]}…"
            name = QLabel(text)
            name.setToolTip(f"SHA-256：{ref.get('sha256')}")
            remove = QPushButton(tr("移除"))
            remove.clicked.connect(lambda _=False, r=ref: self.page.remove(r))
            row.addWidget(name, 1)
            row.addWidget(remove)
            self.files.addWidget(line)

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, tr("选择文件"), "", tr("PDF 或图片") + " (*.pdf *.png *.jpg *.jpeg)"
        )
        self.page.add_files(self.material_id, [Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.page.add_files(self.material_id, paths)
        event.acceptProposedAction()


class AttachmentsPage(QScrollArea):
    def __init__(
        self,
        section: Section,
        state: DocumentState,
        store: DocumentStore,
        parent: QWidget | None = None,
        *,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.state = state
        self.store = store
        self.runner = runner or OperationRunner(parent=self)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(18, 14, 18, 18)
        help_text = tr(
            "按方案要求逐项添加 PDF 或图片文件；文件保存在本机数据库中，并记录 SHA-256 校验值。"
        )
        column.addWidget(page_title(section.title, help_text))
        self.cards: dict[str, MaterialCard] = {}
        for material in checklist(state):
            card = MaterialCard(self, material)
            self.cards[card.material_id] = card
            column.addWidget(card)
        column.addStretch(1)
        self.setWidget(body)
        state.value_changed.connect(self._on_change)
        self.refresh()

    def refs(self) -> list[dict[str, Any]]:
        return self.state.rows(self.section.key)

    def refresh(self) -> None:
        by_id: dict[str, list[dict[str, Any]]] = {}
        for ref in self.refs():
            mid = str(ref.get("material_id"))
            by_id.setdefault(mid if mid in self.cards else OTHER_ID, []).append(ref)
        for mid, card in self.cards.items():
            card.show_files(by_id.get(mid, []))

    def _on_change(self, path: str) -> None:
        if path.startswith(self.section.key):
            self.refresh()

    def add_files(self, material_id: str, paths: list[Path]) -> Handle | None:
        """Store each acceptable file for ``material_id``, as one operation (files can be big).

        The rows of the checklist are added when the operation has stored the files; a file
        that cannot be read is named in a message and the others are still added.
        """
        accepted = [p for p in paths if p.suffix.lower() in ACCEPTED]
        refused = [p.name for p in paths if p.suffix.lower() not in ACCEPTED]
        if refused:
            QMessageBox.information(
                self, tr("未添加"), tr("只接受 PDF 或图片（PNG、JPG）：") + "、".join(refused)
            )
        if not accepted:
            return None
        store, doc_id = self.store, self.state.doc_id

        def work(reporter: Reporter) -> tuple[list[AttachmentInfo], list[str]]:
            added: list[AttachmentInfo] = []
            failed: list[str] = []
            for number, path in enumerate(accepted):
                reporter(number, len(accepted))
                media = ACCEPTED[path.suffix.lower()]
                try:
                    # Bounded, regular files only (no FIFO or /dev/zero), and checked as the
                    # export will check it (size, pixels, a readable PDF or image).
                    content = read_input(path, limit=MAX_ATTACHMENT_BYTES, what="附件")
                    check_attachment(path.name, content)
                    kind = media or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    info = store.add_attachment(doc_id, material_id, path.name, content, kind)
                    added.append(info)
                except UserError as exc:  # too big, not a file, unreadable, store refused
                    failed.append(exc.message)
                except OSError as exc:
                    failed.append(f"{path.name}：{exc.strerror or exc}")
            return added, failed

        return self.runner.run(
            Operation(tr("正在添加附件…"), work, long=True),
            on_success=lambda outcome: self._added(material_id, *outcome),
            parent=self,
        )

    def _added(self, material_id: str, added: list[AttachmentInfo], failed: list[str]) -> None:
        for info in added:
            self.refs().append(
                {
                    "material_id": material_id,
                    "filename": info.filename,
                    "sha256": info.sha256,
                    "size": info.size,
                }
            )
        if added:
            self.state.touch(self.section.key)
        if failed:
            QMessageBox.warning(self, tr("未能添加文件"), "\n".join(failed))

    def remove(self, ref: dict[str, Any]) -> None:
        for info in self.store.attachments(self.state.doc_id):
            if info.sha256 == ref.get("sha256") and info.material_id == ref.get("material_id"):
                self.store.remove_attachment(info.id)
                break
        refs = self.refs()
        if ref in refs:
            refs.remove(ref)
            self.state.touch(self.section.key)

    def focus_material(self, material_id: str) -> bool:
        card = self.cards.get(material_id)
        if card is None:
            return False
        self.ensureWidgetVisible(card)
        card.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def focus_path(self, path: str) -> bool:
        first = next(iter(self.cards.values()), None)
        if first is not None:
            first.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
