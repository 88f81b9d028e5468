"""A workspace whose screens are still being built: it says plainly what they will do.

The recommender's and the expert's workspaces start as this page (a card with the plan),
so the role switch never shows a mock-up; each becomes its own full workspace in turn.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from smedesk.ui import spacing
from smedesk.ui.context import AppContext
from smedesk.ui.i18n import tr
from smedesk.ui.workspaces.base import Workspace


class PlannedWorkspace(Workspace):
    """A card naming the workspace and listing what it will offer."""

    #: Title and text of the card (marked with ``N_``; translated when shown).
    PLAN_TITLE = ""
    PLAN_TEXT = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from PySide6.QtCore import Qt  # not at import: see smedesk.ui.documents.list_page

        outer = QVBoxLayout(self)
        outer.setContentsMargins(spacing.MARGIN * 3, spacing.MARGIN * 3, spacing.MARGIN * 3, 0)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(
            spacing.MARGIN * 2, spacing.MARGIN, spacing.MARGIN * 2, spacing.MARGIN
        )
        inner.setSpacing(spacing.SECTION_GAP)
        self.plan_title = QLabel(tr(self.PLAN_TITLE))
        self.plan_title.setObjectName("plannedTitle")
        self.plan_text = QLabel(tr(self.PLAN_TEXT))
        self.plan_text.setWordWrap(True)
        self.plan_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(tr("在此之前，申报单位的功能已可使用：点击上方「申报单位」切换回去。"))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        for widget in (self.plan_title, self.plan_text, note):
            # A fixed width lets the wrapped labels report their true height; with only a
            # maximum, a centred card is laid out from a guessed width and cuts lines off.
            widget.setFixedWidth(spacing.TEXT_WIDTH)
            inner.addWidget(widget)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)

    def window_title(self) -> str:
        return tr(self.LABEL)
