"""The recommending authority's workspace (推荐单位): rounds, 推荐表, sampling, summary tables.

Until its screens land it shows what they will do (see ``planned.py``).
"""

from __future__ import annotations

from smedesk.ui.i18n import N_
from smedesk.ui.workspaces.planned import PlannedWorkspace


class RecommenderWorkspace(PlannedWorkspace):
    ROLE = "recommender"
    LABEL = N_("推荐单位")
    PLAN_TITLE = N_("推荐单位工作台（计划中）")
    PLAN_TEXT = N_(
        "推荐单位的界面将在后续版本提供，计划包括：\n"
        "· 导入申报单位提交的申报包，逐份查看并按方案自查；\n"
        "· 随机抽取不少于 10 家服务企业，记录测评情况，填写推荐表；\n"
        "· 核对推荐名额，生成推荐汇总表（Excel 与 PDF）；\n"
        "· 分发评审包给专家，收回意见包并汇总专家组意见。"
    )
