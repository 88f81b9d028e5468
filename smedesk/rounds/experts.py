"""An expert whose employer is the applicant or one of its cooperating institutions.

The expert declares it on the sheet (回避声明: no employment, shares, kinship or cooperation
in three years); this check reads the facts instead — the employer on the sheet against the
applicant's sealed name and the partners its report lists — and shows both side by side,
so the office sees a conflict before the sheets are handed out or counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOISE = re.compile(r"[\s（）()【】\[\]·,，、.。\-]")


def _norm(name: str) -> str:
    return _NOISE.sub("", name or "")


def _same_body(a: str, b: str) -> bool:
    """Equal after dropping spaces and brackets, or one contains the other (≥ 4 characters)."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


@dataclass(frozen=True)
class ExpertConflict:
    application_id: str
    expert: str
    employer: str
    relation: str  # "申报单位本身" or the partner's name
    declared_no_cooperation: bool | None
    declared_no_employment: bool | None

    @property
    def message(self) -> str:
        declared = {True: "已声明无", False: "声明有", None: "未填写"}
        return (
            f"专家{self.expert}的工作单位「{self.employer}」是{self.relation}；"
            f"本人回避声明：任职关系{declared[self.declared_no_employment]}、"
            f"合作关系{declared[self.declared_no_cooperation]}"
        )


def expert_conflicts(application_id: str, applicant: str, partners: list[str],
                     sheets: list[dict[str, object]]) -> list[ExpertConflict]:  # fmt: skip
    """Conflicts among the sheets (ExpertOpinion data) on one application."""
    out = []
    for sheet in sheets:
        employer = str(sheet.get("employer") or "")
        declaration = sheet.get("conflict") if isinstance(sheet.get("conflict"), dict) else {}
        assert isinstance(declaration, dict)
        relation = None
        if _same_body(employer, applicant):
            relation = "申报单位本身"
        else:
            relation = next((f"申报单位的合作单位「{p}」" for p in partners
                             if _same_body(employer, p)), None)  # fmt: skip
        if relation is None:
            continue
        out.append(ExpertConflict(
            application_id, str(sheet.get("expert_name") or "（未填姓名）"), employer, relation,
            declaration.get("no_cooperation"), declaration.get("no_employment"),
        ))  # fmt: skip
    return out
