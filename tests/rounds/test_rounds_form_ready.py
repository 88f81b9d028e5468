"""When a 推荐表 is ready to be sealed: filled, and its sampling record the round's own draw."""

from __future__ import annotations

from smedesk.forms import parse_document
from smedesk.forms.enums import AuthorityType
from smedesk.forms.recommendation import RecommendationForm
from smedesk.rounds.service import RoundStore
from smedesk.rounds.submission import form_problems

from support.round_fixtures import application, fill_form_as_the_office_does, store_application


def _form(rounds: RoundStore, form_id: str) -> RecommendationForm:
    form = parse_document(rounds.documents.get(form_id).data)
    assert isinstance(form, RecommendationForm)
    return form


def test_unfilled_then_ready_then_a_retyped_seed_is_named(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents, application("沈阳甲信息服务有限公司",
                                                             "91210100A000000001", range(30)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    made = rounds.draw(round_.id, doc_id, author="王科员", seed=42)
    form_id = rounds.fill_survey(round_.id, doc_id, made, author="王科员")
    [draw] = rounds.draws(round_.id, doc_id)

    fresh = form_problems(_form(rounds, form_id), draw)
    assert len(fresh) == 3 and "未完成" in fresh[-1]  # the first unfilled items, then the count
    assert fresh == ["未填写：填报日期", "未填写：专家组评审意见", "未填写：评审专家 等 7 项未完成"]

    fill_form_as_the_office_does(rounds, form_id)
    assert form_problems(_form(rounds, form_id), draw) == []
    assert form_problems(_form(rounds, form_id), None) == ["本轮没有登记这家申报单位的随机抽样"]

    retyped = _form(rounds, form_id)
    retyped.survey.sampling_seed = 43
    assert form_problems(retyped, draw) == ["推荐表中的抽样记录与本轮登记的抽样（种子 42）不一致"]
