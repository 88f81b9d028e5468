"""One round on screen: its applications with state and flags, the checks, the deadlines,
the survey draws and the paper checks — filled from a ``RoundOverview``, never from the store.

The page only shows; the workspace runs every action as an operation and refills it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.fields import spec_of
from smedesk.forms.lists import ServedEnterprise
from smedesk.rounds.checks import SharedFirm
from smedesk.rounds.overview import RoundOverview
from smedesk.ui import spacing
from smedesk.ui.i18n import tr
from smedesk.ui.rounds.opinions_tab import OpinionsTab
from smedesk.ui.rounds.tables import fill_table, read_only_table


class RoundPage(QWidget):
    """The tabs of one round, and the buttons whose actions the workspace runs."""

    add_requested = Signal()
    import_requested = Signal()
    advance_requested = Signal(str)  # doc id
    draw_requested = Signal(str)
    paper_requested = Signal(str)
    form_requested = Signal(str)  # doc id: fill the applicant's 推荐表
    compose_requested = Signal(str)  # doc id: the signed sheets into the 推荐表
    submit_requested = Signal()
    firm_names_needed = Signal(str)  # doc id: the names on its served list, for the shared tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: RoundOverview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(tr("导入申报包…"))
        self.add_button = QPushButton(tr("加入申请…"))
        self.advance_button = QPushButton(tr("推进状态…"))
        self.draw_button = QPushButton(tr("随机抽取服务企业"))
        self.paper_button = QPushButton(tr("核对纸质材料…"))
        self.form_button = QPushButton(tr("填写推荐表…"))
        self.form_button.setToolTip(
            tr("打开这家申报单位的推荐表：测评情况、专家组意见、推荐意见，导出 PDF")
        )
        self.submit_button = QPushButton(tr("生成报送材料…"))
        self.submit_button.setObjectName("primaryButton")
        for button in (self.import_button, self.add_button, self.advance_button,
                       self.draw_button, self.form_button, self.paper_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.entries = read_only_table([tr("申请单位"), tr("统一社会信用代码"), tr("状态"),
                               tr("服务企业"), tr("抽样"), tr("纸质核对"), tr("问题")])  # fmt: skip
        self.flags = read_only_table([tr("涉及"), tr("依据"), tr("问题")])
        # Messages name fields, firms and rounds: wrapped whole, never cut to an ellipsis.
        self.flags.setWordWrap(True)
        self.flags.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.flags.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.flags.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.flags.setColumnWidth(0, 260)
        self.flags.setColumnWidth(1, 240)
        self.deadlines = read_only_table([tr("日期"), tr("事项"), tr("依据"), tr("说明")])
        self.draw = read_only_table([tr("序号"), tr("名单行号"), tr("企业名称"), tr("统一社会信用代码"),
                            tr("联系人"), tr("联系电话")])  # fmt: skip
        self.draw_note = QLabel()
        self.draw_note.setWordWrap(True)
        # The firm's columns are headed by the served list's own field labels.
        self.shared = read_only_table([spec_of(ServedEnterprise, "uscc").label,
                                       spec_of(ServedEnterprise, "name").label,
                                       tr("同时列为服务对象的申报单位")])  # fmt: skip
        self.shared_note = QLabel()
        self.shared_note.setWordWrap(True)
        self._firm_names: dict[str, dict[str, str]] = {}  # doc id → 统一社会信用代码 → name
        self._shared_of: dict[str, list[SharedFirm]] | None = None  # by claimant, built on need
        self.paper = read_only_table([tr("扫描页"), tr("来源"), tr("对应页"), tr("结果")])
        self.paper_note = QLabel()
        self.paper_note.setWordWrap(True)
        self.tabs.addTab(self.entries, tr("申报单位"))
        self.tabs.addTab(self.flags, tr("规则与交叉核查"))
        self.tabs.addTab(self.deadlines, tr("即将到期"))
        self.opinions = OpinionsTab()
        self.draw_tab = self._with_note(self.draw_note, self.draw)
        self.paper_tab = self._with_note(self.paper_note, self.paper)
        self.shared_tab = self._with_note(self.shared_note, self.shared)
        self.tabs.addTab(self.shared_tab, tr("共同服务企业"))
        self.tabs.addTab(self.draw_tab, tr("随机抽样"))
        self.tabs.addTab(self.opinions, tr("专家评审意见"))
        self.tabs.addTab(self.paper_tab, tr("纸质材料核对"))
        self.add_button.clicked.connect(self.add_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.submit_button.clicked.connect(self.submit_requested)
        self.advance_button.clicked.connect(lambda: self._emit_for(self.advance_requested))
        self.draw_button.clicked.connect(lambda: self._emit_for(self.draw_requested))
        self.paper_button.clicked.connect(lambda: self._emit_for(self.paper_requested))
        self.form_button.clicked.connect(lambda: self._emit_for(self.form_requested))
        self.opinions.compose_requested.connect(lambda: self._emit_for(self.compose_requested))
        self.entries.itemSelectionChanged.connect(self._selection_changed)
        self.tabs.currentChanged.connect(lambda _index: self._show_shared())
        self._selection_changed()

    @staticmethod
    def _with_note(note: QLabel, table: QTableWidget) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(spacing.SMALL_MARGIN, spacing.SMALL_MARGIN, 0, 0)
        inner.addWidget(note)
        inner.addWidget(table, 1)
        return box

    def selected_doc(self) -> str | None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.entries.item(rows[0].row(), 0)
        return str(item.data(256)) if item is not None else None

    def select_doc(self, doc_id: str) -> None:
        for row in range(self.entries.rowCount()):
            item = self.entries.item(row, 0)
            if item is not None and item.data(256) == doc_id:
                self.entries.selectRow(row)
                return

    def _emit_for(self, signal: Any) -> None:
        doc_id = self.selected_doc()
        if doc_id is not None:
            signal.emit(doc_id)

    def _selection_changed(self) -> None:
        chosen = self.selected_doc() is not None
        for button in (self.advance_button, self.draw_button, self.paper_button,
                       self.form_button):  # fmt: skip
            button.setEnabled(chosen)
        self._show_selected()

    # filling -------------------------------------------------------------------------------

    def show_overview(self, overview: RoundOverview) -> None:
        keep = self.selected_doc()
        self.overview = overview
        self._shared_of = None
        r = overview.round
        self.heading.setText(
            tr("{year} 年度推荐 · {name}").format(year=r.year, name=r.authority_name)
        )
        recommended = sum(1 for e in overview.entries if e.state.value == "recommended")
        self.summary.setText(
            tr("{kind} · 方案 {scheme} · 申请 {n} 份，推荐 {m} 份，问题 {f} 项").format(
                kind=r.authority_type.label, scheme=r.scheme_id, n=len(overview.entries),
                m=recommended, f=len(overview.flags),
            )
        )  # fmt: skip
        names = {e.doc_id: e.organisation or e.title for e in overview.entries}
        rows, keys = [], []
        for e in overview.entries:
            flags = overview.flags_of(e.doc_id)
            draw = overview.draws.get(e.doc_id)
            paper = overview.papers.get(e.doc_id)
            paper_text = "" if paper is None else (
                tr("一致") if not paper.get("problems") else
                tr("{n} 处不符").format(n=len(paper["problems"])))  # fmt: skip
            rows.append([names[e.doc_id], e.uscc or "", e.state.label, str(len(e.served)),
                         tr("种子 {seed}").format(seed=draw["seed"]) if draw else "",
                         paper_text, "；".join(f.message for f in flags)])  # fmt: skip
            keys.append(e.doc_id)
        fill_table(self.entries, rows, keys)
        fill_table(self.flags, [["、".join(names.get(d, d) for d in f.doc_ids), f.citation,
                            f.message] for f in overview.flags])  # fmt: skip
        fill_table(self.deadlines, [[d.due.isoformat(), d.what, d.citation, d.note or ""]
                               for d in overview.deadlines])  # fmt: skip
        self.tabs.setTabText(1, tr("规则与交叉核查（{n}）").format(n=len(overview.flags)))
        self.tabs.setTabText(
            self.tabs.indexOf(self.shared_tab),
            tr("共同服务企业（{n}）").format(n=len(overview.shared)),
        )
        if keep:
            self.select_doc(keep)
        self._show_selected()

    def set_firm_names(self, doc_id: str, names: dict[str, str]) -> None:
        """The names on ``doc_id``'s served list (read by the workspace), shown beside the codes."""
        self._firm_names[doc_id] = names
        self._show_shared()

    def _shared_firms_of(self, doc_id: str) -> list[SharedFirm]:
        if self.overview is None:
            return []
        if self._shared_of is None:  # once per overview: a round can share 100,000s of firms
            self._shared_of = {}
            for firm in self.overview.shared:
                for claimant in firm.claimants:
                    self._shared_of.setdefault(claimant, []).append(firm)
        return self._shared_of.get(doc_id, [])

    def _show_shared(self) -> None:
        """The selected applicant's served firms that other applicants of the round also list,
        each with those applicants (filled only while the tab is shown)."""
        if self.tabs.currentWidget() is not self.shared_tab:
            return
        doc_id, overview = self.selected_doc(), self.overview
        if doc_id is None or overview is None:
            self.shared_note.setText(tr(
                "选择一家申报单位，查看其服务企业名单中也被本轮其他申报单位列为服务对象的企业"
                "（按统一社会信用代码核对）。"))  # fmt: skip
            fill_table(self.shared, [])
            return
        firms = self._shared_firms_of(doc_id)
        titles = {e.doc_id: e.organisation or e.title for e in overview.entries}
        names = self._firm_names.get(doc_id)
        if firms and names is None:
            self.firm_names_needed.emit(doc_id)
        self.shared_note.setText(
            tr("「{name}」的服务企业中有 {n} 家也被本轮其他申报单位列为服务对象：").format(
                name=titles.get(doc_id, doc_id), n=len(firms))
            if firms else tr("「{name}」的服务企业没有被本轮其他申报单位列为服务对象。").format(
                name=titles.get(doc_id, doc_id))
        )  # fmt: skip
        fill_table(self.shared, [[f.uscc, (names or {}).get(f.uscc, ""),
                                  "、".join(titles.get(c, c) for c in f.claimants if c != doc_id)]
                                 for f in firms])  # fmt: skip

    def _show_selected(self) -> None:
        doc_id = self.selected_doc()
        overview = self.overview
        self._show_shared()
        draw = overview.draws.get(doc_id) if overview and doc_id else None
        if draw is None:
            self.draw_note.setText(tr("选择一家申报单位，点击「随机抽取服务企业」。"))
            fill_table(self.draw, [])
        else:
            self.draw_note.setText(tr(
                "随机种子 {seed} · 名单 {size} 家 · 名单指纹（SHA-256）{fp} · 抽样人 {who}。"
                "任何人用同一种子和同一名单可重复抽出相同企业。"
            ).format(seed=draw["seed"], size=draw["size"], fp=draw["fingerprint"],
                     who=draw.get("author", "")))  # fmt: skip
            fill_table(self.draw, [[str(i + 1), str(row + 1), f.get("name") or "", f.get("uscc") or "",
                               f.get("contact") or "", f.get("phone") or ""]
                              for i, (row, f) in enumerate(zip(draw["rows"], draw["firms"],
                                                               strict=True))])  # fmt: skip
        entry = (
            next((e for e in overview.entries if e.doc_id == doc_id), None) if overview else None
        )
        self.opinions.show_sheets(
            (entry.organisation or entry.title) if entry else None,
            overview.opinions.get(doc_id, []) if overview and doc_id else [],
        )
        paper = overview.papers.get(doc_id) if overview and doc_id else None
        if paper is None:
            self.paper_note.setText(
                tr("选择一家申报单位，点击「核对纸质材料…」，选择扫描的图像或 PDF。")
            )
            fill_table(self.paper, [])
            return
        problems = paper.get("problems") or []
        self.paper_note.setText(
            tr("纸质材料与已核对的文件一致（共 {n} 页）。").format(n=paper["expected_pages"])
            if not problems else tr("发现 {n} 处不符：").format(n=len(problems))
            + "\n" + "\n".join(problems)
        )  # fmt: skip
        fill_table(self.paper, [[str(p["scan"]), p["source"], str(p["page"]) if p["page"] else "",
                            p["message"]] for p in paper["pages"]])  # fmt: skip
