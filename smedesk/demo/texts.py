"""Narrative text of the demo documents, written once and filled with each applicant's facts."""

from __future__ import annotations

import datetime as dt

from smedesk.forms.application import Narratives
from smedesk.forms.plan import CreationPlan, Milestone, PlanGoal


def narratives(name: str, city: str, province: str, served: tuple[int, int, int]) -> Narratives:
    """The seven sections of 示范平台申请相关情况说明 for one applicant."""
    first, second, last = served
    growth = round(100 * (last - first) / first) if first else 0
    return Narratives(
        basics=(
            f"{name}成立以来，始终以服务{city}中小企业为宗旨，由初期的政策信息发布逐步发展为集"
            "信息服务、培训服务、供需对接于一体的综合性服务机构。发展目标是建成覆盖全市、线上线下"
            "联动的中小企业公共服务枢纽。目前拥有专职服务团队，线上服务系统稳定运行。"
        ),
        region=(
            f"{city}是{province}的重要工业城市，装备制造、汽车及零部件、电子信息等产业基础雄厚，"
            "中小企业数量多、分布广，在稳增长、促就业中作用突出。中小企业在政策获取、人才培训、"
            "融资对接和数字化转型等方面需求迫切，公共服务供给仍显不足。"
        ),
        operation=(
            "建立了服务受理、派单、跟踪、回访和评价的闭环管理制度，制定了收费标准并对小微企业"
            "给予优惠；实行绩效考核与服务质量挂钩的激励机制，定期组织服务人员业务培训；"
            "通过政府购买服务与市场化服务相结合，实现可持续发展。"
        ),
        services=(
            f"近三年服务中小企业分别为 {first}、{second}、{last} 家，三年增长约 {growth}%。"
            "主要服务内容包括政策信息发布与解读、经营管理培训、线上供需对接等，方式为线上平台、"
            "热线电话与线下活动相结合；公益性或低收费服务占总服务量的三成左右。"
        ),
        features=(
            "首创“政策直通车”服务模式，按企业画像精准推送政策；联合高校、金融机构和专业服务"
            "机构组建服务联盟，集聚服务资源，形成“一站受理、协同服务”的工作机制。"
        ),
        achievements=(
            "服务企业满意度持续保持在九成以上。典型案例：帮助一家精密机械企业完成质量体系认证并"
            "获得技术改造贷款，当年营业收入增长两成；组织专题培训帮助百余家小微企业用好税费优惠政策。"
        ),
        plans=(
            "下一步将升级线上服务系统，拓展移动端服务；扩大服务机构联盟，力争年服务企业数量"
            "再增长三成；围绕数字化转型开展专项服务，打造区域中小企业服务品牌。"
        ),
    )


def creation_plan(
    platform: str, focus: str, start: dt.date, practices: tuple[str, ...]
) -> CreationPlan:
    """A 创建方案 under the six headings, with goals due within the 2-year period."""
    due1 = start.replace(year=start.year + 1)
    due2 = start.replace(year=start.year + 2) - dt.timedelta(days=30)
    return CreationPlan(
        content=(
            f"{platform}围绕{focus}，聚焦中小企业发展亟需的服务，完善服务资源库和线上服务入口，"
            "落实国家和省促进中小企业发展的战略部署。"
        ),
        innovation=(
            "以数据驱动精准服务，建立企业需求画像和服务产品目录，推行“线上下单、线下落地、"
            "全程评价”的服务模式，探索服务机构分级管理。"
        ),
        practices=list(practices),
        demonstration=(
            "形成可复制的服务标准和案例库，向同类平台开放服务规范，带动区域中小企业公共服务"
            "体系整体水平提升。"
        ),
        path=(
            "第一阶段建设资源库与移动端入口；第二阶段扩大服务机构汇聚规模并开展专题活动；"
            "第三阶段总结经验、完善标准并开展自评估。功能模块包括政策服务、需求对接、专家咨询、"
            "活动管理和服务评价。"
        ),
        milestones=[
            Milestone(
                period=f"{start.year}年{start.month}月—{due1.year}年{due1.month}月",
                task="资源库建设与移动端上线",
            ),
            Milestone(
                period=f"{due1.year}年{due1.month}月—{due2.year}年{due2.month}月",
                task="扩大服务规模，开展专题服务活动，完成自评估",
            ),
        ],
        expectations=(
            "创建期满，服务企业数量、满意度、覆盖面和服务机构汇聚数量均达到认定标准，"
            "形成具有特色的服务品牌。"
        ),
        goals=[
            PlanGoal(
                goal="建成四类基础服务资源库", indicator="资源库数量", target="4 类", due=due1
            ),
            PlanGoal(
                goal="扩大服务规模", indicator="年服务中小企业数量", target="3000 家以上", due=due2
            ),
            PlanGoal(
                goal="汇聚服务资源",
                indicator="汇聚服务机构（专家）数量",
                target="80 家（人）以上",
                due=due2,
            ),
            PlanGoal(goal="提升服务质量", indicator="用户满意度", target="90% 以上", due=due2),
        ],
        guarantees=(
            "运营主体每年安排专项经费不少于 200 万元；组建 30 人以上专职团队；与高校、"
            "服务机构签订合作协议；建立月调度、季通报和年度考核评估机制。"
        ),
    )
