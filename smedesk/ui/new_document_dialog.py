"""The new-application dialog: choose the scheme, and for creation regimes platform or base.

It returns a :class:`~smedesk.ui.operations.NewDocumentRequest`; creating the document is
the operation's job, not the dialog's, so tests can check the request without a store.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import spacing
from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations.documents import NewDocumentRequest

log = logging.getLogger(__name__)

CREATION_KIND = "creation-application"
REPORT_KIND = "application-report"
#: Documents an applicant fills; the others belong to recommenders and experts.
APPLICANT_KINDS = (REPORT_KIND, CREATION_KIND)
# Their paper titles (the models' TITLE), listed so the catalogue test sees them: the
# interface translates a kind's name, the document itself stays Chinese.
_KIND_TITLES = (N_("申请报告"), N_("创建申请书"))


@dataclass(frozen=True)
class SchemeChoice:
    """A scheme as the dialog offers it."""

    id: str
    version: str
    title: str
    applies_to: tuple[str, ...]
    document: str = ""  # the measures' name or number, e.g. 工信部企业〔2017〕156号
    rules_ready: bool = True  # False: no scheme file yet, the self-check cannot run

    @property
    def short_name(self) -> str:
        """A compact name for list columns: the document number where it has one."""
        return self.document if "〔" in self.document else self.title

    @property
    def long_name(self) -> str:
        text = f"{self.title}（{self.document}）" if self.document else self.title
        return text if self.rules_ready else text + tr("（规则文件待发布）")


# Used only while smedesk.schemes cannot list its files (a partial build): the six scheme ids
# of the glossary with the document each one asks an applicant for.
_FALLBACK = (
    SchemeChoice("miit-creation", "0", "国家中小企业公共服务示范平台（基地）", (CREATION_KIND,), "创建管理办法", False),
    SchemeChoice("liaoning-creation", "0", "辽宁省中小企业公共服务示范平台（基地）", (CREATION_KIND,), "创建管理办法（征求意见稿）", False),
    SchemeChoice("miit-2017", "0", "国家中小企业公共服务示范平台", (REPORT_KIND,), "工信部企业〔2017〕156号", False),
    SchemeChoice("miit-2019-call", "0", "国家中小企业公共服务示范平台", (REPORT_KIND,), "工企业函〔2019〕310号", False),
    SchemeChoice("casmeic-2019", "0", "中小企业公共服务示范平台", (REPORT_KIND,), "中国中小企业国际合作协会认定管理办法", False),
    SchemeChoice("tibet", "0", "西藏自治区级中小企业公共服务示范平台", (REPORT_KIND,), "认定管理办法", False),
)  # fmt: skip


@cache
def scheme_choices() -> tuple[SchemeChoice, ...]:
    """Schemes under which an applicant can prepare a document, creation regimes first.

    The scheme files come first; a glossary scheme without a file yet is still offered,
    marked, so a document can be started and checked once its rules are published.
    """
    try:
        from smedesk.schemes.loader import available_schemes

        infos = available_schemes()
    except Exception:  # the scheme files are someone else's; the dialog must still open
        log.warning("scheme list unavailable, using the built-in names", exc_info=True)
        infos = []
    found = [
        SchemeChoice(
            i.id,
            i.version,
            i.title,
            tuple(k for k in i.applies_to if k in APPLICANT_KINDS),
            i.document,
        )
        for i in infos
    ]
    found = [c for c in found if c.applies_to]
    known = {c.id for c in found}
    found += [c for c in _FALLBACK if c.id not in known]
    order = [c.id for c in _FALLBACK]
    found.sort(key=lambda c: order.index(c.id) if c.id in order else len(order))
    return tuple(found)


def scheme_choice(scheme_id: str) -> SchemeChoice | None:
    for choice in scheme_choices():
        if choice.id == scheme_id:
            return choice
    return None


def scheme_title(scheme_id: str) -> str:
    """The short name of a scheme for lists; the id itself if the scheme is unknown."""
    choice = scheme_choice(scheme_id)
    return choice.short_name if choice else scheme_id


def kind_title(kind: str) -> str:
    """The paper title of a document kind (申请报告, 创建申请书…), from its model."""
    from smedesk.forms import DOCUMENT_KINDS

    cls = DOCUMENT_KINDS.get(kind)
    return cls.TITLE if cls is not None else kind


def build_request(
    choice: SchemeChoice,
    *,
    applicant_name: str,
    province: str | None,
    title: str = "",
    org_type: str | None = None,
    platform_kind: str | None = None,
    platform_name: str = "",
) -> NewDocumentRequest:
    """The document data a new application starts from: only what the dialog asked."""
    import uuid  # here, not at import: uuid loads platform, which start-up need not wait for

    from smedesk.forms.upgrades import FORMAT_VERSION

    kind = choice.applies_to[0]
    doc_id = str(uuid.uuid4())
    data: dict[str, Any] = {
        "kind": kind,
        "scheme": {"id": choice.id, "version": choice.version},
        "doc_id": doc_id,
        "format_version": FORMAT_VERSION,
        "region": {"province": province},
    }
    if kind == CREATION_KIND:
        data["applicant"] = {
            "applicant_name": applicant_name or None,
            "platform_name": platform_name or None,
            "org_type": org_type,
            "platform_kind": platform_kind if org_type == "platform" else None,
        }
    else:
        data["form"] = {"basic": {"applicant_name": applicant_name or None}}
        data["fill_date"] = dt.date.today().isoformat()
    if not title:
        name = platform_name or applicant_name or tr("未命名")
        title = f"{name} · {kind_title(kind)}"
    return NewDocumentRequest(kind, title, choice.id, choice.version, data)


class NewDocumentDialog(QDialog):
    """Asks what is needed to start an application; ``request()`` gives the result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from smedesk.forms.common import PROVINCES
        from smedesk.forms.enums import OrgType, PlatformKind

        self.setWindowTitle(tr("新建申报"))
        self.setMinimumWidth(spacing.DIALOG_FIELD_WIDTH * 2 + 140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.SECTION_GAP)
        intro = QLabel(
            tr("选择本次申报适用的方案。方案决定要填写的表格和自查的标准，新建后不能更改。")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setSpacing(spacing.SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.scheme_box = QComboBox()
        for choice in scheme_choices():
            label = f"{tr(kind_title(choice.applies_to[0]))} · {choice.long_name}"
            self.scheme_box.addItem(label, choice)
        form.addRow(tr("适用方案"), self.scheme_box)

        self.org_type_box = QComboBox()
        for member in OrgType:
            self.org_type_box.addItem(member.label, member.value)
        self.org_type_label = QLabel(tr("申报类型"))
        form.addRow(self.org_type_label, self.org_type_box)
        self.platform_kind_box = QComboBox()
        for kind in PlatformKind:
            self.platform_kind_box.addItem(kind.label, kind.value)
        self.platform_kind_label = QLabel(tr("平台类别"))
        form.addRow(self.platform_kind_label, self.platform_kind_box)

        self.applicant_edit = QLineEdit()
        self.applicant_edit.setPlaceholderText(tr("与公章一致，可稍后填写"))
        form.addRow(tr("申报单位名称"), self.applicant_edit)
        self.platform_name_edit = QLineEdit()
        self.platform_name_edit.setPlaceholderText(tr("以“平台”或“基地”结尾，可稍后填写"))
        self.platform_name_label = QLabel(tr("平台（基地）名称"))
        form.addRow(self.platform_name_label, self.platform_name_edit)
        self.province_box = QComboBox()
        self.province_box.addItem(tr("（稍后选择）"), None)
        for province in PROVINCES:
            self.province_box.addItem(province, province)
        form.addRow(tr("所在省（区、市）"), self.province_box)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("留空则按单位名称和表格名称生成"))
        form.addRow(tr("在列表中显示为"), self.title_edit)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("新建"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.scheme_box.currentIndexChanged.connect(self._update_visibility)
        self.org_type_box.currentIndexChanged.connect(self._update_visibility)
        self._update_visibility()
        self.applicant_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_scheme(self) -> SchemeChoice:
        choice = self.scheme_box.currentData()
        assert isinstance(choice, SchemeChoice)
        return choice

    def select_scheme(self, scheme_id: str) -> None:
        for index in range(self.scheme_box.count()):
            if self.scheme_box.itemData(index).id == scheme_id:
                self.scheme_box.setCurrentIndex(index)
                return
        raise KeyError(scheme_id)

    def _update_visibility(self) -> None:
        # Only the creation regimes distinguish platform from base (Art. 2 of the measures).
        creation = CREATION_KIND in self.selected_scheme().applies_to
        is_platform = self.org_type_box.currentData() == "platform"
        for widget in (self.org_type_label, self.org_type_box, self.platform_name_label):
            widget.setVisible(creation)
        self.platform_name_edit.setVisible(creation)
        self.platform_kind_label.setVisible(creation and is_platform)
        self.platform_kind_box.setVisible(creation and is_platform)
        self.adjustSize()

    def request(self) -> NewDocumentRequest:
        choice = self.selected_scheme()
        creation = CREATION_KIND in choice.applies_to
        return build_request(
            choice,
            applicant_name=self.applicant_edit.text().strip(),
            province=self.province_box.currentData(),
            title=self.title_edit.text().strip(),
            org_type=self.org_type_box.currentData() if creation else None,
            platform_kind=self.platform_kind_box.currentData() if creation else None,
            platform_name=self.platform_name_edit.text().strip() if creation else "",
        )
