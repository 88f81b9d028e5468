"""The survey's random draw: repeatable from its record, refused below 10 firms."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.draw import MINIMUM, DrawError, draw, fingerprint, verify
from smedesk.rounds.service import RoundStore

from support.round_fixtures import application, firm, store_application


def test_same_seed_and_list_give_the_same_firms() -> None:
    served = [firm(i) for i in range(240)]
    first, again = draw(served, 20190715), draw([dict(f) for f in served], 20190715)
    assert first.rows == again.rows and first.firms == again.firms
    assert len(first.rows) == MINIMUM == len(set(first.rows))
    assert draw(served, 20190716).rows != first.rows  # another seed, another sample
    assert first.fingerprint == fingerprint(served) and len(first.fingerprint) == 64
    assert verify(first.as_json(), served) is None


def test_a_changed_list_or_a_forged_record_is_detected() -> None:
    served = [firm(i) for i in range(40)]
    record = draw(served, 7, 12).as_json()
    changed = [*served[:-1], firm(999)]
    assert "指纹不符" in (verify(record, changed) or "")
    forged = {**record, "rows": sorted(record["rows"])}
    assert "结果与记录不同" in (verify(forged, served) or "")


def test_fewer_than_ten_firms_is_a_clear_chinese_message() -> None:
    with pytest.raises(DrawError) as caught:
        draw([firm(i) for i in range(9)], 1)
    assert caught.value.message == (
        "服务企业名单只有 9 家，少于抽样所需的 10 家，无法随机抽取。请先请申报单位补全服务企业名单。"
    )


def test_draw_is_recorded_on_the_round(rounds: RoundStore) -> None:
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents,
                               application("沈阳甲信息服务有限公司", "91210100A000000001", range(30)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    made = rounds.draw(round_.id, doc_id, author="王科员")
    [record] = rounds.draws(round_.id, doc_id)
    assert record["seed"] == made.seed and record["rows"] == list(made.rows)
    assert record["author"] == "王科员" and record["version"] == 1
    served = rounds.documents.get(doc_id).data["served_enterprises"]
    assert verify(record, served) is None  # anyone holding the list can repeat it
    small = store_application(rounds.documents,
                              application("大连乙科技服务有限公司", "91210200A000000002", range(5)))  # fmt: skip
    rounds.add_application(round_.id, small, author="王科员")
    with pytest.raises(DrawError, match="只有 5 家"):
        rounds.draw(round_.id, small, author="王科员")
    assert rounds.draws(round_.id, small) == []


def test_drawn_firms_fill_the_survey_of_the_recommendation_form(rounds: RoundStore) -> None:
    from smedesk.forms.registry import parse_document
    from smedesk.store import StoreError

    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents,
                               application("沈阳甲信息服务有限公司", "91210100A000000001", range(30)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    made = rounds.draw(round_.id, doc_id, author="王科员", seed=42)
    form_id = rounds.fill_survey(round_.id, doc_id, made, author="王科员")
    form = parse_document(rounds.documents.get(form_id).data)
    assert form.survey.sampling_seed == 42  # type: ignore[attr-defined]
    assert [s.name for s in form.survey.sampled] == [f["name"] for f in made.firms]  # type: ignore[attr-defined]
    again = rounds.draw(round_.id, doc_id, author="王科员", seed=43)
    assert rounds.fill_survey(round_.id, doc_id, again, author="王科员") == form_id  # same form
    data = rounds.documents.get(form_id).data
    data["survey"]["sampled"][0]["evaluation"] = "satisfied"  # a call's result entered
    rounds.documents.save(form_id, data, base_version=rounds.documents.version(form_id),
                          author="王科员")  # fmt: skip
    with pytest.raises(StoreError, match="已有测评结果"):
        rounds.fill_survey(round_.id, doc_id, made, author="王科员")


def test_the_draw_record_is_printed_in_the_forms_annex(rounds: RoundStore, tmp_path: Path) -> None:
    from smedesk.export.pdf import export_pdf
    from smedesk.forms.registry import parse_document

    from support.pdf_helpers import pdf_text, squeeze

    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    doc_id = store_application(rounds.documents,
                               application("沈阳甲信息服务有限公司", "91210100A000000001", range(40)))  # fmt: skip
    rounds.add_application(round_.id, doc_id, author="王科员")
    made = rounds.draw(round_.id, doc_id, author="王科员", seed=20190715)
    form = parse_document(rounds.documents.get(rounds.fill_survey(round_.id, doc_id, made,
                                                                  author="王科员")).data)  # fmt: skip
    assert form.survey.sampled_rows == "、".join(str(r + 1) for r in made.rows)  # type: ignore[attr-defined]
    out = tmp_path / "推荐表.pdf"
    export_pdf(form, out)
    flat = squeeze(pdf_text(out))
    assert "附：随机抽样记录" in flat and "20190715" in flat
    assert made.fingerprint in flat
    assert "、".join(str(r + 1) for r in made.rows) in flat
