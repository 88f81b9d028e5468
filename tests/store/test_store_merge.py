"""Three-way merge of two saves: different fields both kept, the same field a conflict."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from smedesk.store.merge import MISSING, three_way_merge

BASE: dict[str, Any] = {
    "form": {"basic": {"name": "平台", "assets": 100, "staff": 10}},
    "rows": [{"name": "甲"}, {"name": "乙"}],
}


def edited(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return data


def test_different_fields_are_both_kept() -> None:
    result = three_way_merge(BASE, edited(form__basic__assets=200), edited(form__basic__staff=12))
    assert result.conflicts == []
    assert result.data["form"]["basic"] == {"name": "平台", "assets": 200, "staff": 12}


def test_same_field_different_values_is_a_conflict_with_both_values() -> None:
    result = three_way_merge(
        BASE, edited(form__basic__name="我的"), edited(form__basic__name="他的")
    )
    [conflict] = result.conflicts
    assert conflict.path == "form.basic.name"
    assert (conflict.base, conflict.mine, conflict.theirs) == ("平台", "我的", "他的")
    assert result.data["form"]["basic"]["name"] == "他的"  # stored value until resolved


def test_same_change_on_both_sides_is_no_conflict() -> None:
    result = three_way_merge(BASE, edited(form__basic__staff=3), edited(form__basic__staff=3))
    assert result.conflicts == [] and result.data["form"]["basic"]["staff"] == 3


def test_rows_appended_on_both_sides_are_all_kept_theirs_first() -> None:
    mine = copy.deepcopy(BASE)
    mine["rows"].append({"name": "我加的"})
    theirs = copy.deepcopy(BASE)
    theirs["rows"].append({"name": "他加的"})
    result = three_way_merge(BASE, mine, theirs)
    assert result.conflicts == []
    assert [r["name"] for r in result.data["rows"]] == ["甲", "乙", "他加的", "我加的"]


def test_cell_edits_in_different_rows_merge() -> None:
    result = three_way_merge(BASE, edited(rows__0__name="甲2"), edited(rows__1__name="乙2"))
    assert result.conflicts == []
    assert [r["name"] for r in result.data["rows"]] == ["甲2", "乙2"]


def test_row_removed_on_one_side_and_edited_on_the_other_is_one_list_conflict() -> None:
    mine = copy.deepcopy(BASE)
    mine["rows"].pop()
    result = three_way_merge(BASE, mine, edited(rows__1__name="乙2"))
    [conflict] = result.conflicts
    assert conflict.path == "rows"
    assert conflict.mine == mine["rows"] and conflict.theirs[1]["name"] == "乙2"


def test_key_added_on_one_side_and_removed_key_are_kept_apart() -> None:
    mine = copy.deepcopy(BASE)
    mine["form"]["basic"]["new"] = 1
    theirs = copy.deepcopy(BASE)
    del theirs["form"]["basic"]["staff"]
    result = three_way_merge(BASE, mine, theirs)
    assert result.conflicts == []
    assert result.data["form"]["basic"] == {"name": "平台", "assets": 100, "new": 1}


def test_deleted_on_one_side_edited_on_the_other_is_a_conflict() -> None:
    theirs = copy.deepcopy(BASE)
    del theirs["form"]["basic"]["staff"]
    result = three_way_merge(BASE, edited(form__basic__staff=11), theirs)
    [conflict] = result.conflicts
    assert conflict.mine == 11 and conflict.theirs is MISSING


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["a", "b"]))
documents = st.fixed_dictionaries(
    {"a": json_leaf, "b": json_leaf, "rows": st.lists(st.fixed_dictionaries({"x": json_leaf}))}
)


@given(documents, documents, documents)
def test_merge_keeps_every_one_sided_change(base: Any, mine: Any, theirs: Any) -> None:
    result = three_way_merge(base, mine, theirs)
    conflicted = {c.parts for c in result.conflicts}
    for key in ("a", "b"):
        if (key,) in conflicted:
            assert result.data[key] == theirs[key]
        elif mine[key] != base[key] or type(mine[key]) is not type(base[key]):
            assert result.data[key] == mine[key]
        else:
            assert result.data[key] == theirs[key]
    if not result.conflicts:
        # Without conflicts nothing either side had is lost: merging again changes nothing.
        assert three_way_merge(theirs, result.data, theirs).data == result.data
