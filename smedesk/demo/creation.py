"""Demo 创建申请书 of the current regimes: national (miit-creation) and Liaoning.

A Hangzhou comprehensive platform (national), a Dalian professional platform that
falls short on 汇聚服务机构 (40 required at creation stage, 32 given), and an Anshan
base that meets the creation-stage base standard.
"""

from __future__ import annotations

import datetime as dt
import random

from smedesk.demo import names
from smedesk.demo.common import demo_id, placeholder_materials, scheme_ref
from smedesk.demo.texts import creation_plan
from smedesk.forms.common import Region
from smedesk.forms.creation import (
    BaseIndicators,
    CreationApplicant,
    CreationApplication,
    PlatformIndicators,
)
from smedesk.forms.enums import OrgType, PlatformKind


def _applicant(
    rng: random.Random,
    *,
    city: str,
    operator: str,
    platform: str,
    org_type: OrgType,
    kind: PlatformKind | None,
    nature: str,
    started: dt.date,
    address: str,
    postcode: str,
    domain: str,
    icp: str,
    staff: int,
    code_kind: str = "91",
) -> CreationApplicant:
    return CreationApplicant(
        applicant_name=operator,
        uscc=names.make_uscc(rng, names.DIVISION_CODES[city], code_kind),
        platform_name=platform,
        org_type=org_type,
        platform_kind=kind,
        nature=nature,
        is_branch=False,
        operation_start=started,
        not_dishonest=True,
        legal_representative=names.person_name(rng),
        address=address,
        postcode=postcode,
        contact=names.person_name(rng),
        phone=names.landline(rng, city),
        mobile=names.mobile(rng),
        email=f"office@{domain}",
        website=f"www.{domain} {icp}ICP备{rng.randrange(10**7, 10**8)}号-1",
        employees=staff,
    )


COMPREHENSIVE_ITEMS = (
    "政策咨询", "创业辅导", "管理咨询", "人才培训", "招聘用工",
    "市场开拓", "投融资", "法律合规", "诉求反映",
)  # fmt: skip
PROFESSIONAL_ITEMS = ("工业设计", "试验检验", "计量校准", "质量标准", "知识产权")


def hangzhou_comprehensive_platform() -> CreationApplication:
    """A national creation application (miit-creation): a comprehensive platform in 杭州."""
    rng = random.Random(3301)
    fill = dt.date(2025, 4, 18)
    return CreationApplication(
        scheme=scheme_ref("miit-creation"),
        doc_id=demo_id(rng.randrange(10**9)),
        fill_date=fill,
        region=Region(province="浙江省", city="杭州市"),
        applicant=_applicant(
            rng,
            city="杭州",
            operator="杭州市中小企业服务中心",
            platform="杭州中小企业数智综合服务平台",
            org_type=OrgType.PLATFORM,
            kind=PlatformKind.COMPREHENSIVE,
            nature="事业单位",
            started=dt.date(2018, 9, 1),
            address="浙江省杭州市上城区解放东路18号",
            postcode="310016",
            domain="hzsme.org.cn",
            icp="浙",
            staff=58,
            code_kind="12",
        ),
        platform=PlatformIndicators(
            sme_library=True,
            policy_library=True,
            institution_library=True,
            product_case_library=True,
            policy_push=True,
            pc_entry=True,
            mobile_entry=True,
            registration_minutes=3,
            operation_guarantee="专职服务团队 58 人，年度运营经费纳入财政预算，服务管理制度 23 项。",
            service_items=list(COMPREHENSIVE_ITEMS),
            gathered_institutions=126,
            interconnection="已与浙江省中小企业公共服务平台实现账号互认和服务数据共享。",
            smes_served_per_year=5200,
            subdivisions_total=13,
            subdivisions_covered=11,
            users_surveyed=860,
            users_satisfied=812,
            offline_events=18,
        ),
        plan=creation_plan(
            "杭州中小企业数智综合服务平台",
            "政策直达和数字化转型",
            fill,
            (
                "“企业码”政策精准推送：按企业画像自动匹配政策并提醒申报",
                "“服务券”机制：以服务券撬动专业服务机构为小微企业提供低收费服务",
                "“首席服务官”制度：为重点企业配备专人全程跟踪服务",
            ),
        ),
        materials=placeholder_materials("miit-creation", "miit-creation-hangzhou"),
        declaration_accepted=True,
    )


