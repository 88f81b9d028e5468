"""The 推荐表's 专家组评审意见, composed from the signed expert opinion sheets.

Annex 1 of the 2017 measures asks for the panel's opinion over the experts' table (name,
title, employer, signature). The experts' own sheets (``forms.opinion.ExpertOpinion``) are
what the panel agreed on, so the draft is built from them: how many experts, their
conclusions counted, each criterion's judgements counted, and each expert's overall
opinion. Only signed sheets count — an unsigned sheet is a draft the expert may still
change. The authority edits the draft; it is never a rank or a score (Art. 8 of the
creation measures): one application's own sheets, counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from smedesk.forms.fields import spec_of
from smedesk.forms.lists import PanelMember
from smedesk.forms.opinion import ExpertOpinion
from smedesk.forms.opinion_tally import OpinionTally, tally
from smedesk.forms.recommendation import RecommendationForm

#: The form's own limit on the panel opinion (its field declares it).
_DECLARED = spec_of(RecommendationForm, "panel_opinion").max_chars
assert _DECLARED is not None, "推荐表的专家组评审意见声明了字数上限"
OPINION_LIMIT: int = _DECLARED
MORE = "（其余专家的意见见各自的专家评审意见表。）"


@dataclass(frozen=True)
class Panel:
    """What the signed sheets give the 推荐表: the experts' table and a draft opinion."""

    members: list[dict[str, Any]]  # PanelMember data, in the order the sheets came
    opinion: str
    counted: OpinionTally
    unsigned: list[str]  # experts whose sheets are not signed (not counted)


def signed_sheets(sheets: Sequence[ExpertOpinion]) -> list[ExpertOpinion]:
    return [s for s in sheets if s.signed]


def compose_panel(applicant: str, sheets: Sequence[ExpertOpinion]) -> Panel:
    """The panel of one application from all its sheets (the signed ones are used)."""
    signed = signed_sheets(sheets)
    counted = tally(signed)
    # 签字 stays unticked: the experts sign the printed table by hand.
    members = [PanelMember(name=s.expert_name, title=s.expert_title, employer=s.employer)
               .model_dump(mode="json") for s in signed]  # fmt: skip
    unsigned = [s.expert_name or "（未填姓名）" for s in sheets if not s.signed]
    return Panel(members, compose_opinion(applicant, signed, counted), counted, unsigned)


def compose_opinion(applicant: str, signed: Sequence[ExpertOpinion], counted: OpinionTally) -> str:
    """The draft text: conclusions, each criterion, each expert's overall opinion."""
    if not signed:
        return ""
    lines = [
        f"专家组共 {len(signed)} 位专家，逐项评审了{applicant or '申报单位'}的申请材料，"
        f"均已签署专家评审意见表。",
        f"评审结论：{counted.conclusions_text()}。",
    ]
    if counted.criteria:
        lines.append("逐项评审（各项评审结论的份数）：")
        lines += [f"{c.label}：{c.text()}；" for c in counted.criteria]
    lines.append("各位专家的综合评审意见：")
    head = "\n".join(lines)
    opinions = [f"{s.expert_name or '（未填姓名）'}：{(s.overall_opinion or '（未填写）').strip()}"
                for s in signed]  # fmt: skip
    text = head
    for i, opinion in enumerate(opinions):
        room = OPINION_LIMIT - len(text) - 1 - (len(MORE) + 1 if i < len(opinions) - 1 else 0)
        if len(opinion) > room:
            return f"{text}\n{MORE}"[:OPINION_LIMIT]
        text = f"{text}\n{opinion}"
    return text
