"""The export dialog: worker thread, progress, cancel, preview and save (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QTimer

from smedesk.export.pdf import Attachment
from smedesk.ui.pdf_export_dialog import (
    PdfExportDialog,
    open_pdf_export,
    qt_pdf_available,
)

from support import pdf_samples as samples
from support.pdf_helpers import page_count, pdf_text


def wait_done(qtbot, dialog: PdfExportDialog, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=timeout)


def test_preview_then_save(qtbot, tmp_path: Path) -> None:
    dialog = open_pdf_export(None, samples.recommendation_form(), [], tmp_path / "rec.pdf")
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    assert dialog.result is not None
    assert dialog.save_button.isEnabled()
    # The scheme asks for sealed sets: the dialog proposes that many copies.
    copies = dialog.copies.value()
    assert dialog.result.copies == copies
    if qt_pdf_available():
        assert dialog._pdf_document.pageCount() == dialog.result.pages * copies
    # No stored revision given: the footer keeps the scheme and its version.
    doc = dialog.doc
    assert f"版本 {doc.scheme.id}@{doc.scheme.version} ·" in dialog.result.footer
    target = dialog.save(tmp_path / "saved.pdf")
    assert target == tmp_path / "saved.pdf"
    assert page_count(target) == dialog.result.pages * copies
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved.pdf"]
    dialog.close()


def test_revision_is_the_footer_version(qtbot, tmp_path: Path) -> None:
    doc = samples.panel_opinion()
    dialog = open_pdf_export(None, doc, [], tmp_path / "p.pdf", revision=12)
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    assert dialog.result is not None
    footer = dialog.result.footer
    assert f"编号 {doc.doc_id} · 版本 第 12 版 · 指纹 {dialog.result.fingerprint[:16]}" == footer
    assert footer in dialog.status.text()
    target = dialog.save(tmp_path / "saved.pdf")
    assert target is not None
    assert "版本 第 12 版" in pdf_text(target, raw=False)
    assert "@" not in footer  # the scheme@version stand-in is gone
    dialog.close()


def test_window_stays_responsive_and_progress_moves(qtbot, tmp_path: Path) -> None:
    dialog = PdfExportDialog(samples.application_report(served=1500), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    ticks: list[int] = []
    values: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: (ticks.append(1), values.append(dialog.progress.value())))
    timer.start()
    dialog.start()
    wait_done(qtbot, dialog)
    timer.stop()
    assert dialog.result is not None
    # The GUI thread kept running its event loop while the export worked.
    assert len(ticks) > 10
    assert len(set(values)) > 3
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.close()


def test_cancel_leaves_nothing(qtbot, tmp_path: Path) -> None:
    dialog = PdfExportDialog(samples.application_report(served=2000), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30000)
    dialog.cancel()
    wait_done(qtbot, dialog)
    assert dialog.result is None
    assert "取消" in dialog.status.text()
    assert not dialog.temp_path.exists()
    assert not dialog.save_button.isEnabled()
    dialog.close()


def test_bad_attachment_is_reported(qtbot, tmp_path: Path) -> None:
    bad = Attachment("licence", "执照.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    dialog = PdfExportDialog(samples.panel_opinion(), [bad], tmp_path / "p.pdf")
    qtbot.addWidget(dialog)
    dialog.start()
    wait_done(qtbot, dialog)
    assert "执照.pdf" in dialog.status.text()
    assert dialog.result is None and not dialog.save_button.isEnabled()
    dialog.close()


def test_closing_while_running_stops_the_worker(qtbot, tmp_path: Path) -> None:
    dialog = PdfExportDialog(samples.application_report(served=2000), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30000)
    folder = dialog.temp_path.parent
    dialog.reject()
    assert not folder.exists()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30000)


def test_guide_marks_are_the_users_choice(qtbot, tmp_path: Path) -> None:
    # The application's declaration page prints «（盖章）» inside its seal guide circle.
    dialog = open_pdf_export(None, samples.application_report(), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    assert dialog.guides.isChecked()  # printed unless the user says otherwise
    with_marks = pdf_text(dialog.save(tmp_path / "with.pdf")).count("（盖章）")
    dialog.guides.setChecked(False)
    dialog.start()
    wait_done(qtbot, dialog)
    without = pdf_text(dialog.save(tmp_path / "without.pdf")).count("（盖章）")
    assert without == with_marks - dialog.result.copies
    dialog.close()


def test_dialog_fits_a_laptop_screen(qtbot) -> None:
    dialog = open_pdf_export(None, samples.recommendation_form(), [], Path("unused.pdf"))
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    area = dialog.screen().availableGeometry()
    assert dialog.height() <= area.height() and dialog.width() <= area.width()
    dialog.close()


def test_a_document_with_shortfalls_is_marked_as_draft(qtbot, tmp_path: Path) -> None:
    dialog = open_pdf_export(None, samples.application_report(), [], tmp_path / "a.pdf", not_met=24)
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    assert dialog.warning.isVisibleTo(dialog) and "24" in dialog.warning.text()
    assert dialog.draft.isChecked()
    text = pdf_text(dialog.save(tmp_path / "draft.pdf"))
    assert text.count("草稿 · 自查尚有 24 项不符合") == dialog.result.pages * dialog.result.copies
    dialog.draft.setChecked(False)  # the user's choice
    dialog.start()
    wait_done(qtbot, dialog)
    assert "草稿" not in pdf_text(dialog.save(tmp_path / "plain.pdf"))
    dialog.close()


def test_a_clean_document_has_no_draft_option(qtbot, tmp_path: Path) -> None:
    dialog = open_pdf_export(None, samples.recommendation_form(), [], tmp_path / "r.pdf")
    qtbot.addWidget(dialog)
    wait_done(qtbot, dialog)
    assert not dialog.draft.isVisibleTo(dialog) and not dialog.warning.isVisibleTo(dialog)
    assert "草稿" not in pdf_text(dialog.save(tmp_path / "r.pdf"))
    dialog.close()
