"""Demo documents of the recommending authority and the experts.

The 推荐表 for the Shenyang platform (12 firms sampled from its own list), Liaoning's
推荐汇总表 for the 2019 round (4 rows, the provincial quota), and one expert's
opinion sheet on the Dalian creation application.
"""

from __future__ import annotations

import datetime as dt
import random

from smedesk.demo import names
from smedesk.demo.common import demo_id, scheme_ref
from smedesk.forms.application import ApplicationReport
from smedesk.forms.creation import CreationApplication
from smedesk.forms.enums import (
    Assessment,
    AuthorityType,
    Conclusion,
    QuotaCategory,
    ServiceFunction,
    Stage,
    SurveyMethod,
)
from smedesk.forms.lists import PanelMember
from smedesk.forms.opinion import ConflictDeclaration, CriterionAssessment, ExpertOpinion
from smedesk.forms.recommendation import (
    RecommendationForm,
    RecommendationSummary,
    SatisfactionSurvey,
    SummaryRow,
)

PANEL = (
    ("教授", "东北大学工商管理学院"),
    ("研究员", "辽宁省科学技术情报研究所"),
    ("高级会计师", "辽宁天健会计师事务所"),
    ("正高级工程师", "沈阳机床（集团）有限责任公司"),
    ("副教授", "沈阳工业大学管理学院"),
)


def _panel(rng: random.Random) -> list[PanelMember]:
    return [
        PanelMember(name=names.person_name(rng), title=title, employer=employer, signed=True)
        for title, employer in PANEL
    ]


def recommendation_form(report: ApplicationReport) -> RecommendationForm:
    """辽宁省's 推荐表 for one applicant, with 12 of its listed firms surveyed."""
    rng = random.Random(1601)
    operator = report.form.basic.applicant_name
    return RecommendationForm(
        scheme=scheme_ref("miit-2017"),
        doc_id=demo_id(1601),
        operator_name=operator,
        province="辽宁省",
        fill_date=dt.date(2019, 6, 26),
        application_id=report.doc_id,
        panel_opinion=(
            f"{operator}运营规范，服务功能完善，近三年服务中小企业数量稳步增长，用户满意度高，"
            "信息服务和培训服务特色明显，符合《国家中小企业公共服务示范平台认定管理办法》规定的"
            "条件。专家组同意推荐。"
        ),
        panel=_panel(rng),
        survey=SatisfactionSurvey(
            methods=[SurveyMethod.PHONE, SurveyMethod.VISIT],
            sampled=names.sample_firms(1602, report.served_enterprises, 12),
            sampling_seed=1602,
        ),
        regional_impact=(
            "该平台服务覆盖全市 13 个区县（市），在政策宣传、人才培训和供需对接方面发挥了骨干作用，"
            "带动了一批小微企业规范管理、提升竞争力。"
        ),
        recommendation="经审核，申报材料真实，同意推荐为国家中小企业公共服务示范平台。",
        recommendation_date=dt.date(2019, 6, 27),
    )


