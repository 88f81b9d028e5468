"""The recommender's workspace: a round's applications with flags, deadlines, the draw and the
paper check, every action through the runner. With ``SMEDESK_SHOTS=DIR`` the screens are also
saved as PNG at 1366×768 (to look at them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from smedesk.rounds.service import RoundStore
from smedesk.store import DocumentStore
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.workspaces.recommender import RecommenderWorkspace

from support.round_fixtures import opinion_sheet, six_applicant_round, store_sheet


def settle(qtbot: Any, workspace: RecommenderWorkspace) -> None:
    qtbot.waitUntil(lambda: not workspace.ctx.runner.busy, timeout=30_000)
    qtbot.wait(20)


def shot(workspace: RecommenderWorkspace, name: str) -> None:
    folder = os.environ.get("SMEDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        workspace.window().grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def workspace(qtbot: Any, store: DocumentStore, settings_path: Path) -> RecommenderWorkspace:
    ctx = AppContext(store, open_settings(settings_path), user_name="王科员", role="recommender")
    page = RecommenderWorkspace(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_round_shows_states_flags_deadlines_draw_paper_check_and_submission(
    qtbot: Any,
    workspace: RecommenderWorkspace,
    store: DocumentStore,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    import datetime as dt

    province, ids = six_applicant_round(RoundStore(store), dt.date.today() + dt.timedelta(days=14))
    workspace.store_ready()
    settle(qtbot, workspace)
    assert workspace.round_id is not None and workspace.rounds_list.count() == 2
    workspace.rounds_list.setCurrentRow(
        next(r for r in range(2) if workspace.rounds_list.item(r).data(256) == province.id)
    )
    settle(qtbot, workspace)
    page = workspace.page
    assert page.entries.rowCount() == 6
    assert page.entries.item(0, 2).text() == "推荐"
    problems = {page.entries.item(r, 0).text(): page.entries.item(r, 6).text() for r in range(6)}
    assert "超过" in problems["本溪戊服务有限公司"]
    assert "中国" in problems["丹东己科技有限公司"] or "国家" in problems["丹东己科技有限公司"]
    assert "中国中小企业国际合作协会" in problems["鞍山丙服务中心"]
    assert "大连乙科技服务有限公司" in problems["沈阳甲信息服务有限公司"]
    assert problems["抚顺丁咨询有限公司"] == ""
    assert page.flags.rowCount() == 5  # quota, name, double channel, shared firms ×2
    assert page.deadlines.rowCount() >= 1 and page.deadlines.item(0, 1).text() == "推荐材料报送截止"
    shot(workspace, "round")
    page.tabs.setCurrentIndex(1)
    shot(workspace, "round-checks")
    page.tabs.setCurrentIndex(2)
    shot(workspace, "deadlines")

    # The firms 甲 shares with 乙, listed with their names (read when the tab is shown).
    page.select_doc(ids[0])
    page.tabs.setCurrentWidget(page.shared_tab)
    settle(qtbot, workspace)
    assert page.shared.rowCount() == 10 and "10 家" in page.shared_note.text()
    assert [page.shared.item(0, c).text() for c in range(3)] == [
        "91210100MA0000150X", "测试企业00150有限公司", "大连乙科技服务有限公司"]  # fmt: skip
    assert page.tabs.tabText(page.tabs.indexOf(page.shared_tab)) == "共同服务企业（10）"
    shot(workspace, "shared-firms")
    page.select_doc(ids[3])  # 抚顺丁 shares none
    assert page.shared.rowCount() == 0 and "没有" in page.shared_note.text()

    page.select_doc(ids[0])
    workspace.draw(ids[0], seed=20190715)
    settle(qtbot, workspace)
    assert page.tabs.currentWidget() is page.draw_tab and page.draw.rowCount() == 10
    assert "20190715" in page.draw_note.text()
    first_rows = [page.draw.item(r, 1).text() for r in range(10)]
    shot(workspace, "draw")
    workspace.draw(ids[0], seed=20190715)  # the same seed on the same list: the same firms
    settle(qtbot, workspace)
    assert [page.draw.item(r, 1).text() for r in range(10)] == first_rows

    # The paper: the stored application printed to PDF, its last page left out of the scan.
    from pypdf import PdfReader, PdfWriter

    from smedesk.export.pdf import export_pdf
    from smedesk.forms.registry import parse_document

    printed = tmp_path / "printed.pdf"
    export_pdf(parse_document(store.get(ids[0]).data), printed)
    reader, writer = PdfReader(printed), PdfWriter()
    for page_obj in reader.pages[:-1]:
        writer.add_page(page_obj)
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as fh:
        writer.write(fh)
    workspace.check_paper(ids[0], [scan])
    settle(qtbot, workspace)
    assert page.tabs.currentWidget() is page.paper_tab
    assert f"缺少第 {len(reader.pages)} 页" in page.paper_note.text()
    assert page.paper.rowCount() == len(reader.pages) - 1
    shot(workspace, "paper-check")

    monkeypatch.setattr(workspace, "isVisible", lambda: False)  # no modal box in the test
    workspace.submit(tmp_path / "报送")
    settle(qtbot, workspace)
    assert "[√] 推荐汇总表（Excel 与 PDF）：6 个推荐平台" in workspace.last_checklist
    assert len(list((tmp_path / "报送").glob("0*.pdf"))) == 6


def test_draw_of_a_short_list_shows_the_chinese_message(
    qtbot: Any, workspace: RecommenderWorkspace, store: DocumentStore, monkeypatch: Any
) -> None:
    from smedesk.forms.enums import AuthorityType

    from support.round_fixtures import application, store_application

    rounds = RoundStore(store)
    round_ = rounds.create_round("miit-2019-call", 2019, "沈阳市工业和信息化局",
                                 AuthorityType.PREFECTURE, author="王科员")  # fmt: skip
    doc_id = store_application(
        store, application("沈阳甲信息服务有限公司", "91210100A000000001", range(6))
    )
    rounds.add_application(round_.id, doc_id, author="王科员")
    workspace.store_ready()
    settle(qtbot, workspace)
    monkeypatch.setattr(workspace, "isVisible", lambda: False)  # no modal box in the test
    workspace.draw(doc_id)
    settle(qtbot, workspace)
    assert "只有 6 家，少于抽样所需的 10 家" in workspace.last_failure
    assert rounds.draws(round_.id, doc_id) == []


def test_packages_imported_into_the_round_from_the_page(
    qtbot: Any, workspace: RecommenderWorkspace, store: DocumentStore, tmp_path: Path
) -> None:
    from smedesk.exchange.exporting import export_application_package
    from smedesk.forms.enums import AuthorityType
    from smedesk.store import open_database

    from support.round_fixtures import application, store_application

    elsewhere = open_database(f"sqlite:///{tmp_path / 'applicant.db'}")
    try:
        applicant = DocumentStore(elsewhere)
        doc_id = store_application(applicant,
                                   application("沈阳甲信息服务有限公司", "91210100A000000001", range(12)))  # fmt: skip
        package = tmp_path / "甲.smedesk"
        export_application_package(applicant, doc_id, package, creator_name="甲", with_pdf=False)
    finally:
        elsewhere.close()
    RoundStore(store).create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                   AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    workspace.store_ready()
    settle(qtbot, workspace)
    workspace.import_packages([package])
    settle(qtbot, workspace)
    assert workspace.page.entries.rowCount() == 1
    assert workspace.page.entries.item(0, 0).text() == "沈阳甲信息服务有限公司"
    assert workspace.page.entries.item(0, 2).text() == "已接收"


def test_the_recommendation_form_is_filled_from_the_round(
    qtbot: Any, workspace: RecommenderWorkspace, store: DocumentStore, tmp_path: Path
) -> None:
    """The experts' sheets counted, composed into the 推荐表, the survey's calls entered."""
    import datetime as dt

    from smedesk.export.pdf import export_pdf
    from smedesk.forms.recommendation import RecommendationForm
    from smedesk.forms.registry import parse_document
    from smedesk.ui.editor.list_page import ListPage

    rounds = RoundStore(store)
    province, ids = six_applicant_round(rounds, dt.date.today() + dt.timedelta(days=14))
    key = store.get(ids[0]).data["doc_id"]
    for name, conclusion, judged, signed in (
        ("周研究员", "recommend", ["meets", "meets", "partly"], True),
        ("吴教授", "recommend", ["meets", "partly", None], True),
        ("郑工", "not-recommend", ["fails", "fails", "fails"], False),
    ):
        store_sheet(
            store, opinion_sheet(name, conclusion, judged, signed=signed, application_id=key)
        )
    workspace.store_ready()
    settle(qtbot, workspace)
    workspace.rounds_list.setCurrentRow(
        next(r for r in range(2) if workspace.rounds_list.item(r).data(256) == province.id)
    )
    settle(qtbot, workspace)
    page = workspace.page
    page.select_doc(ids[0])
    assert page.form_button.isEnabled()
    tab = page.opinions
    assert tab.experts.rowCount() == 3
    assert [tab.experts.item(r, 4).text() for r in range(3)] == ["已签字", "已签字", "未签字"]
    assert "已签字 2 份" in tab.note.text() and "同意推荐 2 份" in tab.note.text()
    assert "不计入" in tab.note.text()
    # each criterion over the signed sheets: 符合 / 基本符合 / 不符合 / 未评
    assert [[tab.criteria.item(r, c).text() for c in range(5)] for r in range(3)] == [
        ["服务收费合理", "2", "0", "0", "0"],
        ["服务机构人员", "1", "1", "0", "0"],
        ["服务企业数量", "0", "1", "0", "1"],
    ]
    page.tabs.setCurrentWidget(tab)
    shot(workspace, "expert-opinions")

    workspace.draw(ids[0], seed=20190715)
    settle(qtbot, workspace)
    workspace.compose_panel(ids[0], ask=False)
    settle(qtbot, workspace)
    editor = workspace.editor
    assert editor is not None and workspace.stack.currentWidget() is workspace.form_page
    data = editor.state.data
    assert [m["name"] for m in data["panel"]] == ["周研究员", "吴教授"]
    assert "专家组共 2 位专家" in data["panel_opinion"]
    assert data["province"] == "辽宁省工业和信息化厅"
    shot(workspace, "recommendation-form")

    survey = editor.show_page("survey.sampled")
    assert isinstance(survey, ListPage) and survey.model.rowCount() == 10
    column = [c.name for c in survey.model.columns].index("evaluation")
    for row in range(10):
        survey.model.setData(survey.model.index(row, column), "很满意" if row % 5 else "基本满意")
    survey.table.scrollTo(survey.model.index(0, column))
    qtbot.waitUntil(lambda: "测评满意度：100 %" in survey.status.text())  # after its debounce
    shot(workspace, "survey-calls")
    page_of_survey = editor.show_page("survey")
    shot(workspace, "survey")
    # The draw's record is shown, never typed over: a retyped seed is no longer the draw.
    from smedesk.ui.editor.field_widgets import RecordedDisplay

    seed = page_of_survey.editors["survey.sampling_seed"]
    assert isinstance(seed, RecordedDisplay) and seed.edit.isReadOnly()
    assert seed.edit.text() == "20190715"
    assert page_of_survey.editors["survey.sampled_rows"].edit.text().count("、") == 9
    version = editor.state.version
    seed.edited.emit(42)  # even a stray signal is no edit: the editor does not listen
    assert editor.state.data["survey"]["sampling_seed"] == 20190715
    assert editor.state.version == version
    editor.flush()
    form = parse_document(store.get(workspace.form_id or "").data)
    assert isinstance(form, RecommendationForm)
    assert form.survey.sampling_seed == 20190715 and form.survey.sample_size == 10
    assert form.survey.satisfaction_percent == 100.0  # 很满意 and 基本满意 both count
    editor.undo_stack.undo()  # the last call's result taken back
    editor.flush()
    again = parse_document(store.get(workspace.form_id or "").data)
    assert isinstance(again, RecommendationForm)
    assert again.survey.sampled[9].evaluation is None

    workspace.show_round()
    assert workspace.editor is None and workspace.stack.currentWidget() is workspace.round_view

    pdf = tmp_path / "推荐表.pdf"
    export_pdf(form, pdf)
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    flat = "".join(text.split())
    for expected in ("周研究员", "吴教授", "专家组共2位专家", "20190715", "（盖章）"):
        assert expected in flat
    assert "郑工" not in flat  # an unsigned sheet is no part of the panel
    folder = os.environ.get("SMEDESK_SHOTS")
    if folder:
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(Path(folder) / "form-pdf")],
                       check=True)  # fmt: skip
