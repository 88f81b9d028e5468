"""Where things go on a page, decided from the models rather than placed by hand.

* A derived figure sits right after the last input it is computed from. Which inputs it
  reads is found in its property's source (``self.<field>``); where the source is not
  available (a frozen build without .py files) it goes to the end of its part.
* A part of the document gets its own page when it is a table, or a group of parts; small
  groups of fields (the region) sit inline on their parent's page as a framed group.
"""

from __future__ import annotations

import inspect
import re
from functools import cache

from pydantic import BaseModel

from smedesk.forms.common import AttachmentRef
from smedesk.forms.fields import FieldSpec, field_specs

_SELF_ATTR = re.compile(r"self\.([A-Za-z_][A-Za-z0-9_]*)")
#: A text this long is a chapter of its own (the seven narratives), not a box on a form.
CHAPTER_CHARS = 10000


@cache
def derived_anchor(model_type: type[BaseModel], name: str) -> str | None:
    """The declared field after which derived ``name`` is shown, or None for the end."""
    info = model_type.model_computed_fields.get(name)
    getter = getattr(getattr(info, "wrapped_property", None), "fget", None)
    if getter is None:
        return None
    try:
        source = inspect.getsource(getter)
    except (OSError, TypeError):
        return None
    used = set(_SELF_ATTR.findall(source))
    declared = [s.name for s in field_specs(model_type, include_derived=False)]
    anchors = [n for n in declared if n in used]
    return anchors[-1] if anchors else None


def ordered_specs(model_type: type[BaseModel]) -> list[FieldSpec]:
    """Declared fields in order, each derived one placed after its last input."""
    specs = field_specs(model_type)
    declared = [s for s in specs if not s.derived]
    result: list[FieldSpec] = []
    trailing: list[FieldSpec] = []
    by_anchor: dict[str, list[FieldSpec]] = {}
    for spec in specs:
        if spec.derived:
            anchor = derived_anchor(model_type, spec.name)
            (by_anchor.setdefault(anchor, []) if anchor else trailing).append(spec)
    for spec in declared:
        result.append(spec)
        result.extend(by_anchor.get(spec.name, []))
    return result + trailing


def is_attachments(spec: FieldSpec) -> bool:
    return spec.kind == "list" and spec.item_model is AttachmentRef


#: A part with more fields than this is a page of its own even without tables in it.
INLINE_FIELDS = 6


def has_own_page(spec: FieldSpec, *, top: bool = False) -> bool:
    """Tables, attachments, chapters, parts holding tables or parts, big top-level parts."""
    if spec.kind == "list":
        return True
    if spec.kind != "model" or spec.item_model is None:
        return False
    specs = field_specs(spec.item_model, include_derived=False)
    return (
        (top and len(specs) > INLINE_FIELDS)
        or any(s.kind in ("model", "list") for s in specs)
        or is_chapters(spec.item_model)
    )


def is_container(model_type: type[BaseModel]) -> bool:
    """A part made only of parts (申请表 = 一 … 四): each child is a page of its own."""
    specs = field_specs(model_type, include_derived=False)
    return bool(specs) and all(s.kind in ("model", "list") for s in specs)


def is_chapters(model_type: type[BaseModel]) -> bool:
    """A part made only of long texts (the seven narratives): one page per text."""
    specs = field_specs(model_type, include_derived=False)
    return bool(specs) and all(
        s.kind == "multiline" and (s.max_chars or 0) >= CHAPTER_CHARS for s in specs
    )
