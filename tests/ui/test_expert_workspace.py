"""The expert's workspace driven as the expert would: import a review package, declare
(or not) before a sheet opens, fill, sign and export the opinion package; the applicant's
«导出申报包…»; a .smedesk file routed to the right workspace.

Nothing races the clock: each step waits on a state (``wait``: ``qtbot.waitUntil``) that the
operation it started sets when it has finished.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smedesk.demo import reports
from smedesk.exchange import expert_inbox, export_review_package, import_package
from smedesk.exchange.common import document_bytes
from smedesk.export.package import open_package
from smedesk.forms import parse_document
from smedesk.forms.enums import Assessment
from smedesk.store import Database, DocumentStore
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.expert.exchange_ops import DATABASE
from smedesk.ui.main_window import MainWindow
from smedesk.ui.open_file import open_package_in_window

from support.exchange import STROKES, desk

EXPERT = "王建国"
WAIT = 60_000  # generous: a signature or a package on a loaded machine takes seconds


@pytest.fixture
def review_package(tmp_path: Path) -> Path:
    """The recommender's 评审包 for 王建国 with the Shenyang demo application."""
    authority = desk(tmp_path, "authority")
    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    app_id = authority.store.create(
        report.kind, report.display_title(), data,
        scheme_id=report.scheme.id, scheme_version=report.scheme.version, author="推荐单位",
    )  # fmt: skip
    out = tmp_path / "评审包-王建国.smedesk"
    export_review_package(authority.store, [app_id], EXPERT, out, creator_name="辽宁省工信厅")
    authority.database.close()
    return out


@pytest.fixture
def expert_window(
    qtbot: Any, store: DocumentStore, database: Database, settings_path: Path
) -> Callable[[str], MainWindow]:
    def make(role: str = "expert") -> MainWindow:
        ctx = AppContext(store, open_settings(settings_path), user_name=EXPERT, role=role)
        ctx.extras[DATABASE] = database
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        # A failure would open a modal box and hang the test: collect it and fail instead.
        window.runner.failed.disconnect()
        window.failures = []  # type: ignore[attr-defined]
        window.runner.failed.connect(window.failures.append)  # type: ignore[attr-defined]
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def wait(qtbot: Any, widget: Any, condition: Callable[[], object]) -> None:
    """Wait until ``condition`` holds; fail at once with the message if an operation failed."""
    failures = getattr(widget.window(), "failures", [])
    qtbot.waitUntil(lambda: bool(failures) or bool(condition()), timeout=WAIT)
    assert not failures, failures


def _imported(qtbot: Any, window: MainWindow, package: Path) -> Any:
    workspace = window.workspace("expert")
    workspace.import_path(package)
    wait(qtbot, window, lambda: workspace.result_dialog is not None)
    wait(qtbot, window, lambda: workspace.inbox.table.rowCount() == 1)
    return workspace


def test_importing_a_review_package_fills_the_inbox(
    qtbot: Any, expert_window: Callable[..., MainWindow], review_package: Path
) -> None:
    window = expert_window()
    workspace = window.workspace("expert")
    assert workspace.inbox.table.isHidden()  # nothing yet: the empty-state text shows
    _imported(qtbot, window, review_package)
    dialog = workspace.result_dialog
    assert dialog.isVisible()
    assert "评审包来自推荐单位「辽宁省工信厅」" in dialog.summary.text()
    purposes = {dialog.documents.item(r, 1).text() for r in range(dialog.documents.rowCount())}
    assert purposes == {"申请", "评审意见表"}
    assert workspace.inbox.table.item(0, 0).text() == "沈阳智汇企业服务有限公司"
    assert workspace.inbox.table.item(0, 3).text() == "待评审"
    dialog.close()
    # The application came in read-only: the viewer shows its sections and its findings.
    assert workspace.view_application(workspace.items[0].application_id)
    viewer = workspace.viewer
    assert "只读" in viewer.origin.text() and "评审包" in viewer.origin.text()
    assert viewer.sections.topLevelItemCount() > 0
    wait(qtbot, window, lambda: viewer.findings is not None)
    assert viewer.check.topLevelItemCount() == len(viewer.findings) > 0


