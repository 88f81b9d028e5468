"""The shape of a scheme file (resources/schemes/*.toml), as pydantic models.

A scheme is data: its rules name a check from a small vocabulary (``CHECK_TYPES``),
the field path(s) it reads, the threshold and the article it comes from. The engine
(:mod:`smedesk.schemes.engine`) knows how to apply each check; nothing here knows a
threshold.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

#: The checks the engine implements; a scheme file may use no other.
CheckType = Literal[
    "min",  # value ≥ threshold
    "max",  # value ≤ threshold
    "gt",  # value > threshold
    "years_since",  # whole years from a date to the fill date ≥ threshold
    "within_years",  # a date no later than the fill date + threshold years
    "is_true",
    "is_false",
    "nonempty",
    "count_min",  # number of non-empty items of a list ≥ threshold
    "count_max",  # number of non-empty items of a list ≤ threshold
    "count_true_min",  # number of true flags among ``paths`` ≥ threshold
    "growth",  # a yearly series strictly increasing over its last ``points`` years
    "judgement",  # qualitative: needs an expert; not met (missing) when empty
    "any_of",  # at least one sub-check met (``among`` limits to the claimed keys)
    "all_of",  # every sub-check met
    "preference",  # a flag the scheme favours: NOTE when set, no finding otherwise
    "each",  # every row of a list meets the sub-checks (paths relative to the row)
    "excludes",  # text contains none of ``values``
    "ends_with",  # text ends with ``value``
    "max_chars",  # text no longer than threshold characters
    "per_group_max",  # rows matching ``where``, grouped by ``key``: ≤ threshold per group
    "any_row",  # some row (matching ``where``, not expired) has ``key`` in ``values``
    "one_of",  # the value is one of ``values``
]

CHECK_TYPES: tuple[str, ...] = get_args(CheckType)

#: Groups a rule may belong to, in the order findings are shown, with their Chinese names.
GROUP_LABELS: dict[str, str] = {
    "type": "申报类型",
    "conditions": "基本条件",
    "functions": "功能要求",
    "innovation": "示范性",
    "standard": "创建及认定标准",
    "plan": "创建方案",
    "list": "名单",
    "survey": "测评",
    "quota": "推荐名额",
    "naming": "平台名称",
    "summary": "汇总表",
    "preference": "政策倾斜",
    "completeness": "完整性",
    "materials": "附件材料",
    "consistency": "填报规范",
    "dates": "期限",
    "narrative": "说明与数字",
}

Group = Literal[
    "type", "conditions", "functions", "innovation", "standard", "plan", "list", "survey",
    "quota", "naming", "summary", "preference",
]  # fmt: skip

DocumentKind = Literal[
    "application-report",
    "creation-application",
    "recommendation-form",
    "recommendation-summary",
    "expert-opinion",
    "panel-opinion",
]

_STRICT = ConfigDict(extra="forbid", frozen=True)


class Condition(BaseModel):
    """When a rule applies, e.g. only to platforms: ``{path = "applicant.org_type", equals = "platform"}``."""

    model_config = _STRICT

    path: str | None = None
    #: any of these paths (each kind names the same thing differently: 所在省, 推荐省, 推荐单位)
    paths: tuple[str, ...] = ()
    equals: str | None = None
    contains: str | None = None

    def all_paths(self) -> tuple[str, ...]:
        return ((self.path,) if self.path else ()) + self.paths


class CheckSpec(BaseModel):
    """One check: a rule's own, or a sub-check of ``any_of``/``all_of``/``each``."""

    model_config = _STRICT

    check: CheckType
    path: str | None = None
    paths: tuple[str, ...] = ()
    threshold: float | None = None
    #: threshold chosen by the value found at ``by`` (e.g. quota by authority type)
    by: str | None = None
    thresholds: dict[str, float] = Field(default_factory=dict)
    #: only where the field declares none (a count of list rows); never a second unit
    unit: str | None = None
    #: a label other than the field's own is accepted only as the regulation's wording
    label: str | None = None
    #: ``label`` quotes the regulation (e.g. «资产总额» of Art. 12(1)), not a retyped field label
    verbatim: bool = False
    #: any_of option key (e.g. a ServiceFunction value); growth: the year column;
    #: per_group_max: the grouping column
    key: str | None = None
    #: growth: the value column of the series
    value_field: str | None = None
    #: growth: how many of the latest years must rise strictly (2 = last year above the one before)
    points: int = 2
    value: str | None = None
    values: tuple[str, ...] = ()
    #: any_of: a list path holding the keys the applicant claims; only those options count
    among: str | None = None
    #: per_group_max, any_row: only rows whose columns equal these values
    where: dict[str, str] = Field(default_factory=dict)
    #: any_row: a date column after which a row no longer counts (e.g. a recognition's expiry)
    expires: str | None = None
    checks: tuple[CheckSpec, ...] = ()

    def all_paths(self) -> tuple[str, ...]:
        out = ((self.path,) if self.path else ()) + self.paths
        return out + ((self.by,) if self.by else ())


