"""diff_json, its replay, folding of successive changes, and the incremental JSON text."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from smedesk.store.diff import (
    Change,
    apply_changes,
    compact_changes,
    diff_json,
    format_path,
    summarise_changes,
)

scalars = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=5)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from("abcde"), children, max_size=4)
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(["form", "doc_id", "x"]), json_values, max_size=3)


def test_paths_are_dotted_and_indexed() -> None:
    old = {"form": {"investors": [{"ratio": 1}, {"ratio": 2}, {"ratio": 3}]}}
    new = copy.deepcopy(old)
    new["form"]["investors"][2]["ratio"] = 4
    [change] = diff_json(old, new)
    assert change.path == "form.investors[2].ratio"
    assert (change.op, change.old, change.new) == ("replace", 3, 4)
    assert format_path(()) == ""


def test_added_and_removed_rows_and_keys() -> None:
    old = {"rows": [1, 2, 3], "gone": True}
    new = {"rows": [1], "added": "是"}
    changes = diff_json(old, new)
    assert [(c.path, c.op) for c in changes] == [
        ("rows[2]", "remove"),
        ("rows[1]", "remove"),
        ("gone", "remove"),
        ("added", "add"),
    ]
    assert apply_changes(copy.deepcopy(old), changes) == new


def test_summary_is_chinese_one_line() -> None:
    changes = diff_json(
        {"form": {"basic": {"total_assets": 250}}}, {"form": {"basic": {"total_assets": 320}}}
    )
    assert summarise_changes(changes) == "修改 form.basic.total_assets：250 → 320"
    many = [Change(("a", i), "add", new=i) for i in range(3)]
    assert summarise_changes(many, 70) == "新增 a[0]：0 等 70 处修改"
    assert summarise_changes([]) == "无修改"


@given(documents, documents)
@settings(max_examples=300, deadline=None)
def test_diff_is_empty_iff_equal_and_replays(old: dict[str, Any], new: dict[str, Any]) -> None:
    changes = diff_json(old, new)
    assert (changes == []) == (old == new)
    assert apply_changes(copy.deepcopy(old), changes) == new


@given(documents, documents, documents)
@settings(max_examples=300, deadline=None)
def test_compacted_changes_still_replay(
    first: dict[str, Any], second: dict[str, Any], third: dict[str, Any]
) -> None:
    merged = compact_changes(diff_json(first, second), diff_json(second, third))
    assert apply_changes(copy.deepcopy(first), merged) == third
    # Folding never lengthens the log.
    assert len(merged) <= len(diff_json(first, second)) + len(diff_json(second, third))


def test_compaction_folds_repeated_edits_of_one_field() -> None:
    a, b, c = {"x": 1}, {"x": 2}, {"x": 3}
    merged = compact_changes(diff_json(a, b), diff_json(b, c))
    assert merged == [Change(("x",), "replace", 1, 3)]
    assert compact_changes(diff_json(a, b), diff_json(b, a)) == []


def test_the_stores_copy_shares_only_equal_texts_and_ints_never_containers() -> None:
    from smedesk.store.jsontext import dumps
    from smedesk.store.sharing import shared_with

    mine = {"a": "沈阳", "n": 1, "f": 0.0, "b": True, "rows": [{"x": "甲", "y": 2}], "z": None}
    theirs = {"a": "沈阳", "n": 1.0, "f": -0.0, "b": 1, "rows": [{"x": "甲", "y": 2}], "z": None}
    theirs["a"] = "".join(["沈", "阳"])  # equal, but another object
    copy_ = shared_with(mine, theirs)
    assert copy_ == mine and dumps(copy_) == dumps(mine)  # same text: 1 stays 1, 0.0 stays 0.0
    assert copy_["a"] is theirs["a"] and copy_["rows"][0]["x"] is theirs["rows"][0]["x"]
    assert copy_["n"] is mine["n"] and copy_["f"] is mine["f"] and copy_["b"] is mine["b"]
    assert copy_ is not theirs and copy_["rows"] is not theirs["rows"]
    assert copy_["rows"][0] is not theirs["rows"][0]
    theirs["rows"][0]["x"] = "乙"  # the caller goes on editing: the copy is not affected
    assert copy_["rows"][0]["x"] == "甲"
    # Another key order, or other lengths: that part is kept as it was.
    reordered = {"b": 1, "a": "x"}
    kept = {"a": "x", "b": 1}
    assert shared_with(kept, reordered) is kept
    assert list(shared_with(kept, reordered)) == ["a", "b"]
    assert shared_with([1, 2], [1, 2, 3]) == [1, 2]
