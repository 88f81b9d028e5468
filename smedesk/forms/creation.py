"""创建申请书 — creation application of the current national regime (Art. 7) and Liaoning's.

申请表 with the figures the indicator tables ask for, plus the 创建方案 (creation plan).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import computed_field

from smedesk.forms.common import AttachmentRef, Document, Region
from smedesk.forms.enums import OrgType, PlatformKind
from smedesk.forms.fields import FormModel, derived, field, percent
from smedesk.forms.plan import CreationPlan


class CreationApplicant(FormModel):
    """申请表: who applies, for what, and how to reach them."""

    applicant_name: str | None = field("运营主体名称", required=True, help="与公章一致")
    uscc: str | None = field("统一社会信用代码", required=True, format="uscc")
    platform_name: str | None = field("平台（基地）名称", required=True)
    org_type: OrgType | None = field("申报类型", required=True)
    platform_kind: PlatformKind | None = field("平台类别", help="申报类型为平台时填写")
    nature: str | None = field(
        "运营主体性质", required=True, help="国有企事业单位、非营利法人、受托企业等"
    )
    is_branch: bool | None = field("属于分支机构", required=True, help="分支机构不得申报")
    operation_start: dt.date | None = field("平台（基地）开始运营日期", required=True)
    not_dishonest: bool | None = field("未被列入严重失信主体名单", required=True)
    legal_representative: str | None = field("法定代表人", required=True)
    address: str | None = field("地址", required=True)
    postcode: str | None = field("邮政编码", format="postcode")
    contact: str | None = field("联系人", required=True)
    phone: str | None = field("联系电话", required=True, format="phone")
    mobile: str | None = field("手机", required=True, format="mobile")
    email: str | None = field("电子邮件", required=True, format="email")
    website: str | None = field("线上平台网址及备案号", format="icp")
    employees: int | None = field("专职服务人员", unit="人", ge=0)


class PlatformIndicators(FormModel):
    """Figures read by the platform standard (附件1)."""

    sme_library: bool | None = field("已建中小企业库")
    policy_library: bool | None = field("已建政策法规库")
    institution_library: bool | None = field("已建服务机构库")
    product_case_library: bool | None = field("已建服务产品和案例库")
    policy_push: bool | None = field("具备政策推送能力")
    pc_entry: bool | None = field("具备电脑端服务入口")
    mobile_entry: bool | None = field("具备移动端服务入口（APP、小程序、手机端）")
    registration_minutes: float | None = field(
        "注册流程用时", unit="分钟", ge=0, help="无需注册填 0"
    )
    operation_guarantee: str | None = field(
        "运营保障机制情况", multiline=True, max_chars=3000,
        help="服务团队、经费保障、管理制度、服务规划、资质、专利著作权标准等",
    )  # fmt: skip
    service_items: list[str] = field("具体服务内容", default_factory=list, help="每行一项")
    gathered_institutions: int | None = field("汇聚服务机构（专家）数量", unit="家（人）", ge=0)
    interconnection: str | None = field("互联互通情况", multiline=True, max_chars=3000)
    smes_served_per_year: int | None = field("年服务中小企业", unit="家", ge=0)
    subdivisions_total: int | None = field("下一级行政区数量", unit="个", ge=0)
    subdivisions_covered: int | None = field("服务覆盖的下一级行政区数量", unit="个", ge=0)
    users_surveyed: int | None = field("参与满意度调查的中小企业用户", unit="家", ge=0)
    users_satisfied: int | None = field("其中对服务满意的", unit="家", ge=0)
    offline_events: int | None = field(
        "年开展线下专题服务活动", unit="次", ge=0, help="只计每场 20 家以上企业参加的活动"
    )

    @computed_field(**derived("已建基础服务资源库", unit="类"))  # type: ignore[prop-decorator]
    @property
    def libraries_built(self) -> int:
        libs = (self.sme_library, self.policy_library, self.institution_library,
                self.product_case_library)  # fmt: skip
        return sum(1 for b in libs if b)

    @computed_field(**derived("具体服务内容", unit="项"))  # type: ignore[prop-decorator]
    @property
    def service_item_count(self) -> int:
        return sum(1 for s in self.service_items if s.strip())

    @computed_field(**derived("服务对下一级行政区覆盖面", unit="%"))  # type: ignore[prop-decorator]
    @property
    def coverage_percent(self) -> float | None:
        return percent(self.subdivisions_covered, self.subdivisions_total)

    @computed_field(**derived("中小企业用户对服务满意的占比", unit="%"))  # type: ignore[prop-decorator]
    @property
    def satisfaction_percent(self) -> float | None:
        return percent(self.users_satisfied, self.users_surveyed)


class BaseIndicators(FormModel):
    """Figures read by the base standard (附件2)."""

    leading_industry: str | None = field("主导产业", help="具体到国民经济行业分类的中类")
    firms_total: int | None = field("基地企业数量", unit="家", ge=0)
    resident_smes: int | None = field("入驻中小企业", unit="家", ge=0)
    total_revenue: float | None = field("基地企业营业收入", unit="万元", ge=0)
    leading_industry_revenue: float | None = field("其中：主导产业企业营业收入", unit="万元", ge=0)
    hightech_revenue: float | None = field("其中：高技术产业企业营业收入", unit="万元", ge=0)
    revenue_two_years_ago: float | None = field("两年前基地企业营业收入", unit="万元", ge=0)
    employees: int | None = field("基地企业从业人数", unit="人", ge=0)
    land_area: float | None = field("基地占地面积", unit="亩", ge=0)
    champions: int | None = field("制造业单项冠军企业", unit="家", ge=0)
    little_giants: int | None = field("专精特新“小巨人”企业", unit="家", ge=0)
    specialised_new: int | None = field("专精特新中小企业", unit="家", ge=0)
    high_tech_firms: int | None = field("高新技术企业", unit="家", ge=0)
    tech_smes: int | None = field("科技型中小企业", unit="家", ge=0)
    innovative_smes: int | None = field("创新型中小企业", unit="家", ge=0)
    valid_invention_patents: int | None = field("基地企业有效发明专利", unit="件", ge=0)
    rd_intensity: float | None = field("企业平均研发投入强度", unit="%", ge=0, le=100)
    innovation_platforms: int | None = field("省级及以上创新平台", unit="家", ge=0)
    incubators: int | None = field("科技企业孵化器", unit="个", ge=0)
    public_tech_platforms: int | None = field("公共技术服务平台", unit="个", ge=0)
    industry_funds: int | None = field("产业基金", unit="个", ge=0)
    service_activities: str | None = field("服务企业情况", multiline=True, max_chars=3000)
    facilities: str | None = field("配套设施情况", multiline=True, max_chars=3000)
    operator_income: float | None = field("运营主体营业收入", unit="万元", ge=0)
    operator_service_income: float | None = field("其中：服务性收入", unit="万元", ge=0)
    management: str | None = field("运营管理和服务能力", multiline=True, max_chars=3000)

    @computed_field(**derived("主导产业企业营业收入占比", unit="%"))  # type: ignore[prop-decorator]
    @property
    def leading_industry_share(self) -> float | None:
        return percent(self.leading_industry_revenue, self.total_revenue)

    @computed_field(**derived("高技术产业企业营业收入占比", unit="%"))  # type: ignore[prop-decorator]
    @property
    def hightech_share(self) -> float | None:
        return percent(self.hightech_revenue, self.total_revenue)

    @computed_field(**derived("近两年企业总营业收入增速", unit="%"))  # type: ignore[prop-decorator]
    @property
    def revenue_growth(self) -> float | None:
        if self.total_revenue is None or not self.revenue_two_years_ago:
            return None
        return round(100.0 * (self.total_revenue / self.revenue_two_years_ago - 1), 2)

    @computed_field(**derived("入驻优质企业占比", unit="%"))  # type: ignore[prop-decorator]
    @property
    def quality_share(self) -> float | None:
        """Liaoning annex 2, note 2: weighted count of quality firms over all firms."""
        if not self.firms_total:
            return None
        weighted = (
            20 * (self.champions or 0)
            + 10 * (self.little_giants or 0)
            + 2 * (self.specialised_new or 0)
            + (self.high_tech_firms or 0)
            + (self.tech_smes or 0)
            + (self.innovative_smes or 0)
        )
        return round(100.0 * weighted / self.firms_total, 2)

    @computed_field(**derived("企业每千万元营业收入有效发明专利", unit="件"))  # type: ignore[prop-decorator]
    @property
    def patents_per_10m_revenue(self) -> float | None:
        """Liaoning annex 2 创新水平: patents per 千万元 (1,000 万元) of the base firms' revenue."""
        if self.valid_invention_patents is None or not self.total_revenue:
            return None
        return round(self.valid_invention_patents / (self.total_revenue / 1000), 2)

    @computed_field(**derived("创业创新服务生态载体", unit="类"))  # type: ignore[prop-decorator]
    @property
    def ecosystem_kinds(self) -> int:
        kinds = (self.incubators, self.public_tech_platforms, self.industry_funds)
        return sum(1 for k in kinds if k)

    @computed_field(**derived("运营主体服务性收入占比", unit="%"))  # type: ignore[prop-decorator]
    @property
    def operator_service_share(self) -> float | None:
        return percent(self.operator_service_income, self.operator_income)


class CreationApplication(Document):
    """创建申请书: 申请表 + 创建方案, with the 7 materials."""

    KIND: ClassVar[str] = "creation-application"
    TITLE: ClassVar[str] = "创建申请书"

    kind: Literal["creation-application"] = "creation-application"
    fill_date: dt.date | None = field("填报日期", required=True)
    region: Region = field("所在地区", default_factory=Region)
    applicant: CreationApplicant = field("申请表", default_factory=CreationApplicant)
    platform: PlatformIndicators = field("平台类指标", default_factory=PlatformIndicators)
    base: BaseIndicators = field("基地类指标", default_factory=BaseIndicators)
    plan: CreationPlan = field("创建方案", default_factory=CreationPlan)
    materials: list[AttachmentRef] = field("附件材料", default_factory=list)
    declaration_accepted: bool = field(
        "已阅读并确认申报材料真实性声明", default=False, required=True
    )

    def display_title(self) -> str:
        a = self.applicant
        return a.platform_name or a.applicant_name or "（未命名创建申请）"
