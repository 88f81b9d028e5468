"""Which keys of a document's JSON the models know: derived ones to strip, unknown ones to refuse.

``model_dump`` writes the computed (derived) fields, so every JSON file and stored document
smedesk wrote holds them; they are recomputed from the inputs, never read back, and the
models (``extra="forbid"``) would refuse them, so they are stripped before validation.
Any other key a model does not declare is *unknown*: most likely a field of a newer
release. Reading on would drop it at the next save, so the document is refused instead,
with the key's full path in the message.
"""

from __future__ import annotations

import copy
import functools
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from smedesk.forms.walk import join_path

#: pydantic's error type for a key the model does not declare (``extra="forbid"``).
UNKNOWN_KEY_ERROR = "extra_forbidden"


def strip_derived(model_type: type[BaseModel], data: Any) -> Any:
    """``data`` without the computed fields a ``model_dump`` wrote, at every depth (in place).

    Returns ``data`` itself. Values that are not of the expected shape are left alone
    (validation reports them).
    """
    if not isinstance(data, dict):
        return data
    computed, nested = _shape(model_type)
    for name in computed:
        data.pop(name, None)
    for name, subs in nested:
        value = data.get(name)
        if value is None:
            continue
        for sub in subs:
            if isinstance(value, dict):
                strip_derived(sub, value)
            elif isinstance(value, list):
                for row in value:
                    strip_derived(sub, row)
    return data


@functools.cache
def _shape(
    model_type: type[BaseModel],
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[type[BaseModel], ...]], ...]]:
    """The model's computed fields, and its fields that hold models (with those models).

    Worked out once per class: a list of 1,000 served firms asked it for every row, and
    walking the annotations each time was most of the cost of reading a document.
    """
    nested = []
    for name, info in model_type.model_fields.items():
        subs = tuple(_model_types(info.annotation))
        if subs:
            nested.append((name, subs))
    return tuple(model_type.model_computed_fields), tuple(nested)


def _model_types(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes inside an annotation (``X``, ``X | None``, ``list[X]`` …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _model_types(arg)


def unknown_fields(model_type: type[BaseModel], data: object) -> list[str]:
    """Paths (``form.basic.foo``, ``staff[2].bar``) of the keys no model declares.

    Derived fields are not unknown. ``data`` is not changed. The answer is exactly what
    validation would refuse as undeclared: pydantic's own ``extra="forbid"`` check decides.
    """
    if not isinstance(data, dict):
        return []
    work = strip_derived(model_type, copy.deepcopy(data))
    try:
        model_type.model_validate(work)
    except ValidationError as exc:
        return unknown_paths(exc)
    return []


def unknown_paths(exc: ValidationError) -> list[str]:
    """The paths of the undeclared keys among a validation error's problems."""
    return [join_path(err["loc"]) for err in exc.errors() if err["type"] == UNKNOWN_KEY_ERROR]


def unknown_fields_message(paths: Sequence[str]) -> str:
    """The Chinese sentence refusing a document with these unknown fields."""
    these = "这个字段" if len(paths) == 1 else "这些字段"
    return (
        f"未知字段 {_listing(paths)}：本程序不认识{these}（可能来自更新版本的 smedesk），"
        "为避免丢失数据，拒绝读取。"
    )


def _listing(paths: Sequence[str], limit: int = 5) -> str:
    shown = "、".join(paths[:limit])
    more = len(paths) - limit
    return f"{shown} 等 {len(paths)} 个" if more > 0 else shown
