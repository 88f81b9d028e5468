"""Signature strokes as text: round trip, clamping, and clear refusals of bad data."""

from __future__ import annotations

import pytest

from smedesk.forms import parse_document
from smedesk.forms.strokes import MAX_POINTS, StrokesError, format_strokes, parse_strokes


def test_round_trip_and_clamp() -> None:
    text = format_strokes([[(10.04, 20.0), (2000.0, -5.0)], [], [(3.0, 4.0)]])
    assert text == "10,20 1000,0;3,4"
    assert parse_strokes(text) == [[(10.0, 20.0), (1000.0, 0.0)], [(3.0, 4.0)]]
    assert parse_strokes(None) == [] and parse_strokes("  ") == []


@pytest.mark.parametrize("bad", ["1,2 x,3", "1;2", "5,5000", "nan,1"])
def test_bad_points_are_refused_in_chinese(bad: str) -> None:
    with pytest.raises(StrokesError, match="手写签名"):
        parse_strokes(bad)


def test_too_many_points() -> None:
    with pytest.raises(StrokesError, match=str(MAX_POINTS)):
        parse_strokes(" ".join(["1,1"] * (MAX_POINTS + 1)))


def test_sheets_without_the_new_fields_still_read() -> None:
    from smedesk.demo import creation, review

    data = review.expert_opinion(creation.dalian_professional_platform()).model_dump(mode="json")
    for name in ("signature_strokes", "signer_fingerprint"):
        data.pop(name)
    for row in data["criteria"]:
        row.pop("engine_outcome")
    doc = parse_document(data)
    assert doc.signature_strokes is None  # type: ignore[attr-defined]
