"""The shape of a self-check result, shared by the engine, the screens, the PDF and the CLI."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Outcome(enum.StrEnum):
    """What a rule found. Missing data is NOT_MET (with ``missing=True``), never MET."""

    MET = "met"
    NOT_MET = "not-met"
    RELAXED = "relaxed"  # a shortfall the scheme allows to be relaxed (e.g. western regions)
    JUDGEMENT = "judgement"  # qualitative: shown to the expert, never auto-passed
    NOTE = "note"  # a preference the scheme grants; a narrative figure that contradicts the form

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Outcome.MET: "符合",
    Outcome.NOT_MET: "不符合",
    Outcome.RELAXED: "可适度放宽",
    Outcome.JUDGEMENT: "需专家判断",
    Outcome.NOTE: "提示",  # a preference the scheme grants, or a figure to re-check
}


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: the document's short name and the article, in Chinese."""

    document: str  # e.g. 工信部企业〔2017〕156号
    article: str  # e.g. 第十二条第（一）项

    def __str__(self) -> str:
        return f"《{self.document}》{self.article}"


@dataclass(frozen=True)
class Finding:
    """One rule applied to one document."""

    rule_id: str
    title: str  # short Chinese name of the rule, e.g. 资产总额
    outcome: Outcome
    message: str  # one line in Chinese, e.g. 资产总额 250 万元，低于 300 万元
    citation: Citation
    path: str | None = None  # field path the UI focuses, e.g. form.basic.total_assets
    found: str | None = None  # the figure found, formatted with its unit
    threshold: str | None = None  # the threshold, formatted with its unit
    missing: bool = False  # not met because the data is not there yet
    group: str = "conditions"  # conditions, functions, completeness, consistency, materials
    stage: str | None = None  # creation / recognition where the scheme has both
    #: a second place the finding points at (a narrative's figure → the form's field)
    other_path: str | None = None

    @property
    def is_shortfall(self) -> bool:
        return self.outcome is Outcome.NOT_MET
