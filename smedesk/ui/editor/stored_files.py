"""The editor's side of "attached" (smedesk.forms.materials): what the store holds.

The self-check and the PDF export must agree on which materials are attached. Both
ask here: the self-check for the (material id, SHA-256) pairs of the document's files
in the store, the export for the files themselves — only those that the document's
materials list names (:func:`smedesk.forms.materials.attached`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def stored_pairs(store: Any, doc_id: str) -> frozenset[tuple[str, str]]:
    """(material id, SHA-256) of every file the store keeps for ``doc_id``."""
    return frozenset((info.material_id, info.sha256) for info in store.attachments(doc_id))


def attachments_for_pdf(
    store: Any, doc_id: str, doc: Any, reporter: Callable[[int, int], Any] | None = None
) -> list[Any]:
    """The stored files the document lists as attached, ready for ``export_pdf``.

    ``reporter(done, total)`` follows the reading (files may be large).
    """
    from smedesk.export.pdf.attachments import Attachment
    from smedesk.forms.materials import attached

    infos = store.attachments(doc_id)
    pairs = frozenset((i.material_id, i.sha256) for i in infos)
    wanted = {
        (ref.material_id, ref.sha256)
        for refs in attached(getattr(doc, "materials", None) or [], pairs).values()
        for ref in refs
    }
    chosen = [i for i in infos if (i.material_id, i.sha256) in wanted]
    files = []
    for number, info in enumerate(chosen):
        if reporter is not None:
            reporter(number, len(chosen))
        files.append(Attachment(info.material_id, info.filename, store.attachment_content(info.id)))
    return files
