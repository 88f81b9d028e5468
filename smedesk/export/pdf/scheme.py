"""What the PDF needs from a scheme: its title and issuer, the materials checklist, copies.

Read through :func:`smedesk.schemes.load_scheme` when the caller passes no scheme; any
object of the same shape will do (tests pass a small stand-in). When the scheme cannot
be loaded the export still works: the cover prints the document's own title only and
attachments are listed by their material id, in the order given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smedesk.forms import Document


@dataclass(frozen=True)
class MaterialView:
    id: str
    label: str
    citation: str
    #: produced by smedesk from the document itself (the report): nothing to attach
    generated: bool = False


@dataclass(frozen=True)
class SchemeView:
    title: str
    issuer: str
    materials: tuple[MaterialView, ...] = ()
    #: sealed paper sets the notice asks for, when the scheme states it
    sealed_copies: int | None = None

    def material(self, material_id: str) -> MaterialView | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def order_of(self, material_id: str) -> int:
        for i, m in enumerate(self.materials):
            if m.id == material_id:
                return i
        return len(self.materials)  # unknown materials go last, in the order given


def scheme_view(doc: Document, scheme: Any = None) -> SchemeView:
    """The scheme of ``doc`` (or ``scheme``) reduced to what the layouts print."""
    if scheme is None:
        scheme = _load(doc.scheme.id)
    if scheme is None:
        return SchemeView(title="", issuer="")
    if isinstance(scheme, SchemeView):
        return scheme
    return SchemeView(
        title=str(getattr(scheme, "title", "") or ""),
        issuer=str(getattr(scheme, "issuer", "") or ""),
        materials=tuple(_material(m) for m in getattr(scheme, "materials", ()) or ()),
        sealed_copies=_copies(getattr(scheme, "facts", None)),
    )


def _load(scheme_id: str) -> Any:
    from smedesk.schemes import load_scheme

    try:
        return load_scheme(scheme_id)
    except Exception:  # a missing or broken scheme must not stop the paper
        return None


def _material(m: Any) -> MaterialView:
    citation = getattr(m, "citation", None)
    if not citation:
        document = getattr(m, "document", None)
        article = getattr(m, "article", None) or ""
        citation = f"《{document}》{article}" if document else article
    return MaterialView(
        id=str(m.id),
        label=str(m.label),
        citation=str(citation or ""),
        generated=bool(getattr(m, "generated", False)),
    )


def _copies(facts: Any) -> int | None:
    # The scheme states the sealed sets as a fact (e.g. ``sealed_copies = 2``).
    if not isinstance(facts, dict):
        return None
    for key, fact in facts.items():
        if "copies" in str(key):
            value = getattr(fact, "value", fact)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
    return None
