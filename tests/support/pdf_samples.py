"""Documents of every kind for the PDF tests and the benchmark, built here (not from demo/).

Figures are plausible, names are invented; sizes are parameters so the benchmark can ask
for 3,000 served enterprises with the same builder the tests use.
"""

from __future__ import annotations

import datetime as dt

from smedesk.forms import (
    ApplicationReport,
    CreationApplication,
    ExpertOpinion,
    PanelOpinion,
    RecommendationForm,
    RecommendationSummary,
    SchemeRef,
)
from smedesk.forms.application import (
    ApplicationForm,
    BasicInfo,
    Capability,
    GovernmentSupport,
    Narratives,
)
from smedesk.forms.creation import CreationApplicant, PlatformIndicators
from smedesk.forms.enums import (
    Assessment,
    AuthorityType,
    Conclusion,
    Education,
    EmploymentType,
    Evaluation,
    OrgType,
    PlatformKind,
    QuotaCategory,
    RecognitionKind,
    RecognitionLevel,
    ServiceFunction,
    Stage,
    SurveyMethod,
    TitleLevel,
)
from smedesk.forms.lists import (
    EquipmentItem,
    Investor,
    OperationYear,
    PanelMember,
    PriorRecognition,
    SampledEnterprise,
    ServedEnterprise,
    ServiceContent,
    StaffMember,
)
from smedesk.forms.opinion import ConflictDeclaration, CriterionAssessment
from smedesk.forms.plan import CreationPlan, Milestone, PlanGoal
from smedesk.forms.recommendation import SatisfactionSurvey, SummaryRow

APPLICANT = "广州市穗创中小企业服务中心有限公司"
PARAGRAPH = (
    "本平台立足珠三角制造业集群，围绕中小企业在技术创新、管理提升和融资对接方面的共性需求，"
    "建立了线上线下联动的服务体系，集聚检测认证、知识产权、人才培训等专业服务机构，"
    "年均开展各类公益性服务活动二十余场，服务对象覆盖电子信息、智能装备、时尚消费品等主导产业。"
)
EVALUATIONS = (Evaluation.VERY_SATISFIED, Evaluation.SATISFIED, Evaluation.VERY_SATISFIED)


def scheme_ref(scheme_id: str = "miit-2017") -> SchemeRef:
    return SchemeRef(id=scheme_id, version="2017.1")


def narrative(chars: int) -> str:
    """About ``chars`` characters of plausible text, in paragraphs."""
    out, n = [], 0
    while n < chars:
        out.append(PARAGRAPH)
        n += len(PARAGRAPH)
    return "\n".join(out)[:chars]


def uscc(i: int) -> str:
    return f"91440101MA{i:08d}"[:18]


