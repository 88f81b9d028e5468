"""The new-document dialog closes up when rows hide: no gap where the creation rows were."""

from __future__ import annotations

from typing import Any

from smedesk.ui.new_document_dialog import NewDocumentDialog


def gap(dialog: NewDocumentDialog) -> int:
    above = dialog.applicant_edit.geometry()
    below = dialog.province_box.geometry()
    return below.top() - above.bottom()


def test_hidden_rows_leave_no_gap(qtbot: Any) -> None:
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_scheme("miit-creation")  # creation: type, kind and platform name shown
    qtbot.wait(20)
    tall = dialog.height()
    dialog.select_scheme("miit-2017")  # recognition: those rows hide
    qtbot.wait(20)
    spacing = dialog.form.verticalSpacing()
    assert not dialog.platform_name_edit.isVisible()
    assert gap(dialog) <= spacing + 2, f"{gap(dialog)} px between 申报单位名称 and 所在省"
    assert dialog.height() <= dialog.sizeHint().height() + 2
    assert dialog.height() < tall
