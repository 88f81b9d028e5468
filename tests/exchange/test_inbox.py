"""The expert's inbox states: 待评审 → 评审中 → 已签署 → 已发送, and 已回避."""

from __future__ import annotations

from pathlib import Path

from smedesk.demo import creation, reports
from smedesk.exchange import (
    declare_conflict,
    expert_inbox,
    export_opinion_package,
    sign_opinion,
)
from smedesk.exchange.common import document_bytes
from smedesk.exchange.template import opinion_template
from smedesk.forms.opinion import ConflictDeclaration
from smedesk.schemes import load_scheme

from support.exchange import STROKES, desk, fill_sheet


def test_states_follow_the_expert(tmp_path: Path) -> None:
    expert = desk(tmp_path, "王建国")
    ids = []
    for application in (
        reports.shenyang_information_platform(),
        creation.dalian_professional_platform(),
    ):
        sheet = opinion_template(application, load_scheme(application.scheme.id), "王建国")
        data, _ = document_bytes(sheet)
        expert.store.create(
            sheet.kind, sheet.display_title(), data, scheme_id=sheet.scheme.id,
            scheme_version=sheet.scheme.version, owner_role="expert", author="王建国",
        )  # fmt: skip
        ids.append(sheet.doc_id)

    def states() -> dict[str, str]:
        return {i.opinion_id: i.state_label for i in expert_inbox(expert.store)}

    assert states() == {ids[0]: "待评审", ids[1]: "待评审"}
    fill_sheet(expert.store, ids[0], author="王建国")
    assert states()[ids[0]] == "评审中"
    sign_opinion(expert.store, ids[0], expert.identity(), STROKES, author="王建国")
    assert states()[ids[0]] == "已签署"
    declaration = ConflictDeclaration(
        no_employment=False, no_shareholding=True, no_kinship=True, no_cooperation=True
    )
    declare_conflict(expert.store, ids[1], declaration, author="王建国")
    assert states()[ids[1]] == "已回避"
    export_opinion_package(expert.store, ids, expert.identity(), tmp_path / "意见包.smedesk")
    assert states() == {ids[0]: "已发送", ids[1]: "已发送"}
    shenyang = next(i for i in expert_inbox(expert.store) if i.opinion_id == ids[0])
    assert shenyang.applicant_name == "沈阳智汇企业服务有限公司"
