"""期限: the dates and periods that apply to the open document, from its scheme's facts.

Round deadlines (Guangdong's for a Guangdong document), publicity periods, the creation
period and its extension, the review cycle, change reports, yearly summaries, validity and
the end of the 2017 regime — computed by :func:`smedesk.schemes.dates.schedule` (pure) and
shown under the self-check, one wrapped entry each (the column is narrow: a table cut the
labels off). It refreshes after each self-check, so a changed 所在省 or 填报日期 moves the
dates with it. Self-contained: the editor adds it with :func:`beside`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from smedesk.schemes import Scheme, SchemeError, load_scheme
from smedesk.schemes.dates import DateItem, schedule
from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.i18n import tr

_STATE_COLOURS = {"passed": "#d93025", "upcoming": "#188038", "period": "#3c4043"}


class DeadlinesPanel(QWidget):
    """事项 · 日期或期限 · 依据 for the document, one wrapped entry each."""

    def __init__(
        self,
        state: DocumentState,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.today = today
        self.items: list[DateItem] = []
        self.scheme: Scheme | None = None
        try:
            self.scheme = load_scheme(state.scheme_id)
        except SchemeError:
            self.scheme = None  # the self-check panel already says why
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        title = QLabel(tr("期限"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        column.addWidget(title)
        self.body = QWidget()
        self.entries = QVBoxLayout(self.body)
        self.entries.setContentsMargins(0, 0, 4, 0)
        self.entries.setSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        column.addWidget(scroll, 1)
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        """(事项, 日期或期限, 依据) as shown, for tests and copy-out."""
        return [(i.label, self._when(i), str(i.citation)) for i in self.items]

    @staticmethod
    def _when(item: DateItem) -> str:
        return f"{item.when}（{tr('已过')}）" if item.state == "passed" else item.when

    def refresh(self) -> None:
        """Recompute the dates from the document as it is now."""
        if self.scheme is not None:
            # only the top-level fields: the dates read 填报日期 and where the document is
            # from, never a list (a 3,000-row list is not validated on the GUI thread)
            light = {k: v for k, v in self.state.data.items() if not isinstance(v, list)}
            doc, _unreadable = self.state.document(light)
            self.items = schedule(doc, self.scheme, self.today())
        while self.entries.count():
            old = self.entries.takeAt(0)
            if old is not None and old.widget() is not None:
                old.widget().deleteLater()  # type: ignore[union-attr]
        for item in self.items:
            colour = _STATE_COLOURS[item.state]
            label = QLabel(
                f"<b>{html.escape(item.label)}</b><br>"
                f'<span style="color:{colour}">{html.escape(self._when(item))}</span>'
                f'<br><span style="color:#666; font-size:11px">{html.escape(str(item.citation))}</span>'
            )
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.entries.addWidget(label)
        if not self.items:
            self.entries.addWidget(QLabel(tr("本方案没有规定期限")))
        self.entries.addStretch(1)


def beside(self_check: QWidget, panel: DeadlinesPanel) -> QSplitter:
    """The self-check above the deadlines, as the editor's right-hand column."""
    column = QSplitter(Qt.Orientation.Vertical)
    column.addWidget(self_check)
    column.addWidget(panel)
    column.setSizes([440, 300])
    column.setChildrenCollapsible(False)
    return column
