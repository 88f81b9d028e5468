"""The round's rules and the cross-checks no paper process can do.

Round rules (the 2019 call and Guangdong's notice) are the scheme's own rules on the
推荐汇总表: the round's recommended entries are put into a ``RecommendationSummary`` and the
scheme engine checks it — quota by authority type, the special carrier outside the quota
(one per city), platform names, ≤ 3 function categories, the 150-character statement. Two
rules the scheme can only mark «needs judgement» are decided here from the data: the
institution name equals the applicant's sealed name, and one platform (by 统一社会信用代码)
does not come through both a province and an association. The served-firm cross-check
lists every firm claimed by more than one applicant of the round, with its claimants.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pydantic import ValidationError

from smedesk.forms.enums import AuthorityType, QuotaCategory
from smedesk.forms.recommendation import RecommendationSummary
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.procedure import State
from smedesk.schemes.engine import rule_findings
from smedesk.schemes.findings import Outcome
from smedesk.schemes.model import Scheme

#: Rules the scheme leaves to judgement that the round decides from its data.
INSTITUTION_RULE = "annex2-institution-name"
DOUBLE_CHANNEL_RULE = "annex2-no-double-channel"
#: Authority types of the «省级中小企业主管部门» channel (the call's 一 and 附件2说明（3）).
PROVINCIAL = {AuthorityType.PROVINCE, AuthorityType.SEPARATE_CITY, AuthorityType.XPCC}
#: The entries whose rows make up the summary table (in the round's order).
IN_SUMMARY = {State.RECOMMENDED, State.CREATION_OBJECT, State.EXTENDED, State.RECOGNISED}
_ROW = re.compile(r"^rows\[(\d+)\]")


@dataclass(frozen=True)
class Flag:
    """One problem found on the round; ``doc_ids`` are the applications it concerns."""

    code: str  # the rule id, or "shared-firm"
    title: str
    message: str
    citation: str
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)  # slots: a round can list 100,000s of them
class SharedFirm:
    uscc: str
    name: str
    claimants: tuple[str, ...]  # doc ids, in the round's order


def summary_of(
    round_: Round, entries: list[Entry], scheme: Scheme
) -> tuple[RecommendationSummary, list[str]]:
    """The round's 推荐汇总表 (recommended entries) and the doc id of each of its rows."""
    chosen = [e for e in entries if e.state in IN_SUMMARY]
    rows: list[dict[str, Any]] = []
    for entry in chosen:
        row = {k: v for k, v in entry.row.items() if v not in (None, "", [])}
        row.setdefault("application_id", entry.doc_id)
        rows.append(row)
    data = {
        "kind": RecommendationSummary.KIND, "year": round_.year,
        "scheme": {"id": scheme.id, "version": scheme.version},
        "authority_name": round_.authority_name,
        "authority_type": round_.authority_type.value, "rows": rows,
    }  # fmt: skip
    try:
        summary = RecommendationSummary.model_validate(data)
    except ValidationError:
        # A row the models refuse (an unknown function code…): check the rows that parse.
        good = []
        for row in rows:
            try:
                RecommendationSummary.model_validate({**data, "rows": [row]})
                good.append(row)
            except ValidationError:
                continue
        summary = RecommendationSummary.model_validate({**data, "rows": good})
        chosen = [e for e in chosen if e.doc_id in {r["application_id"] for r in good}]
    return summary, [e.doc_id for e in chosen]


def _beyond_quota(
    summary: RecommendationSummary, ids: list[str], limit: str | None
) -> tuple[str, ...]:
    """The in-quota rows past the limit (in the round's order): the ones to drop or move."""
    quota = [i for i, row in zip(ids, summary.rows, strict=True)
             if row.quota is QuotaCategory.PROVINCIAL_QUOTA]  # fmt: skip
    number = re.search(r"\d+", limit or "")
    return tuple(quota[int(number.group()) :]) if number else tuple(quota)