class RuleSpec(CheckSpec):
    """A rule of a scheme: a check with its identity, citation, group and scope."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    article: str
    #: the cited document when not the scheme's own (e.g. a provincial notice)
    document: str | None = None
    group: Group = "conditions"
    stage: Literal["creation", "recognition"] | None = None
    #: the document kinds the rule reads; default: the scheme's first kind
    kinds: tuple[DocumentKind, ...] = ()
    #: name of a relaxation of the scheme (``[relax.western]``)
    relax: str | None = None
    when: tuple[Condition, ...] = ()
    #: with ``extends``: this rule replaces the base scheme's rule of the same id
    replaces: bool = False
    note: str | None = None


class MaterialSpec(BaseModel):
    """An item of the materials checklist."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    article: str
    #: produced by smedesk from the document itself (the report); not an attachment
    generated: bool = False
    kinds: tuple[DocumentKind, ...] = ()
    #: filled in at load time: the document whose article this is
    document: str | None = None
    #: only for documents meeting these (e.g. an association's own recognition papers)
    when: tuple[Condition, ...] = ()


class FactSpec(BaseModel):
    """An informational fact of the scheme: publicity days, validity, sealed copies…"""

    model_config = _STRICT

    label: str
    value: int | float | str | bool
    unit: str | None = None
    article: str | None = None
    document: str | None = None
    #: the fact applies only to documents meeting these conditions…
    when: tuple[Condition, ...] = ()
    #: …and then stands in for this other fact (e.g. Guangdong's 3 sets for the call's 2)
    replaces: str | None = None
    #: an ISO date a document's 填报日期 must not pass (a round's deadline, a regime's end)
    fill_date_limit: bool = False


class RelaxSpec(BaseModel):
    """A relaxation the scheme allows, e.g. 西部大开发 (2017 Art. 12 last paragraph)."""

    model_config = _STRICT

    path: str
    label: str
    article: str
    #: filled in at load time: the document whose article this is
    document: str | None = None


class CoverageSpec(BaseModel):
    """One article (or item) of a seed that states a condition, for the coverage matrix.

    The rules, materials, facts and relaxations citing the same document and article are
    joined to it; an article no data can decide says so in ``not_checkable``.
    """

    model_config = _STRICT

    article: str
    #: the cited document when not the scheme's own
    document: str | None = None
    condition: str
    not_checkable: str | None = None


class RuleAmend(BaseModel):
    """What an extending scheme changes in one inherited rule (``[amend.<rule-id>]``).

    A provincial text that restates the national conditions in its own articles keeps
    only what differs — the article, a title in its own wording — instead of a copy.
    """

    model_config = _STRICT

    article: str | None = None
    title: str | None = None
    label: str | None = None
    verbatim: bool | None = None
    note: str | None = None


