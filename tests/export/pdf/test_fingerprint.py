"""The fingerprint: canonical JSON of the input data, derived fields left out."""

from __future__ import annotations

import json

from smedesk.export.fingerprint import canonical_json, document_fingerprint, short_fingerprint
from smedesk.forms import parse_document

from support import pdf_samples as samples


def test_changing_one_figure_changes_the_fingerprint() -> None:
    doc = samples.application_report(served=5)
    before = document_fingerprint(doc)
    doc.form.basic.total_assets = 4850.6
    after = document_fingerprint(doc)
    assert before != after
    assert len(before) == 64 and int(before, 16) >= 0


def test_same_data_same_fingerprint() -> None:
    a = samples.application_report(served=5)
    b = samples.application_report(served=5)
    assert document_fingerprint(a) == document_fingerprint(b)
    assert short_fingerprint(document_fingerprint(a)) == document_fingerprint(a)[:16]


def test_canonical_json_sorted_compact_without_derived_fields() -> None:
    doc = samples.application_report(served=3)
    raw = canonical_json(doc).decode("utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    basic = data["form"]["basic"]
    assert "total_assets" in basic
    for derived in ("equipment_asset_percent", "qualified_staff_percent", "investor_ratio_total"):
        assert derived not in basic
    assert "served_count" not in data and "served_satisfaction_percent" not in data
    assert "is_western" not in data["region"]


def test_derived_fields_do_not_move_the_fingerprint() -> None:
    # Derived values follow from the inputs: only an input change may show.
    doc = samples.application_report(served=3)
    data = doc.model_dump(mode="json")
    assert "equipment_asset_percent" in data["form"]["basic"]
    rebuilt = parse_document(data)  # the reading path: derived fields stripped, recomputed
    assert document_fingerprint(rebuilt) == document_fingerprint(doc)
