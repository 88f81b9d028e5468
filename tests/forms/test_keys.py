"""Derived fields are stripped before reading; any other undeclared key refuses the document."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from smedesk.demo import build_demo_set
from smedesk.forms import (
    DOCUMENT_KINDS,
    ApplicationReport,
    CreationApplication,
    DocumentError,
    SchemeRef,
    parse_document,
    parse_document_json,
)
from smedesk.forms.keys import strip_derived, unknown_fields

REFUSAL = "本程序不认识这个字段（可能来自更新版本的 smedesk），为避免丢失数据，拒绝读取。"


def shenyang() -> dict[str, Any]:
    doc = build_demo_set()["application-miit-2017-shenyang-info.json"]
    data: dict[str, Any] = json.loads(doc.model_dump_json())
    return data


def test_models_refuse_unknown_keys_at_every_level() -> None:
    for model in DOCUMENT_KINDS.values():
        assert model.model_config.get("extra") == "forbid"
    assert SchemeRef.model_config.get("extra") == "forbid"


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda d: d, "foo"),
        (lambda d: d["scheme"], "scheme.foo"),
        (lambda d: d["form"]["basic"], "form.basic.foo"),
        (lambda d: d["staff"][2], "staff[2].foo"),
        (lambda d: d["form"]["basic"]["investors"][0], "form.basic.investors[0].foo"),
        (lambda d: d["region"], "region.foo"),
    ],
)
def test_an_unknown_field_is_refused_naming_its_path(where: Any, path: str) -> None:
    data = shenyang()
    where(data)["foo"] = "新版本的内容"
    before = copy.deepcopy(data)
    assert unknown_fields(ApplicationReport, data) == [path]
    with pytest.raises(DocumentError) as caught:
        parse_document(data)
    assert caught.value.message == f"未知字段 {path}：{REFUSAL}"
    assert data == before  # neither call changed the caller's data


def test_several_unknown_fields_are_all_named() -> None:
    data = shenyang()
    data["form"]["basic"]["foo"] = 1
    data["narratives"]["bar"] = 2
    assert unknown_fields(ApplicationReport, data) == ["form.basic.foo", "narratives.bar"]
    with pytest.raises(
        DocumentError, match=r"未知字段 form\.basic\.foo、narratives\.bar：本程序不认识这些字段"
    ):
        parse_document(data)


def test_unknown_fields_win_over_other_problems_in_the_message() -> None:
    data = shenyang()
    data["form"]["basic"]["employees"] = "很多"  # a bad value as well
    data["form"]["basic"]["foo"] = 1
    with pytest.raises(DocumentError, match=r"^未知字段 form\.basic\.foo："):
        parse_document(data)


def test_derived_fields_are_not_unknown() -> None:
    data = shenyang()
    assert "is_western" in data["region"] and "served_count" in data
    assert unknown_fields(ApplicationReport, data) == []
    assert parse_document(data).model_dump(mode="json") == data


def test_the_other_problems_name_the_path_as_the_editor_does() -> None:
    data = shenyang()
    data["form"]["operations"][1]["year"] = "去年"
    with pytest.raises(DocumentError, match=r"form\.operations\[1\]\.year：应为整数"):
        parse_document(data)


def test_strip_derived_reaches_nested_models_and_list_rows() -> None:
    doc = build_demo_set()["creation-liaoning-dalian-professional.json"]
    data = json.loads(doc.model_dump_json())
    stripped = strip_derived(CreationApplication, copy.deepcopy(data))
    assert stripped != data
    assert CreationApplication.model_validate(stripped) == doc  # nothing derived left behind
    assert strip_derived(CreationApplication, stripped) == stripped  # idempotent


def test_strip_derived_leaves_misshapen_values_for_validation_to_report() -> None:
    data: dict[str, Any] = {"kind": "application-report", "region": "辽宁", "staff": [1, None]}
    assert strip_derived(ApplicationReport, copy.deepcopy(data)) == data


def test_a_json_file_with_an_unknown_field_is_refused() -> None:
    data = shenyang()
    data["future_field"] = {"a": 1}
    with pytest.raises(DocumentError, match="未知字段 future_field："):
        parse_document_json(json.dumps(data, ensure_ascii=False).encode("utf-8"))
