"""Format 2 → 3: the free-text recognition becomes a structured row, nothing dropped."""

from __future__ import annotations

import json
from pathlib import Path

from smedesk.forms import ApplicationReport, parse_document
from smedesk.forms.common import Document
from smedesk.forms.upgrades import FORMAT_VERSION, upgrade

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "format-2"


def _load(name: str) -> dict[str, object]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    assert data["format_version"] == 2  # written by the release before this change
    return data


def test_the_format_default_follows_the_upgrades() -> None:
    assert FORMAT_VERSION == 3
    assert Document.model_fields["format_version"].default == FORMAT_VERSION


def test_a_format_2_report_opens_with_its_recognition_as_a_row() -> None:
    for name, text in [
        (
            "application-miit-2017-format-2.json",
            "辽宁省中小企业公共服务示范平台（辽中小企发〔2016〕38号）",
        ),
        ("application-tibet-format-2.json", "拉萨市中小企业公共服务平台（拉经信发〔2018〕12号）"),
    ]:
        data = _load(name)
        doc = parse_document(data)
        assert isinstance(doc, ApplicationReport) and doc.format_version == 3
        (row,) = doc.form.support.recognitions
        assert row.document == text  # the applicant's words, kept
        assert row.level is None  # left for the applicant to state, never guessed
        assert doc.form.basic.service_staff is None  # 从业人数 is not copied into it
        assert doc.form.basic.employees == data["form"]["basic"]["employees"]  # type: ignore[index]


def test_an_empty_recognition_text_becomes_no_row_and_the_input_is_not_changed() -> None:
    data = _load("application-miit-2017-format-2.json")
    data["form"]["support"]["recognition_documents"] = "  "  # type: ignore[index]
    out = upgrade(data)
    assert out["form"]["support"]["recognitions"] == []
    assert "recognition_documents" in data["form"]["support"]  # type: ignore[index]
    assert "recognition_documents" not in out["form"]["support"]


def test_the_upgraded_report_saves_as_format_3() -> None:
    doc = parse_document(_load("application-miit-2017-format-2.json"))
    again = json.loads(doc.model_dump_json())
    assert again["format_version"] == 3 and "recognitions" in again["form"]["support"]
    assert parse_document(again).model_dump() == doc.model_dump()
