"""The export dialog: runner operation, progress, cancel, preview and save (offscreen Qt).

Tests that need the export to be still running hold it with a gate the test opens, never
by hoping a big document takes long enough.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

import threading
from typing import Any

from PySide6.QtCore import QTimer

from smedesk.export.pdf import Attachment, export_pdf
from smedesk.ui.pdf_export_dialog import PdfExportDialog, open_pdf_export

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


class Gate:
    """Holds the export at its second progress report until the test opens the gate."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()
        self.reports = 0

    def export(self, *args: Any, progress: Any, **kwargs: Any) -> Any:
        def gated(done: int, total: int) -> None:
            self.reports += 1
            progress(done, total)
            if self.reports == 2:
                self.reached.set()
                assert self.open.wait(30), "the test never opened the gate"

        return export_pdf(*args, progress=gated, **kwargs)


def test_window_stays_responsive_and_progress_moves(qtbot, tmp_path: Path) -> None:
    dialog = PdfExportDialog(samples.application_report(served=300), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    gate = Gate()
    dialog.export = gate.export
    dialog.start()
    qtbot.waitUntil(gate.reached.is_set, timeout=30000)
    # The export is held mid-way: the GUI thread still runs its event loop (a timer fires,
    # the progress report already delivered moved the bar off zero).
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 1, timeout=5000)
    assert dialog.is_running()
    assert dialog.cancel_button.isEnabled() and not dialog.save_button.isEnabled()
    gate.open.set()
    wait_done(qtbot, dialog)
    assert dialog.result is not None
    assert gate.reports > 3
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.close()


def test_cancel_leaves_nothing(qtbot, tmp_path: Path) -> None:
    dialog = PdfExportDialog(samples.application_report(served=300), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    gate = Gate()
    dialog.export = gate.export
    dialog.start()
    qtbot.waitUntil(gate.reached.is_set, timeout=30000)
    dialog.cancel()  # lands while the export is held: it must stop at the next report
    gate.open.set()
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
    dialog = PdfExportDialog(samples.application_report(served=300), [], tmp_path / "a.pdf")
    qtbot.addWidget(dialog)
    gate = Gate()
    dialog.export = gate.export
    dialog.start()
    qtbot.waitUntil(gate.reached.is_set, timeout=30000)
    folder = dialog.temp_path.parent
    threading.Thread(target=gate.open.set).start()  # the held export goes on to cancel
    dialog.reject()  # cancels and waits for the export to stop, then removes the folder
    assert not folder.exists()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30000)
