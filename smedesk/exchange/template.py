"""The opinion sheet an expert fills for one application: one row per criterion of the scheme.

For a creation application, the criteria of the creation stage (the standard's indicators and
the six plan criteria); for an application report, every condition of the scheme's articles.
Quantitative rows come pre-filled with the applicant's figure, the threshold and what the
self-check found; qualitative rows are left to the expert. Never a score total or a rank
(national measures Art. 8): the sheet holds judgements, not points.
"""

from __future__ import annotations

import uuid

from smedesk.forms import Document
from smedesk.forms.enums import Stage
from smedesk.forms.opinion import CriterionAssessment, ExpertOpinion
from smedesk.schemes import Scheme
from smedesk.schemes.engine import rule_findings

#: Rule groups that are not criteria an expert judges: the platform type asked for, the
#: policy preferences noted, and the authority's own quota and summary rules.
NOT_CRITERIA = frozenset({"type", "preference", "quota", "naming", "summary"})
#: Template ids are derived from application and expert, so a rebuilt review package brings
#: the same sheet, not a second one.
_NAMESPACE = uuid.UUID("6f1c1a52-3d0e-4c55-9a43-8f5a3c1f2b10")


def applicant_name(doc: Document) -> str | None:
    form = getattr(doc, "form", None)
    if form is not None:
        return getattr(form.basic, "applicant_name", None)
    applicant = getattr(doc, "applicant", None)
    return getattr(applicant, "applicant_name", None) if applicant is not None else None


def stage_of(doc: Document, scheme: Scheme) -> str:
    if doc.kind == "creation-application" and "creation" in scheme.stages:
        return "creation"
    return "recognition" if "recognition" in scheme.stages else scheme.stages[0]


def opinion_template(application: Document, scheme: Scheme, expert_name: str) -> ExpertOpinion:
    """A blank sheet for ``expert_name`` on ``application``, rows from ``scheme``."""
    stage = stage_of(application, scheme)
    rows = []
    for finding in rule_findings(application, scheme, stage=stage):
        if finding.group in NOT_CRITERIA:
            continue
        quantitative = finding.found is not None or finding.threshold is not None
        rows.append(
            CriterionAssessment(
                rule_id=finding.rule_id,
                label=finding.title,
                figure=finding.found if quantitative else None,
                threshold=finding.threshold if quantitative else None,
                engine_outcome=finding.outcome.label,
            )
        )
    return ExpertOpinion(
        scheme=application.scheme,
        doc_id=str(uuid.uuid5(_NAMESPACE, f"{application.doc_id}/{expert_name}")),
        application_id=application.doc_id,
        applicant_name=applicant_name(application),
        stage=Stage.CREATION if stage == "creation" else Stage.RECOGNITION,
        expert_name=expert_name,
        criteria=rows,
    )