class SchemeFile(BaseModel):
    """Everything one TOML file holds."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(pattern=r"^\d+(\.\d+)*$")
    title: str
    issuer: str
    document: str
    document_title: str | None = None
    extends: str | None = None
    #: with ``extends``: this document restates the base's conditions as its own, so
    #: inherited rules, materials, facts and forms cite this file's document
    cites_own_document: bool = False
    #: with ``extends``: inherited rules and facts this document does not have
    drop_rules: tuple[str, ...] = ()
    drop_facts: tuple[str, ...] = ()
    amend: dict[str, RuleAmend] = Field(default_factory=dict)
    applies_to: tuple[DocumentKind, ...] = ()
    stages: tuple[Literal["creation", "recognition"], ...] = ()
    note: str | None = None
    #: citation (article) of each kind's form, for completeness findings
    forms: dict[DocumentKind, str] = Field(default_factory=dict)
    facts: dict[str, FactSpec] = Field(default_factory=dict)
    relax: dict[str, RelaxSpec] = Field(default_factory=dict)
    #: kind → {field path or "cover" → this scheme's own printed wording}; the field keeps
    #: its one declaration, a scheme whose paper words it differently says so here
    wording: dict[DocumentKind, dict[str, str]] = Field(default_factory=dict)
    materials: tuple[MaterialSpec, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    coverage: tuple[CoverageSpec, ...] = ()


class Scheme(BaseModel):
    """A loaded scheme: the file's content with inheritance resolved.

    Every rule and material carries its document and kinds filled in, so the engine
    needs no defaults.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    title: str
    issuer: str
    document: str
    document_title: str | None = None
    applies_to: tuple[str, ...]
    stages: tuple[str, ...]
    materials: tuple[MaterialSpec, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    facts: dict[str, FactSpec] = Field(default_factory=dict)
    relax: dict[str, RelaxSpec] = Field(default_factory=dict)
    wording: dict[str, dict[str, str]] = Field(default_factory=dict)
    #: every article of the seed stating a condition (own and, unless restated, inherited)
    coverage: tuple[CoverageSpec, ...] = ()
    #: kind → (document, article) of the paper form, cited by completeness findings
    forms: dict[str, tuple[str, str]] = Field(default_factory=dict)
    note: str | None = None
    extends: str | None = None
    source: str | None = None  # the file it was read from

    def rules_for(self, kind: str, stage: str | None = None) -> list[RuleSpec]:
        """The rules that read a document of ``kind`` at ``stage`` (all stages if None)."""
        return [
            r
            for r in self.rules
            if kind in r.kinds and (stage is None or r.stage is None or r.stage == stage)
        ]

    def label(self, kind: str, path: str, default: str) -> str:
        """The scheme's printed wording of a field (or ``"cover"``), else ``default``."""
        return self.wording.get(kind, {}).get(path, default)

    def facts_for(self, doc: object) -> dict[str, FactSpec]:
        """The facts that apply to ``doc``: a scoped fact replaces the general one it names,
        under that one's key (so ``deadline`` is Guangdong's 28 June for a Guangdong document)."""
        from smedesk.schemes.scope import applies

        out = {k: f for k, f in self.facts.items() if not f.when}
        for key, fact in self.facts.items():
            if fact.when and applies(doc, fact.when):
                out[fact.replaces or key] = fact  # stands in under the general key
        return out

    def materials_for(self, kind: str, doc: object = None) -> list[MaterialSpec]:
        """The checklist of ``kind``; with ``doc``, only the items whose ``when`` it meets."""
        from smedesk.schemes.scope import applies

        return [
            m for m in self.materials if kind in m.kinds and (doc is None or applies(doc, m.when))
        ]

    def rule(self, rule_id: str) -> RuleSpec:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


class SchemeInfo(BaseModel):
    """What a list of schemes shows: identity, title and where it comes from."""

    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    title: str
    issuer: str
    document: str
    applies_to: tuple[str, ...]
    stages: tuple[str, ...]
    path: str
    builtin: bool
