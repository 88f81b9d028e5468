"""A document's fingerprint: SHA-256 of the canonical JSON of its input data.

Printed on every page of the PDF (footer and QR) and reused by the exchange packages,
so a sheet of paper, a package and a database record can be matched to one another.
Derived (computed) fields are left out: they follow from the inputs, and a change of
the formula that computes them must not make the same typed data look different.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

#: How many hex digits of the fingerprint the footer prints (64 bits: enough to tell
#: two versions of one document apart by eye; the QR and packages carry the same).
SHORT_LENGTH = 16


def input_data(model: BaseModel) -> dict[str, Any]:
    """``model_dump(mode="json")`` without the computed fields, at every depth."""
    return _strip_derived(model, model.model_dump(mode="json"))


def canonical_json(model: BaseModel) -> bytes:
    """The input data as UTF-8 JSON with sorted keys and no whitespace."""
    text = json.dumps(input_data(model), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def document_fingerprint(doc: BaseModel) -> str:
    """SHA-256 (64 hex digits) of :func:`canonical_json`."""
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def short_fingerprint(fingerprint: str) -> str:
    """The part of a fingerprint printed in footers."""
    return fingerprint[:SHORT_LENGTH]


def _strip_derived(model: BaseModel, data: dict[str, Any]) -> dict[str, Any]:
    # Walk the model beside its dump: only the model knows which keys are computed.
    for name in type(model).model_computed_fields:
        data.pop(name, None)
    for name in type(model).model_fields:
        value = getattr(model, name, None)
        dumped = data.get(name)
        if isinstance(value, BaseModel) and isinstance(dumped, dict):
            _strip_derived(value, dumped)
        elif isinstance(value, list | tuple) and isinstance(dumped, list):
            for item, item_dump in zip(value, dumped, strict=False):
                if isinstance(item, BaseModel) and isinstance(item_dump, dict):
                    _strip_derived(item, item_dump)
    return data
