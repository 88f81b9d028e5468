"""Building a scheme from its file and the scheme it extends.

``compose`` resolves inheritance: the base's rules (dropped, re-cited and amended as the
file says), its relaxations, facts, wording, materials and coverage rows, then the file's
own; every rule is validated against the document models. Reading files, caching and
choosing between built-in and user copies stay in :mod:`smedesk.schemes.loader`.
"""

from __future__ import annotations

from pathlib import Path

from smedesk.schemes.errors import SchemeError
from smedesk.schemes.model import (
    CoverageSpec,
    MaterialSpec,
    RelaxSpec,
    RuleSpec,
    Scheme,
    SchemeFile,
)
from smedesk.schemes.validate import validate_rule


def compose(file: SchemeFile, base: Scheme | None, source: Path) -> Scheme:
    """The scheme of ``file`` on top of ``base`` (None when it extends nothing)."""
    name = source.name
    applies_to = tuple(file.applies_to) or (base.applies_to if base else ())
    stages = tuple(file.stages) or (base.stages if base else ())
    if not applies_to:
        raise SchemeError(f"方案文件 {name}：缺少 applies_to（适用的文档类型）")
    if not stages:
        raise SchemeError(f"方案文件 {name}：缺少 stages（阶段）")
    relax = {
        **(base.relax if base else {}),
        **{
            k: r.model_copy(update={"document": r.document or file.document})
            for k, r in file.relax.items()
        },
    }
    rules = _inherited_rules(file, base, name, relax)
    own_ids: set[str] = set()
    for rule in file.rules:
        where = f"方案文件 {name}：规则 {rule.id}"
        if rule.id in own_ids:
            raise SchemeError(f"{where}：规则编号重复")
        own_ids.add(rule.id)
        if rule.id in rules and not rule.replaces:
            raise SchemeError(
                f"{where}：与所继承方案 {file.extends} 的规则编号重复（如需替换请写 replaces = true）"
            )
        kinds = rule.kinds or (applies_to[0],)
        for kind in kinds:
            if kind not in applies_to:
                raise SchemeError(f"{where}：文档类型 {kind} 不在本方案的 applies_to 中")
        if rule.stage is not None and rule.stage not in stages:
            raise SchemeError(f"{where}：阶段 {rule.stage} 不在本方案的 stages 中")
        if rule.relax is not None and rule.relax not in relax:
            raise SchemeError(f"{where}：未定义的放宽条件 relax = {rule.relax!r}")
        resolved = rule.model_copy(
            update={"kinds": kinds, "document": rule.document or file.document}
        )
        problem = validate_rule(resolved, relax)
        if problem:
            raise SchemeError(f"{where}：{problem}")
        rules[rule.id] = resolved
    materials = _materials(file, base, applies_to, name)
    known_facts = set(file.facts) | set(base.facts if base else {})
    for key, fact in file.facts.items():
        if fact.replaces is not None and fact.replaces not in known_facts:
            raise SchemeError(
                f"方案文件 {name}：事项 {key} 的 replaces = {fact.replaces!r} 不是已有的事项"
            )
        if fact.replaces is not None and not fact.when:
            raise SchemeError(
                f"方案文件 {name}：事项 {key} 写了 replaces 须同时写 when（适用条件）"
            )
    own = file.cites_own_document and base is not None
    base_facts = {
        k: f.model_copy(update={"document": file.document})
        if own and base is not None and f.document == base.document
        else f
        for k, f in (base.facts if base else {}).items()
        if k not in file.drop_facts
    }
    base_forms = {
        k: (file.document, article) if own else (document, article)
        for k, (document, article) in (base.forms if base else {}).items()
    }
    return Scheme(
        id=file.id,
        version=file.version,
        title=file.title,
        issuer=file.issuer,
        document=file.document,
        document_title=file.document_title,
        applies_to=applies_to,
        stages=stages,
        materials=materials,
        rules=tuple(rules.values()),
        facts={
            **base_facts,
            **{
                k: f.model_copy(update={"document": f.document or file.document})
                for k, f in file.facts.items()
            },
        },
        relax=relax,
        wording=_wording(file, base, applies_to, name),
        coverage=_coverage(file, base),
        forms={
            **base_forms,
            **{k: (file.document, article) for k, article in file.forms.items()},
        },
        note=file.note,
        extends=file.extends,
        source=str(source),
    )


def _coverage(file: SchemeFile, base: Scheme | None) -> tuple[CoverageSpec, ...]:
    """The file's coverage rows (document filled in), after the base's unless restated."""
    own = tuple(
        c.model_copy(update={"document": c.document or file.document}) for c in file.coverage
    )
    if base is None or file.cites_own_document:
        return own
    return base.coverage + own