def test_declaring_a_conflict_closes_the_sheet(
    qtbot: Any, expert_window: Callable[..., MainWindow], review_package: Path
) -> None:
    window = expert_window()
    workspace = _imported(qtbot, window, review_package)
    workspace.result_dialog.close()
    workspace.inbox.table.setCurrentCell(0, 0)
    workspace.open_button.click()
    dialog = workspace.declaration_dialog
    assert dialog is not None and dialog.isVisible()
    assert workspace.sheet is None  # the sheet waits for the declaration
    for group in dialog._groups.values():
        group.button(1).click()
    dialog._groups["no_shareholding"].button(0).click()
    dialog.conflict_button.click()
    wait(qtbot, window, lambda: workspace.inbox.table.item(0, 3).text() == "已回避")
    assert workspace.sheet is None and workspace.stack.currentWidget() is workspace.inbox_page
    assert "已回避 1" in workspace.inbox.summary.text()
    # Asking again does not open it: the sheet is closed.
    workspace.open_sheet(workspace.items[0].opinion_id)
    assert workspace.sheet is None and workspace.declaration_dialog is None


def test_a_reimported_sheet_that_differs_is_shown_field_by_field(
    qtbot: Any,
    expert_window: Callable[..., MainWindow],
    review_package: Path,
    store: DocumentStore,
) -> None:
    from support.exchange import fill_sheet

    window = expert_window()
    workspace = _imported(qtbot, window, review_package)
    workspace.result_dialog.close()
    opinion_id = workspace.items[0].opinion_id
    fill_sheet(store, opinion_id, author=EXPERT)
    filled_version = store.version(opinion_id)
    workspace.result_dialog = None
    workspace.import_path(review_package)  # the same package again: the blank sheet differs
    wait(qtbot, window, lambda: workspace.result_dialog is not None)
    dialog = workspace.result_dialog
    assert not dialog.conflict_box.isHidden() and dialog.conflict_list.count() == 1
    fields = [dialog.diff.item(r, 0).text() for r in range(dialog.diff.rowCount())]
    assert "综合评审意见（overall_opinion）" in fields
    row = fields.index("综合评审意见（overall_opinion）")
    assert dialog.diff.item(row, 1).text() == "申报材料真实完整，服务能力较强，符合认定条件。"
    assert dialog.diff.item(row, 2).text() == "（无）"
    assert store.version(opinion_id) == filled_version  # nothing overwritten silently
    dialog.take_button.click()
    wait(qtbot, window, lambda: dialog.choices.get(opinion_id) == "incoming")
    assert dialog.choice_label.text() == "已采用包中版本" and not dialog.keep_button.isEnabled()
    restored = parse_document(store.get(opinion_id).data)
    assert restored.overall_opinion is None  # type: ignore[attr-defined]
    assert store.version(opinion_id) > filled_version  # saved over it as a new version


