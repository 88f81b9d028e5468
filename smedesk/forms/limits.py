"""The hard length cap of every text field, checked on a document's raw JSON.

Each field's cap is declared with it (:attr:`FieldSpec.max_length`: one line, a
multi-line statement, or the field's own ``max_length``). :func:`check_text_lengths`
walks the raw data once, following the models, before pydantic builds anything — so a
10 MB name is refused with the field's label and its cap instead of being stored and
then taking seconds to print.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from smedesk.errors import UserError
from smedesk.forms.fields import MULTILINE_LIMIT, FieldSpec, _kind_of, field_specs


class TextTooLong(UserError):
    """A text longer than its field's cap; ``message`` names the field and the cap."""


@dataclass(frozen=True)
class _Cap:
    label: str
    limit: int
    child: type[BaseModel] | None
    textlist: bool
    rows: bool = False


@functools.cache
def _caps(model: type[BaseModel]) -> dict[str, _Cap]:
    declared = {s.name: s for s in field_specs(model, include_derived=False)}
    caps: dict[str, _Cap] = {}
    for name, info in model.model_fields.items():
        spec: FieldSpec | None = declared.get(name)
        if spec is not None:
            caps[name] = _Cap(
                spec.label,
                spec.max_length,
                spec.item_model,
                spec.kind == "textlist",
                spec.kind == "list",
            )
            continue
        # Envelope fields (form, scheme, ...) carry no label; follow their model anyway.
        kind, _, item = _kind_of(info.annotation, False)
        caps[name] = _Cap(name, MULTILINE_LIMIT, item, kind == "textlist")
    return caps


def text_too_long(spec_label: str, limit: int, found: int) -> str:
    return f"“{spec_label}”的内容过长（{found:,} 字），超过该项 {limit:,} 字的上限，未采用。请精简后再填写。"


def check_text_lengths(model: type[BaseModel], data: Any) -> None:
    """:class:`TextTooLong` for the first text in ``data`` over its field's cap.

    Text outside declared fields (document envelope, unknown keys) has the multi-line cap.
    """
    stack: list[tuple[type[BaseModel] | None, Any]] = [(model, data)]
    while stack:
        current, node = stack.pop()
        if isinstance(node, list):
            stack.extend((current, item) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        caps = _caps(current) if current is not None else {}
        for key, value in node.items():
            cap = caps.get(key)
            limit = cap.limit if cap is not None else MULTILINE_LIMIT
            label = cap.label if cap is not None else str(key)[:40]
            if isinstance(value, str):
                if len(value) > limit:
                    raise TextTooLong(text_too_long(label, limit, len(value)))
            elif isinstance(value, (dict, list)):
                if cap is not None and cap.rows and isinstance(value, list):
                    if len(value) > limit:
                        raise TextTooLong(
                            f"“{label}”有 {len(value):,} 行，超过每份名单 {limit:,} 行的上限，"
                            "未采用。请确认数据是否正确。"
                        )
                if cap is not None and cap.textlist and isinstance(value, list):
                    for item in value:
                        if isinstance(item, str) and len(item) > limit:
                            raise TextTooLong(text_too_long(label, limit, len(item)))
                    continue
                stack.append((cap.child if cap is not None else None, value))
