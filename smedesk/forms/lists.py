"""Rows of the lists the paper forms carry; Excel templates and imports are built from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smedesk.forms.enums import (
    Education,
    EmploymentType,
    Evaluation,
    RecognitionKind,
    RecognitionLevel,
    TitleLevel,
)
from smedesk.forms.fields import FormModel, field


class Investor(FormModel):
    """主要投资方 (part 一 of the 申请表)."""

    name: str | None = field("主要投资方名称", required=True)
    nature: str | None = field("性质", help="如 国有、民营、外资、事业单位")
    ratio: float | None = field("投资比例", unit="%", ge=0, le=100, required=True)


class PriorRecognition(FormModel):
    """A recognition, commendation or grant the applicant already holds (申请表 四).

    Its level decides 2017 Art. 12(4) and Tibet Art. 12(4) — the applicant states it; what
    the document says is on the attached copy (第十七条第（六）项).
    """

    level: RecognitionLevel | None = field("级别", required=True)
    issuer: str | None = field("认定（表彰、资助）部门或单位", required=True)
    kind: RecognitionKind | None = field("类别", required=True)
    document: str | None = field("文件名称及文号", required=True)
    date: dt.date | None = field("发文日期")
    valid_until: dt.date | None = field("有效期至", help="有有效期的认定填写；已过期的不能作为依据")


class OperationYear(FormModel):
    """One year of 二、运营管理情况（单位：万元）."""

    year: int | None = field("年度", ge=1990, le=2100, required=True)
    operating_income: float | None = field("营业收入", unit="万元", ge=0, required=True)
    service_income: float | None = field("其中：服务收入", unit="万元", ge=0, required=True)
    total_assets: float | None = field("资产总额", unit="万元", ge=0, required=True)
    total_profit: float | None = field("利润总额", unit="万元")
    taxes_paid: float | None = field("上缴税金", unit="万元", ge=0)
    smes_served: int | None = field("服务中小企业户数", unit="户", ge=0, required=True)


class ServiceContent(FormModel):
    """A row of 主要服务内容 (part 三)."""

    content: str | None = field("主要服务内容", required=True)
    scale: int | None = field("服务规模", unit="家、人/次", ge=0, required=True)
    income_share: float | None = field(
        "服务收入占年营业收入", unit="%", ge=0, le=100,
        help="本项服务收入除以上年度营业收入",
    )  # fmt: skip


class EquipmentItem(FormModel):
    """主要服务设备、仪器及软件清单."""

    name: str | None = field("设备、仪器及软件名称", required=True)
    model_spec: str | None = field("型号规格")
    quantity: int | None = field("数量", unit="台(套)", ge=0, required=True)
    price: float | None = field("购买价格", unit="万元", ge=0, required=True)
    purchase_date: dt.date | None = field("购置日期")
    purpose: str | None = field("用途（是否与中小企业共享）")


class StaffMember(FormModel):
    """主要管理人员和服务人员名单及职称情况一览表."""

    name: str | None = field("姓名", required=True)
    position: str | None = field("职务", required=True)
    education: Education | None = field("学历", required=True)
    title: str | None = field("职称", help="如 高级工程师、经济师")
    title_level: TitleLevel | None = field("职称级别")
    speciality: str | None = field("专业")
    employment: EmploymentType | None = field("专职/兼职", required=True)

    @property
    def is_qualified(self) -> bool:
        """大专及以上学历 or 中级及以上职称 (Art. 12(6) counts either)."""
        degree = self.education in {
            Education.DOCTORATE, Education.MASTER, Education.BACHELOR, Education.COLLEGE,
        }  # fmt: skip
        title = self.title_level in {TitleLevel.SENIOR, TitleLevel.INTERMEDIATE}
        return degree or title


class ServedEnterprise(FormModel):
    """服务的中小企业名单及服务评价表 (100 家以上)."""

    name: str | None = field("企业名称", required=True)
    uscc: str | None = field("统一社会信用代码", required=True, format="uscc")
    contact: str | None = field("联系人", required=True)
    phone: str | None = field("联系电话", required=True, format="phone")
    service_content: str | None = field("服务内容", required=True)
    service_date: dt.date | None = field("服务时间", required=True)
    evaluation: Evaluation | None = field("服务评价", required=True)


class SampledEnterprise(FormModel):
    """推荐单位组织测评情况: one firm drawn at random and asked."""

    name: str | None = field("抽样企业名称", required=True)
    interviewee: str | None = field("被访人员姓名", required=True)
    position: str | None = field("职务")
    phone: str | None = field("联系电话", required=True, format="phone")
    service_content: str | None = field("接受服务内容", required=True)
    evaluation: Evaluation | None = field("对所受服务的总体评价", required=True)


class PanelMember(FormModel):
    """A row of the experts' table under 专家组评审意见."""

    name: str | None = field("专家姓名", required=True)
    title: str | None = field("职务/职称", required=True)
    employer: str | None = field("工作单位", required=True)
    signed: bool = field("签字", default=False, help="纸面签字后勾选")


@dataclass(frozen=True)
class ListKind:
    """A list that can be templated, imported and exported as a workbook."""

    key: str
    title: str
    row_model: type[FormModel]
    unique: tuple[str, ...] = ()  # columns whose values may not repeat


LIST_KINDS: dict[str, ListKind] = {
    k.key: k
    for k in (
        ListKind(
            "served-enterprises", "服务的中小企业名单及服务评价表", ServedEnterprise, ("uscc",)
        ),
        ListKind("equipment", "主要服务设备、仪器及软件清单", EquipmentItem),
        ListKind("staff", "主要管理人员和服务人员名单及职称情况一览表", StaffMember),
        ListKind("investors", "主要投资方", Investor, ("name",)),
        ListKind("services", "主要服务内容", ServiceContent),
        ListKind("sampled-enterprises", "推荐单位组织测评情况（抽样企业）", SampledEnterprise),
    )
}


def satisfaction_percent(evaluations: list[Evaluation | None]) -> float | None:
    """Share of 很满意 + 基本满意 among the rows that carry an evaluation."""
    rated = [e for e in evaluations if e is not None]
    if not rated:
        return None
    happy = sum(1 for e in rated if e is not Evaluation.DISSATISFIED)
    return round(100.0 * happy / len(rated), 2)
