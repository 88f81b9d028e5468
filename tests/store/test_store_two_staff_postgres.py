"""Two staff of one office on a shared PostgreSQL server, editing one 推荐表.

Each staff member has their own program: two ``open_database`` calls, two engines, two
connection pools, two ``DocumentStore`` caches — the only thing shared is the server.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from smedesk.demo.reports import shenyang_information_platform
from smedesk.demo.review import recommendation_form
from smedesk.store import DocumentStore, SaveConflict, open_database

from support.postgres import fresh_database


@pytest.fixture
def two_staff() -> Iterator[tuple[DocumentStore, DocumentStore, str]]:
    with fresh_database() as url:
        first_db, second_db = open_database(url), open_database(url)
        assert first_db.engine is not second_db.engine
        first, second = DocumentStore(first_db), DocumentStore(second_db)
        form = recommendation_form(shenyang_information_platform())
        data = form.model_dump(mode="json")
        doc_id = first.create(
            form.KIND, form.display_title(), data, scheme_id="miit-2017", scheme_version="1",
            owner_role="recommender", author="王科员",
        )  # fmt: skip
        try:
            yield first, second, doc_id
        finally:
            first_db.close()
            second_db.close()


def edited(data: dict[str, Any], **values: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data.update(values)
    return data


def test_same_field_second_staff_gets_the_conflict_and_both_texts_survive(
    two_staff: tuple[DocumentStore, DocumentStore, str],
) -> None:
    first, second, doc_id = two_staff
    a, b = first.get(doc_id), second.get(doc_id)
    text_a = "王科员：该平台带动全市中小企业数字化改造 320 家。"
    text_b = "李科员：该平台为沈阳市中小企业提供信息化服务，辐射辽宁全省。"
    first.save(doc_id, edited(a.data, regional_impact=text_a), base_version=a.version,
               author="王科员")  # fmt: skip
    with pytest.raises(SaveConflict) as caught:
        second.save(doc_id, edited(b.data, regional_impact=text_b), base_version=b.version,
                    author="李科员")  # fmt: skip
    conflict = caught.value
    [place] = conflict.conflicts
    assert place.path == "regional_impact"
    assert (place.theirs, place.mine) == (text_a, text_b)
    assert first.get(doc_id).data["regional_impact"] == text_a  # nothing of B's written yet
    # The second staff member keeps their own text; the first's stays in the history.
    second.save(doc_id, edited(conflict.data, regional_impact=text_b),
                base_version=conflict.version, author="李科员")  # fmt: skip
    assert first.get(doc_id).data["regional_impact"] == text_b
    history = first.revisions(doc_id)
    texts = [first.revision_data(doc_id, r.number).get("regional_impact") for r in history]
    assert text_a in texts and texts[-1] == text_b
    assert {r.author for r in history} >= {"王科员", "李科员"}


def test_different_fields_merge(two_staff: tuple[DocumentStore, DocumentStore, str]) -> None:
    first, second, doc_id = two_staff
    a, b = first.get(doc_id), second.get(doc_id)
    impact = "带动区域中小企业 500 余家。"
    opinion = "同意推荐。"
    first.save(doc_id, edited(a.data, regional_impact=impact), base_version=a.version,
               author="王科员")  # fmt: skip
    result = second.save(doc_id, edited(b.data, recommendation=opinion), base_version=b.version,
                         author="李科员")  # fmt: skip
    assert result.merged is not None
    stored = first.get(doc_id).data
    assert (stored["regional_impact"], stored["recommendation"]) == (impact, opinion)
    assert second.get(doc_id).version == result.version == a.version + 2
