"""Pieces every demo builder shares: scheme references and placeholder attachments."""

from __future__ import annotations

import hashlib
from typing import Any

from smedesk.forms.common import AttachmentRef, SchemeRef

#: Used only while a scheme file cannot be loaded (a partial build); the loaded
#: scheme's own version always wins, so a document records what it was made under.
FALLBACK_VERSION = "1"


def scheme_ref(scheme_id: str) -> SchemeRef:
    """The scheme id and version a demo document is prepared under, read from the scheme."""
    try:
        from smedesk.schemes import load_scheme

        scheme: Any = load_scheme(scheme_id)
    except (ImportError, Exception):
        return SchemeRef(id=scheme_id, version=FALLBACK_VERSION)
    return SchemeRef(id=str(scheme.id), version=str(scheme.version))


def material_ids(scheme_id: str) -> list[str]:
    """The ids of the materials a scheme asks for, in its order (empty if unknown)."""
    try:
        from smedesk.schemes import load_scheme

        scheme: Any = load_scheme(scheme_id)
    except (ImportError, Exception):
        return []
    items = getattr(scheme, "materials", None) or []
    ids = []
    for item in items:
        if getattr(item, "generated", False):
            continue  # produced by smedesk from the document itself, never attached
        ident = getattr(item, "id", None)
        if ident:
            ids.append(str(ident))
    return ids


def placeholder_materials(scheme_id: str, stem: str) -> list[AttachmentRef]:
    """Attachment references for the one demo that shows a complete checklist.

    DEMO PLACEHOLDERS: no file is written; the sha256 is a hash of the file name, so
    a store that looks for the bytes will report them missing, as it should.
    """
    refs = []
    for i, ident in enumerate(material_ids(scheme_id), start=1):
        filename = f"{stem}-{i:02d}-{ident}.pdf"
        digest = hashlib.sha256(f"smedesk-demo-placeholder:{filename}".encode()).hexdigest()
        refs.append(
            AttachmentRef(
                material_id=ident, filename=filename, sha256=digest, size=200_000 + 7_919 * i
            )
        )
    return refs


def demo_id(seed: int) -> str:
    """A UUID4-shaped document id that is the same on every run (demo files diff cleanly)."""
    import random
    import uuid

    return str(uuid.UUID(int=random.Random(seed).getrandbits(128), version=4))
