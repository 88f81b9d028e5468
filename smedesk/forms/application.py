"""申请报告 — the application report of the 2017 regime (附件2 of 工信部企业〔2017〕156号).

Tibet and the association use the same shape under their own titles. The 申请表 is
four parts; then three lists, seven narrative sections and the attached materials.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import computed_field

from smedesk.forms.common import AttachmentRef, Document, Region
from smedesk.forms.enums import ServiceFunction
from smedesk.forms.fields import FormModel, derived, field, percent
from smedesk.forms.functions import FunctionIndicators
from smedesk.forms.lists import (
    EquipmentItem,
    Investor,
    OperationYear,
    PriorRecognition,
    ServedEnterprise,
    ServiceContent,
    StaffMember,
    satisfaction_percent,
)


class BasicInfo(FormModel):
    """一、申请单位基本情况."""

    applicant_name: str | None = field("申请单位名称", required=True, help="与公章一致")
    uscc: str | None = field("统一社会信用代码", required=True, format="uscc")
    registration_date: dt.date | None = field("注册日期", required=True)
    nature: str | None = field("单位性质", required=True, help="如 企业、事业单位、社会团体")
    independent_legal_person: bool | None = field("具有独立法人资格", required=True)
    legal_representative: str | None = field("法人代表", required=True)
    address: str | None = field("注册地址", required=True)
    postcode: str | None = field("邮政编码", required=True, format="postcode")
    contact: str | None = field("联系人", required=True)
    phone: str | None = field("联系电话", required=True, format="phone")
    fax: str | None = field("传真", format="phone")
    mobile: str | None = field("手机", required=True, format="mobile")
    website: str | None = field(
        "网址及备案号（已建网站的填写）", help="如 www.example.cn 辽ICP备12345678号", format="icp"
    )
    email: str | None = field("电子邮件", required=True, format="email")
    registered_capital: float | None = field("注册资本", unit="万元", ge=0, required=True)
    investors: list[Investor] = field("主要投资方", default_factory=list)
    total_assets: float | None = field("上年末总资产", unit="万元", ge=0, required=True)
    equipment_count: int | None = field("仪器、设备数量", unit="台(套)", ge=0, required=True)
    equipment_price: float | None = field("购买价格", unit="万元", ge=0, required=True)
    service_area: float | None = field("服务场地面积", unit="平方米", ge=0, required=True)
    own_area: float | None = field("其中：自有", unit="平方米", ge=0)
    rented_area: float | None = field("租用", unit="平方米", ge=0)
    employees: int | None = field("从业人数", unit="人", ge=0, required=True)
    qualified_staff: int | None = field(
        "其中：大专及以上学历和中级及以上技术职称的专业人员", unit="人", ge=0, required=True
    )
    # Not boxes of the 2017 paper: Art. 12(6) counts the staff serving SMEs, not 从业人数.
    service_staff: int | None = field(
        "从事为中小企业服务的人员", unit="人", ge=0, required=True,
        help="从业人数中专门为中小企业提供服务的人员，不含后勤、行政等",
    )  # fmt: skip
    # not marked required: the rule on its share (Art. 12(6)) already reports it missing
    service_staff_qualified: int | None = field(
        "其中：大专及以上学历和中级及以上技术职称专业人员", unit="人", ge=0
    )

    @computed_field(**derived("占总资产", unit="%"))  # type: ignore[prop-decorator]
    @property
    def equipment_asset_percent(self) -> float | None:
        return percent(self.equipment_price, self.total_assets)

    @computed_field(**derived("占总人数", unit="%"))  # type: ignore[prop-decorator]
    @property
    def qualified_staff_percent(self) -> float | None:
        return percent(self.qualified_staff, self.employees)

    @computed_field(**derived("服务人员中专业人员的比例", unit="%"))  # type: ignore[prop-decorator]
    @property
    def service_staff_qualified_percent(self) -> float | None:
        return percent(self.service_staff_qualified, self.service_staff)

    @computed_field(**derived("投资比例合计", unit="%"))  # type: ignore[prop-decorator]
    @property
    def investor_ratio_total(self) -> float | None:
        ratios = [i.ratio for i in self.investors if i.ratio is not None]
        return round(sum(ratios), 2) if ratios else None


class Capability(FormModel):
    """三、平台服务能力及业绩."""

    qualifications: str | None = field("获得专业服务资质情况", multiline=True, max_chars=1000)
    services: list[ServiceContent] = field("主要服务内容", default_factory=list)
    signed_partners: list[str] = field(
        "签订合作协议的单位", default_factory=list, help="每行一家；集聚服务机构按此计数"
    )
    other_partners: list[str] = field("其他合作单位", default_factory=list)
    public_interest_volume: int | None = field(
        "公益性或低收费服务量", unit="次", ge=0, required=True,
        help="上年度免费或低收费服务的次数（人次、家次），与总服务量同一口径",
    )  # fmt: skip
    total_service_volume: int | None = field("总服务量", unit="次", ge=0, required=True)

    @computed_field(**derived("集聚服务机构", unit="家"))  # type: ignore[prop-decorator]
    @property
    def signed_partner_count(self) -> int:
        return sum(1 for p in self.signed_partners if p.strip())

    @computed_field(**derived("公益性或低收费服务占总服务量", unit="%"))  # type: ignore[prop-decorator]
    @property
    def public_interest_percent(self) -> float | None:
        return percent(self.public_interest_volume, self.total_service_volume)


class GovernmentSupport(FormModel):
    """四、政府支持情况."""

    support: str | None = field("得到政府扶持的情况", multiline=True, max_chars=2000)
    # The 2017 paper's wording; a scheme gives its own (Tibet: 地（市）级（含）以上…) and
    # decides whether it is required (the association's measures have no such condition).
    recognitions: list[PriorRecognition] = field(
        "省级示范平台认定或国家部委、全国性行业协会的相关认定的文件名称及文号",
        default_factory=list,
    )


class ApplicationForm(FormModel):
    """国家中小企业公共服务示范平台申请表: one table on paper, four parts."""

    basic: BasicInfo = field("一、申请单位基本情况", default_factory=BasicInfo)
    operations: list[OperationYear] = field(
        "二、运营管理情况", unit="万元", default_factory=list, help="近年逐年填写，至少两年"
    )
    capability: Capability = field("三、平台服务能力及业绩", default_factory=Capability)
    support: GovernmentSupport = field("四、政府支持情况", default_factory=GovernmentSupport)

    @computed_field(**derived("上年度服务中小企业户数", unit="户"))  # type: ignore[prop-decorator]
    @property
    def latest_smes_served(self) -> int | None:
        latest = self.latest_year
        return latest.smes_served if latest else None

    @property
    def latest_year(self) -> OperationYear | None:
        years = [y for y in self.operations if y.year is not None]
        return max(years, key=lambda y: y.year or 0) if years else None


NARRATIVE_LIMIT = 20000


class Narratives(FormModel):
    """五、示范平台申请相关情况说明: the seven sections, in the paper's order."""

    basics: str | None = field(
        "（一）申请单位的基本情况", multiline=True, max_chars=NARRATIVE_LIMIT, required=True,
        help="包括：创立发展沿革、发展目标，以及目前的基本情况",
    )  # fmt: skip
    region: str | None = field(
        "（二）服务对象所在区域的行业状况，在区域经济发展中的地位和作用，中小企业发展情况和公共服务需求情况",
        multiline=True, max_chars=NARRATIVE_LIMIT, required=True,
    )  # fmt: skip
    operation: str | None = field(
        "（三）平台管理运营情况", multiline=True, max_chars=NARRATIVE_LIMIT, required=True,
        help="包括：主要管理制度、人员激励、能力提升、可持续发展等",
    )  # fmt: skip
    services: str | None = field(
        "（四）近年来的服务情况", multiline=True, max_chars=NARRATIVE_LIMIT, required=True,
        help="包括：主要服务内容、服务对象、服务规模、方式、收费等，为中小企业提供公益性或低收费服务情况",
    )  # fmt: skip
    features: str | None = field(
        "（五）平台服务特色", multiline=True, max_chars=NARRATIVE_LIMIT, required=True,
        help="包括：在创新服务模式，集聚创新资源等方面的示范性",
    )  # fmt: skip
    achievements: str | None = field(
        "（六）主要服务业绩及对区域经济和中小企业健康发展的贡献", multiline=True,
        max_chars=NARRATIVE_LIMIT, required=True, help="包括：服务效果自测情况或典型案例",
    )  # fmt: skip
    plans: str | None = field(
        "（七）下一步发展设想", multiline=True, max_chars=NARRATIVE_LIMIT, required=True
    )


