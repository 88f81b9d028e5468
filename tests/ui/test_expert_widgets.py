"""The expert's widgets: the signature pad (mouse, pen-less touch, keyboard), the 回避声明
dialog and the opinion-sheet editor, each driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from smedesk.demo import reports
from smedesk.exchange.template import opinion_template
from smedesk.forms.enums import Assessment, Conclusion
from smedesk.forms.strokes import BOX_HEIGHT, BOX_WIDTH, format_strokes, parse_strokes
from smedesk.resources import resource_path
from smedesk.schemes import load_scheme
from smedesk.ui.expert.conflict_dialog import ConflictDeclarationDialog
from smedesk.ui.expert.opinion_editor import OpinionSheetEditor
from smedesk.ui.widgets.signature_pad import SignaturePad

from support.i18n_strings import marked_strings

UI = Path(__file__).resolve().parents[2] / "smedesk" / "ui"


def _mouse(widget, kind: QEvent.Type, x: float, y: float, held: bool) -> None:  # type: ignore[no-untyped-def]
    button = Qt.MouseButton.LeftButton
    buttons = button if held else Qt.MouseButton.NoButton
    pos = QPointF(x, y)
    event = QMouseEvent(
        kind,
        pos,
        widget.mapToGlobal(pos),
        button if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def _draw(canvas, points: list[tuple[float, float]]) -> None:  # type: ignore[no-untyped-def]
    _mouse(canvas, QEvent.Type.MouseButtonPress, *points[0], held=True)
    for x, y in points[1:]:
        _mouse(canvas, QEvent.Type.MouseMove, x, y, held=True)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, *points[-1], held=False)


def test_pad_records_strokes_in_box_units_and_undoes(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 260)
    pad.show()
    canvas = pad.canvas
    box = canvas.box()
    assert abs(box.width() / box.height() - BOX_WIDTH / BOX_HEIGHT) < 0.01
    with qtbot.waitSignal(pad.changed):
        _draw(
            canvas,
            [
                (box.left() + 10, box.top() + 10),
                (box.center().x(), box.center().y()),
                (box.right() + 50, box.bottom() + 50),
            ],
        )
    _draw(canvas, [(box.left() + 40, box.top() + 40), (box.left() + 80, box.top() + 60)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) == 3
    assert strokes[0][-1] == (BOX_WIDTH, BOX_HEIGHT)  # clamped into the box
    assert abs(strokes[0][1][0] - BOX_WIDTH / 2) < 5 and abs(strokes[0][1][1] - BOX_HEIGHT / 2) < 5
    assert parse_strokes(format_strokes(strokes)) == [
        [(round(x, 1), round(y, 1)) for x, y in s] for s in strokes
    ]
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pad.strokes()) == 1
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert pad.strokes() == [] and not pad.clear_button.isEnabled()


def test_pad_takes_touch(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 260)
    pad.show()
    device = QTest.createTouchDevice()
    box = pad.canvas.box()
    start = QPoint(int(box.left() + 20), int(box.top() + 20))
    QTest.touchEvent(pad.canvas, device).press(0, start, pad.canvas).commit()
    QTest.touchEvent(pad.canvas, device).move(0, start + QPoint(60, 30), pad.canvas).commit()
    QTest.touchEvent(pad.canvas, device).release(0, start + QPoint(60, 30), pad.canvas).commit()
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) == 2


def test_conflict_dialog_opens_only_when_all_clear(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ConflictDeclarationDialog("沈阳智汇企业服务有限公司")
    qtbot.addWidget(dialog)
    assert not dialog.open_button.isEnabled() and not dialog.conflict_button.isEnabled()
    for group in dialog._groups.values():
        group.button(1).click()
    assert dialog.open_button.isEnabled() and dialog.declaration().clear
    dialog._groups["no_cooperation"].button(0).click()
    assert not dialog.open_button.isEnabled() and dialog.conflict_button.isEnabled()
    dialog.conflict_button.click()
    assert dialog.outcome == "conflict"
    assert dialog.declaration().no_cooperation is False and not dialog.declaration().clear


def test_opinion_editor_round_trip_and_no_score(qtbot) -> None:  # type: ignore[no-untyped-def]
    report = reports.shenyang_information_platform()
    sheet = opinion_template(report, load_scheme(report.scheme.id), "王建国")
    editor = OpinionSheetEditor(sheet)
    qtbot.addWidget(editor)
    assert editor.table.rowCount() == len(sheet.criteria) > 0
    with qtbot.waitSignal(editor.changed):
        editor._combos[0].setCurrentIndex(editor._combos[0].findData(Assessment.PARTLY.value))
    editor.table.item(0, 5).setText("材料略有欠缺")
    editor.overall.setPlainText("同意推荐。")
    editor.conclusion_group.button(0).click()
    doc = editor.document()
    assert doc.criteria[0].assessment is Assessment.PARTLY
    assert doc.criteria[0].comment == "材料略有欠缺"
    assert doc.conclusion is Conclusion.RECOMMEND and doc.overall_opinion == "同意推荐。"
    texts = [w.text() for w in editor.findChildren(QLabel)]
    texts += [
        editor.table.horizontalHeaderItem(i).text() for i in range(editor.table.columnCount())
    ]
    assert not any(word in t for t in texts for word in ("总分", "得分", "排名", "分数"))


def test_every_expert_string_has_an_english_entry() -> None:
    catalogue = json.loads(resource_path("translations", "en.json").read_text("utf-8"))
    paths = sorted((UI / "expert").glob("*.py")) + sorted((UI / "widgets").glob("*.py"))
    marked = marked_strings(paths)
    assert marked
    assert sorted(marked - set(catalogue)) == []


def test_inbox_lists_states_and_opens_on_enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from smedesk.exchange.inbox import InboxItem
    from smedesk.ui.expert.inbox import ExpertInbox

    inbox = ExpertInbox()
    qtbot.addWidget(inbox)
    assert inbox.table.isHidden() and not inbox.empty.isHidden()
    now = dt.datetime(2025, 6, 18, 9, 30, tzinfo=dt.UTC)
    inbox.set_items(
        [
            InboxItem("s1", "a1", "沈阳智汇企业服务有限公司", "miit-2017", "signed", now),
            InboxItem("s2", "a2", None, "miit-2017", "new", now),
        ]
    )
    assert inbox.table.rowCount() == 2 and inbox.table.item(0, 3).text() == "已签署"
    assert "已签署 1" in inbox.summary.text() and "待评审 1" in inbox.summary.text()
    inbox.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(inbox.open_requested) as opened:
        QTest.keyClick(inbox.table, Qt.Key.Key_Return)
    assert opened.args == ["s2"]
