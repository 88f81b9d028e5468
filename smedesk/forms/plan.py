"""创建方案 — the creation plan, under the six headings of the plan-evaluation criteria."""

from __future__ import annotations

import datetime as dt

from pydantic import computed_field

from smedesk.forms.fields import FormModel, derived, field

PLAN_TEXT_LIMIT = 8000


class PlanGoal(FormModel):
    """A creation goal: specific, assessable and due within the 2-year creation period."""

    goal: str | None = field("创建目标", required=True)
    indicator: str | None = field("考核指标", required=True, help="可量化、可考核的指标")
    target: str | None = field("目标值", required=True)
    due: dt.date | None = field("完成时间", required=True)


class Milestone(FormModel):
    """A step of the timetable and roadmap."""

    period: str | None = field("时间", required=True, help="如 2026年1月—6月")
    task: str | None = field("任务", required=True)


class CreationPlan(FormModel):
    """The six headings of 创建方案评价要求, with goals, timetable and practices."""

    content: str | None = field(
        "创建内容", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True,
        help="创建任务是否符合国家发展战略导向、是否解决中小企业发展亟需",
    )  # fmt: skip
    innovation: str | None = field(
        "创新特色", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True,
        help="服务模式、运营模式、管理模式等方面的创新",
    )  # fmt: skip
    practices: list[str] = field(
        "典型或特色经验做法", default_factory=list, required=True, help="不少于 2 条，每行一条"
    )
    demonstration: str | None = field(
        "示范引领", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True
    )
    path: str | None = field(
        "实施路径", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True,
        help="工作思路、功能模块（平台类）、重点平台、拟开展的服务项目和活动",
    )  # fmt: skip
    milestones: list[Milestone] = field("时间表及路线图", default_factory=list, required=True)
    expectations: str | None = field(
        "预期导向", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True
    )
    goals: list[PlanGoal] = field("创建目标", default_factory=list, required=True)
    guarantees: str | None = field(
        "保障协同", multiline=True, max_chars=PLAN_TEXT_LIMIT, required=True,
        help="资金、人才、技术保障，合作机制，工作机制，进展跟踪和考核评估",
    )  # fmt: skip

    @computed_field(**derived("典型或特色经验做法", unit="条"))  # type: ignore[prop-decorator]
    @property
    def practice_count(self) -> int:
        return sum(1 for p in self.practices if p.strip())
