"""The coverage matrix: every article of a seed that states a condition, and what checks it.

Built from the scheme file alone: each ``[[coverage]]`` row (document, article, condition)
is joined with the rules, materials, facts and relaxations citing the same document and
article. A row with nothing joined must say why (``not_checkable``); an article cited by
a rule but missing from the rows is reported by :func:`uncovered`. ``smedesk rules
--matrix`` prints it and docs/rules-coverage.md is generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from smedesk.schemes.model import CheckSpec, RuleSpec, Scheme

_OUTCOMES = {
    "judgement": "需专家判断",
    "preference": "政策倾斜",
}


@dataclass(frozen=True)
class Item:
    """What a row is checked by: a rule, a material, a fact or a relaxation."""

    kind: str  # 规则 / 材料 / 事项 / 放宽
    id: str
    outcome: str  # 符合/不符合, 需专家判断, 政策倾斜, 清单, 期限或事项, 放宽
    field: str


@dataclass(frozen=True)
class Row:
    document: str
    article: str
    condition: str
    items: tuple[Item, ...]
    not_checkable: str | None

    @property
    def blank(self) -> bool:
        return not self.items and not self.not_checkable


def _paths(check: CheckSpec) -> list[str]:
    out = [p for p in check.all_paths() if p]
    if check.among:
        out.append(check.among)
    for sub in check.checks:
        out += [p for p in _paths(sub) if p not in out]
    return out


def _fields(rule: RuleSpec) -> str:
    paths = _paths(rule)
    return "、".join(paths[:4]) + ("…" if len(paths) > 4 else "")


def _rule_item(rule: RuleSpec) -> Item:
    outcome = _OUTCOMES.get(rule.check, "符合/不符合")
    if rule.relax:
        outcome += "（可放宽）"
    if rule.when:
        scope = "、".join(
            f"{'/'.join(c.all_paths())}{'=' + c.equals if c.equals else '含' + (c.contains or '')}"
            for c in rule.when
        )
        outcome += f"；仅当 {scope}"
    if rule.stage:
        outcome += f"；{'创建' if rule.stage == 'creation' else '认定'}阶段"
    return Item("规则", rule.id, outcome, _fields(rule))


def _cited(scheme: Scheme) -> dict[tuple[str, str], list[Item]]:
    out: dict[tuple[str, str], list[Item]] = {}
    for rule in scheme.rules:
        out.setdefault((rule.document or scheme.document, rule.article), []).append(
            _rule_item(rule)
        )
    for m in scheme.materials:
        item = Item("材料", m.id, "清单（已附/未附）", "materials")
        out.setdefault((m.document or scheme.document, m.article), []).append(item)
    for key, fact in scheme.facts.items():
        if fact.article:
            item = Item("事项", key, "期限或事项（显示）", "")
            out.setdefault((fact.document or scheme.document, fact.article), []).append(item)
    for key, relax in scheme.relax.items():
        item = Item("放宽", key, "放宽条件", relax.path)
        out.setdefault((relax.document or scheme.document, relax.article), []).append(item)
    return out


def matrix(scheme: Scheme) -> list[Row]:
    """One row per coverage entry, in the file's order, with what checks it."""
    cited = _cited(scheme)
    return [
        Row(
            c.document or scheme.document,
            c.article,
            c.condition,
            tuple(cited.get((c.document or scheme.document, c.article), ())),
            c.not_checkable,
        )
        for c in scheme.coverage
    ]


def uncovered(scheme: Scheme) -> list[tuple[str, str, list[str]]]:
    """(document, article, ids) cited by the scheme's data but absent from its rows."""
    rows = {(c.document or scheme.document, c.article) for c in scheme.coverage}
    return [
        (doc, art, [i.id for i in items])
        for (doc, art), items in _cited(scheme).items()
        if (doc, art) not in rows
    ]


def markdown(scheme: Scheme) -> str:
    """The matrix as a Markdown table (for docs/ and ``--markdown``)."""
    lines = [
        f"## {scheme.id} — {scheme.document_title or scheme.title}",
        "",
        "| 文件 | 条款 | 条件 | 检查（编号 · 结果类型 · 字段） |",
        "| --- | --- | --- | --- |",
    ]
    for row in matrix(scheme):
        if row.items:
            checks = "<br>".join(
                f"{i.kind} `{i.id}` · {i.outcome}" + (f" · `{i.field}`" if i.field else "")
                for i in row.items
            )
        else:
            checks = ""
        if row.not_checkable:
            checks = (checks + "<br>" if checks else "") + f"不可自动检查：{row.not_checkable}"
        doc = "" if row.document == scheme.document else row.document
        cells = [doc, row.article, row.condition, checks or "（空）"]
        lines.append("| " + " | ".join(c.replace("|", "｜") for c in cells) + " |")
    return "\n".join(lines) + "\n"
