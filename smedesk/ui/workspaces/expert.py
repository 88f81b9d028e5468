"""The expert's workspace (评审专家): review packages, 回避声明, opinion sheets, signatures.

Until its screens land it shows what they will do (see ``planned.py``).
"""

from __future__ import annotations

from smedesk.ui.i18n import N_
from smedesk.ui.workspaces.planned import PlannedWorkspace


class ExpertWorkspace(PlannedWorkspace):
    ROLE = "expert"
    LABEL = N_("评审专家")
    PLAN_TITLE = N_("评审专家工作台（计划中）")
    PLAN_TEXT = N_(
        "评审专家的界面将在后续版本提供，计划包括：\n"
        "· 导入评审包，逐份阅读申报材料和自查结果；\n"
        "· 填写回避声明，按方案的每项标准给出评价和意见；\n"
        "· 填写总体意见和结论，签字后导出意见包交回推荐单位。\n"
        "按规定，评审结果不排序、不打总分。"
    )
