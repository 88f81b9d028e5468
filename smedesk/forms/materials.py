"""What counts as "attached": the one rule the self-check and the PDF both follow.

A document lists its attached files as ``AttachmentRef`` entries (material id, file
name, SHA-256); the bytes live in the store. An entry whose file is not in the store
(a document imported from JSON, a file removed behind the editor's back) cannot be
printed, so it is not attached — not in the self-check, not in the bound PDF.
:func:`attached` decides; the engine's materials findings and the editor's PDF export
both call it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from smedesk.forms.common import AttachmentRef


def attached(
    refs: Iterable[AttachmentRef], stored: Collection[tuple[str, str]] | None
) -> dict[str, list[AttachmentRef]]:
    """Material id → the entries of ``refs`` whose file is present.

    ``stored`` holds the (material id, SHA-256) pairs of the files in the store; ``None``
    means there is no store to ask (a JSON file checked on the command line), and then
    every entry counts as its own evidence.
    """
    out: dict[str, list[AttachmentRef]] = {}
    for ref in refs:
        if stored is None or (ref.material_id, ref.sha256) in stored:
            out.setdefault(ref.material_id, []).append(ref)
    return out


def missing_files(
    refs: Iterable[AttachmentRef], stored: Collection[tuple[str, str]] | None
) -> dict[str, list[AttachmentRef]]:
    """Material id → the entries whose file is not in the store (empty without a store)."""
    if stored is None:
        return {}
    out: dict[str, list[AttachmentRef]] = {}
    for ref in refs:
        if (ref.material_id, ref.sha256) not in stored:
            out.setdefault(ref.material_id, []).append(ref)
    return out