def application_report(
    served: int = 120, equipment: int = 12, staff: int = 25, narrative_chars: int = 600
) -> ApplicationReport:
    basic = BasicInfo(
        applicant_name=APPLICANT,
        uscc="91440101MA5CXXXX1X",
        registration_date=dt.date(2012, 5, 18),
        nature="企业",
        independent_legal_person=True,
        legal_representative="陈志远",
        address="广州市天河区科韵路 16 号广州信息港 A 栋 12 层",
        postcode="510665",
        contact="李晓雯",
        phone="020-85551234",
        fax="020-85551235",
        mobile="13800138000",
        website="www.suichuang.cn 粤ICP备12345678号",
        email="service@suichuang.cn",
        registered_capital=1000.0,
        investors=[
            Investor(name="广州穗创投资集团有限公司", nature="国有", ratio=60.0),
            Investor(name="广州市科技服务协会", nature="社会团体", ratio=40.0),
        ],
        total_assets=4850.5,
        equipment_count=86,
        equipment_price=1236.8,
        service_area=3200.0,
        own_area=1200.0,
        rented_area=2000.0,
        employees=64,
        qualified_staff=58,
    )
    form = ApplicationForm(
        basic=basic,
        operations=[
            OperationYear(
                year=2017,
                operating_income=2100.0,
                service_income=1650.0,
                total_assets=4210.0,
                total_profit=180.5,
                taxes_paid=96.2,
                smes_served=820,
            ),
            OperationYear(
                year=2018,
                operating_income=2480.0,
                service_income=1990.0,
                total_assets=4850.5,
                total_profit=236.0,
                taxes_paid=118.4,
                smes_served=1035,
            ),
        ],
        capability=Capability(
            qualifications="CMA 检验检测机构资质认定证书；广东省中小企业公共服务示范平台",
            services=[
                ServiceContent(content="技术咨询与检测服务", scale=620, income_share=42.5),
                ServiceContent(content="管理咨询与人才培训", scale=2600, income_share=21.0),
                ServiceContent(content="投融资对接服务", scale=150, income_share=8.2),
            ],
            signed_partners=[f"合作机构{i}有限公司" for i in range(1, 8)],
            other_partners=["华南理工大学", "广东工业大学"],
            public_interest_volume=900,
            total_service_volume=3370,
        ),
        support=GovernmentSupport(
            support="2018 年获广州市中小企业发展专项资金支持 120 万元。",
            recognitions=[
                PriorRecognition(
                    level=RecognitionLevel.PROVINCIAL,
                    issuer="广东省经济和信息化委员会",
                    kind=RecognitionKind.RECOGNITION,
                    document="《关于认定 2016 年广东省中小企业公共服务示范平台的通知》（粤经信中小〔2016〕88号）",
                )
            ],
        ),
    )
    doc = ApplicationReport(
        scheme=scheme_ref(),
        doc_id="3f2a9c1e-0d4b-4c55-9a61-1b2c3d4e5f60",
        fill_date=dt.date(2019, 6, 10),
        form=form,
        equipment=[
            EquipmentItem(
                name=f"精密测量仪器 {i}",
                model_spec=f"XJ-{100 + i}",
                quantity=1 + i % 3,
                price=12.5 + i,
                purchase_date=dt.date(2016, 1 + i % 12, 1 + i % 27),
                purpose="与中小企业共享",
            )
            for i in range(equipment)
        ],
        staff=[
            StaffMember(
                name=f"员工{i:03d}",
                position="技术服务部 工程师",
                education=Education.BACHELOR,
                title="工程师",
                title_level=TitleLevel.INTERMEDIATE,
                speciality="机械工程",
                employment=EmploymentType.FULL_TIME,
            )
            for i in range(staff)
        ],
        served_enterprises=[
            ServedEnterprise(
                name=f"广州市第{i}号精密制造科技有限公司",
                uscc=uscc(i),
                contact="王经理",
                phone="020-87654321",
                service_content="检验检测、技术咨询",
                service_date=dt.date(2018, 1 + i % 12, 1 + i % 28),
                evaluation=EVALUATIONS[i % 3],
            )
            for i in range(served)
        ],
        narratives=Narratives(
            **{name: narrative(narrative_chars) for name in Narratives.model_fields}
        ),
    )
    doc.functions.claimed = [ServiceFunction.TECHNOLOGY, ServiceFunction.TRAINING]
    return doc


def empty_application_report() -> ApplicationReport:
    return ApplicationReport(scheme=scheme_ref(), doc_id="00000000-0000-4000-8000-000000000000")


def creation_application() -> CreationApplication:
    return CreationApplication(
        scheme=scheme_ref("miit-creation"),
        doc_id="7d1e2f30-1111-4a2b-8c3d-4e5f60718293",
        fill_date=dt.date(2025, 3, 1),
        applicant=CreationApplicant(
            applicant_name="沈阳智造服务有限公司",
            uscc="91210100MA0XXXXX2Y",
            platform_name="沈阳智能制造公共服务平台",
            org_type=OrgType.PLATFORM,
            platform_kind=PlatformKind.PROFESSIONAL,
            nature="国有企事业单位",
            is_branch=False,
            operation_start=dt.date(2019, 4, 1),
            not_dishonest=True,
            legal_representative="赵明",
            address="沈阳市浑南区创新路 100 号",
            postcode="110000",
            contact="孙丽",
            phone="024-23456789",
            mobile="13900139000",
            email="contact@syzz.cn",
            website="www.syzz.cn 辽ICP备87654321号",
            employees=45,
        ),
        platform=PlatformIndicators(
            sme_library=True,
            policy_library=True,
            institution_library=True,
            product_case_library=False,
            policy_push=True,
            pc_entry=True,
            mobile_entry=True,
            registration_minutes=5,
            operation_guarantee="服务团队 45 人，年度运营经费 600 万元。",
            service_items=["数字化转型诊断", "检验检测", "知识产权", "设备共享"],
            gathered_institutions=52,
            interconnection="已与省级平台实现数据对接。",
            smes_served_per_year=1850,
            subdivisions_total=13,
            subdivisions_covered=7,
            users_surveyed=400,
            users_satisfied=372,
            offline_events=8,
        ),
        plan=CreationPlan(
            content=narrative(400),
            innovation=narrative(300),
            practices=["“诊断+改造+评估”一站式数字化转型服务", "设备共享预约与按次计费"],
            demonstration=narrative(300),
            path=narrative(300),
            milestones=[
                Milestone(period="2025年4月—12月", task="建成数字化转型诊断中心"),
                Milestone(period="2026年1月—2027年3月", task="服务覆盖全部区县"),
            ],
            expectations=narrative(300),
            goals=[
                PlanGoal(
                    goal="扩大服务覆盖",
                    indicator="年服务中小企业",
                    target="3000 家",
                    due=dt.date(2027, 3, 31),
                ),
                PlanGoal(
                    goal="提升满意度",
                    indicator="用户满意度",
                    target="90%",
                    due=dt.date(2027, 3, 31),
                ),
            ],
            guarantees=narrative(300),
        ),
    )


