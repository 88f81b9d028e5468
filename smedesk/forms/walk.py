"""Walking a document field by field, with the path the self-check and the UI share.

Paths look like ``form.basic.investors[2].ratio``: the UI opens the page of the first
segment and focuses the field; the engine reads values by the same path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from smedesk.forms.fields import FieldSpec, field_specs

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(-?\d+)\]")


@dataclass(frozen=True)
class FieldValue:
    path: str
    spec: FieldSpec
    value: Any


def iter_fields(model: BaseModel, prefix: str = "") -> Iterator[FieldValue]:
    """Every declared leaf field (and every list row's fields), depth first."""
    for spec in field_specs(type(model), include_derived=False):
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        value = getattr(model, spec.name)
        if spec.kind == "model" and isinstance(value, BaseModel):
            yield from iter_fields(value, path)
        elif spec.kind == "list":
            yield FieldValue(path, spec, value)
            for i, row in enumerate(value):
                yield from iter_fields(row, f"{path}[{i}]")
        else:
            yield FieldValue(path, spec, value)


def split_path(path: str) -> list[str | int]:
    """``"a.b[2].c"`` → ``["a", "b", 2, "c"]``."""
    parts: list[str | int] = []
    for name, index in _SEGMENT.findall(path):
        parts.append(int(index) if index else name)
    return parts


def join_path(parts: Iterable[str | int]) -> str:
    """``["a", "b", 2, "c"]`` → ``"a.b[2].c"`` (the inverse of :func:`split_path`)."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class PathError(LookupError):
    pass


def resolve(root: object, path: str) -> Any:
    """The value at ``path`` (attributes, derived properties and list indexes)."""
    value: Any = root
    for part in split_path(path):
        if isinstance(part, int):
            if not isinstance(value, list) or not -len(value) <= part < len(value):
                raise PathError(path)
            value = value[part]
        else:
            if not hasattr(value, part):
                raise PathError(path)
            value = getattr(value, part)
    return value


def spec_at(model_type: type[BaseModel], path: str) -> FieldSpec | None:
    """The spec of the field a path names, following nested models and list rows."""
    current: type[BaseModel] | None = model_type
    spec: FieldSpec | None = None
    for part in split_path(path):
        if isinstance(part, int):
            continue
        if current is None:
            return None
        spec = next((s for s in field_specs(current) if s.name == part), None)
        if spec is None:
            return None
        current = spec.item_model if spec.kind in ("model", "list") else None
    return spec
