"""What changed in an application since the experts began reviewing it, field by field.

When an entry moves to «专家评审中» the round records the application's revision at that
moment; when a newer package comes in afterwards, the difference between that revision and
the stored data is listed with the fields' own labels (``forms`` declares them once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smedesk.forms.registry import DOCUMENT_KINDS
from smedesk.forms.walk import spec_at
from smedesk.store import DocumentStore, diff_json
from smedesk.store.diff import Change

SHOWN = 20  # changes spelled out; the rest are counted


@dataclass(frozen=True)
class ReviewedChange:
    path: str
    label: str
    old: Any
    new: Any

    @property
    def text(self) -> str:
        return f"{self.label}：{_short(self.old)} → {_short(self.new)}"


def _short(value: Any) -> str:
    if value is None:
        return "（空）"
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def label_of(kind: str, path: str) -> str:
    """The field's label (and the row for list items), else the raw path."""
    model = DOCUMENT_KINDS.get(kind)
    spec = spec_at(model, path) if model is not None and path else None
    if spec is None:
        return path or "整份文档"
    rows = [p for p in path.replace("]", "").split("[")[1:] if p.split(".")[0].isdigit()]
    where = "".join(f"第 {int(r.split('.')[0]) + 1} 行" for r in rows)
    return f"{spec.label}（{where}）" if where else spec.label


def changes_since(store: DocumentStore, doc_id: str, revision: int) -> list[ReviewedChange]:
    """The differences from revision ``revision`` of the document to its stored data."""
    document = store.get(doc_id)
    before = store.revision_data(doc_id, revision)
    found: list[Change] = diff_json(before, document.data)
    return [ReviewedChange(c.path, label_of(document.kind, c.path), c.old, c.new) for c in found]


def latest_revision(store: DocumentStore, doc_id: str) -> int:
    revisions = store.revisions(doc_id)
    return revisions[-1].number if revisions else 1