def test_cancelling_an_import_leaves_the_inbox_empty(
    qtbot: Any,
    expert_window: Callable[..., MainWindow],
    review_package: Path,
    store: DocumentStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    import smedesk.exchange

    gate, entered = threading.Event(), threading.Event()
    real = smedesk.exchange.import_package

    def held(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        gate.wait(WAIT / 1000)  # held until the test has cancelled
        return real(*args, **kwargs)

    monkeypatch.setattr(smedesk.exchange, "import_package", held)
    window = expert_window()
    workspace = window.workspace("expert")
    cancelled: list[bool] = []
    workspace.import_path(review_package)
    handles = window.runner.running(lane="export")
    assert len(handles) == 1
    handles[0].on_cancelled = lambda: cancelled.append(True)
    assert entered.wait(WAIT / 1000)
    handles[0].cancel()
    gate.set()
    wait(qtbot, window, lambda: cancelled == [True])
    assert workspace.result_dialog is None
    assert store.list(kind="expert-opinion") == [] and store.list() == []


def _fill(qtbot: Any, workspace: Any, store: DocumentStore) -> str:
    sheet = workspace.sheet
    opinion_id = sheet.opinion_id
    editor = sheet.editor
    before = store.version(opinion_id)
    for combo in editor._combos:
        combo.setCurrentIndex(combo.findData(Assessment.MEETS.value))
    editor.table.item(0, 5).setText("数据与营业执照一致")
    editor.overall.setPlainText("服务能力较强，材料真实完整。")
    # Typed (QTest cannot type Chinese: the text is set and textEdited sent, as typing does).
    for line, text in ((editor.title_edit, "教授"), (editor.employer_edit, "东北大学工商管理学院")):
        line.setText(text)
        line.textEdited.emit(text)
    editor.conclusion_group.button(0).click()
    # Autosaved on the next turn of the event loop, based on the version it read.
    wait(qtbot, sheet, lambda: not sheet.autosaver.pending)
    assert store.version(opinion_id) > before
    saved = parse_document(store.get(opinion_id).data)
    assert saved.criteria[0].comment == "数据与营业执照一致"  # type: ignore[attr-defined]
    assert saved.overall_opinion == "服务能力较强，材料真实完整。"  # type: ignore[attr-defined]
    assert (saved.expert_title, saved.employer) == ("教授", "东北大学工商管理学院")  # type: ignore[attr-defined]
    return opinion_id


def test_fill_sign_and_export_the_opinion_package(
    qtbot: Any,
    expert_window: Callable[..., MainWindow],
    review_package: Path,
    store: DocumentStore,
    tmp_path: Path,
) -> None:
    window = expert_window()
    workspace = _imported(qtbot, window, review_package)
    workspace.result_dialog.close()
    workspace.open_sheet(workspace.items[0].opinion_id)
    dialog = workspace.declaration_dialog
    for group in dialog._groups.values():
        group.button(1).click()
    dialog.open_button.click()
    wait(qtbot, window, lambda: workspace.sheet is not None)
    opinion_id = _fill(qtbot, workspace, store)
    assert [i.state_label for i in expert_inbox(store)] == ["评审中"]
    sheet = workspace.sheet
    sheet.sign_button.click()  # nothing drawn yet: asks for the signature, signs nothing
    assert "签名板" in sheet.status.text() and not sheet.signing
    sheet.editor.pad.set_strokes(STROKES)
    sheet.sign_button.click()
    wait(qtbot, window, lambda: sheet.document().signed)
    assert not sheet.editor.sign_button.isEnabled()  # shown read-only once signed
    workspace.show_inbox()
    wait(qtbot, window, lambda: workspace.inbox.table.item(0, 3).text() == "已签署")
    workspace.export_to(tmp_path / "意见包-王建国")
    wait(qtbot, window, lambda: workspace.last_export is not None)
    wait(qtbot, window, lambda: workspace.inbox.table.item(0, 3).text() == "已发送")
    package = tmp_path / "意见包-王建国.smedesk"
    assert workspace.last_export == package and open_package(package).manifest.kind == "opinion"
    # The recommender's side verifies the signatures and finds the sheet.
    authority = desk(tmp_path, "authority-2")
    result = import_package(authority.store, authority.database, package, author="推荐单位")
    assert result.signature is not None and result.signature.valid
    assert [s.valid for s in result.sheets] == [True] and result.sheets[0].doc_id == opinion_id


def test_the_applicant_exports_an_application_package(
    qtbot: Any, expert_window: Callable[..., MainWindow], store: DocumentStore, tmp_path: Path
) -> None:
    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    doc_id = store.create(
        report.kind, "沈阳智汇 · 申请报告", data,
        scheme_id=report.scheme.id, scheme_version=report.scheme.version, author="申报人",
    )  # fmt: skip
    window = expert_window("applicant")
    applicant = window.applicant
    wait(qtbot, window, lambda: applicant.list_page.select(doc_id))
    assert applicant.package_target() == doc_id  # the selected one, with no editor open
    assert "导出申报包…" in [a.text() for a in applicant.menu_actions()]
    applicant.export_package(doc_id, tmp_path / "沈阳智汇 · 申请报告")
    wait(qtbot, window, lambda: applicant.last_package is not None)
    assert applicant.last_package == tmp_path / "沈阳智汇 · 申请报告.smedesk"
    manifest = open_package(applicant.last_package).manifest
    assert manifest.kind == "application" and manifest.creator.name == EXPERT
    assert [d.doc_id for d in manifest.documents] == [doc_id]
    assert "pdf" in {m.type for m in manifest.members}


def test_a_review_package_opened_from_the_file_manager_goes_to_the_inbox(
    qtbot: Any, expert_window: Callable[..., MainWindow], review_package: Path
) -> None:
    window = expert_window("applicant")
    assert open_package_in_window(window, review_package) == "expert"
    assert window.current.ROLE == "expert"
    wait(qtbot, window, lambda: window.workspace("expert").inbox.table.rowCount() == 1)


def test_an_application_package_goes_to_the_recommender_read_only(
    qtbot: Any,
    expert_window: Callable[..., MainWindow],
    database: Database,
    tmp_path: Path,
) -> None:
    from smedesk.exchange import export_application_package
    from smedesk.store.imports import is_read_only

    applicant = desk(tmp_path, "applicant")
    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    app_id = applicant.store.create(
        report.kind, report.display_title(), data,
        scheme_id=report.scheme.id, scheme_version=report.scheme.version, author="申报人",
    )  # fmt: skip
    package = tmp_path / "申报包.smedesk"
    export_application_package(applicant.store, app_id, package, creator_name="沈阳智汇")
    window = expert_window("expert")
    assert open_package_in_window(window, package) == "recommender"
    assert window.current.ROLE == "recommender"
    wait(qtbot, window, lambda: getattr(window, "import_result_dialog", None) is not None)
    assert is_read_only(database, app_id)
    assert "申报包来自申报单位「沈阳智汇」" in window.import_result_dialog.summary.text()
    window.import_result_dialog.close()
    # Opened from the applicant's list, it shows read-only, never in the editor.
    from smedesk.ui.expert.application_viewer import ApplicationViewer

    assert window.open_document(app_id)
    viewer = window.editor.findChild(ApplicationViewer)
    assert viewer is not None and "只读" in viewer.origin.text()


def test_a_file_that_is_not_a_package_is_refused_with_its_reason(
    qtbot: Any, expert_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = expert_window("applicant")
    bogus = tmp_path / "申报.smedesk"
    bogus.write_bytes(b"not a zip at all")
    messages: list[str] = []
    window.runner.failed.disconnect()  # the shell would show a modal box; collect instead
    window.runner.failed.connect(messages.append)
    assert open_package_in_window(window, bogus) is None
    assert window.current.ROLE == "applicant"
    assert len(messages) == 1 and "不是有效的 smedesk 包" in messages[0]


def test_the_package_button_suggests_a_file_named_after_the_application(
    qtbot: Any,
    expert_window: Callable[..., MainWindow],
    store: DocumentStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    doc_id = store.create(
        report.kind, "沈阳智汇/2025 · 申请报告", data,
        scheme_id=report.scheme.id, scheme_version=report.scheme.version, author="申报人",
    )  # fmt: skip
    asked: list[str] = []

    def save_as(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = expert_window("applicant")
    applicant = window.applicant
    assert window.open_document(doc_id)
    applicant.package_button.click()  # from the open editor's bar
    wait(qtbot, window, lambda: applicant.last_package is not None)
    # Named after the application; the slash no file system takes is replaced.
    assert Path(asked[0]).name == "沈阳智汇-2025 · 申请报告.smedesk"
    assert applicant.last_package == tmp_path / "沈阳智汇-2025 · 申请报告.smedesk"
    assert open_package(applicant.last_package).manifest.documents[0].doc_id == doc_id


def test_started_as_the_expert_the_inbox_waits_for_the_store(
    qtbot: Any, settings_path: Path
) -> None:
    """As app.run() starts: the window (expert role) first, then the store opens on the
    store lane; the inbox's read must queue behind the opening, not block ahead of it."""
    from typing import cast

    from smedesk.ui.app import _PendingStore, _StoreOpening
    from smedesk.ui.operations import Operation

    opening = _StoreOpening()
    ctx = AppContext(
        cast(DocumentStore, _PendingStore(opening)), open_settings(settings_path), role="expert"
    )
    window = MainWindow(ctx, store_pending=True)
    qtbot.addWidget(window)
    window.show()

    def opened(store: DocumentStore) -> None:
        ctx.store = store
        ctx.extras[DATABASE] = opening.database
        window.store_ready()

    ctx.runner.run(Operation("open", opening.open), on_success=opened)
    workspace = window.workspace("expert")
    try:
        qtbot.waitUntil(lambda: DATABASE in ctx.extras and not ctx.runner.busy, timeout=WAIT)
        assert workspace.inbox.summary.text().startswith("共 0 份意见表")
        assert not workspace.inbox.empty.isHidden()
    finally:
        opening.ready.set()  # had the read blocked the lane, this frees it (test ends, no hang)
        ctx.runner.wait()
        if opening.database is not None:
            opening.database.close()