def dalian_professional_platform() -> CreationApplication:
    """A Liaoning professional platform at creation stage, short of gathered institutions."""
    rng = random.Random(2102)
    fill = dt.date(2025, 5, 12)
    return CreationApplication(
        scheme=scheme_ref("liaoning-creation"),
        doc_id=demo_id(rng.randrange(10**9)),
        fill_date=fill,
        region=Region(province="辽宁省", city="大连市", national_high_tech_zone=True),
        applicant=_applicant(
            rng,
            city="大连",
            operator="大连海创工业技术服务有限公司",
            platform="大连工业设计与检验检测服务平台",
            org_type=OrgType.PLATFORM,
            kind=PlatformKind.PROFESSIONAL,
            nature="受托企业（政府购买服务）",
            started=dt.date(2019, 3, 1),
            address="辽宁省大连市高新技术产业园区黄浦路537号",
            postcode="116023",
            domain="dlhcgy.com",
            icp="辽",
            staff=36,
        ),
        platform=PlatformIndicators(
            sme_library=True,
            policy_library=True,
            institution_library=True,
            product_case_library=False,
            policy_push=True,
            pc_entry=True,
            mobile_entry=False,
            registration_minutes=6,
            operation_guarantee="专职技术服务人员 36 人，检验检测资质 CMA，实用新型专利 14 项。",
            service_items=list(PROFESSIONAL_ITEMS[:4]),
            gathered_institutions=32,
            interconnection="计划与辽宁省中小企业公共服务平台对接，实现服务需求互转。",
            smes_served_per_year=1350,
            subdivisions_total=10,
            subdivisions_covered=4,
            users_surveyed=300,
            users_satisfied=258,
            offline_events=7,
        ),
        plan=creation_plan(
            "大连工业设计与检验检测服务平台",
            "工业设计和检验检测等专业技术服务",
            fill,
            (
                "“设计+检测”一站式服务：产品设计与检验检测同步介入，缩短研发周期",
                "共享实验室：向中小企业开放大型检测设备，按机时低收费",
            ),
        ),
    )


def anshan_base() -> CreationApplication:
    """A Liaoning base (示范基地) that meets the creation-stage base standard."""
    rng = random.Random(2103)
    fill = dt.date(2025, 5, 20)
    return CreationApplication(
        scheme=scheme_ref("liaoning-creation"),
        doc_id=demo_id(rng.randrange(10**9)),
        fill_date=fill,
        region=Region(province="辽宁省", city="鞍山市", national_high_tech_zone=True),
        applicant=_applicant(
            rng,
            city="鞍山",
            operator="鞍山高新区创业服务中心有限公司",
            platform="鞍山高新区精密制造中小企业创业创新基地",
            org_type=OrgType.BASE,
            kind=None,
            nature="国有企业",
            started=dt.date(2016, 6, 1),
            address="辽宁省鞍山市高新技术产业开发区千山路262号",
            postcode="114044",
            domain="asgxcy.cn",
            icp="辽",
            staff=42,
        ),
        # Art. 5(1)5 (resource libraries) applies to bases as well as platforms.
        platform=PlatformIndicators(
            sme_library=True,
            policy_library=True,
            institution_library=True,
            product_case_library=True,
            policy_push=True,
            pc_entry=True,
            mobile_entry=True,
            registration_minutes=0,
        ),
        base=BaseIndicators(
            leading_industry="通用设备制造业（C34）",
            firms_total=260,
            resident_smes=95,
            total_revenue=486000.0,
            leading_industry_revenue=281900.0,
            hightech_revenue=132000.0,
            revenue_two_years_ago=421000.0,
            employees=18600,
            land_area=3200.0,
            champions=0,
            little_giants=2,
            specialised_new=9,
            high_tech_firms=21,
            tech_smes=24,
            innovative_smes=12,
            valid_invention_patents=1460,  # about 3 per 千万元 of revenue
            rd_intensity=2.6,
            innovation_platforms=3,
            incubators=1,
            public_tech_platforms=2,
            industry_funds=0,
            service_activities="年开展政策宣讲、投融资路演、技术对接等活动 36 场，服务企业 1800 余家次。",
            facilities="标准厂房 42 万平方米，人才公寓 600 套，公共检测中心 1 个。",
            operator_income=5600.0,
            operator_service_income=2300.0,
            management="运营团队 42 人，建立入驻企业服务专员制度和企业成长档案。",
        ),
        plan=creation_plan(
            "鞍山高新区精密制造中小企业创业创新基地",
            "精密制造产业链和企业全生命周期服务",
            fill,
            (
                "“链长+服务专员”机制：围绕精密制造产业链配置服务专员",
                "孵化—加速—产业园接力培育：按企业成长阶段提供空间和服务",
            ),
        ),
        materials=placeholder_materials("liaoning-creation", "liaoning-creation-anshan"),
        declaration_accepted=True,
    )
