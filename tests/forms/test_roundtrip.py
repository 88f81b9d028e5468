"""Every document kind survives JSON and back unchanged, for documents hypothesis invents.

Strategies are built from ``field_specs`` (the one declaration of each field), not
from type hints: derived fields are computed, and limits (ge/le) come from the specs.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import types
import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from smedesk.forms import DOCUMENT_KINDS, Document, SchemeRef, parse_document_json
from smedesk.forms.fields import FieldSpec, field_specs
from smedesk.forms.keys import unknown_fields

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PRINTABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
TEXT = st.text(alphabet=st.one_of(CHINESE, PRINTABLE), max_size=24)
SCHEME_IDS = (
    "miit-2017",
    "miit-2019-call",
    "miit-creation",
    "liaoning-creation",
    "casmeic-2019",
    "tibet",
)


def _nullable(annotation: Any) -> bool:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return type(None) in typing.get_args(annotation)
    return False


def _number_bounds(spec: FieldSpec, low: float, high: float) -> tuple[float, float]:
    return (spec.ge if spec.ge is not None else low, spec.le if spec.le is not None else high)


def value_strategy(spec: FieldSpec) -> st.SearchStrategy[Any]:
    base: st.SearchStrategy[Any]
    if spec.kind in ("text", "multiline"):
        base = TEXT
    elif spec.kind == "textlist":
        base = st.lists(TEXT, max_size=4)
    elif spec.kind == "int":
        low, high = _number_bounds(spec, -1_000_000, 1_000_000_000)
        base = st.integers(min_value=math.ceil(low), max_value=math.floor(high))
    elif spec.kind == "float":
        low, high = _number_bounds(spec, -1e9, 1e12)
        base = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    elif spec.kind == "date":
        base = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))
    elif spec.kind == "bool":
        base = st.booleans()
    elif spec.kind == "choice":
        base = st.sampled_from(spec.choices)
    elif spec.kind == "multichoice":
        base = st.lists(st.sampled_from(spec.choices), max_size=len(spec.choices) + 1)
    elif spec.kind == "model":
        assert spec.item_model is not None
        base = model_strategy(spec.item_model)
    elif spec.kind == "list":
        assert spec.item_model is not None
        base = st.lists(model_strategy(spec.item_model), max_size=3)
    else:  # pragma: no cover - a new kind of field needs a strategy here
        raise AssertionError(f"no strategy for {spec.name}: {spec.kind}")
    return st.one_of(st.none(), base) if _nullable(spec.annotation) else base


def _must_give(model: type[BaseModel], name: str) -> bool:
    """A field the model requires (or typed never-None yet defaulting to None)."""
    info = model.model_fields[name]
    return info.is_required() or (info.default is None and not _nullable(info.annotation))


def _fields(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    required: dict[str, Any] = {}
    optional: dict[str, Any] = {}
    for spec in field_specs(model, include_derived=False):
        target = required if _must_give(model, spec.name) else optional
        target[spec.name] = value_strategy(spec)
    return required, optional


def model_strategy(model: type[BaseModel]) -> st.SearchStrategy[BaseModel]:
    required, optional = _fields(model)
    # Every other field may be left out (a draft), so defaults are exercised too.
    return st.fixed_dictionaries(required, optional=optional).map(lambda values: model(**values))


def document_strategy(model: type[Document]) -> st.SearchStrategy[Document]:
    scheme = st.builds(
        SchemeRef,
        id=st.sampled_from(SCHEME_IDS),
        version=st.from_regex(r"\A[0-9]{1,4}(\.[0-9]{1,2})?\Z"),
    )
    fields = {spec.name: value_strategy(spec) for spec in field_specs(model, include_derived=False)}
    return st.fixed_dictionaries(
        {"scheme": scheme, "doc_id": st.uuids().map(str)}, optional=fields
    ).map(lambda values: model(**values))


def derived_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_computed_fields)


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_json_round_trip(kind: str) -> None:
    model = DOCUMENT_KINDS[kind]

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(document_strategy(model))
    def check(doc: Document) -> None:
        text = doc.model_dump_json()
        # The reading path (derived fields stripped, unknown ones refused) gives it back.
        again = parse_document_json(text)
        assert again == doc
        data = json.loads(text)
        assert unknown_fields(model, data) == []
        assert data["kind"] == kind == model.KIND
        assert set(data["scheme"]) == {"id", "version"}
        # Derived figures, recomputed from the parsed parts, equal the ones written.
        assert json.loads(again.model_dump_json()) == data
        for name in derived_names(model):
            assert data[name] == json.loads(json.dumps(getattr(again, name), default=str))

    check()


def _all_models() -> list[type[BaseModel]]:
    """Every model reachable from a document kind, each once."""
    seen: list[type[BaseModel]] = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for spec in field_specs(model, include_derived=False):
            if spec.item_model is not None:
                walk(spec.item_model)

    for model in DOCUMENT_KINDS.values():
        walk(model)
    return seen


def test_every_field_kind_has_a_strategy() -> None:
    """Walk every model reachable from a document: each field gets a strategy."""
    models = _all_models()
    for model in models:
        for spec in field_specs(model, include_derived=False):
            value_strategy(spec)
    assert len(models) > len(DOCUMENT_KINDS)


def test_defaults_are_readable_back() -> None:
    """No field is typed never-None while defaulting to None (a draft could not be read back)."""
    unreadable = [
        f"{model.__name__}.{name}"
        for model in _all_models()
        for name, info in model.model_fields.items()
        if info.default is None and not _nullable(info.annotation)
    ]
    assert unreadable == []
