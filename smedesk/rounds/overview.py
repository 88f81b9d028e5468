"""Everything the round screen shows, gathered in one read (on a worker thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from smedesk.collector import collector_paused
from smedesk.forms.opinion import ExpertOpinion
from smedesk.rounds.calendar import load_calendar
from smedesk.rounds.changes import SHOWN, changes_since, latest_revision
from smedesk.rounds.checks import (
    Flag,
    SharedFirm,
    double_channel_flags,
    rule_flags,
    shared_firm_flags,
    shared_firms,
)
from smedesk.rounds.deadlines import Deadline, upcoming
from smedesk.rounds.experts import expert_conflicts
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.service import RoundStore
from smedesk.schemes import load_scheme


@dataclass(frozen=True)
class RoundOverview:
    round: Round
    entries: list[Entry]
    flags: list[Flag]
    shared: list[SharedFirm]
    deadlines: list[Deadline]
    draws: dict[str, dict[str, Any]] = field(default_factory=dict)  # doc id → latest draw
    papers: dict[str, dict[str, Any]] = field(default_factory=dict)  # doc id → latest check
    # doc id → the expert opinion sheets on it, in the order they were stored (never ranked)
    opinions: dict[str, list[ExpertOpinion]] = field(default_factory=dict)

    def flags_of(self, doc_id: str) -> list[Flag]:
        return [f for f in self.flags if (f.doc_ids and f.doc_ids[0] == doc_id)
                or (f.code != "shared-firm" and doc_id in f.doc_ids)]  # fmt: skip


def expert_flags(rounds: RoundStore, entries: list[Entry],
                 sheets: dict[str, list[ExpertOpinion]]) -> list[Flag]:  # fmt: skip
    """Experts whose employer is the applicant or a partner, from the sheets in the store."""
    store = rounds.documents
    flags = []
    for entry in entries:
        key = entry.doc_id  # a document's store id is its data's doc_id
        if key not in sheets:
            continue  # most of the time: no sheet yet, and the document is not read
        data = store.get(entry.doc_id).data
        capability = (data.get("form") or {}).get("capability") or {}
        partners = [str(p) for p in (capability.get("signed_partners") or [])
                    + (capability.get("other_partners") or [])]  # fmt: skip
        declared = [s.model_dump(mode="json") for s in sheets[key]]
        for conflict in expert_conflicts(key, entry.organisation or "", partners, declared):
            flags.append(Flag("expert-conflict", "专家与申报单位存在关联", conflict.message,
                              "交叉核查：专家评审意见表的工作单位与回避声明",
                              (entry.doc_id,)))  # fmt: skip
    return flags


def changed_flags(rounds: RoundStore, entries: list[Entry],
                  reviewed: dict[str, int]) -> list[Flag]:  # fmt: skip
    """Applications changed (a newer package) since the experts began reviewing them."""
    flags = []
    for entry in entries:
        revision = reviewed.get(entry.doc_id)
        if revision is None or latest_revision(rounds.documents, entry.doc_id) <= revision:
            continue
        found = changes_since(rounds.documents, entry.doc_id, revision)
        if not found:
            continue
        listed = "；".join(c.text for c in found[:SHOWN])
        more = f" 等 {len(found)} 处" if len(found) > SHOWN else f"（共 {len(found)} 处）"
        flags.append(Flag("changed-since-review", "专家评审开始后申请有修改",
                          f"专家评审开始后（第 {revision} 次修订）申请有修改{more}：{listed}",
                          "交叉核查：专家评审的版本与现存版本", (entry.doc_id,)))  # fmt: skip
    return flags


def load_overview(rounds: RoundStore, round_id: str, today: dt.date) -> RoundOverview:
    with collector_paused():  # the served lists of hundreds of applications, cross-checked
        return _load_overview(rounds, round_id, today)


def _load_overview(rounds: RoundStore, round_id: str, today: dt.date) -> RoundOverview:
    round_ = rounds.get_round(round_id)
    entries = rounds.entries(round_id)
    scheme = load_scheme(round_.scheme_id)
    flags = rule_flags(round_, entries, scheme)
    # The other rounds' entries (this round's are read already; the check skips it anyway).
    others = [(r, entries if r.id == round_id else rounds.entries(r.id)) for r in rounds.rounds()]
    flags += double_channel_flags(round_, entries, others, scheme)
    shared = shared_firms(entries)
    flags += shared_firm_flags(entries, shared=shared)
    sheets = rounds.opinion_sheets()
    flags += expert_flags(rounds, entries, sheets)
    draws: dict[str, dict[str, Any]] = {}
    papers: dict[str, dict[str, Any]] = {}
    reviewed: dict[str, int] = {}
    for event in rounds.events(round_id):
        if event["action"] == "review-start" and event["doc_id"]:
            reviewed[event["doc_id"]] = int(event["detail"]["revision"])
        if event["action"] == "draw" and event["doc_id"]:
            draws[event["doc_id"]] = event["detail"] | {"author": event["author"]}
        elif event["action"] == "paper-check" and event["doc_id"]:
            papers[event["doc_id"]] = event["detail"] | {"author": event["author"]}
    flags += changed_flags(rounds, entries, reviewed)
    return RoundOverview(
        round_, entries, flags, shared,
        upcoming(round_, entries, scheme, load_calendar(), today), draws, papers,
        {e.doc_id: sheets[e.doc_id] for e in entries if e.doc_id in sheets},
    )  # fmt: skip
