"""A round kept in the store, moved through the procedure, and checked against the call."""

from __future__ import annotations

import pytest

from smedesk.errors import UserError
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.checks import double_channel_flags, rule_flags, shared_firm_flags, shared_firms
from smedesk.rounds.procedure import State
from smedesk.rounds.service import RoundStore
from smedesk.schemes import load_scheme
from smedesk.store import StoreError

from support.round_fixtures import application, six_applicant_round, store_application

GOOD = "statement"


def row(name: str, quota: str = "provincial-quota", city: str = "沈阳市") -> dict[str, object]:
    return {"platform_name": name, "functions": ["information", "training"], "quota": quota,
            "statement": "面向辽宁中小企业提供信息化与培训服务，年服务企业逾千家。", "city": city}  # fmt: skip


def recommend(rounds: RoundStore, round_id: str, doc_id: str, summary_row: dict[str, object],
              institution: str) -> None:  # fmt: skip
    rounds.set_row(round_id, doc_id, {**summary_row, "institution_name": institution},
                   author="王科员")  # fmt: skip
    for state in (State.PRE_REVIEWED, State.WITH_EXPERTS, State.RECOMMENDED):
        rounds.set_state(round_id, doc_id, state, author="王科员")


def test_round_flags_exactly_the_problem_applications(rounds: RoundStore) -> None:
    """Six applicants: over quota, forbidden name, double channel, shared firms — and two clean."""
    province, ids = six_applicant_round(rounds)
    scheme = load_scheme("miit-2019-call")
    entries = rounds.entries(province.id)
    assert [e.doc_id for e in entries] == ids
    flags = rule_flags(province, entries, scheme)
    flags += double_channel_flags(province, entries, rounds.all_entries(), scheme)
    flags += shared_firm_flags(entries)
    flagged: dict[str, set[str]] = {}
    for flag in flags:
        flagged.setdefault(flag.code, set()).update(flag.doc_ids)
    assert flagged == {
        "call1-quota": {ids[4]},  # the fifth in-quota platform of a province (limit 4)
        "annex2-name-forbidden": {ids[5]},
        "annex2-no-double-channel": {ids[2]},
        "shared-firm": {ids[0], ids[1]},
    }
    [shared] = [f for f in flags if f.code == "shared-firm" and f.doc_ids[0] == ids[0]]
    assert "大连乙科技服务有限公司" in shared.message and "10 家" in shared.message
    assert [len(f.claimants) for f in shared_firms(entries)] == [2] * 10
    assert all(f.citation for f in flags)


def test_institution_name_must_equal_the_sealed_name(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents,
                               application("沈阳甲信息服务有限公司", "91210100A000000001", range(20)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    recommend(rounds, round_.id, doc_id, row("沈阳信息服务平台"), "沈阳甲信息服务公司")
    [flag] = rule_flags(round_, rounds.entries(round_.id), load_scheme("miit-2019-call"))
    assert flag.code == "annex2-institution-name" and "沈阳甲信息服务有限公司" in flag.message


def test_procedure_refuses_skipping_steps_and_records_every_move(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents,
                               application("沈阳甲信息服务有限公司", "91210100A000000001", range(20)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    with pytest.raises(UserError, match="不能从「已接收」直接改为「推荐」"):
        rounds.set_state(round_.id, doc_id, State.RECOMMENDED, author="王科员")
    rounds.set_state(round_.id, doc_id, State.PRE_REVIEWED, author="李科员")
    with pytest.raises(UserError, match="不能从"):  # creation steps: not in a recognition call
        rounds.set_state(round_.id, doc_id, State.CREATION_OBJECT, author="李科员")
    moves = [e["detail"] for e in rounds.events(round_.id, doc_id, "state")]
    assert moves == [{"from": "received", "to": "pre-reviewed"}]
    assert rounds.entries(round_.id)[0].state is State.PRE_REVIEWED
    with pytest.raises(StoreError, match="不是申请报告"):
        form_id = rounds.documents.create("recommendation-form", "推荐表", {"kind": "recommendation-form"},
                                          scheme_id="miit-2017", scheme_version="1",
                                          owner_role="recommender", author="王科员")  # fmt: skip
        rounds.add_application(round_.id, form_id, author="王科员")
