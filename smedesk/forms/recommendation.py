"""推荐表 (annex 1 of the 2017 measures) and 推荐汇总表 (annex 2 of 工企业函〔2019〕310号)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import computed_field

from smedesk.forms.common import AttachmentRef, Document
from smedesk.forms.enums import AuthorityType, QuotaCategory, ServiceFunction, SurveyMethod
from smedesk.forms.fields import FormModel, derived, field
from smedesk.forms.lists import PanelMember, SampledEnterprise, satisfaction_percent

STATEMENT_LIMIT = 150


class SatisfactionSurvey(FormModel):
    """推荐单位组织测评情况（随机抽取，不少于10家）."""

    methods: list[SurveyMethod] = field("测评方法", default_factory=list, required=True)
    other_method: str | None = field("其他方法说明")
    sampled: list[SampledEnterprise] = field("抽样企业", default_factory=list, required=True)
    # The draw's record (seed, list, rows) is written by the round's draw and only shown:
    # typed over, it would no longer be the draw anyone can repeat.
    sampling_seed: int | None = field(
        "随机抽样种子", help="记录抽样所用的随机数种子，便于复核", recorded=True
    )
    # Added in format 2 with defaults (older forms read unchanged): the rest of the draw's
    # record, so the paper shows anyone how to repeat it (smedesk.rounds.draw).
    sampling_fingerprint: str | None = field(
        "服务企业名单指纹（SHA-256）",
        help="抽样所依据的服务企业名单的 SHA-256 指纹",
        recorded=True,
    )
    sampling_list_size: int | None = field("名单企业数", unit="家", ge=0, recorded=True)
    sampled_rows: str | None = field(
        "抽中的名单行号", help="按抽取顺序，从 1 起，以“、”分隔", recorded=True
    )

    @computed_field(**derived("抽样企业数", unit="家"))  # type: ignore[prop-decorator]
    @property
    def sample_size(self) -> int:
        return len(self.sampled)

    @computed_field(**derived("测评满意度", unit="%"))  # type: ignore[prop-decorator]
    @property
    def satisfaction_percent(self) -> float | None:
        return satisfaction_percent([s.evaluation for s in self.sampled])


class RecommendationForm(Document):
    """国家中小企业公共服务示范平台推荐表, filled by the recommending authority."""

    KIND: ClassVar[str] = "recommendation-form"
    TITLE: ClassVar[str] = "推荐表"

    kind: Literal["recommendation-form"] = "recommendation-form"
    operator_name: str | None = field("示范平台承担单位名称", required=True)
    province: str | None = field("推荐省（区、市）", required=True)
    fill_date: dt.date | None = field("填报日期", required=True)
    application_id: str | None = field("对应申请报告编号")
    panel_opinion: str | None = field(
        "专家组评审意见", multiline=True, max_chars=3000, required=True
    )
    panel: list[PanelMember] = field("评审专家", default_factory=list, required=True)
    survey: SatisfactionSurvey = field("推荐单位组织测评情况", default_factory=SatisfactionSurvey)
    regional_impact: str | None = field(
        "对区域中小企业发展的影响和作用", multiline=True, max_chars=3000, required=True
    )
    recommendation: str | None = field(
        "省级中小企业主管部门推荐意见", multiline=True, max_chars=2000, required=True
    )
    recommendation_date: dt.date | None = field("推荐日期")

    def display_title(self) -> str:
        return f"推荐表：{self.operator_name or '（未填承担单位）'}"


class SummaryRow(FormModel):
    """A row of the 推荐汇总表; 序号 is its position."""

    platform_name: str | None = field(
        "平台名称", required=True, help="不得包含“国家”“中国”“省级”“示范”，须以“平台”结尾"
    )
    institution_name: str | None = field(
        "服务机构名称", required=True, help="须与申报单位盖章名称一致"
    )
    functions: list[ServiceFunction] = field(
        "申请示范平台服务功能类别", default_factory=list, required=True, help="不超过3类"
    )
    statement: str | None = field(
        "示范性表述", required=True, multiline=True, max_chars=STATEMENT_LIMIT,
        help="必填，总结提炼为150字以内",
    )  # fmt: skip
    quota: QuotaCategory | None = field("备注", required=True)
    city: str | None = field("所在地级市（开发区、合作区）", help="不计入名额的特色载体须填写")
    application_id: str | None = field("对应申请报告编号")


def remark(row: SummaryRow) -> str:
    """The 备注 cell as the PDF and the workbook both print it.

    The city is added whenever it is given: 说明（2） limits special carriers to one per city
    and the Guangdong notice 二（一） limits quota rows to one per city, so for either kind
    of row the city is what a reader checks (and what the workbook import reads back).
    """
    if row.quota is None:
        return ""
    return f"{row.quota.label}（{row.city}）" if row.city else row.quota.label


class RecommendationSummary(Document):
    """推荐{year}年度国家中小企业公共服务示范平台汇总表."""

    KIND: ClassVar[str] = "recommendation-summary"
    TITLE: ClassVar[str] = "推荐汇总表"

    kind: Literal["recommendation-summary"] = "recommendation-summary"
    year: int | None = field("年度", ge=2000, le=2100, required=True)
    authority_name: str | None = field("省级中小企业主管部门或行业协会名称", required=True)
    authority_type: AuthorityType | None = field("推荐单位类别", required=True)
    fill_date: dt.date | None = field("填报日期")
    rows: list[SummaryRow] = field("推荐平台", default_factory=list, required=True)
    # 310号 四: the authority sends a covering 推荐文件 with the table, the 推荐表 and the
    # applications; the scheme's checklist says which (an association adds its own papers).
    materials: list[AttachmentRef] = field("报送材料", default_factory=list)

    @computed_field(**derived("属于省级推荐名额", unit="个"))  # type: ignore[prop-decorator]
    @property
    def quota_count(self) -> int:
        return sum(1 for r in self.rows if r.quota is QuotaCategory.PROVINCIAL_QUOTA)

    @property
    def title_text(self) -> str:
        year = self.year if self.year is not None else "    "
        return f"推荐{year}年度国家中小企业公共服务示范平台汇总表"

    def display_title(self) -> str:
        return f"{self.year or ''}年度汇总表：{self.authority_name or '（未填推荐单位）'}"
