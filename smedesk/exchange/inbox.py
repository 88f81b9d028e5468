"""The expert's inbox without a screen: every opinion sheet on this machine and its state.

States: 待评审 (new: as it arrived in the review package), 评审中 (edited), 已签署 (signed),
已发送 (signed and put in an opinion package since), 已回避 (a conflict was declared). «Sent»
is recorded as a small attachment of the sheet naming the package, so no new column is needed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from smedesk.exchange.signing import conflict_declared
from smedesk.export.package import Manifest
from smedesk.forms import parse_document
from smedesk.forms.opinion import ExpertOpinion
from smedesk.store import DocumentStore

SENT_MATERIAL = "opinion-package-sent"

STATE_LABELS = {
    "new": "待评审",
    "in-progress": "评审中",
    "signed": "已签署",
    "sent": "已发送",
    "conflict": "已回避",
}


@dataclass(frozen=True)
class InboxItem:
    opinion_id: str
    application_id: str | None
    applicant_name: str | None
    scheme_id: str
    state: str
    updated_at: dt.datetime

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def expert_inbox(store: DocumentStore) -> list[InboxItem]:
    """Every opinion sheet in the store with its state, most recently changed first."""
    items = []
    for info in store.list(kind="expert-opinion"):
        doc = parse_document(store.get(info.id).data)
        if not isinstance(doc, ExpertOpinion):
            continue
        items.append(
            InboxItem(
                info.id,
                doc.application_id,
                doc.applicant_name,
                info.scheme_id,
                _state(store, info.id, doc),
                info.updated_at,
            )
        )
    return items


def _state(store: DocumentStore, opinion_id: str, doc: ExpertOpinion) -> str:
    if conflict_declared(doc):
        return "sent" if _sent(store, opinion_id) else "conflict"
    if doc.signed:
        return "sent" if _sent(store, opinion_id) else "signed"
    return "in-progress" if len(store.revisions(opinion_id)) > 1 else "new"


def _sent(store: DocumentStore, opinion_id: str) -> bool:
    return any(a.material_id == SENT_MATERIAL for a in store.attachments(opinion_id))


def mark_sent(
    store: DocumentStore, opinion_ids: Sequence[str], manifest: Manifest, out: Path
) -> None:
    """Record on each sheet that it left in the package ``out`` (replacing an older record)."""
    record = json.dumps(
        {"package": out.name, "created_at": manifest.created_at.isoformat(), "kind": manifest.kind},
        ensure_ascii=False,
    ).encode("utf-8")
    for opinion_id in opinion_ids:
        for old in store.attachments(opinion_id):
            if old.material_id == SENT_MATERIAL:
                store.remove_attachment(old.id)
        store.add_attachment(opinion_id, SENT_MATERIAL, "已发送.json", record, "application/json")
