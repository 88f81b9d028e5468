"""The expert opinion sheets on one application, counted: conclusions and each criterion.

What the authority's workbook prints (``export.xlsx.authority``), what the round screen
shows and what the panel opinion of the 推荐表 is composed from (``rounds.panel``) — one
count, so the three never disagree.

Art. 8 of the national creation measures forbids ranking results, openly or in disguise:
the tally counts one application's own sheets and nothing else — no score, no total, no
order among applications. Criteria keep the order of the sheets (the scheme's order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from smedesk.forms.enums import Assessment, Conclusion
from smedesk.forms.opinion import ExpertOpinion

UNJUDGED = "未评"


@dataclass(frozen=True)
class CriterionTally:
    """How many sheets judged one criterion 符合 / 基本符合 / 不符合, and how many left it."""

    label: str
    counts: dict[Assessment, int]
    unjudged: int

    def text(self) -> str:
        """«符合 3，基本符合 1，未评 1» — the judgements given, in the enum's order."""
        parts = [f"{a.label} {self.counts[a]}" for a in Assessment if self.counts.get(a)]
        if self.unjudged:
            parts.append(f"{UNJUDGED} {self.unjudged}")
        return "，".join(parts)


@dataclass(frozen=True)
class OpinionTally:
    """The sheets of one application: how many, their conclusions, each criterion."""

    sheets: int
    conclusions: dict[Conclusion, int]
    without_conclusion: int
    declarations_open: int  # sheets whose 回避声明 is not confirmed in full
    criteria: list[CriterionTally]

    def conclusions_text(self) -> str:
        """«同意推荐 3 份，不同意推荐 1 份» (the conclusions given, in the enum's order)."""
        parts = [f"{c.label} {self.conclusions[c]} 份" for c in Conclusion
                 if self.conclusions.get(c)]  # fmt: skip
        if self.without_conclusion:
            parts.append(f"未表明结论 {self.without_conclusion} 份")
        return "，".join(parts) or "尚无评审结论"


def tally(opinions: Iterable[ExpertOpinion]) -> OpinionTally:
    """Count the given sheets (the caller chooses which: all, or the signed ones)."""
    sheets = list(opinions)
    conclusions = Counter(o.conclusion for o in sheets)
    by_label: dict[str, Counter[Assessment | None]] = {}
    for o in sheets:
        for c in o.criteria:
            by_label.setdefault(c.label or c.rule_id, Counter())[c.assessment] += 1
    criteria = [
        CriterionTally(label, {a: counted[a] for a in Assessment if counted[a]}, counted[None])
        for label, counted in by_label.items()
    ]
    return OpinionTally(
        sheets=len(sheets),
        conclusions={c: conclusions[c] for c in Conclusion if conclusions[c]},
        without_conclusion=conclusions[None],
        declarations_open=sum(1 for o in sheets if not o.conflict.clear),
        criteria=criteria,
    )
