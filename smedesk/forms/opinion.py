"""专家评审意见表 and 专家组评审意见 (designed here from the seeds' criteria)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import computed_field

from smedesk.forms.common import Document
from smedesk.forms.enums import Assessment, Conclusion, Stage
from smedesk.forms.fields import FormModel, derived, field
from smedesk.forms.lists import PanelMember


class ConflictDeclaration(FormModel):
    """回避声明: no tie with the applicant in the last 3 years."""

    no_employment: bool | None = field("近三年未在申报单位任职或兼职", required=True)
    no_shareholding: bool | None = field("未持有申报单位股份", required=True)
    no_kinship: bool | None = field("与申报单位负责人无亲属关系", required=True)
    no_cooperation: bool | None = field("近三年与申报单位无合作关系", required=True)

    @computed_field(**derived("无需回避"))  # type: ignore[prop-decorator]
    @property
    def clear(self) -> bool:
        ties = (self.no_employment, self.no_shareholding, self.no_kinship, self.no_cooperation)
        return all(t is True for t in ties)


class CriterionAssessment(FormModel):
    """One criterion of the scheme, with the applicant's figure and the expert's view."""

    rule_id: str = field("指标编号", required=True, default=...)
    label: str | None = field("评审指标", required=True)
    figure: str | None = field("申报数据")
    threshold: str | None = field("标准")
    assessment: Assessment | None = field("评审结论", required=True)
    comment: str | None = field("评审说明", multiline=True, max_chars=1000)
    # Added in format 2 with a default: older sheets read unchanged (no upgrade step).
    engine_outcome: str | None = field(
        "自查结果", help="申报单位按方案自查时程序给出的结果（仅供参考，由专家判断）"
    )


class ExpertOpinion(Document):
    """专家评审意见表: one per expert per application."""

    KIND: ClassVar[str] = "expert-opinion"
    TITLE: ClassVar[str] = "专家评审意见表"

    kind: Literal["expert-opinion"] = "expert-opinion"
    application_id: str | None = field("申请报告编号", required=True)
    applicant_name: str | None = field("申报单位", required=True)
    stage: Stage | None = field("评审阶段")
    expert_name: str | None = field("专家姓名", required=True)
    expert_title: str | None = field("职务/职称", required=True)
    employer: str | None = field("工作单位", required=True)
    conflict: ConflictDeclaration = field("回避声明", default_factory=ConflictDeclaration)
    criteria: list[CriterionAssessment] = field("逐项评审", default_factory=list, required=True)
    overall_opinion: str | None = field(
        "综合评审意见", multiline=True, max_chars=3000, required=True
    )
    conclusion: Conclusion | None = field("评审结论", required=True)
    signed: bool = field("本人签字", default=False)
    sign_date: dt.date | None = field("日期", required=True)
    # Added in format 2 with defaults: older sheets read unchanged (no upgrade step).
    signature_strokes: str | None = field(
        "手写签名",
        help="签名板上写下的笔迹（矢量），打印时按原样画出；格式见 smedesk.forms.strokes",
    )
    signer_fingerprint: str | None = field("签名密钥指纹", help="签署本表的专家密钥的指纹")

    def display_title(self) -> str:
        return f"评审意见：{self.applicant_name or '（未填申报单位）'} / {self.expert_name or ''}"


class PanelOpinion(Document):
    """专家组评审意见: composed from the sheets, signed by every panel member."""

    KIND: ClassVar[str] = "panel-opinion"
    TITLE: ClassVar[str] = "专家组评审意见"

    kind: Literal["panel-opinion"] = "panel-opinion"
    application_id: str | None = field("申请报告编号", required=True)
    applicant_name: str | None = field("申报单位", required=True)
    opinion: str | None = field("专家组评审意见", multiline=True, max_chars=3000, required=True)
    conclusion: Conclusion | None = field("专家组结论", required=True)
    members: list[PanelMember] = field("专家组成员", default_factory=list, required=True)
    date: dt.date | None = field("日期", required=True)

    def display_title(self) -> str:
        return f"专家组意见：{self.applicant_name or '（未填申报单位）'}"