def rule_flags(round_: Round, entries: list[Entry], scheme: Scheme) -> list[Flag]:
    """The scheme's round rules on the round's summary, each flag naming its applications."""
    summary, ids = summary_of(round_, entries, scheme)
    flags: list[Flag] = []
    if round_.authority_type is AuthorityType.MINISTRY_UNIT:
        return flags  # applies to the ministry itself: no quota, no summary table (通知五)
    for finding in rule_findings(summary, scheme):
        if finding.rule_id in (INSTITUTION_RULE, DOUBLE_CHANNEL_RULE):
            continue
        if finding.outcome is not Outcome.NOT_MET:
            continue
        if "没有对应的门槛" in finding.message:
            continue  # the call sets no quota for this authority type (e.g. a prefecture)
        match = _ROW.match(finding.path or "")
        if match:
            doc_ids: tuple[str, ...] = (ids[int(match.group(1))],)
        elif finding.group == "quota":
            doc_ids = _beyond_quota(summary, ids, finding.threshold)
        else:
            doc_ids = ()
        flags.append(Flag(finding.rule_id, finding.title, finding.message,
                          str(finding.citation), doc_ids))  # fmt: skip
    citation = {r.id: f"《{r.document or scheme.document}》{r.article}" for r in scheme.rules}
    for entry, row in ((e, e.row) for e in entries if e.state in IN_SUMMARY):
        sealed, named = (entry.organisation or "").strip(), str(row.get("institution_name") or "")
        if sealed and named.strip() != sealed:
            flags.append(Flag(
                INSTITUTION_RULE, "服务机构名称须与申报单位盖章名称一致",
                f"汇总表填写的服务机构名称「{named or '（空）'}」与申报单位盖章名称「{sealed}」不一致",
                citation.get(INSTITUTION_RULE, ""), (entry.doc_id,),
            ))  # fmt: skip
    return flags


def double_channel_flags(
    round_: Round, entries: list[Entry], others: list[tuple[Round, list[Entry]]], scheme: Scheme
) -> list[Flag]:
    """Platforms of this round also imported in a same-year round of the other channel."""
    rule = next((r for r in scheme.rules if r.id == DOUBLE_CHANNEL_RULE), None)
    citation = f"《{rule.document or scheme.document}》{rule.article}" if rule else ""
    mine_provincial = round_.authority_type in PROVINCIAL
    if not mine_provincial and round_.authority_type is not AuthorityType.ASSOCIATION:
        return []
    flags = []
    for entry in entries:
        if not entry.uscc or entry.state is State.NOT_RECOMMENDED:
            continue
        for other, other_entries in others:
            if other.id == round_.id or other.year != round_.year:
                continue
            other_provincial = other.authority_type in PROVINCIAL
            if other.authority_type is not AuthorityType.ASSOCIATION and not other_provincial:
                continue
            if other_provincial == mine_provincial:
                continue
            if any(o.uscc == entry.uscc and o.state is not State.NOT_RECOMMENDED
                   for o in other_entries):  # fmt: skip
                flags.append(Flag(
                    DOUBLE_CHANNEL_RULE, "不得通过省级主管部门和行业协会重复申报",
                    f"{entry.organisation or entry.title}（{entry.uscc}）同时出现在"
                    f"「{other.title}」的推荐中",
                    citation, (entry.doc_id,),
                ))  # fmt: skip
    return flags


def shared_firms(entries: list[Entry], names: dict[str, str] | None = None) -> list[SharedFirm]:
    """Served firms (by 统一社会信用代码) that more than one applicant of the round claims."""
    # A round holds hundreds of lists of a thousand firms: only the firms claimed more than
    # once get their claimants gathered (a tuple, most often of two), and only they are sorted.
    first: dict[str, str] = {}
    claimants: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        doc_id = entry.doc_id
        # The codes were normalised when the entry was stored (service.served_usccs).
        for uscc in set(entry.served):
            earlier = first.get(uscc)
            if earlier is None:
                first[uscc] = doc_id
            else:
                claimants[uscc] = (*claimants.get(uscc, (earlier,)), doc_id)
    named = names or {}
    return [SharedFirm(uscc, named.get(uscc, ""), claimants[uscc])
            for uscc in sorted(claimants)]  # fmt: skip


def shared_firm_flags(entries: list[Entry], names: dict[str, str] | None = None,
                      shared: list[SharedFirm] | None = None) -> list[Flag]:  # fmt: skip
    """One flag per applicant that shares served firms with another, naming the others."""
    firms = shared if shared is not None else shared_firms(entries, names)
    # Firms come in few groups of the same claimants (two neighbours sharing 500 firms are
    # one group): counted per group, not per firm and claimant.
    groups = Counter(map(attrgetter("claimants"), firms))
    count: Counter[str] = Counter()
    partners: dict[str, set[str]] = defaultdict(set)
    for claimants, n in groups.items():
        for doc_id in claimants:
            count[doc_id] += n
            partners[doc_id].update(claimants)
    title_of = {e.doc_id: e.organisation or e.title for e in entries}
    flags = []
    for entry in entries:
        if not count[entry.doc_id]:
            continue
        others = sorted(partners[entry.doc_id] - {entry.doc_id})
        flags.append(Flag(
            "shared-firm", "服务企业被多家申报单位同时列入",
            f"服务企业名单中有 {count[entry.doc_id]} 家企业也被"
            f"{'、'.join(title_of[o] for o in others)}列为服务对象",
            "交叉核查（按统一社会信用代码）", (entry.doc_id, *others),
        ))  # fmt: skip
    return flags
