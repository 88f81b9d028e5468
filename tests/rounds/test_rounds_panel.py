"""The 推荐表's panel opinion and experts' table, composed from the signed opinion sheets."""

from __future__ import annotations

from typing import Any

import pytest

from smedesk.forms import parse_document
from smedesk.forms.enums import Assessment, AuthorityType, Conclusion
from smedesk.forms.opinion import ExpertOpinion
from smedesk.forms.opinion_tally import tally
from smedesk.rounds.panel import MORE, OPINION_LIMIT, compose_panel
from smedesk.rounds.service import RoundStore
from smedesk.store import StoreError

from support.round_fixtures import CRITERIA, application, store_application, store_sheet
from support.round_fixtures import opinion_sheet as opinion


def sheets(*data: dict[str, Any]) -> list[ExpertOpinion]:
    parsed = [parse_document(d) for d in data]
    assert all(isinstance(p, ExpertOpinion) for p in parsed)
    return parsed  # type: ignore[return-value]


M, P, F = Assessment.MEETS, Assessment.PARTLY, Assessment.FAILS


def test_tally_counts_conclusions_and_each_criterion_in_the_sheets_order() -> None:
    counted = tally(sheets(
        opinion("张", Conclusion.RECOMMEND, (M, M, P)),
        opinion("李", Conclusion.RECOMMEND, (M, P, None)),
        opinion("王", Conclusion.NOT_RECOMMEND, (F, M, P)),
    ))  # fmt: skip
    assert counted.sheets == 3
    assert counted.conclusions == {Conclusion.RECOMMEND: 2, Conclusion.NOT_RECOMMEND: 1}
    assert counted.conclusions_text() == "同意推荐 2 份，不同意推荐 1 份"
    assert [c.label for c in counted.criteria] == list(CRITERIA)
    assert [c.text() for c in counted.criteria] == [
        "符合 2，不符合 1", "符合 2，基本符合 1", "基本符合 2，未评 1"]  # fmt: skip


def test_only_signed_sheets_make_the_panel_and_the_unsigned_are_named() -> None:
    panel = compose_panel("沈阳甲信息服务有限公司", sheets(
        opinion("张", Conclusion.RECOMMEND, (M, M, M), overall="平台服务能力强。"),
        opinion("李", Conclusion.NOT_RECOMMEND, (F, F, F), signed=False),
        opinion("王", Conclusion.RECOMMEND, (M, P, M), overall="建议加强人员培训。"),
    ))  # fmt: skip
    assert [m["name"] for m in panel.members] == ["张", "王"]
    assert panel.members[0] == {
        "name": "张",
        "title": "教授",
        "employer": "张所在大学",
        "signed": False,
    }  # signed on paper, ticked by the authority
    assert panel.unsigned == ["李"]
    assert panel.counted.sheets == 2
    text = panel.opinion
    assert "专家组共 2 位专家" in text and "同意推荐 2 份" in text and "不同意" not in text
    assert "服务机构人员：符合 1，基本符合 1；" in text
    assert "张：平台服务能力强。" in text and "王：建议加强人员培训。" in text
    # the sheets' order is kept: no ranking of experts or applications
    assert text.index("张：") < text.index("王：")


def test_no_signed_sheet_gives_no_draft() -> None:
    panel = compose_panel("甲", sheets(opinion("李", None, (None, None, None), signed=False)))
    assert panel.members == [] and panel.opinion == "" and panel.unsigned == ["李"]


def test_a_long_draft_stays_within_the_forms_limit_and_says_where_the_rest_is() -> None:
    long = "服务" * 600  # 1,200 characters each
    panel = compose_panel("甲", sheets(*(opinion(f"专家{i}", Conclusion.RECOMMEND, (M, M, M),
                                                  overall=long) for i in range(4))))  # fmt: skip
    assert len(panel.opinion) <= OPINION_LIMIT
    assert panel.opinion.endswith(MORE)
    assert f"专家0：{long}" in panel.opinion
    assert len(panel.members) == 4  # the table lists every signed expert all the same


def _round_with_application(rounds: RoundStore) -> tuple[str, str, str]:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    data = application("沈阳甲信息服务有限公司", "91210100A000000001", range(20))
    doc_id = store_application(rounds.documents, data)
    rounds.add_application(round_.id, doc_id, author="王科员")
    return round_.id, doc_id, data["doc_id"]


def test_open_form_creates_it_prefilled_and_never_overwrites_what_the_authority_wrote(
    rounds: RoundStore,
) -> None:
    round_id, doc_id, key = _round_with_application(rounds)
    store_sheet(
        rounds.documents, opinion("张", Conclusion.RECOMMEND, (M, M, M), application_id=key)
    )
    form_id = rounds.open_form(round_id, doc_id, author="王科员")
    data = rounds.documents.get(form_id).data
    assert data["operator_name"] == "沈阳甲信息服务有限公司"
    assert data["province"] == "辽宁省工业和信息化厅"
    assert data["application_id"] == key
    assert [m["name"] for m in data["panel"]] == ["张"]
    assert "专家组共 1 位专家" in data["panel_opinion"]

    own = {**data, "panel_opinion": "专家组一致同意推荐。"}
    rounds.documents.save(form_id, own, base_version=rounds.documents.version(form_id),
                          author="王科员")  # fmt: skip
    store_sheet(
        rounds.documents, opinion("王", Conclusion.RECOMMEND, (M, P, M), application_id=key)
    )
    assert rounds.open_form(round_id, doc_id, author="王科员") == form_id  # the same form
    again = rounds.documents.get(form_id).data
    assert again["panel_opinion"] == "专家组一致同意推荐。"
    assert [m["name"] for m in again["panel"]] == ["张"]

    # asked explicitly, the composed table and draft replace them
    panel = rounds.compose_into_form(round_id, doc_id, author="王科员")
    replaced = rounds.documents.get(form_id).data
    assert [m["name"] for m in replaced["panel"]] == ["张", "王"] == [
        m["name"] for m in panel.members]  # fmt: skip
    assert replaced["panel_opinion"] == panel.opinion


def test_compose_without_a_signed_sheet_is_refused_and_changes_nothing(
    rounds: RoundStore,
) -> None:
    round_id, doc_id, key = _round_with_application(rounds)
    store_sheet(rounds.documents, opinion("李", None, (None, None, None), signed=False,
                                 application_id=key))  # fmt: skip
    with pytest.raises(StoreError, match="还没有已签字的专家评审意见表"):
        rounds.compose_into_form(round_id, doc_id, author="王科员")
    assert rounds.documents.list("recommendation-form") == []


def test_the_draw_and_the_panel_fill_one_form(rounds: RoundStore) -> None:
    round_id, doc_id, key = _round_with_application(rounds)
    made = rounds.draw(round_id, doc_id, author="王科员", seed=7)
    drawn = rounds.fill_survey(round_id, doc_id, made, author="王科员")
    store_sheet(
        rounds.documents, opinion("张", Conclusion.RECOMMEND, (M, M, M), application_id=key)
    )
    assert rounds.open_form(round_id, doc_id, author="王科员") == drawn
    data = rounds.documents.get(drawn).data
    assert data["survey"]["sampling_seed"] == 7 and len(data["survey"]["sampled"]) == 10
    assert [m["name"] for m in data["panel"]] == ["张"]
    assert len(rounds.documents.list("recommendation-form")) == 1
