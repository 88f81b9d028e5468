"""The one runner of work off the GUI thread: typed operations, progress, cancel, failures.

An :class:`Operation` is a label and a function of a :class:`Reporter`. The runner runs it on
a worker thread of its *lane* — ``store`` (one thread: store actions apply in the order
asked), ``export`` (PDFs, workbooks, packages) or ``check`` (the live self-check) — and
reports back on the GUI thread, in one place:

* progress: the function calls ``reporter(done, total)``; the runner forwards it to the
  caller's ``on_progress`` or, for a ``long`` operation without one, to a cancellable
  progress dialog that appears only if the work lasts over half a second;
* cancel: ``handle.cancel()`` (or the dialog's «取消») makes the next ``reporter(...)`` call
  raise :class:`~smedesk.errors.Cancelled`; the work stops having changed nothing;
* success: ``on_success(result)``; a :class:`Changes` result is also emitted on the app's
  ``changes_applied`` signal, from which every screen refreshes;
* failure: ``failures.message_for`` turns it into one sentence (a defect is logged with
  its traceback), given to ``on_failure`` or, without one, emitted on ``failed`` for the
  shell to show once.

This is the only module of the UI that starts threads (a test checks it).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from smedesk.errors import Cancelled
from smedesk.ui.operations.changes import Changes
from smedesk.ui.operations.failures import message_for

T = TypeVar("T")
LANES = ("store", "export", "check")


class Reporter:
    """Handed to an operation's function: progress in, cancellation out (thread-safe)."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        self.check()
        self._emit(done, total)

    def check(self) -> None:
        """Raise ``Cancelled`` if the user cancelled (call it between steps)."""
        if self._cancelled.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


@dataclass(frozen=True)
class Operation(Generic[T]):
    """One user action's work: what the status bar says, and the function that does it."""

    label: str
    work: Callable[[Reporter], T]
    #: Long work (export, import): a cancellable progress dialog appears after 0.5 s.
    long: bool = False
    lane: str = "store"


class Handle:
    """A running operation: cancel it, or ask whether it is still running."""

    def __init__(self, token: int, operation: Operation[Any], reporter: Reporter) -> None:
        self.token = token
        self.operation = operation
        self.reporter = reporter
        self.running = True
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[str], None] | None = None
        self.on_progress: Callable[[int, int], None] | None = None
        self.on_cancelled: Callable[[], None] | None = None
        self.dialog: Any = None

    def cancel(self) -> None:
        self.reporter.cancel()


class _Relay(QObject):
    """Lives in the GUI thread; workers emit on it, so delivery is queued to the GUI.

    Only ints cross threads in the signals: a Python object carried by a queued signal has
    proved fragile under PySide6 (a crash in the worker, seen once in CI). The outcome
    waits in ``outcomes`` (a dict: safe under the GIL) and the GUI thread picks it up.
    """

    progress = Signal(int, int, int)  # token, done, total
    done = Signal(int)  # token; the outcome is in ``outcomes``

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.outcomes: dict[int, tuple[object, BaseException | None]] = {}


class _Job(QRunnable):
    def __init__(self, relay: _Relay, handle: Handle) -> None:
        super().__init__()
        self._relay, self._handle = relay, handle

    def run(self) -> None:
        token = self._handle.token
        try:
            outcome: tuple[object, BaseException | None] = (
                self._handle.operation.work(self._handle.reporter),
                None,
            )
        except BaseException as exc:  # handed to the GUI thread, which explains it
            outcome = (None, exc)
        self._relay.outcomes[token] = outcome
        self._relay.done.emit(token)


class AppEvents(QObject):
    """Signals every screen may listen to (one instance, on the application context)."""

    changes_applied = Signal(object)  # Changes


class OperationRunner(QObject):
    """Runs operations on worker threads by lane; reports on the GUI thread."""

    started = Signal(str)  # label, for the status bar
    failed = Signal(str)  # a failure no caller handled: the shell shows it once
    finished = Signal()  # after any operation ends (tests wait on this)

    def __init__(self, events: AppEvents | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events = events or AppEvents(self)
        self._pools: dict[str, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # in order within a lane
            self._pools[lane] = pool
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._handles: dict[int, Handle] = {}
        self._tokens = itertools.count(1)
        self._override_cursor = False

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def running(self, lane: str | None = None) -> list[Handle]:
        return [h for h in self._handles.values() if lane in (None, h.operation.lane)]

    def run(
        self,
        operation: Operation[T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> Handle:
        """Start ``operation``; the callbacks are called on the GUI thread."""
        if operation.lane not in self._pools:
            raise ValueError(f"unknown lane {operation.lane!r}")
        token = next(self._tokens)
        reporter = Reporter(lambda done, total: self._relay.progress.emit(token, done, total))
        handle = Handle(token, operation, reporter)
        handle.on_success, handle.on_failure = on_success, on_failure
        handle.on_progress, handle.on_cancelled = on_progress, on_cancelled
        if operation.long and on_progress is None:
            from smedesk.ui.operations.progress_dialog import OperationProgressDialog

            handle.dialog = OperationProgressDialog(operation.label, handle, parent)
        elif operation.lane == "store" and not self._override_cursor:
            from PySide6.QtCore import Qt  # not at import: see smedesk.ui.app_list
            from PySide6.QtWidgets import QApplication

            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._override_cursor = True
        self._handles[token] = handle
        self.started.emit(operation.label)
        self._pools[operation.lane].start(_Job(self._relay, handle))
        return handle

    def wait(self, msecs: int = 30_000, *, lane: str | None = None) -> bool:
        """Block until the queued operations (of ``lane``, or all) are done.

        Used when a window or dialog closes. Their results are still delivered afterwards,
        through the event loop, to callbacks that must then tolerate a closed screen.
        """
        pools = [self._pools[lane]] if lane else list(self._pools.values())
        return all(pool.waitForDone(msecs) for pool in pools)

    def cancel_all(self) -> None:
        for handle in self._handles.values():
            handle.cancel()

    def _on_progress(self, token: int, done: int, total: int) -> None:
        handle = self._handles.get(token)
        if handle is None:
            return
        if handle.on_progress is not None:
            handle.on_progress(done, total)
        elif handle.dialog is not None:
            handle.dialog.set_progress(done, total)

    def _on_done(self, token: int) -> None:
        result, error = self._relay.outcomes.pop(token, (None, None))
        handle = self._handles.pop(token, None)
        if handle is None:
            return
        handle.running = False
        if handle.dialog is not None:
            handle.dialog.finish()
        if self._override_cursor and not any(
            h.operation.lane == "store" for h in self._handles.values()
        ):
            from PySide6.QtWidgets import QApplication

            QApplication.restoreOverrideCursor()
            self._override_cursor = False
        if isinstance(error, BaseException):
            self._fail(handle, error)
        else:
            if handle.on_success is not None:
                handle.on_success(result)
            if isinstance(result, Changes):
                self.events.changes_applied.emit(result)
        self.finished.emit()

    def _fail(self, handle: Handle, error: BaseException) -> None:
        message = message_for(error, what=handle.operation.label)
        if message is None:
            if handle.on_cancelled is not None:
                handle.on_cancelled()
            return
        if handle.on_failure is not None:
            handle.on_failure(message)
        else:
            self.failed.emit(message)
