"""The expert's screens for ``smedesk screenshot``: inbox, 回避声明, sheet, signature pad.

A throw-away recommender database makes one review package per demo application (each
application has its own scheme, and a review package holds one scheme); the window's store
imports them as the expert would, and the sheets are brought into each state the inbox
shows — one signed, one declared a conflict, one being filled, one new — through the same
workspace methods the buttons call. The signing keys go into the screenshot's temporary
folder, never the user's data folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from smedesk.store import Database, DocumentStore, open_database
from smedesk.ui.expert.exchange_ops import DATABASE, KEYS_DIR, TRUST_FILE

EXPERT = "王建国"
#: A short signature (two strokes of «王», box units): drawn the same way every time.
STROKES = [
    [(120.0, 110.0), (300.0, 105.0)],
    [(140.0, 200.0), (280.0, 196.0)],
    [(210.0, 110.0), (212.0, 300.0)],
    [(100.0, 305.0), (320.0, 298.0)],
    [(420.0, 120.0), (470.0, 230.0), (520.0, 150.0), (600.0, 300.0), (700.0, 180.0)],
]


def drain(runner: Any) -> None:
    """Let every queued operation finish and its result arrive (and the next ones it starts)."""
    for _ in range(50):
        runner.wait()
        for _ in range(5):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not runner.busy:
            return


def review_packages(folder: Path) -> list[Path]:
    """One 评审包 for 王建国 per demo application (one scheme each)."""
    from smedesk.demo import creation, reports
    from smedesk.exchange import export_review_package
    from smedesk.exchange.common import document_bytes

    database: Database = open_database(f"sqlite:///{folder / 'authority.db'}")
    try:
        store = DocumentStore(database)
        out: list[Path] = []
        for make in (
            reports.shenyang_information_platform,
            creation.dalian_professional_platform,
            creation.hangzhou_comprehensive_platform,
            reports.lhasa_platform,
        ):
            doc = make()
            data, _ = document_bytes(doc)
            doc_id = store.create(
                doc.kind, doc.display_title(), data, scheme_id=doc.scheme.id,
                scheme_version=doc.scheme.version, author="推荐单位",
            )  # fmt: skip
            path = folder / f"评审包-{len(out) + 1}.smedesk"
            export_review_package(
                store, [doc_id], EXPERT, path, creator_name="辽宁省工业和信息化厅"
            )
            out.append(path)
        return out
    finally:
        database.close()


def shoot_expert(shooter: Any, window: Any, database: Database, folder: Path) -> None:
    """Inbox, declaration, opinion sheet, signature pad and a read-only application."""
    from smedesk.forms.enums import Assessment

    ctx = window.ctx
    ctx.extras.update({DATABASE: database, KEYS_DIR: folder / "keys"})
    ctx.extras[TRUST_FILE] = folder / "trusted-signers.json"
    ctx.user_name = EXPERT
    packages = review_packages(folder)
    window.set_role("expert")
    workspace = window.workspace("expert")
    package_of: dict[str, Path] = {}  # sheet id → the review package it came in
    for path in packages:
        workspace.import_path(path)
        drain(ctx.runner)
        if workspace.result_dialog is not None:
            workspace.result_dialog.close()
            for doc in workspace.result_dialog.imported.documents:
                package_of[doc.doc_id] = path
    last_import = workspace.result_dialog
    by_applicant = {i.applicant_name: i.opinion_id for i in workspace.items}
    ids = list(by_applicant.values())
    # 1: declaration (shot), then filled, signed.
    workspace.open_sheet(ids[0])
    dialog = workspace.declaration_dialog
    drain(ctx.runner)
    shooter.shoot(dialog, "expert-declaration")
    for group in dialog._groups.values():
        group.button(1).click()
    shooter.shoot(dialog, "expert-declaration-answered")
    dialog.open_button.click()
    drain(ctx.runner)
    sheet = workspace.sheet
    editor = sheet.editor
    for number, combo in enumerate(editor._combos):
        combo.setCurrentIndex(
            combo.findData(Assessment.MEETS.value if number % 4 else Assessment.PARTLY.value)
        )
    editor.table.item(0, 5).setText("服务收入与审计报告一致")
    editor.overall.setPlainText("该平台服务能力较强，服务对象以中小企业为主，申报材料真实完整。")
    for line, text in ((editor.title_edit, "正高级工程师"), (editor.employer_edit, "西藏大学")):
        line.setText(text)
        line.textEdited.emit(text)  # as typing does: the sheet autosaves it
    editor.conclusion_group.button(0).click()
    editor.pad.set_strokes(STROKES)
    editor.pad.changed.emit()  # as a drawn stroke does: the sheet's «签署» button enables
    drain(ctx.runner)
    shooter.shoot(window, "expert-opinion-sheet")
    shooter.shoot(editor.pad, "expert-signature-pad")
    sheet.sign_from_pad()
    drain(ctx.runner)
    shooter.shoot(window, "expert-opinion-sheet-signed")
    # 2: a declared conflict; 3: partly filled; 4 stays new.
    workspace.open_sheet(ids[1])
    dialog = workspace.declaration_dialog
    for name, group in dialog._groups.items():
        group.button(0 if name == "no_cooperation" else 1).click()
    dialog.conflict_button.click()
    drain(ctx.runner)
    workspace.open_sheet(ids[2])
    dialog = workspace.declaration_dialog
    for group in dialog._groups.values():
        group.button(1).click()
    dialog.open_button.click()
    drain(ctx.runner)
    workspace.sheet.editor._combos[0].setCurrentIndex(1)
    drain(ctx.runner)
    workspace.show_inbox()
    drain(ctx.runner)
    shooter.shoot(window, "expert-inbox")
    workspace.view_application(workspace.items[0].application_id)
    drain(ctx.runner)
    shooter.shoot(window, "expert-application-viewer")
    workspace.viewer.tabs.setCurrentIndex(1)
    shooter.shoot(window, "expert-application-self-check")
    workspace.show_inbox()
    drain(ctx.runner)
    if last_import is not None:
        last_import.show()
        shooter.shoot(last_import, "expert-import-result")
        last_import.close()
    # The same review package again, after the sheet was filled and signed: it differs.
    workspace.import_path(package_of[ids[0]])
    drain(ctx.runner)
    if workspace.result_dialog is not None:
        shooter.shoot(workspace.result_dialog, "expert-import-conflict")
        workspace.result_dialog.close()
        drain(ctx.runner)
    # The smallest laptop screen the program is made for: nothing may be cut off.
    size = window.size()
    window.resize(1280, 720)
    shooter.shoot(window, "expert-inbox-1280x720")
    workspace.open_sheet(ids[0])
    shooter.shoot(window, "expert-opinion-sheet-1280x720")
    workspace.show_inbox()
    drain(ctx.runner)
    window.resize(size)
