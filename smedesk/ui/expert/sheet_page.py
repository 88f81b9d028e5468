"""One opinion sheet open for the expert: the sheet editor, autosaved, and «签名…».

Every edit is stored as the applicant's edits are: the sheet's data goes into a
:class:`~smedesk.ui.editor.document_state.DocumentState` and the editor's
:class:`~smedesk.ui.editor.autosave.Autosaver` saves it on the next turn of the event loop,
based on the version it was loaded as (``store.save(..., base_version=...)``). Signing stores
pending edits first, then signs as an operation (the PDF signature takes a second or two);
the signed sheet is shown again, read-only.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smedesk.ui.i18n import tr
from smedesk.ui.spacing import SPACING

if TYPE_CHECKING:
    from smedesk.forms.opinion import ExpertOpinion
    from smedesk.forms.strokes import Stroke
    from smedesk.store import SaveConflict
    from smedesk.ui.context import AppContext


class SheetPage(QWidget):
    """The sheet of ``opinion_id``: editor, save status, «查看申请», «签名…»."""

    #: the sheet was signed (the workspace refreshes the inbox)
    signed = Signal(str)
    #: the expert asked to read the application this sheet judges
    view_application = Signal(str)

    def __init__(self, ctx: AppContext, opinion_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opinion_id = opinion_id
        self._load()
        self.signing = False
        self.status = QLabel(tr("所有修改都会自动保存"), self)
        self.status.setObjectName("mutedText")
        self.status.setWordWrap(True)
        self.application_button = QPushButton(tr("查看申请"), self)
        self.application_button.clicked.connect(self._view_application)
        self.sign_button = QPushButton(tr("签名…"), self)
        self.sign_button.clicked.connect(self.sign_from_pad)
        # The workspace places this bar beside its «返回» button (one row, not two).
        self.toolbar = QWidget(self)
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(SPACING, 0, 0, 0)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.application_button)
        bar.addWidget(self.sign_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        self.editor: QWidget | None = None
        self._show_editor()

    # the editor -----------------------------------------------------------------------------

    def _load(self) -> None:
        """Read the sheet as stored; its state and autosaver start from that version."""
        from smedesk.forms.opinion import ExpertOpinion
        from smedesk.ui.editor.autosave import Autosaver
        from smedesk.ui.editor.document_state import DocumentState

        for old in (getattr(self, "autosaver", None), getattr(self, "state", None)):
            if old is not None:
                old.deleteLater()
        stored = self.ctx.store.get(self.opinion_id)
        self.state = DocumentState(
            self.opinion_id, ExpertOpinion, dict(stored.data), self, version=stored.version
        )
        self.autosaver = Autosaver(self.state, self.ctx.store, self.ctx.user_name, self)
        self.autosaver._title = stored.title  # renamed only when the title really changes
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._say)
        self.autosaver.merged.connect(self._merged)
        self.autosaver.conflicted.connect(self._conflicted)

    def document(self) -> ExpertOpinion:
        from smedesk.forms import parse_document
        from smedesk.forms.opinion import ExpertOpinion

        doc = parse_document(self.state.data)
        assert isinstance(doc, ExpertOpinion)
        return doc

    def _show_editor(self) -> None:
        from smedesk.ui.expert.opinion_editor import OpinionSheetEditor

        if self.editor is not None:
            self._layout.removeWidget(self.editor)
            self.editor.hide()  # hidden now: deleteLater runs only when the loop gets to it
            self.editor.deleteLater()
        doc = self.document()
        editor = OpinionSheetEditor(doc, self)
        editor.changed.connect(self._edited)
        editor.sign_requested.connect(self.sign)
        self.editor = editor
        self._layout.addWidget(editor, 1)
        self.sign_button.setEnabled(not doc.signed)
        self.application_button.setEnabled(bool(doc.application_id))
        if doc.signed:
            self.status.setText(self.signed_text(doc))

    @staticmethod
    def signed_text(doc: ExpertOpinion) -> str:
        return tr("已于 {date} 签署，密钥指纹 {fingerprint}").format(
            date=doc.sign_date or "", fingerprint=doc.signer_fingerprint or ""
        )

    def _edited(self) -> None:
        from smedesk.exchange.common import document_bytes
        from smedesk.ui.expert.opinion_editor import OpinionSheetEditor

        assert isinstance(self.editor, OpinionSheetEditor)
        data, _ = document_bytes(self.editor.document())
        self.state.replace_data(data, changed=True)  # the autosaver stores it next turn

    def flush(self) -> bool:
        """Store pending edits now (before signing, closing or switching away)."""
        return self.autosaver.flush()

    def _saved(self, when: float) -> None:
        self.status.setText(tr("已自动保存（{time}）").format(time=time.strftime("%H:%M:%S")))

    def _say(self, message: str) -> None:
        self.status.setText(message)

    def _merged(self, message: str) -> None:
        self.status.setText(message)
        self._show_editor()  # show what came in

    def _conflicted(self, conflict: SaveConflict) -> None:
        # The same sheet changed elsewhere (another window): what is on screen is what the
        # expert decided; the other version stays in the sheet's history.
        self.autosaver.resolve(self.state.data, conflict.version)
        self.status.setText(tr("此意见表在另一个窗口中也被修改过：已按本窗口显示的内容保存。"))

    def _view_application(self) -> None:
        application = self.document().application_id
        if application:
            self.view_application.emit(application)

    # signing ----------------------------------------------------------------------------------

    def sign_from_pad(self) -> None:
        """«签名…»: sign with what is drawn on the sheet's pad (asks for it when empty)."""
        from smedesk.ui.expert.opinion_editor import OpinionSheetEditor

        if not isinstance(self.editor, OpinionSheetEditor):
            return
        strokes = self.editor.pad.strokes()
        if not strokes:
            self.status.setText(tr("请先在右下方的签名板上手写签名，再点「签名…」。"))
            self.editor.pad.canvas.setFocus()
            return
        self.sign(strokes)

    def sign(self, strokes: list[Stroke]) -> None:
        from smedesk.ui.expert.exchange_ops import sign_operation

        if self.signing:
            return
        if not self.flush():
            self.status.setText(tr("修改尚未保存，暂不能签名。"))
            return
        doc = self.document()
        self.signing = True
        self.sign_button.setEnabled(False)
        self.status.setText(tr("正在签署…"))
        self.ctx.runner.run(
            sign_operation(self.ctx, self.opinion_id, doc.expert_name or "", strokes),
            on_success=self._after_signing,
            on_failure=self._sign_failed,
            on_cancelled=lambda: self._sign_failed(tr("已取消签名。")),
            parent=self,
        )

    def _after_signing(self, _pdf: bytes) -> None:
        self.signing = False
        self._load()  # the signed sheet as stored: nothing pending
        self._show_editor()
        self.status.setText(
            self.signed_text(self.document()) + tr("。可在评审任务列表中导出意见包。")
        )
        self.signed.emit(self.opinion_id)

    def _sign_failed(self, message: str) -> None:
        self.signing = False
        self.sign_button.setEnabled(not self.document().signed)
        self.status.setText(message)
