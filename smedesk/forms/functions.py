"""申请服务功能类别及指标: the figures the function requirements (2017 Art. 13) read.

Not a table of the paper form: the applicant states them in narrative 四/六; holding
them as fields lets the self-check test them and cite the article.
"""

from __future__ import annotations

from smedesk.forms.enums import ServiceFunction
from smedesk.forms.fields import FormModel, field


class InformationFunction(FormModel):
    open_information_system: bool | None = field("形成便于中小企业查询的、开放的信息服务系统")
    online_offline_linkage: bool | None = field("具有在线服务、线上线下联动功能")
    offline_firms_per_year: int | None = field("线下年服务企业数量", unit="家", ge=0)
    events_per_year: int | None = field("年组织开展的相关服务活动", unit="次", ge=0)


class TechnologyFunction(FormModel):
    expert_pool: bool | None = field("具有专家库")
    project_pool: bool | None = field("具有新产品、新技术项目库")
    shared_instruments: bool | None = field("开放大型、精密仪器设备与中小企业共享")
    events_per_year: int | None = field(
        "年开展技术洽谈、产品检测与质量品牌诊断、技术推广、项目推介和知识产权等服务活动",
        unit="次",
        ge=0,
    )


class EntrepreneurshipFunction(FormModel):
    project_pool: bool | None = field("建有创业项目库")
    startup_guide: bool | None = field("编有《创业指南》")
    hotline: bool | None = field("设有创业服务热线")
    agency_services: bool | None = field("开展相关政务代理服务")
    events_per_year: int | None = field("年开展创业项目洽谈、推介活动", unit="次", ge=0)


class TrainingFunction(FormModel):
    qualification_or_filing: bool | None = field("具有培训资质或在中小企业主管部门备案")
    online_and_offline: bool | None = field("具有线上和线下培训能力")
    evaluation_mechanism: bool | None = field("有完善的培训服务评价机制")
    person_times_per_year: int | None = field("年培训", unit="人次", ge=0)


class FinancingFunction(FormModel):
    events_per_year: int | None = field(
        "年组织开展投融资对接、企业融资策划、推荐和融资代理等服务活动", unit="次", ge=0
    )
    financing_total: float | None = field("帮助中小企业融资总额", unit="万元", ge=0)
    guarantee_institution: bool | None = field("属于融资担保机构")
    new_guarantees: float | None = field("年新增担保额", unit="万元", ge=0)
    bank_matchmaking_events: int | None = field("年组织银企对接活动", unit="次", ge=0)
    financing_lectures: int | None = field("年组织融资知识讲座", unit="次", ge=0)
    product_consulting: bool | None = field("开展融资产品咨询、企业融资策划、产融对接等服务")


class FunctionIndicators(FormModel):
    """The functions claimed (at most three go to the summary table) and their figures."""

    claimed: list[ServiceFunction] = field(
        "申请示范平台服务功能类别", default_factory=list, help="不超过3类", required=True
    )
    information: InformationFunction = field("信息服务", default_factory=InformationFunction)
    technology: TechnologyFunction = field("技术服务", default_factory=TechnologyFunction)
    entrepreneurship: EntrepreneurshipFunction = field(
        "创业服务", default_factory=EntrepreneurshipFunction
    )
    training: TrainingFunction = field("培训服务", default_factory=TrainingFunction)
    financing: FinancingFunction = field("融资服务", default_factory=FinancingFunction)
