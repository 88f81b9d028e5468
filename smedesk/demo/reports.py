"""Demo 申请报告 (2017 regime and the two regimes that share its shape).

Three applicants: a Shenyang information platform that meets miit-2017, a Lhasa
platform that meets tibet's lower thresholds but not the national ones, and an
association applicant in Shenzhen (casmeic-2019). Figures are invented, plausible.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from smedesk.demo import names
from smedesk.demo.common import demo_id, placeholder_materials, scheme_ref
from smedesk.demo.texts import narratives
from smedesk.forms.application import (
    ApplicationForm,
    ApplicationReport,
    BasicInfo,
    Capability,
    GovernmentSupport,
)
from smedesk.forms.common import Region
from smedesk.forms.enums import (
    Education,
    EmploymentType,
    RecognitionKind,
    RecognitionLevel,
    ServiceFunction,
    TitleLevel,
)
from smedesk.forms.functions import (
    FinancingFunction,
    FunctionIndicators,
    InformationFunction,
    TrainingFunction,
)
from smedesk.forms.lists import (
    EquipmentItem,
    Investor,
    OperationYear,
    PriorRecognition,
    ServiceContent,
    StaffMember,
)


@dataclass
class Profile:
    """The figures that make one applicant pass or fall short."""

    seed: int
    scheme: str
    province: str
    city: str  # short form, e.g. 沈阳
    slug: str  # for file names, e.g. shenyang
    applicant: str
    address: str
    postcode: str
    domain: str
    icp_province: str
    fill_date: dt.date
    registered: dt.date
    total_assets: float
    employees: int
    qualified: int
    service_staff: int  # Art. 12(6): those of 从业人数 who serve SMEs
    service_qualified: int
    served_per_year: tuple[int, int, int]  # the last three years, oldest first
    listed_firms: int
    partners: tuple[str, ...]
    recognitions: tuple[PriorRecognition, ...]
    functions: tuple[ServiceFunction, ...]
    info: InformationFunction = field(default_factory=InformationFunction)
    training: TrainingFunction = field(default_factory=TrainingFunction)
    financing: FinancingFunction = field(default_factory=FinancingFunction)
    services: tuple[str, ...] = ()
    public_interest: tuple[int, int] = (0, 0)  # volume, total
    complete_materials: bool = False


def build_report(p: Profile) -> ApplicationReport:
    rng = random.Random(p.seed)
    year = p.fill_date.year
    equipment = _equipment(rng, year, scale=min(1.0, p.total_assets / 2800))
    equipment_price = round(sum((e.price or 0) for e in equipment), 2)
    area = 1200.0 + 100 * rng.randrange(5, 30)
    own = round(area * rng.choice((0.0, 0.25, 0.4)), 0)
    basic = BasicInfo(
        applicant_name=p.applicant,
        uscc=names.make_uscc(rng, names.DIVISION_CODES[p.city]),
        registration_date=p.registered,
        nature="企业",
        independent_legal_person=True,
        legal_representative=names.person_name(rng),
        address=p.address,
        postcode=p.postcode,
        contact=names.person_name(rng),
        phone=names.landline(rng, p.city),
        fax=names.landline(rng, p.city),
        mobile=names.mobile(rng),
        website=f"www.{p.domain} {p.icp_province}ICP备{rng.randrange(10**7, 10**8)}号-1",
        email=f"service@{p.domain}",
        registered_capital=float(rng.choice((500, 1000, 2000))),
        investors=[
            Investor(name=f"{p.city}市国有资产经营有限公司", nature="国有", ratio=51.0),
            Investor(
                name=f"{p.city}{rng.choice(names.BRANDS)}投资有限公司", nature="民营", ratio=49.0
            ),
        ],
        total_assets=p.total_assets,
        equipment_count=sum((e.quantity or 0) for e in equipment),
        equipment_price=equipment_price,
        service_area=area,
        own_area=own,
        rented_area=area - own,
        employees=p.employees,
        qualified_staff=p.qualified,
        service_staff=p.service_staff,
        service_staff_qualified=p.service_qualified,
    )
    operations = []
    for offset, served in zip((3, 2, 1), p.served_per_year, strict=True):
        income = round(p.total_assets * rng.uniform(0.35, 0.55), 1)
        operations.append(
            OperationYear(
                year=year - offset,
                operating_income=income,
                service_income=round(income * rng.uniform(0.7, 0.9), 1),
                total_assets=round(p.total_assets * (1 - 0.08 * (offset - 1)), 1),
                total_profit=round(income * rng.uniform(0.03, 0.09), 1),
                taxes_paid=round(income * rng.uniform(0.02, 0.05), 1),
                smes_served=served,
            )
        )
    services = p.services or ("政策咨询", "信息发布", "培训服务")
    capability = Capability(
        qualifications="ISO 9001 质量管理体系认证；人力资源服务许可证；增值电信业务经营许可证。",
        services=[
            ServiceContent(content=s, scale=rng.randrange(80, 900), income_share=share)
            for s, share in zip(services, _shares(rng, len(services)), strict=True)
        ],
        signed_partners=list(p.partners),
        other_partners=[f"{p.city}市中小企业协会", f"{p.city}市工商业联合会"],
        public_interest_volume=p.public_interest[0],
        total_service_volume=p.public_interest[1],
    )
    support = GovernmentSupport(
        support=f"{year - 2}—{year - 1}年获{p.city}市中小企业发展专项资金支持，用于平台线上系统升级和公益性服务。",
        recognitions=list(p.recognitions),
    )
    firms = names.served_enterprises(
        p.seed + 1, p.city, p.listed_firms, year=year - 1, services=services
    )
    report = ApplicationReport(
        scheme=scheme_ref(p.scheme),
        doc_id=demo_id(p.seed),
        fill_date=p.fill_date,
        region=Region(province=p.province, city=f"{p.city}市"),
        form=ApplicationForm(
            basic=basic, operations=operations, capability=capability, support=support
        ),
        functions=FunctionIndicators(
            claimed=list(p.functions),
            information=p.info,
            training=p.training,
            financing=p.financing,
        ),
        equipment=equipment,
        staff=_staff(rng, min(p.employees, 24)),
        served_enterprises=firms,
        narratives=narratives(p.applicant, f"{p.city}市", p.province, p.served_per_year),
        materials=(
            placeholder_materials(p.scheme, f"{p.scheme}-{p.slug}") if p.complete_materials else []
        ),
        declaration_accepted=p.complete_materials,
    )
    return report


def _shares(rng: random.Random, n: int) -> list[float]:
    weights = [rng.uniform(1, 3) for _ in range(n)]
    total = sum(weights)
    return [round(70 * w / total, 1) for w in weights]


def _equipment(rng: random.Random, year: int, scale: float) -> list[EquipmentItem]:
    """The equipment list, sized to the applicant (a small platform has no storage array)."""
    catalogue = (
        ("服务器", "华为 FusionServer 2288H V5", 12, 8.6, "平台线上系统运行"),
        ("存储阵列", "浪潮 AS5300G2", 2, 36.0, "企业数据存储"),
        ("网络安全设备", "深信服 AF-1000", 4, 9.8, "网络与数据安全"),
        ("视频会议系统", "华为 TE40", 6, 3.2, "远程咨询与培训，与中小企业共享"),
        ("培训教室多媒体设备", "希沃 交互平板 86寸", 10, 2.1, "线下培训，与中小企业共享"),
        ("企业服务管理软件", "自主开发 V3.0", 1, 68.0, "服务受理、跟踪与评价"),
        ("呼叫中心系统", "讯鸟 云呼叫中心", 1, 25.0, "服务热线"),
        ("办公计算机", "联想 启天 M437", 60, 0.55, "日常服务"),
    )
    items = []
    for name, spec, qty, unit_price, purpose in catalogue:
        if scale < 0.5 and name in ("存储阵列", "呼叫中心系统"):
            continue
        count = max(1, round(qty * scale))
        items.append(
            EquipmentItem(
                name=name,
                model_spec=spec,
                quantity=count,
                price=round(count * unit_price * (0.5 + 0.5 * scale), 2),
                purchase_date=dt.date(year - rng.randrange(1, 5), rng.randrange(1, 13), 15),
                purpose=purpose,
            )
        )
    return items


def _staff(rng: random.Random, count: int) -> list[StaffMember]:
    roles = (
        ("总经理", "高级经济师", TitleLevel.SENIOR, "工商管理"),
        ("副总经理", "高级工程师", TitleLevel.SENIOR, "计算机应用"),
        ("服务部经理", "经济师", TitleLevel.INTERMEDIATE, "企业管理"),
        ("技术部经理", "工程师", TitleLevel.INTERMEDIATE, "软件工程"),
        ("培训主管", "讲师", TitleLevel.INTERMEDIATE, "人力资源管理"),
        ("服务专员", "助理经济师", TitleLevel.JUNIOR, "市场营销"),
        ("系统运维", "助理工程师", TitleLevel.JUNIOR, "网络工程"),
        ("财务主管", "会计师", TitleLevel.INTERMEDIATE, "会计学"),
    )
    staff = []
    for i in range(count):
        position, title, level, speciality = roles[i if i < 5 else 5 + i % 3]
        staff.append(
            StaffMember(
                name=names.person_name(rng),
                position=position,
                education=rng.choice(
                    (Education.MASTER, Education.BACHELOR, Education.BACHELOR, Education.COLLEGE)
                ),
                title=title,
                title_level=level,
                speciality=speciality,
                employment=EmploymentType.FULL_TIME if i % 7 else EmploymentType.PART_TIME,
            )
        )
    return staff


def shenyang_information_platform() -> ApplicationReport:
    """A 2017-regime information platform in 沈阳 that meets miit-2017 (with all materials)."""
    return build_report(
        Profile(
            seed=2017,
            scheme="miit-2017",
            province="辽宁省",
            city="沈阳",
            slug="shenyang",
            applicant="沈阳智汇企业服务有限公司",
            address="辽宁省沈阳市浑南区创新路155号",
            postcode="110179",
            domain="syzhqf.cn",
            icp_province="辽",
            fill_date=dt.date(2019, 6, 10),
            registered=dt.date(2012, 3, 15),
            total_assets=2860.0,
            employees=46,
            qualified=41,
            served_per_year=(420, 560, 680),
            listed_firms=240,
            partners=(
                "中国银行沈阳分行",
                "沈阳市信用融资担保有限公司",
                "东北大学技术转移中心",
                "沈阳工业大学",
                "辽宁省知识产权服务中心",
                "沈阳市律师协会",
                "辽宁天健会计师事务所",
                "中国科学院沈阳自动化研究所",
                "沈阳市人才服务中心",
            ),
            service_staff=38,
            service_qualified=33,
            recognitions=(
                PriorRecognition(
                    level=RecognitionLevel.PROVINCIAL,
                    issuer="辽宁省中小企业厅",
                    kind=RecognitionKind.RECOGNITION,
                    document="辽宁省中小企业公共服务示范平台（辽中小企发〔2016〕38号）",
                    date=dt.date(2016, 9, 20),
                ),
            ),
            functions=(ServiceFunction.INFORMATION, ServiceFunction.TRAINING),
            info=InformationFunction(
                open_information_system=True,
                online_offline_linkage=True,
                offline_firms_per_year=320,
                events_per_year=14,
            ),
            training=TrainingFunction(
                qualification_or_filing=True,
                online_and_offline=True,
                evaluation_mechanism=True,
                person_times_per_year=3600,
            ),
            services=("政策信息发布与解读", "企业经营管理培训", "线上供需对接", "融资信息推送"),
            public_interest=(2100, 6800),
            complete_materials=True,
        )
    )


def lhasa_platform() -> ApplicationReport:
    """A Tibet platform (拉萨) that meets tibet's thresholds but not miit-2017's."""
    return build_report(
        Profile(
            seed=540,
            scheme="tibet",
            province="西藏自治区",
            city="拉萨",
            slug="lhasa",
            applicant="拉萨雪域中小企业服务有限公司",
            address="西藏自治区拉萨市城关区金珠西路68号",
            postcode="850000",
            domain="xyqyfw.cn",
            icp_province="藏",
            fill_date=dt.date(2020, 3, 5),
            registered=dt.date(2016, 8, 1),
            total_assets=260.0,
            employees=14,
            qualified=10,
            served_per_year=(85, 104, 126),
            listed_firms=110,
            partners=("西藏银行拉萨分行", "西藏大学创新创业学院", "拉萨市中小企业融资担保有限公司"),
            service_staff=11,
            service_qualified=7,
            recognitions=(
                PriorRecognition(
                    level=RecognitionLevel.PREFECTURE,
                    issuer="拉萨市经济和信息化局",
                    kind=RecognitionKind.RECOGNITION,
                    document="拉萨市中小企业公共服务平台（拉经信发〔2018〕12号）",
                    date=dt.date(2018, 5, 8),
                ),
            ),
            functions=(ServiceFunction.INFORMATION, ServiceFunction.TRAINING),
            info=InformationFunction(
                open_information_system=True,
                online_offline_linkage=True,
                offline_firms_per_year=64,
                events_per_year=4,
            ),
            training=TrainingFunction(
                qualification_or_filing=True,
                online_and_offline=True,
                evaluation_mechanism=True,
                person_times_per_year=900,
            ),
            services=("政策宣讲", "创业培训", "双语信息服务"),
            public_interest=(380, 1150),
            complete_materials=True,
        )
    )


def shenzhen_association_applicant() -> ApplicationReport:
    """An applicant to the association's recognition (casmeic-2019): financing and training."""
    return build_report(
        Profile(
            seed=2019,
            scheme="casmeic-2019",
            province="广东省",
            city="深圳",
            slug="shenzhen",
            applicant="深圳前海汇融企业服务有限公司",
            address="广东省深圳市南山区前海深港合作区前湾一路1号A栋201室",
            postcode="518052",
            domain="qhhrfw.cn",
            icp_province="粤",
            fill_date=dt.date(2019, 9, 20),
            registered=dt.date(2014, 5, 20),
            total_assets=1850.0,
            employees=32,
            qualified=29,
            served_per_year=(310, 365, 428),
            listed_firms=160,
            partners=(
                "招商银行深圳分行",
                "深圳市中小企业融资担保有限公司",
                "深圳市创新投资集团有限公司",
                "广东华商律师事务所",
                "深圳大学经济学院",
                "深圳市中小企业服务中心",
            ),
            service_staff=26,
            service_qualified=23,
            recognitions=(
                PriorRecognition(
                    level=RecognitionLevel.PREFECTURE,
                    issuer="深圳市中小企业服务署",
                    kind=RecognitionKind.RECOGNITION,
                    document="深圳市中小企业公共服务示范平台（深中小企〔2018〕15号）",
                    date=dt.date(2018, 11, 2),
                ),
            ),
            functions=(ServiceFunction.FINANCING, ServiceFunction.TRAINING),
            financing=FinancingFunction(
                events_per_year=16,
                financing_total=126000.0,
                guarantee_institution=False,
                product_consulting=True,
            ),
            training=TrainingFunction(
                qualification_or_filing=True,
                online_and_offline=True,
                evaluation_mechanism=True,
                person_times_per_year=2600,
            ),
            services=("投融资对接", "融资策划与辅导", "跨境业务培训"),
            public_interest=(900, 3600),
        )
    )
