"""Saving in tests that are not about concurrency: based on whatever version is stored now."""

from __future__ import annotations

from typing import Any

from smedesk.store import DocumentStore, Revision


def save_latest(
    store: DocumentStore, doc_id: str, data: dict[str, Any], **kw: Any
) -> Revision | None:
    """``store.save`` based on the stored version; the revision written (None if unchanged)."""
    return store.save(doc_id, data, base_version=store.version(doc_id), **kw).revision
