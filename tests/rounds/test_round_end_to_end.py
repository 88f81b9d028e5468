"""Issue 13's end-to-end: a round of 6 applicants (imported from their 申报包)
— one over quota, one with a forbidden platform name, one also recommended by an association,
one whose served list shares firms with another — the checks flag exactly those; the
authority acts on them; the submission's summary rows are the recommended applicants."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from smedesk.rounds.checks import double_channel_flags, rule_flags, shared_firm_flags
from smedesk.rounds.procedure import State
from smedesk.rounds.service import RoundStore
from smedesk.rounds.submission import submit_round
from smedesk.schemes import load_scheme

from support.round_fixtures import SIX, fill_form_as_the_office_does, six_applicant_round

pytestmark = pytest.mark.slow


def flagged(rounds: RoundStore, round_id: str) -> dict[str, set[str]]:
    round_ = rounds.get_round(round_id)
    entries = rounds.entries(round_id)
    scheme = load_scheme(round_.scheme_id)
    flags = rule_flags(round_, entries, scheme)
    flags += double_channel_flags(round_, entries, rounds.all_entries(), scheme)
    flags += shared_firm_flags(entries)
    out: dict[str, set[str]] = {}
    for flag in flags:
        out.setdefault(flag.code, set()).update(flag.doc_ids)
    return out


def test_six_applicants_flagged_acted_on_and_submitted(rounds: RoundStore, tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    province, ids = six_applicant_round(rounds, packages=tmp_path / "packages")
    assert flagged(rounds, province.id) == {
        "call1-quota": {ids[4]},
        "annex2-name-forbidden": {ids[5]},
        "annex2-no-double-channel": {ids[2]},
        "shared-firm": {ids[0], ids[1]},
    }
    # The office acts: the fifth goes back to the experts and is not recommended; the third
    # stays with the association; the sixth's platform is renamed as the call requires.
    for doc_id in (ids[4], ids[2]):
        rounds.set_state(province.id, doc_id, State.WITH_EXPERTS, author="王科员")
        rounds.set_state(province.id, doc_id, State.NOT_RECOMMENDED, author="王科员")
    sixth = next(e for e in rounds.entries(province.id) if e.doc_id == ids[5])
    rounds.set_row(province.id, ids[5], {**sixth.row, "platform_name": "丹东特色产业服务平台"},
                   author="王科员")  # fmt: skip
    assert flagged(rounds, province.id) == {"shared-firm": {ids[0], ids[1]}}  # a fact, not a rule

    # One applicant's 推荐表 is filled: the round's draw, the calls' results, the opinions.
    # It is bound in front of the application report.
    made = rounds.draw(province.id, ids[0], author="王科员", seed=20190715)
    form_id = rounds.fill_survey(province.id, ids[0], made, author="王科员")
    fill_form_as_the_office_does(rounds, form_id)

    out = tmp_path / "报送"
    checklist = submit_round(rounds, province.id, out)
    recommended = [SIX[i][0] for i in (0, 1, 3, 5)]
    sheet = load_workbook(out / "推荐汇总表.xlsx").worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    platforms = [SIX[i][3]["platform_name"] for i in (0, 1, 3)] + ["丹东特色产业服务平台"]
    assert all(any(p == c for c in cells) for p in platforms)
    for left_out in (SIX[2][3]["platform_name"], SIX[4][3]["platform_name"]):
        assert left_out not in cells
    bound = sorted(p.name for p in out.glob("0*.pdf"))
    assert bound == [f"{n:02d}-{name}.pdf" for n, name in enumerate(recommended, start=1)]
    with_form = len(PdfReader(out / bound[0]).pages)
    without = len(PdfReader(out / bound[1]).pages)
    assert with_form > without  # the 推荐表's pages come first
    assert (out / "推荐汇总表.pdf").stat().st_size > 0 and (out / "推荐单位工作簿.xlsx").exists()
    text = (out / "报送材料清单.txt").read_text(encoding="utf-8")
    assert "[√] 推荐汇总表（Excel 与 PDF）：4 个推荐平台" in text
    assert "[√] 推荐表：沈阳甲信息服务有限公司" in text
    assert "[×] 推荐表：大连乙科技服务有限公司" in text
    assert "纸质材料一式 2 份" in text and "[×] 推荐文件" in text
    assert set(checklist.missing) >= {"推荐表：大连乙科技服务有限公司"}
