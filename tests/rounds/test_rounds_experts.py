"""An expert employed by the applicant or a cooperating institution is flagged beside the
expert's own declaration."""

from __future__ import annotations

import datetime as dt

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.experts import expert_conflicts
from smedesk.rounds.overview import load_overview
from smedesk.rounds.service import RoundStore

from support.round_fixtures import application, store_application


def sheet(name: str, employer: str, no_cooperation: bool | None = True) -> dict[str, object]:
    return {"expert_name": name, "employer": employer,
            "conflict": {"no_employment": True, "no_cooperation": no_cooperation}}  # fmt: skip


def test_employer_matched_against_applicant_and_partners() -> None:
    found = expert_conflicts("a1", "沈阳甲信息服务有限公司", ["东北大学", "辽宁省中小企业协会"], [
        sheet("张教授", "东北大学（计算机学院）"),
        sheet("李工", "沈阳甲信息服务有限公司"),
        sheet("王研究员", "中国科学院沈阳自动化研究所"),
    ])  # fmt: skip
    assert [(c.expert, c.relation) for c in found] == [
        ("张教授", "申报单位的合作单位「东北大学」"), ("李工", "申报单位本身")]  # fmt: skip
    assert "合作关系已声明无" in found[0].message  # declared none, yet the report lists it


def test_round_overview_flags_the_conflicted_expert(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    data = application("沈阳甲信息服务有限公司", "91210100A000000001", range(20))
    data["form"]["capability"]["signed_partners"] = ["东北大学"]
    doc_id = store_application(rounds.documents, data)
    rounds.add_application(round_.id, doc_id, author="王科员")
    for name, employer in (("张教授", "东北大学"), ("王研究员", "大连理工大学")):
        rounds.documents.create("expert-opinion", f"意见表：{name}", {
            "kind": "expert-opinion", "scheme": {"id": "miit-2017", "version": "2017.1"},
            "application_id": data["doc_id"], "applicant_name": "沈阳甲信息服务有限公司",
            "expert_name": name, "employer": employer,
            "conflict": {"no_employment": True, "no_shareholding": True, "no_kinship": True,
                         "no_cooperation": True},
        }, scheme_id="miit-2017", scheme_version="2017.1", owner_role="expert", author=name)  # fmt: skip
    overview = load_overview(rounds, round_.id, dt.date(2019, 6, 1))
    [flag] = [f for f in overview.flags if f.code == "expert-conflict"]
    assert flag.doc_ids == (doc_id,) and "张教授" in flag.message and "东北大学" in flag.message
