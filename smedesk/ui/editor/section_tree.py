"""The section tree on the editor's left: the paper's contents, with a badge per section.

The badge is the number of "not met" findings on that section's fields; a group shows
the sum of its sections, so a glance shows where work remains.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from smedesk.schemes import Finding, Outcome
from smedesk.ui.editor.sections import Section, section_for_path
from smedesk.ui.i18n import tr
from smedesk.ui.wrapping_delegate import WrappingDelegate

_KEY = Qt.ItemDataRole.UserRole


class SectionTree(QTreeWidget):
    section_chosen = Signal(str)  # section key

    def __init__(self, sections: list[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = sections
        self.items: dict[str, QTreeWidgetItem] = {}
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setIndentation(14)
        WrappingDelegate(self)  # a long title wraps onto a second line, never «…»
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for section in sections:
            self._add(section, None)
        self.expandAll()
        self.currentItemChanged.connect(self._chosen)

    def _add(self, section: Section, parent: QTreeWidgetItem | None) -> None:
        item = QTreeWidgetItem([section.short_title, ""])
        item.setData(0, _KEY, section.key)
        item.setToolTip(0, section.title)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, QBrush(QColor("#d93025")))
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self.items[section.key] = item
        for child in section.children:
            self._add(child, item)

    def _chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.section_chosen.emit(str(current.data(0, _KEY)))

    def select(self, key: str) -> None:
        item = self.items.get(key)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def set_badges(self, findings: Iterable[Finding]) -> dict[str, int]:
        """Count the not-met findings per section and show them; the counts by key."""
        counts: dict[str, int] = {}
        for f in findings:
            if f.outcome is not Outcome.NOT_MET or not f.path:
                continue
            section = section_for_path(self.sections, f.path)
            if section is not None:
                counts[section.key] = counts.get(section.key, 0) + 1
        for section in self.sections:
            self._total(section, counts)
        for key, item in self.items.items():
            n = counts.get(key, 0)
            item.setText(1, str(n) if n else "")
            item.setToolTip(1, tr("{count} 项不符合").format(count=n) if n else "")
        return counts

    def _total(self, section: Section, counts: dict[str, int]) -> int:
        total = counts.get(section.key, 0) + sum(self._total(c, counts) for c in section.children)
        counts[section.key] = total
        return total
