"""Document input limits: size, depth, duplicate keys, per-field text caps, control characters."""

from __future__ import annotations

import json

import pytest

from smedesk.forms import DocumentError, parse_document_json
from smedesk.forms.application import BasicInfo
from smedesk.forms.fields import LIST_LIMIT, MULTILINE_LIMIT, TEXT_LIMIT, spec_of
from smedesk.forms.jsonload import MAX_DEPTH, depth_of
from smedesk.forms.text import clean_text


def report(**basic: object) -> dict[str, object]:
    return {
        "kind": "application-report",
        "scheme": {"id": "miit-2017", "version": "2017"},
        "form": {"basic": basic},
    }


def test_caps_are_declared_on_the_fields() -> None:
    assert spec_of(BasicInfo, "applicant_name").max_length == TEXT_LIMIT
    narrative = [s for s in _all_specs() if s.kind == "multiline"]
    assert narrative and all(s.max_length >= MULTILINE_LIMIT for s in narrative)
    assert all(s.max_length >= 4 * (s.max_chars or 0) for s in _all_specs())


def _all_specs() -> list:  # type: ignore[type-arg]
    from smedesk.forms.fields import field_specs
    from smedesk.forms.registry import DOCUMENT_KINDS

    seen, out, todo = set(), [], list(DOCUMENT_KINDS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for spec in field_specs(model, include_derived=False):
            out.append(spec)
            if spec.item_model is not None:
                todo.append(spec.item_model)
    return out


def test_a_name_over_its_cap_is_refused_naming_the_field_and_the_cap() -> None:
    ok = parse_document_json(json.dumps(report(applicant_name="名" * TEXT_LIMIT)))
    assert ok.kind == "application-report"
    with pytest.raises(DocumentError, match=r"“申请单位名称”的内容过长.*1,000 字的上限"):
        parse_document_json(json.dumps(report(applicant_name="名" * (TEXT_LIMIT + 1))))


def test_a_list_over_the_row_cap_is_refused() -> None:
    data = report()
    data["staff"] = [{}] * (LIST_LIMIT + 1)
    with pytest.raises(DocumentError, match="20,000 行的上限"):
        parse_document_json(json.dumps(data))


def test_depth_duplicates_and_kind() -> None:
    with pytest.raises(DocumentError, match=f"{MAX_DEPTH} 层"):
        parse_document_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert depth_of([[[]]]) == 3
    with pytest.raises(DocumentError, match="重复的键“scheme”"):
        parse_document_json('{"kind": "application-report", "scheme": {}, "scheme": {}}')
    for bad in ('{"kind": []}', '{"kind": {"a": 1}}', '{"kind": 3}'):
        with pytest.raises(DocumentError, match="未知的文档类型"):
            parse_document_json(bad)


def test_control_characters_are_cleaned_where_text_enters() -> None:
    assert clean_text("张\u000b三\u0000\u0007") == "张\n三"
    assert clean_text("正常文字\t\n") == "正常文字\t\n"
    doc = parse_document_json(json.dumps(report(applicant_name="沈阳\u000b平台\u0001")))
    assert doc.form.basic.applicant_name == "沈阳\n平台"  # type: ignore[attr-defined]


def _firms(count: int) -> list[dict[str, object]]:
    return [{"name": f"企业{i}", "uscc": f"91210100MA{i:08d}", "contact": None,
             "phone": "024-12345678", "service_content": "培训"} for i in range(count)]  # fmt: skip


def test_one_long_text_among_a_thousand_rows_is_found_with_its_field() -> None:
    # The rows are judged in one pass first; a text over the smallest cap sends the check
    # row by row, which names the field.
    data = report()
    data["served_enterprises"] = _firms(1000)
    parse_document_json(json.dumps(data))  # all within their caps
    data["served_enterprises"][737]["service_content"] = "培" * (TEXT_LIMIT + 1)
    with pytest.raises(DocumentError, match=r"“服务内容”的内容过长"):
        parse_document_json(json.dumps(data))


def test_a_long_text_hidden_in_a_nested_value_of_a_row_is_still_refused() -> None:
    # An object where a row holds text: its len is not a text's length, so the
    # one-pass judgement gives way to the walk, which reaches the text inside (held to the
    # cap of text outside declared fields).
    data = report()
    data["served_enterprises"] = _firms(300)
    data["served_enterprises"][5]["name"] = {"x": "名" * (MULTILINE_LIMIT + 1)}
    with pytest.raises(DocumentError, match="内容过长"):
        parse_document_json(json.dumps(data))