def _wording(
    file: SchemeFile, base: Scheme | None, applies_to: tuple[str, ...], name: str
) -> dict[str, dict[str, str]]:
    from smedesk.forms import DOCUMENT_KINDS
    from smedesk.forms.walk import spec_at

    out = {k: dict(v) for k, v in (base.wording if base else {}).items()}
    for kind, labels in file.wording.items():
        if kind not in applies_to:
            raise SchemeError(
                f"方案文件 {name}：wording 的文档类型 {kind} 不在本方案的 applies_to 中"
            )
        for path in labels:
            if path != "cover" and spec_at(DOCUMENT_KINDS[kind], path) is None:
                raise SchemeError(f"方案文件 {name}：wording.{kind} 的字段路径 {path} 不存在")
        out.setdefault(kind, {}).update(labels)
    return out


def _inherited_rules(
    file: SchemeFile, base: Scheme | None, name: str, relax: dict[str, RelaxSpec]
) -> dict[str, RuleSpec]:
    """The base's rules as this file keeps them: dropped, re-cited and amended."""
    if base is None:
        if file.drop_rules or file.drop_facts or file.amend or file.cites_own_document:
            raise SchemeError(
                f"方案文件 {name}：drop_rules、drop_facts、amend、cites_own_document 只能与 extends 同用"
            )
        return {}
    known = {r.id for r in base.rules}
    for rule_id in (*file.drop_rules, *file.amend):
        if rule_id not in known:
            raise SchemeError(f"方案文件 {name}：所继承方案 {base.id} 没有规则 {rule_id}")
    for key in file.drop_facts:
        if key not in base.facts:
            raise SchemeError(f"方案文件 {name}：所继承方案 {base.id} 没有事项 {key}")
    out: dict[str, RuleSpec] = {}
    for rule in base.rules:
        if rule.id in file.drop_rules:
            continue
        update: dict[str, object] = {}
        if file.cites_own_document and rule.document == base.document:
            update["document"] = file.document
        amend = file.amend.get(rule.id)
        if amend is not None:
            update.update(amend.model_dump(exclude_none=True))
        if update:
            rule = rule.model_copy(update=update)
            problem = validate_rule(rule, relax)
            if problem:
                raise SchemeError(f"方案文件 {name}：amend.{rule.id}：{problem}")
        out[rule.id] = rule
    return out


def _materials(
    file: SchemeFile, base: Scheme | None, applies_to: tuple[str, ...], name: str
) -> tuple[MaterialSpec, ...]:
    inherited = list(base.materials) if base is not None else []
    if file.cites_own_document and base is not None:
        inherited = [
            m.model_copy(update={"document": file.document}) if m.document == base.document else m
            for m in inherited
        ]
    if not file.materials:
        return tuple(inherited)
    from smedesk.forms import DOCUMENT_KINDS
    from smedesk.forms.walk import spec_at

    with_materials = tuple(k for k in applies_to if "materials" in DOCUMENT_KINDS[k].model_fields)
    seen: set[str] = set()
    out = []
    for m in file.materials:
        if m.id in seen:
            raise SchemeError(f"方案文件 {name}：材料 {m.id} 编号重复")
        seen.add(m.id)
        kinds = m.kinds or with_materials
        for kind in kinds:
            if kind not in with_materials:
                raise SchemeError(f"方案文件 {name}：材料 {m.id} 的文档类型 {kind} 不带附件材料")
        for cond in m.when:
            for kind in kinds:
                if all(spec_at(DOCUMENT_KINDS[kind], p) is None for p in cond.all_paths()):
                    raise SchemeError(
                        f"方案文件 {name}：材料 {m.id} 的 when 字段路径在 {kind} 中不存在"
                    )
        out.append(m.model_copy(update={"kinds": kinds, "document": file.document}))
    if base is None:
        return tuple(out)
    if not file.cites_own_document:
        # a round adds its own checklist (e.g. the authority's) to the measures' checklist
        clash = {m.id for m in inherited} & {m.id for m in out}
        if clash:
            raise SchemeError(
                f"方案文件 {name}：材料 {'、'.join(sorted(clash))} 与所继承方案的材料编号重复"
            )
        return tuple(inherited) + tuple(out)
    # restating the base: a material of the same id replaces it in place, others follow
    mine = {m.id: m for m in out}
    merged = [mine.pop(m.id, m) for m in inherited]
    return tuple(merged + list(mine.values()))
