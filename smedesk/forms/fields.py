"""One declaration per field: label, unit, help, limits and format live here.

Screens, PDF labels, Excel headers, import validation and error messages all read
a field's description through :func:`field_specs` instead of typing the label again.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: Keys under which the metadata sit in ``json_schema_extra`` (and so in the JSON Schema).
_LABEL = "x-label"
_UNIT = "x-unit"
_REQUIRED = "x-required"
_FORMAT = "x-format"
_MAX_CHARS = "x-max-chars"
_MULTILINE = "x-multiline"
_MAX_LENGTH = "x-max-length"
_RECORDED = "x-recorded"

#: Hard caps on text a field accepts (a pasted 10 MB "name" is refused, not stored): one
#: line of text, and a multi-line statement. A field may declare its own with
#: ``field(max_length=...)``; either way the cap is at least four times the soft
#: ``max_chars`` that the self-check reports.
TEXT_LIMIT = 1000
MULTILINE_LIMIT = 20000
#: Rows a list may hold (served firms, staff, equipment...): far above any real list, and
#: low enough that its self-check and PDF still finish in seconds.
LIST_LIMIT = 20000


class FormModel(BaseModel):
    """Base of every part of every document.

    Drafts are filled over days, so every field may be empty while typing: what is
    required is metadata, reported by the completeness check, not a parse error.
    Hard limits that no real value can break (negative counts, percentages over 100)
    are enforced here; soft ones (text length, sums) are findings.

    Unknown keys are refused (``extra="forbid"``): ignoring them would drop a newer
    release's field at the next save. Derived fields that ``model_dump`` writes are
    stripped before validation (:func:`smedesk.forms.keys.strip_derived`).
    """

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        allow_inf_nan=False,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


def field(
    label: str,
    *,
    unit: str | None = None,
    help: str | None = None,
    required: bool = False,
    ge: float | None = None,
    le: float | None = None,
    format: str | None = None,
    max_chars: int | None = None,
    multiline: bool = False,
    max_length: int | None = None,
    recorded: bool = False,
    default: Any = None,
    default_factory: Any = None,
) -> Any:
    """Declare a form field once, with everything a screen, PDF or sheet needs.

    ``recorded``: the program fills the field from its own record (the round's random draw),
    so a screen shows it and never lets it be typed over.
    """
    extra: dict[str, Any] = {_LABEL: label}
    if unit:
        extra[_UNIT] = unit
    if required:
        extra[_REQUIRED] = True
    if format:
        extra[_FORMAT] = format
    if max_chars:
        extra[_MAX_CHARS] = max_chars
    if multiline:
        extra[_MULTILINE] = True
    if max_length:
        extra[_MAX_LENGTH] = max_length
    if recorded:
        extra[_RECORDED] = True
    kwargs: dict[str, Any] = {
        "title": label,
        "description": help,
        "json_schema_extra": extra,
        "ge": ge,
        "le": le,
    }
    if default_factory is not None:
        return Field(default_factory=default_factory, **kwargs)
    return Field(default=default, **kwargs)


def derived(label: str, *, unit: str | None = None, help: str | None = None) -> dict[str, Any]:
    """Keyword arguments for ``computed_field`` so derived figures carry a label too."""
    extra: dict[str, Any] = {_LABEL: label, "x-derived": True}
    if unit:
        extra[_UNIT] = unit
    return {"title": label, "description": help, "json_schema_extra": extra}


@dataclass(frozen=True)
class FieldSpec:
    """Everything known about one field, for whoever shows, prints or imports it."""

    name: str
    label: str
    annotation: Any
    kind: str  # text, multiline, int, float, date, bool, choice, multichoice, model, list
    unit: str | None = None
    help: str | None = None
    required: bool = False
    ge: float | None = None
    le: float | None = None
    format: str | None = None
    max_chars: int | None = None
    choices: tuple[enum.Enum, ...] = ()
    item_model: type[BaseModel] | None = None
    derived: bool = False
    declared_max_length: int | None = None
    recorded: bool = False  # filled by the program from its record; shown, never typed

    @property
    def max_length(self) -> int:
        """The hard cap on this field's text (each item's, for a list of texts)."""
        if self.declared_max_length:
            return self.declared_max_length
        if self.kind == "list":
            return LIST_LIMIT  # rows, for a list of rows
        base = MULTILINE_LIMIT if self.kind == "multiline" else TEXT_LIMIT
        return max(base, 4 * (self.max_chars or 0))

    @property
    def header(self) -> str:
        """Label with its unit, as a column header or a form caption shows it."""
        return f"{self.label}（{self.unit}）" if self.unit else self.label


def _strip_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _kind_of(annotation: Any, multiline: bool) -> tuple[str, tuple[enum.Enum, ...], Any]:
    ann = _strip_optional(annotation)
    origin = typing.get_origin(ann)
    if origin in (list, set, frozenset):
        (item,) = typing.get_args(ann)
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return "multichoice", tuple(item), None
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "list", (), item
        return "textlist", (), None
    if isinstance(ann, type):
        if issubclass(ann, bool):
            return "bool", (), None
        if issubclass(ann, enum.Enum):
            return "choice", tuple(ann), None
        if issubclass(ann, int):
            return "int", (), None
        if issubclass(ann, float):
            return "float", (), None
        if issubclass(ann, dt.date):
            return "date", (), None
        if issubclass(ann, BaseModel):
            return "model", (), ann
    return ("multiline" if multiline else "text"), (), None


def _limits(metadata: list[Any]) -> tuple[float | None, float | None]:
    ge = le = None
    for m in metadata:
        ge = getattr(m, "ge", ge)
        le = getattr(m, "le", le)
    return ge, le


def field_specs(model: type[BaseModel], *, include_derived: bool = True) -> list[FieldSpec]:
    """The declared fields of a model, in declaration order, derived ones last."""
    # Cached per class: walking a 3,000-row list asks for the same row model's specs
    # 3,000 times, and building them reads pydantic's metadata each time.
    return list(_field_specs(model, include_derived))


@functools.cache
def _field_specs(model: type[BaseModel], include_derived: bool) -> tuple[FieldSpec, ...]:
    specs: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if _LABEL not in extra:
            continue  # envelope fields (kind, scheme, doc_id) are not form fields
        kind, choices, item = _kind_of(info.annotation, bool(extra.get(_MULTILINE)))
        ge, le = _limits(info.metadata)
        specs.append(
            FieldSpec(
                name=name,
                label=str(extra[_LABEL]),
                annotation=info.annotation,
                kind=kind,
                unit=_opt_str(extra.get(_UNIT)),
                help=info.description,
                required=bool(extra.get(_REQUIRED)),
                ge=ge,
                le=le,
                format=_opt_str(extra.get(_FORMAT)),
                max_chars=_opt_int(extra.get(_MAX_CHARS)),
                choices=choices,
                item_model=item,
                declared_max_length=_opt_int(extra.get(_MAX_LENGTH)),
                recorded=bool(extra.get(_RECORDED)),
            )
        )
    if include_derived:
        for name, cinfo in model.model_computed_fields.items():
            extra = cinfo.json_schema_extra if isinstance(cinfo.json_schema_extra, dict) else {}
            if _LABEL not in extra:
                continue
            kind, choices, item = _kind_of(cinfo.return_type, False)
            specs.append(
                FieldSpec(
                    name=name,
                    label=str(extra[_LABEL]),
                    annotation=cinfo.return_type,
                    kind=kind,
                    unit=_opt_str(extra.get(_UNIT)),
                    help=cinfo.description,
                    derived=True,
                )
            )
    return tuple(specs)


def spec_of(model: type[BaseModel], name: str) -> FieldSpec:
    """The spec of one named field (declared or derived)."""
    for spec in field_specs(model):
        if spec.name == name:
            return spec
    raise KeyError(f"{model.__name__}.{name}")


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def percent(part: float | None, whole: float | None) -> float | None:
    """A derived percentage, rounded to two places; None when either side is missing or 0."""
    if part is None or not whole:
        return None
    return round(100.0 * part / whole, 2)
