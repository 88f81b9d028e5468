"""The operations runner: results, progress, cancel and failures, each in one place.

Operations that must still be running when the test acts are held by a gate (an Event the
test opens), never by hoping the work is slow.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from smedesk.errors import UserError
from smedesk.ui.operations import Changes, Operation, OperationRunner, Reporter

UI_DIR = Path(__file__).resolve().parents[3] / "smedesk" / "ui"


@pytest.fixture
def runner(qtbot: Any) -> OperationRunner:
    return OperationRunner()


def run_and_wait(qtbot: Any, runner: OperationRunner, operation: Operation[Any], **kw: Any) -> None:
    with qtbot.waitSignal(runner.finished, timeout=10000):
        runner.run(operation, **kw)


def test_result_reaches_the_caller_and_changes_reach_every_screen(qtbot, runner) -> None:
    results: list[Any] = []
    applied: list[Changes] = []
    runner.events.changes_applied.connect(applied.append)
    changes = Changes(message="完成")
    run_and_wait(qtbot, runner, Operation("测试", lambda _r: changes), on_success=results.append)
    assert results == [changes] and applied == [changes]


def test_a_user_error_is_its_own_message(qtbot, runner) -> None:
    def work(_r: Reporter) -> None:
        raise UserError("磁盘空间已满，修改未能保存。")

    failures: list[str] = []
    run_and_wait(qtbot, runner, Operation("测试", work), on_failure=failures.append)
    assert failures == ["磁盘空间已满，修改未能保存。"]


def test_a_defect_is_logged_once_and_shown_as_an_internal_error(qtbot, runner, caplog) -> None:
    def work(_r: Reporter) -> None:
        raise KeyError("bug")

    shown: list[str] = []
    runner.failed.connect(shown.append)  # no on_failure: the shell's one message
    with caplog.at_level(logging.ERROR, logger="smedesk.operations"):
        run_and_wait(qtbot, runner, Operation("出错的操作", work))
    assert len(shown) == 1 and shown[0].startswith("内部错误：KeyError")
    assert "Traceback" not in shown[0]
    [record] = [r for r in caplog.records if r.name == "smedesk.operations"]
    assert record.exc_info is not None and "出错的操作" in record.getMessage()


def test_progress_is_delivered_and_cancel_stops_at_the_next_report(qtbot, runner) -> None:
    held, release = threading.Event(), threading.Event()
    written: list[int] = []

    def work(reporter: Reporter) -> str:
        reporter(1, 3)
        held.set()
        assert release.wait(10)
        reporter(2, 3)  # cancelled meanwhile: raises here
        written.append(2)
        return "done"

    progress: list[tuple[int, int]] = []
    cancelled: list[bool] = []
    succeeded: list[str] = []
    handle = runner.run(
        Operation("长操作", work, long=True),
        on_progress=lambda d, t: progress.append((d, t)),
        on_cancelled=lambda: cancelled.append(True),
        on_success=succeeded.append,
    )
    qtbot.waitUntil(held.is_set, timeout=10000)
    qtbot.waitUntil(lambda: progress == [(1, 3)], timeout=10000)
    assert handle.running
    handle.cancel()
    with qtbot.waitSignal(runner.finished, timeout=10000):
        release.set()
    assert cancelled == [True] and succeeded == [] and written == []
    assert not handle.running


def test_operations_of_one_lane_run_in_the_order_asked(qtbot, runner) -> None:
    order: list[int] = []
    gate = threading.Event()

    def first(_r: Reporter) -> None:
        assert gate.wait(10)
        order.append(1)

    runner.run(Operation("一", first))
    with qtbot.waitSignals([runner.finished, runner.finished], timeout=10000):
        runner.run(Operation("二", lambda _r: order.append(2)))
        gate.set()
    assert order == [1, 2]


def test_threads_are_started_only_by_the_runner() -> None:
    pattern = re.compile(r"\b(QThread|moveToThread|QThreadPool|threading\.Thread)\b")
    offenders = [
        f"{path.relative_to(UI_DIR.parent.parent)}:{number}"
        for path in sorted(UI_DIR.rglob("*.py"))
        if path.name != "runner.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []
