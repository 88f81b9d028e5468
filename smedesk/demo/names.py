"""Plausible Chinese names, codes and phone numbers for the demo set, from a seeded RNG.

Everything is generated from name parts with ``random.Random(seed)`` so the demo set
is the same on every machine and in every test run. Codes are valid by construction
(the 统一社会信用代码 check character is computed), but belong to no real firm.
"""

from __future__ import annotations

import datetime as dt
import random

from smedesk.forms.checks import USCC_CHARSET, uscc_check_character
from smedesk.forms.enums import Evaluation
from smedesk.forms.lists import SampledEnterprise, ServedEnterprise

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = (
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓东", "海燕", "雪梅",
    "国栋", "春生", "玉洁", "振宇", "思远", "佳琪", "子涵", "立新", "文博", "红梅", "德胜",
)  # fmt: skip
BRANDS = (
    "恒远", "华锐", "鑫达", "盛世", "东升", "宏图", "瑞丰", "金桥", "博创", "天成", "正泰",
    "汇通", "永盛", "中科", "德宇", "新源", "鼎信", "海川", "万邦", "安泰", "凯瑞", "启明",
    "嘉禾", "隆兴", "远航", "北辰", "华信", "通达", "卓越", "锦程", "融创", "佳和", "聚力",
    "明润", "宝丰", "兴业", "银河", "长城", "泰和", "翔宇",
)  # fmt: skip
TRADES = (
    ("精密机械", "设备技术咨询"), ("数控机床", "数控改造技术服务"), ("汽车零部件", "质量体系认证辅导"),
    ("电子科技", "知识产权代理"), ("软件开发", "软件测评"), ("新材料", "检验检测"),
    ("食品", "食品安全培训"), ("包装制品", "管理咨询"), ("电气设备", "技术对接"),
    ("化工", "安全生产培训"), ("环保科技", "绿色化改造诊断"), ("纺织服装", "市场开拓"),
    ("建材", "政策咨询"), ("医疗器械", "注册申报辅导"), ("农业科技", "融资对接"),
    ("物流", "数字化转型诊断"), ("信息技术", "数字化转型诊断"), ("模具", "设备共享"),
    ("仪器仪表", "计量校准"), ("文化传媒", "创业辅导"), ("印刷", "人才招聘"),
    ("商贸", "政策咨询"), ("生物科技", "科技成果转化"), ("工业自动化", "技术推广"),
)  # fmt: skip
SUFFIXES = ("有限公司", "有限责任公司", "股份有限公司")
POSITIONS = ("总经理", "副总经理", "办公室主任", "财务经理", "技术总监", "行政主管", "董事长")

#: Administrative-division codes (first 6 digits after the registration-authority pair).
DIVISION_CODES = {
    "沈阳": "210100", "大连": "210200", "鞍山": "210300", "营口": "210800",
    "拉萨": "540100", "杭州": "330100", "深圳": "440300", "北京": "110108",
}  # fmt: skip
AREA_CODES = {
    "沈阳": "024", "大连": "0411", "鞍山": "0412", "营口": "0417",
    "拉萨": "0891", "杭州": "0571", "深圳": "0755", "北京": "010",
}  # fmt: skip


def make_uscc(rng: random.Random, division: str, kind: str = "91") -> str:
    """A 统一社会信用代码 with a valid check character: «91» (企业) + division + 9 + check."""
    # The organisation-code part: eight digits and a ninth character from the whole set.
    body = "".join(str(rng.randrange(10)) for _ in range(8)) + rng.choice(USCC_CHARSET)
    first17 = kind + division + body
    return first17 + uscc_check_character(first17)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def mobile(rng: random.Random) -> str:
    return rng.choice(("139", "138", "186", "158", "135", "152", "187", "133")) + "".join(
        str(rng.randrange(10)) for _ in range(8)
    )


def landline(rng: random.Random, city: str) -> str:
    code = AREA_CODES.get(city, "010")
    digits = 8 if len(code) == 3 else 7
    first = str(rng.randrange(2, 9))
    return f"{code}-{first}{''.join(str(rng.randrange(10)) for _ in range(digits - 1))}"


def firm_name(rng: random.Random, city: str, used: set[str]) -> tuple[str, str]:
    """(企业名称, 典型服务内容): e.g. 沈阳恒远精密机械有限公司. Never the same name twice."""
    while True:
        trade, service = rng.choice(TRADES)
        name = f"{city}{rng.choice(BRANDS)}{trade}{rng.choice(SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name, service


def evaluation(rng: random.Random, satisfied_share: float) -> Evaluation:
    """Mostly 很满意, then 基本满意; 不满意 with probability ``1 - satisfied_share``."""
    roll = rng.random()
    if roll > satisfied_share:
        return Evaluation.DISSATISFIED
    return Evaluation.VERY_SATISFIED if roll < satisfied_share * 0.7 else Evaluation.SATISFIED


def served_enterprises(
    seed: int,
    city: str,
    count: int,
    *,
    year: int,
    satisfied_share: float = 0.95,
    services: tuple[str, ...] = (),
) -> list[ServedEnterprise]:
    """The 服务的中小企业名单 of one applicant: ``count`` distinct firms of ``city``."""
    rng = random.Random(seed)
    division = DIVISION_CODES.get(city, "110108")
    used: set[str] = set()
    codes: set[str] = set()
    rows = []
    start = dt.date(year, 1, 1)
    for _ in range(count):
        name, service = firm_name(rng, city, used)
        code = make_uscc(rng, division)
        while code in codes:
            code = make_uscc(rng, division)
        codes.add(code)
        rows.append(
            ServedEnterprise(
                name=name,
                uscc=code,
                contact=person_name(rng),
                phone=mobile(rng) if rng.random() < 0.6 else landline(rng, city),
                service_content=rng.choice(services) if services else service,
                service_date=start + dt.timedelta(days=rng.randrange(360)),
                evaluation=evaluation(rng, satisfied_share),
            )
        )
    return rows


def sample_firms(
    seed: int, firms: list[ServedEnterprise], count: int = 12
) -> list[SampledEnterprise]:
    """推荐单位组织测评: ``count`` firms drawn at random from the applicant's list."""
    rng = random.Random(seed)
    rows = []
    for firm in rng.sample(firms, min(count, len(firms))):
        rows.append(
            SampledEnterprise(
                name=firm.name,
                interviewee=firm.contact,
                position=rng.choice(POSITIONS),
                phone=firm.phone,
                service_content=firm.service_content,
                evaluation=firm.evaluation,
            )
        )
    return rows
