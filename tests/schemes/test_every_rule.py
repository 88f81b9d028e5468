"""Every rule of every built-in scheme: one document that meets it, one that falls short,
and an empty one (not met: missing). Generated from the scheme files themselves."""

from __future__ import annotations

import pytest

from smedesk.schemes import Outcome, load_scheme
from smedesk.schemes.engine import rule_findings
from smedesk.schemes.findings import Finding
from smedesk.schemes.loader import BUILTIN_IDS
from smedesk.schemes.model import RuleSpec, Scheme

from support.scheme_builders import apply, new_doc, satisfy_when


def _cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for sid in BUILTIN_IDS:
        scheme = load_scheme(sid)
        for rule in scheme.rules:
            stage = rule.stage or scheme.stages[0]
            cases.append((sid, rule.id, rule.kinds[0], stage))
    return cases


CASES = _cases()
IDS = [f"{sid}:{rid}:{stage}" for sid, rid, _, stage in CASES]


def _finding(
    scheme: Scheme, rule: RuleSpec, kind: str, stage: str, meet: bool | None
) -> list[Finding]:
    doc = new_doc(kind, scheme)
    satisfy_when(rule, doc)
    if meet is not None:
        apply(rule, doc, meet=meet)
    return [f for f in rule_findings(doc, scheme, stage=stage) if f.rule_id == rule.id]


def _expected_when_met(rule: RuleSpec) -> Outcome:
    return {"judgement": Outcome.JUDGEMENT, "preference": Outcome.NOTE}.get(rule.check, Outcome.MET)


@pytest.mark.parametrize(("scheme_id", "rule_id", "kind", "stage"), CASES, ids=IDS)
def test_rule_met(scheme_id: str, rule_id: str, kind: str, stage: str) -> None:
    scheme = load_scheme(scheme_id)
    rule = scheme.rule(rule_id)
    (finding,) = _finding(scheme, rule, kind, stage, meet=True)
    assert finding.outcome is _expected_when_met(rule), finding.message
    assert not finding.missing
    assert finding.citation.article == rule.article
    assert finding.message


@pytest.mark.parametrize(("scheme_id", "rule_id", "kind", "stage"), CASES, ids=IDS)
def test_rule_short(scheme_id: str, rule_id: str, kind: str, stage: str) -> None:
    scheme = load_scheme(scheme_id)
    rule = scheme.rule(rule_id)
    found = _finding(scheme, rule, kind, stage, meet=False)
    if rule.check == "preference":
        assert found == []  # no preference, no finding
        return
    (finding,) = found
    assert finding.outcome is Outcome.NOT_MET, finding.message
    assert finding.path


@pytest.mark.parametrize(("scheme_id", "rule_id", "kind", "stage"), CASES, ids=IDS)
def test_rule_missing_is_never_met(scheme_id: str, rule_id: str, kind: str, stage: str) -> None:
    scheme = load_scheme(scheme_id)
    rule = scheme.rule(rule_id)
    found = _finding(scheme, rule, kind, stage, meet=None)
    if rule.check == "preference":
        assert found == []
        return
    (finding,) = found
    assert finding.outcome is Outcome.NOT_MET
    assert finding.missing, finding.message
    assert finding.message.startswith("未填写") or "未填写" in finding.message


def test_every_scheme_has_rules_and_cases() -> None:
    per_scheme = {sid: sum(1 for c in CASES if c[0] == sid) for sid in BUILTIN_IDS}
    assert all(n > 0 for n in per_scheme.values()), per_scheme
