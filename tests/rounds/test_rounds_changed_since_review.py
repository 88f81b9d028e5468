"""A newer package after review began: what changed since the reviewed version, by field."""

from __future__ import annotations

import copy
import datetime as dt

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.overview import load_overview
from smedesk.rounds.procedure import State
from smedesk.rounds.service import RoundStore

from support.round_fixtures import application, store_application


def test_changes_after_review_start_are_listed_with_labels(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    data = application("沈阳甲信息服务有限公司", "91210100A000000001", range(20))
    doc_id = store_application(rounds.documents, data)
    rounds.add_application(round_.id, doc_id, author="王科员")
    rounds.set_state(round_.id, doc_id, State.PRE_REVIEWED, author="王科员")
    rounds.set_state(round_.id, doc_id, State.WITH_EXPERTS, author="王科员")
    overview = load_overview(rounds, round_.id, dt.date(2019, 6, 1))
    assert not [f for f in overview.flags if f.code == "changed-since-review"]
    # The applicant sends a newer package: the staff count and one served firm changed.
    newer = copy.deepcopy(rounds.documents.get(doc_id).data)
    newer["form"]["basic"]["employees"] = 99
    newer["served_enterprises"][3]["contact"] = "赵新"
    rounds.documents.save(doc_id, newer, base_version=rounds.documents.version(doc_id),
                          author="导入")  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="导入")
    overview = load_overview(rounds, round_.id, dt.date(2019, 6, 1))
    [flag] = [f for f in overview.flags if f.code == "changed-since-review"]
    assert "（共 2 处）" in flag.message
    assert "从业人数：" in flag.message and "→ 99" in flag.message
    assert "联系人（第 4 行）：" in flag.message and "→ 赵新" in flag.message