def recommendation_summary(report: ApplicationReport) -> RecommendationSummary:
    """辽宁省工业和信息化厅's summary for the 2019 round: 4 rows, within the quota."""
    rows = [
        SummaryRow(
            platform_name="沈阳中小企业智汇信息服务平台",
            institution_name=report.form.basic.applicant_name,
            functions=[ServiceFunction.INFORMATION, ServiceFunction.TRAINING],
            statement=(
                "以“政策直通车”模式精准推送政策，线上线下联动年服务中小企业680家，"
                "培训3600人次，满意度九成以上，形成了可复制的区域信息服务经验。"
            ),
            quota=QuotaCategory.PROVINCIAL_QUOTA,
            city="沈阳市",
            application_id=report.doc_id,
        ),
        SummaryRow(
            platform_name="大连工业设计公共服务平台",
            institution_name="大连海创工业技术服务有限公司",
            functions=[ServiceFunction.TECHNOLOGY],
            statement="“设计+检测”一站式服务，共享实验室按机时低收费开放，年服务企业1300余家。",
            quota=QuotaCategory.PROVINCIAL_QUOTA,
            city="大连市",
        ),
        SummaryRow(
            platform_name="鞍山精密制造技术服务平台",
            institution_name="鞍山高新区创业服务中心有限公司",
            functions=[ServiceFunction.TECHNOLOGY, ServiceFunction.ENTREPRENEURSHIP],
            statement="围绕精密制造产业链提供技术对接和孵化服务，培育专精特新企业9家。",
            quota=QuotaCategory.PROVINCIAL_QUOTA,
            city="鞍山市",
        ),
        SummaryRow(
            platform_name="营口中小企业融资服务平台",
            institution_name="营口市中小企业融资服务中心有限公司",
            functions=[ServiceFunction.FINANCING],
            statement="银企对接常态化，年帮助中小企业融资9.6亿元，首贷户占比超过三成。",
            quota=QuotaCategory.PROVINCIAL_QUOTA,
            city="营口市",
        ),
    ]
    return RecommendationSummary(
        scheme=scheme_ref("miit-2019-call"),
        doc_id=demo_id(310),
        year=2019,
        authority_name="辽宁省工业和信息化厅",
        authority_type=AuthorityType.PROVINCE,
        fill_date=dt.date(2019, 7, 5),
        rows=rows,
    )


def expert_opinion(application: CreationApplication) -> ExpertOpinion:
    """One expert's sheet on the Dalian creation application: not recommended yet."""
    rng = random.Random(2104)
    p = application.platform

    def row(
        rule: str, label: str, figure: str, threshold: str, a: Assessment, c: str
    ) -> CriterionAssessment:
        return CriterionAssessment(
            rule_id=rule, label=label, figure=figure, threshold=threshold, assessment=a, comment=c
        )

    criteria = [
        row("a1-institutions-creation", "汇聚服务机构（专家）", f"{p.gathered_institutions} 家", "≥ 40 家（人）",
            Assessment.FAILS, "汇聚服务机构数量不足，合作协议多为意向性质。"),
        row("a1-smes-served-creation", "年服务中小企业", f"{p.smes_served_per_year} 家", "≥ 1000 家",
            Assessment.MEETS, ""),
        row("a1-satisfaction-creation", "用户满意度", f"{p.satisfaction_percent}%", "≥ 80%",
            Assessment.MEETS, ""),
        row("a3-content", "创建内容", "", "", Assessment.MEETS, "聚焦工业设计与检验检测，符合产业需求。"),
        row("a3-innovation", "创新特色", "", "", Assessment.PARTLY, "“设计+检测”模式有特色，需进一步提炼。"),
        row("a3-demonstration", "示范引领", "", "", Assessment.PARTLY, ""),
        row("a3-path", "实施路径", "", "", Assessment.MEETS, ""),
        row("a3-expectations", "预期导向", "", "", Assessment.MEETS, ""),
        row("a3-guarantees", "保障协同", "", "", Assessment.PARTLY, "经费保障来源需进一步明确。"),
    ]  # fmt: skip
    return ExpertOpinion(
        scheme=scheme_ref("liaoning-creation"),
        doc_id=demo_id(2104),
        application_id=application.doc_id,
        applicant_name=application.applicant.applicant_name,
        stage=Stage.CREATION,
        expert_name=names.person_name(rng),
        expert_title="正高级工程师",
        employer="大连理工大学机械工程学院",
        conflict=ConflictDeclaration(
            no_employment=True, no_shareholding=True, no_kinship=True, no_cooperation=True
        ),
        criteria=criteria,
        overall_opinion=(
            "该平台专业服务能力较强，创建方案目标明确、路径清晰，但汇聚服务机构数量未达到创建标准，"
            "资源库和移动端入口尚不完善。建议补足服务机构合作后再行申报。"
        ),
        conclusion=Conclusion.NOT_CREATE,
        signed=True,
        sign_date=dt.date(2025, 6, 18),
    )
