"""Composing a 推荐汇总表 from the applications and recommendation forms of a round.

What the documents know goes in: the institution (the applicant's sealed name), the
functions claimed, the city, the link to the application; a creation application also
names its platform. What only the authority decides stays blank for it to fill, and
:func:`summary_from_documents` says which cells those are: the platform name of a
2017-regime application (its forms have no such field), the 示范性表述 (the authority
condenses it, ≤ 150 characters, from its own review) and the 备注 (quota or category).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from smedesk.forms.application import ApplicationReport
from smedesk.forms.common import Document, SchemeRef
from smedesk.forms.creation import CreationApplication
from smedesk.forms.enums import AuthorityType
from smedesk.forms.fields import spec_of
from smedesk.forms.recommendation import RecommendationForm, RecommendationSummary, SummaryRow

#: The round whose call letter defines the 推荐汇总表.
SUMMARY_SCHEME = "miit-2019-call"
_FALLBACK_VERSION = "1"


@dataclass
class BuiltSummary:
    """The composed summary and, per row, the cells left for the authority to fill."""

    summary: RecommendationSummary
    blanks: list[str] = field(default_factory=list)  # Chinese lines, one per row with blanks


def summary_from_documents(
    docs: Sequence[Document],
    *,
    authority: str,
    year: int,
    authority_type: AuthorityType | None = None,
) -> BuiltSummary:
    """One row per application (input order); a recommendation form without its
    application adds a row of its own. Other document kinds are ignored."""
    forms = [d for d in docs if isinstance(d, RecommendationForm)]
    rows: list[SummaryRow] = []
    for doc in docs:
        if isinstance(doc, ApplicationReport):
            basic = doc.form.basic
            rows.append(
                SummaryRow(
                    institution_name=basic.applicant_name,
                    functions=list(doc.functions.claimed),
                    city=doc.region.city,
                    application_id=doc.doc_id,
                )
            )
        elif isinstance(doc, CreationApplication):
            a = doc.applicant
            rows.append(
                SummaryRow(
                    platform_name=a.platform_name,
                    institution_name=a.applicant_name,
                    city=doc.region.city,
                    application_id=doc.doc_id,
                )
            )
    known = {r.application_id for r in rows}
    for f in forms:
        if f.application_id in known:
            continue
        if f.application_id is None and f.operator_name in {r.institution_name for r in rows}:
            continue
        rows.append(SummaryRow(institution_name=f.operator_name, application_id=f.application_id))
    summary = RecommendationSummary(
        scheme=_scheme_ref(),
        year=year,
        authority_name=authority,
        authority_type=authority_type,
        rows=rows,
    )
    return BuiltSummary(summary, _blanks(rows))


def _blanks(rows: list[SummaryRow]) -> list[str]:
    lines = []
    for i, row in enumerate(rows, start=1):
        empty = [
            spec_of(SummaryRow, name).label
            for name in ("platform_name", "institution_name", "functions", "statement", "quota")
            if getattr(row, name) in (None, [], "")
        ]
        if empty:
            who = row.institution_name or "（未知单位）"
            lines.append(f"第 {i} 行（{who}）：{'、'.join(empty)} 无来源，已留空，请推荐单位填写")
    return lines


def _scheme_ref() -> SchemeRef:
    # The summary is checked under the call letter's scheme; record its loaded version.
    try:
        from smedesk.schemes import load_scheme

        scheme = load_scheme(SUMMARY_SCHEME)
    except Exception:  # scheme file not shipped yet: the id still names the rules
        return SchemeRef(id=SUMMARY_SCHEME, version=_FALLBACK_VERSION)
    return SchemeRef(id=scheme.id, version=scheme.version)
