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
from itertools import chain
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


#: Row values the fast path of :func:`_rows_within_caps` can judge by their ``len`` alone.
_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _flat_row_cap(model: type[BaseModel]) -> int | None:
    """The smallest cap of ``model``'s fields when none of them holds a list or a table (a
    row of served firms, staff, equipment); None for a model with nested fields."""
    caps = _caps(model).values()
    if any(c.child is not None or c.textlist or c.rows for c in caps):
        return None
    return min((c.limit for c in caps), default=MULTILINE_LIMIT)


def _rows_within_caps(model: type[BaseModel] | None, rows: list[Any]) -> bool:
    """True when every text in ``rows`` is surely within its cap, judged in one pass at C
    speed: all rows are objects of a flat model holding scalars, and no text is longer than
    the model's smallest cap. False means only "look row by row" (a list of 3,000 firms
    walked field by field was most of the time a package import spent on its document)."""
    cap = _flat_row_cap(model) if model is not None else None
    if cap is None:
        return False
    try:
        values = list(chain.from_iterable(map(dict.values, rows)))
    except TypeError:  # a row that is not an object
        return False
    if not set(map(type, values)) <= _SCALARS:
        return False
    return max(map(len, filter(str.__instancecheck__, values)), default=0) <= cap


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
            if not _rows_within_caps(current, node):
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