class ApplicationReport(Document):
    """申请报告: what an applicant of a recognition scheme fills and seals."""

    KIND: ClassVar[str] = "application-report"
    TITLE: ClassVar[str] = "申请报告"

    kind: Literal["application-report"] = "application-report"
    fill_date: dt.date | None = field("填报日期", required=True)
    region: Region = field("所在地区", default_factory=Region)
    form: ApplicationForm = field("申请表", default_factory=ApplicationForm)
    functions: FunctionIndicators = field(
        "申请服务功能类别及指标", default_factory=FunctionIndicators
    )
    equipment: list[EquipmentItem] = field("主要服务设备、仪器及软件清单", default_factory=list)
    staff: list[StaffMember] = field(
        "主要管理人员和服务人员名单及职称情况一览表", default_factory=list
    )
    served_enterprises: list[ServedEnterprise] = field(
        "服务的中小企业名单及服务评价表（100家以上）", default_factory=list
    )
    narratives: Narratives = field("示范平台申请相关情况说明", default_factory=Narratives)
    materials: list[AttachmentRef] = field("附件材料", default_factory=list)
    declaration_accepted: bool = field(
        "已阅读并确认申报材料真实性声明", default=False, required=True
    )

    @computed_field(**derived("服务企业名单户数", unit="家"))  # type: ignore[prop-decorator]
    @property
    def served_count(self) -> int:
        return len(self.served_enterprises)

    @computed_field(**derived("用户满意度（名单评价）", unit="%"))  # type: ignore[prop-decorator]
    @property
    def served_satisfaction_percent(self) -> float | None:
        return satisfaction_percent([e.evaluation for e in self.served_enterprises])

    @property
    def claimed_functions(self) -> list[ServiceFunction]:
        return list(self.functions.claimed)

    def display_title(self) -> str:
        return self.form.basic.applicant_name or "（未命名申请单位）"
