"""Composing a 推荐汇总表 from the applications and recommendation forms of a round.

What the documents know goes in: the institution (the applicant's sealed name), the
functions claimed, the city, the link to the application; a creation application also
names its platform. What only the authority decides stays blank for it to fill, and
:func:`summary_from_documents` says which cells those are: the platform name of a
2017-regime application (its forms have no such field), the 示范性表述 (the authority
condenses it, ≤ 150 characters, from its own review) and the 备注 (quota or category).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from smedesk.forms.application import ApplicationReport
from smedesk.forms.common import PROVINCES, Document, SchemeRef
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
    #: Chinese lines, one per row that does not seem to belong to this table: an
    #: application under another scheme, or from outside the authority's province
    warnings: list[str] = field(default_factory=list)


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
    return BuiltSummary(summary, _blanks(rows), foreign_rows(docs, authority, authority_type))


def foreign_rows(
    docs: Sequence[Document], authority: str, authority_type: AuthorityType | None = None
) -> list[str]:
    """Applications that do not belong in this authority's table of this round.

    An application prepared under another scheme (an association's own measures, a
    province's creation rules) was not made for this call; one from another province
    than a provincial authority's was not its to recommend. Both are allowed through —
    the authority may know better — but said, so a Shenzhen association's application
    does not slip into Liaoning's table unnoticed.
    """
    allowed = _round_schemes()
    home = _province_of(authority) if authority_type in (None, AuthorityType.PROVINCE) else None
    out = []
    apps = [d for d in docs if isinstance(d, ApplicationReport | CreationApplication)]
    for i, doc in enumerate(apps, start=1):
        who = applicant_name(doc) or "（未知单位）"
        if doc.scheme.id not in allowed:
            out.append(
                f"第 {i} 行（{who}）：申请所依据的方案为 {doc.scheme.id}，不是本轮推荐所用的方案"
                f"（{'、'.join(sorted(allowed))}），请核实是否应列入本汇总表"
            )
        province = doc.region.province
        if home and province and province != home:
            out.append(
                f"第 {i} 行（{who}）：申请单位所在地为{province}，不属于推荐单位“{authority}”"
                f"所辖的{home}，请核实是否应由本单位推荐"
            )
    return out


def applicant_name(doc: Document) -> str | None:
    if isinstance(doc, ApplicationReport):
        return doc.form.basic.applicant_name
    if isinstance(doc, CreationApplication):
        return doc.applicant.applicant_name
    return None


def _province_of(authority: str) -> str | None:
    """The province an authority's name names («辽宁省工业和信息化厅» → 辽宁省), if any."""
    for province in PROVINCES:
        short = re.sub(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$", "", province)
        if province in authority or (len(short) >= 2 and authority.startswith(short)):
            return province
    return None


def _round_schemes() -> set[str]:
    """The summary's scheme and the schemes it extends (the measures it applies)."""
    found = {SUMMARY_SCHEME}
    try:
        from smedesk.schemes import load_scheme

        scheme_id: str | None = SUMMARY_SCHEME
        while scheme_id:
            scheme = load_scheme(scheme_id)
            found.add(scheme.id)
            scheme_id = scheme.extends
    except Exception:  # a scheme file missing: the call's own id still counts
        pass
    return found


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
