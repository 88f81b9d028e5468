"""Two stores (two windows, two staff) saving one document: merged, or a conflict, never lost."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from smedesk.store import Database, DocumentStore, SaveConflict

DATA: dict[str, Any] = {"form": {"basic": {"name": "平台", "assets": 100, "staff": 10}}, "rows": []}


@pytest.fixture
def pair(database: Database) -> tuple[DocumentStore, DocumentStore, str]:
    first, second = DocumentStore(database), DocumentStore(database)
    doc_id = first.create(
        "application-report", "申请", copy.deepcopy(DATA),
        scheme_id="miit-2017", scheme_version="1", author="甲",
    )  # fmt: skip
    return first, second, doc_id


def with_value(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["form"]["basic"][key] = value
    return data


def test_saves_to_different_fields_merge_and_report_the_merged_data(pair: Any) -> None:
    first, second, doc_id = pair
    a, b = first.get(doc_id), second.get(doc_id)
    assert a.version == b.version == 1
    result_a = first.save(doc_id, with_value(a.data, "assets", 200), base_version=1, author="甲")
    assert result_a.version == 2 and result_a.merged is None
    result_b = second.save(doc_id, with_value(b.data, "staff", 12), base_version=1, author="乙")
    assert result_b.version == 3
    assert result_b.merged is not None and result_b.merged["form"]["basic"]["assets"] == 200
    stored = first.get(doc_id)
    assert stored.version == 3
    assert stored.data["form"]["basic"] == {"name": "平台", "assets": 200, "staff": 12}


def test_same_field_is_a_conflict_with_both_values_and_nothing_written(pair: Any) -> None:
    first, second, doc_id = pair
    a, b = first.get(doc_id), second.get(doc_id)
    first.save(doc_id, with_value(a.data, "name", "甲的名称"), base_version=1, author="甲")
    mine = with_value(with_value(b.data, "name", "乙的名称"), "staff", 99)
    with pytest.raises(SaveConflict) as caught:
        second.save(doc_id, mine, base_version=1, author="乙")
    conflict = caught.value
    [item] = conflict.conflicts
    assert (item.path, item.mine, item.theirs) == ("form.basic.name", "乙的名称", "甲的名称")
    assert conflict.version == 2
    # The non-conflicting change is already in the data handed back for resolving.
    assert conflict.data["form"]["basic"]["staff"] == 99
    assert "form.basic.name" in conflict.message
    assert first.get(doc_id).data["form"]["basic"]["name"] == "甲的名称"  # nothing written
    # The user keeps their own value: saved on top of the stored version, both survive in
    # the history.
    resolved = with_value(conflict.data, "name", item.mine)
    result = second.save(doc_id, resolved, base_version=conflict.version, author="乙")
    assert result.merged is None
    assert first.get(doc_id).data["form"]["basic"] == {
        "name": "乙的名称", "assets": 100, "staff": 99,
    }  # fmt: skip
    numbers = [r.number for r in first.revisions(doc_id)]
    values = [first.revision_data(doc_id, n)["form"]["basic"]["name"] for n in numbers]
    assert "甲的名称" in values and "乙的名称" in values


def test_base_unknown_to_the_store_puts_every_difference_to_the_user(
    pair: Any, database: Database
) -> None:
    first, _second, doc_id = pair
    base = first.get(doc_id).data
    first.save(doc_id, with_value(base, "assets", 1), base_version=1, author="甲")
    stranger = DocumentStore(database)  # never read version 1
    with pytest.raises(SaveConflict) as caught:
        stranger.save(doc_id, with_value(base, "staff", 2), base_version=1, author="丙")
    paths = {c.path for c in caught.value.conflicts}
    assert paths == {"form.basic.assets", "form.basic.staff"}
    # Given the base explicitly, the same save merges.
    result = stranger.save(
        doc_id, with_value(base, "staff", 2), base_version=1, author="丙", base_data=base
    )
    assert result.merged is not None and result.merged["form"]["basic"]["assets"] == 1


def test_summary_columns_follow_the_data(pair: Any) -> None:
    first, _second, doc_id = pair
    data = first.get(doc_id).data
    data["form"]["basic"].update(applicant_name="沈阳市中小企业服务中心", uscc="91210100MA0Y7XKB2C")
    first.save(doc_id, data, base_version=1, author="甲")
    [info] = first.list()
    assert (info.organisation, info.uscc, info.version) == (
        "沈阳市中小企业服务中心", "91210100MA0Y7XKB2C", 2,
    )  # fmt: skip
    assert [i.id for i in first.list(search="91210100MA0Y")] == [doc_id]
    assert [i.id for i in first.list(search="服务中心")] == [doc_id]


def test_a_save_based_on_a_future_version_is_refused(pair: Any) -> None:
    from smedesk.store import StoreError

    first, _second, doc_id = pair
    with pytest.raises(StoreError, match="还新"):
        first.save(doc_id, DATA, base_version=5, author="甲")


def test_a_resolution_overtaken_by_another_save_still_merges(pair: Any) -> None:
    first, second, doc_id = pair
    a, b = first.get(doc_id), second.get(doc_id)
    first.save(doc_id, with_value(a.data, "name", "甲"), base_version=1, author="甲")
    with pytest.raises(SaveConflict) as caught:
        second.save(doc_id, with_value(b.data, "name", "乙"), base_version=1, author="乙")
    conflict = caught.value
    # While 乙 chooses, 甲 saves again (another field).
    latest = first.get(doc_id)
    first.save(doc_id, with_value(latest.data, "assets", 300), base_version=2, author="甲")
    resolved = with_value(conflict.data, "name", "乙")
    result = second.save(doc_id, resolved, base_version=conflict.version, author="乙")
    assert result.merged is not None
    assert first.get(doc_id).data["form"]["basic"] == {"name": "乙", "assets": 300, "staff": 10}