def recommendation_form() -> RecommendationForm:
    return RecommendationForm(
        scheme=scheme_ref(),
        doc_id="a1b2c3d4-2222-4b3c-9d4e-5f6071829304",
        operator_name=APPLICANT,
        province="广东省",
        fill_date=dt.date(2019, 6, 25),
        panel_opinion="专家组认为该平台服务功能完善、业绩突出、示范带动作用明显，同意推荐。",
        panel=[
            PanelMember(name="张伟", title="教授", employer="华南理工大学"),
            PanelMember(name="刘芳", title="高级经济师", employer="广东省中小企业发展促进会"),
            PanelMember(name="黄强", title="研究员", employer="广东省科学院"),
        ],
        survey=SatisfactionSurvey(
            methods=[SurveyMethod.VISIT, SurveyMethod.PHONE],
            sampled=[
                SampledEnterprise(
                    name=f"广州市样本企业{i}有限公司",
                    interviewee=f"受访人{i}",
                    position="总经理",
                    phone="020-81234567",
                    service_content="检验检测",
                    evaluation=EVALUATIONS[i % 3],
                )
                for i in range(12)
            ],
            sampling_seed=20190625,
        ),
        regional_impact="平台带动区域内中小企业技术水平整体提升。",
        recommendation="同意推荐。",
        recommendation_date=dt.date(2019, 6, 28),
    )


def recommendation_summary() -> RecommendationSummary:
    return RecommendationSummary(
        scheme=scheme_ref("miit-2019-call"),
        doc_id="b2c3d4e5-3333-4c4d-8e5f-607182930415",
        year=2019,
        authority_name="广东省工业和信息化厅",
        authority_type=AuthorityType.PROVINCE,
        fill_date=dt.date(2019, 7, 10),
        rows=[
            SummaryRow(
                platform_name="穗创中小企业综合服务平台",
                institution_name=APPLICANT,
                functions=[ServiceFunction.TECHNOLOGY, ServiceFunction.TRAINING],
                statement="聚焦珠三角制造业集群，线上线下联动，集聚服务机构 7 家，年服务中小企业千余家。",
                quota=QuotaCategory.PROVINCIAL_QUOTA,
            ),
            SummaryRow(
                platform_name="深圳创新创业服务平台",
                institution_name="深圳市创服科技有限公司",
                functions=[ServiceFunction.ENTREPRENEURSHIP],
                statement="创业辅导与投融资对接一体化。",
                quota=QuotaCategory.SPECIAL_CARRIER,
                city="深圳市",
            ),
        ],
    )


def expert_opinion() -> ExpertOpinion:
    return ExpertOpinion(
        scheme=scheme_ref("miit-creation"),
        doc_id="c3d4e5f6-4444-4d5e-9f60-718293041526",
        application_id="7d1e2f30-1111-4a2b-8c3d-4e5f60718293",
        applicant_name="沈阳智造服务有限公司",
        stage=Stage.CREATION,
        expert_name="张伟",
        expert_title="教授",
        employer="东北大学",
        conflict=ConflictDeclaration(
            no_employment=True, no_shareholding=True, no_kinship=True, no_cooperation=True
        ),
        criteria=[
            CriterionAssessment(
                rule_id="plan-content",
                label="创建内容",
                assessment=Assessment.MEETS,
                comment="任务明确，契合区域需求。",
            ),
            CriterionAssessment(
                rule_id="smes-served",
                label="年服务中小企业",
                figure="1850 家",
                threshold="≥ 1000 家",
                assessment=Assessment.MEETS,
            ),
            CriterionAssessment(
                rule_id="satisfaction",
                label="满意度",
                figure="93%",
                threshold="≥ 80%",
                assessment=Assessment.PARTLY,
            ),
        ],
        overall_opinion="方案目标具体、可考核，建议列为创建对象。",
        conclusion=Conclusion.CREATE,
        sign_date=dt.date(2025, 4, 20),
    )


def panel_opinion() -> PanelOpinion:
    return PanelOpinion(
        scheme=scheme_ref("miit-creation"),
        doc_id="d4e5f607-5555-4e6f-8071-829304152637",
        application_id="7d1e2f30-1111-4a2b-8c3d-4e5f60718293",
        applicant_name="沈阳智造服务有限公司",
        opinion="专家组经审阅材料、听取汇报，认为该平台具备创建条件。",
        conclusion=Conclusion.CREATE,
        members=[
            PanelMember(name="张伟", title="教授", employer="东北大学"),
            PanelMember(name="刘芳", title="高级经济师", employer="辽宁省中小企业服务中心"),
        ],
        date=dt.date(2025, 4, 21),
    )
