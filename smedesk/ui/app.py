"""Starting the desktop program: ``run()`` is what ``smedesk`` with no sub-command calls.

Order matters for start-up time: the GUI thread loads Qt, registers the bundled font, reads
the settings and shows the window; only then is the store (SQLAlchemy, Alembic: slower to
import than Qt itself) imported and the database opened, on a worker thread, and the list
fills in. Export libraries (ReportLab, openpyxl) are never imported here; the editor and
the export dialogs import them when first used.

Nothing the user does may end in a traceback: ``install_excepthook`` logs any uncaught
exception to a file in the user data folder and shows a short Chinese message instead.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from smedesk.store import DocumentStore

log = logging.getLogger("smedesk")

SETTINGS_ENV = "SMEDESK_SETTINGS"  # path of an INI file; tests and portable installs
DATA_DIR_ENV = "SMEDESK_DATA_DIR"  # where the error log goes; defaults to the user data folder
PROBE_ENV = "SMEDESK_STARTUP_PROBE"  # benchmarks: print the time the window showed, then quit
ERROR_LOG = "smedesk-errors.log"


def data_dir() -> Path:
    """The user data folder (created if missing): database, error log."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        folder = Path(override).expanduser()
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("smedesk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_settings(path: str | os.PathLike[str] | None = None) -> QSettings:
    """The program's settings: an INI file, ``path`` or ``$SMEDESK_SETTINGS`` if given.

    INI on every platform, so settings can be read, copied and reset by hand (and tests
    point at a temporary file, never at the user's real settings).
    """
    from PySide6.QtCore import QSettings

    chosen = path or os.environ.get(SETTINGS_ENV, "").strip() or None
    if chosen:
        return QSettings(str(chosen), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "smedesk", "smedesk")


def prepare_application(app: QApplication, language: str, *, style_set: bool = False) -> str:
    """Font, style and interface language: the same in the program, tests and screenshots.

    ``style_set``: ``app`` was created with ``-style Fusion`` (see ``style.apply_style``).
    """
    from smedesk.ui import i18n
    from smedesk.ui.fonts import apply_application_font
    from smedesk.ui.style import apply_style

    apply_style(app, style_set=style_set)
    apply_application_font(app)
    # set_language also installs Qt's own translations (ui/qt_locale.py).
    return i18n.set_language(language)


# --- no traceback reaches a user ------------------------------------------------------------

_in_hook = threading.Lock()


def install_excepthook() -> None:
    """Route uncaught exceptions (GUI thread and workers) to the log file and a message."""
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: _log_exception(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )


def _log_exception(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> Path | None:
    text = "".join(traceback.format_exception(kind, value, tb))
    try:
        path = data_dir() / ERROR_LOG
        with path.open("a", encoding="utf-8") as file:
            file.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} ===\n{text}")
    except OSError:
        sys.stderr.write(text)
        return None
    return path


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    path = _log_exception(kind, value, tb)
    if not _in_hook.acquire(blocking=False):
        return  # an error while showing the message: logged, not shown again
    try:
        show_error_message(value, path)
    finally:
        _in_hook.release()


def show_error_message(value: BaseException, log_path: Path | None) -> None:
    """The message a user sees instead of a traceback."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smedesk.ui.i18n import tr

    if QApplication.instance() is None:
        return
    where = str(log_path) if log_path else tr("（无法写入日志文件）")
    QMessageBox.critical(
        None,
        tr("程序出错"),
        tr(
            "程序遇到了一个意外错误（{error}）。这是程序的缺陷，不是您的操作问题。\n\n"
            "已保存的内容不受影响，建议保存手头工作后重新启动程序。\n"
            "错误详情已记录在：{path}\n请将该文件反馈给技术支持。"
        ).format(error=type(value).__name__, path=where),
    )


# --- start-up -------------------------------------------------------------------------------


class _StoreOpening:
    """The store being opened by an operation while the window shows (start-up).

    Stands in for the store in the context until the database is open; anything that
    reaches for the store before then (a quick click) waits for it.
    """

    def __init__(self, configured_url: str = "") -> None:
        self.configured_url = configured_url  # the settings' database server, if any
        self.ready = threading.Event()
        self.store: DocumentStore | None = None
        self.database: Any = None

    def open(self, _reporter: Any) -> DocumentStore | Path:
        """The opened store; or, when the file fails its quick check, its path (not opened)."""
        from smedesk.store import DocumentStore, open_database
        from smedesk.store.engine import sqlite_file
        from smedesk.store.server import choose_database_url
        from smedesk.store.startup import check_database

        try:
            url = choose_database_url(self.configured_url)
            try:
                path = sqlite_file(url)
            except Exception:  # a malformed URL: open_database says so in plain words
                path = None
            if path is not None and not check_database(path).ok:
                return path  # the GUI thread asks about the backup, then opens again
            self.database = open_database(url)
            self.store = DocumentStore(self.database)
            return self.store
        finally:
            # Whatever happened, nothing waits forever for the store (see _PendingStore).
            self.ready.set()


class _PendingStore:
    """The context's store until the opening is done; attribute access waits for it."""

    def __init__(self, opening: _StoreOpening) -> None:
        self._opening = opening

    def __getattr__(self, name: str) -> Any:
        self._opening.ready.wait()
        if self._opening.store is None:
            from smedesk.store import StoreError

            raise StoreError("数据库没有打开，无法继续。")
        return getattr(self._opening.store, name)


def run(argv: Sequence[str] | None = None, *, open_path: str | None = None) -> int:
    """Start the desktop program; the exit code of the event loop (1 if it cannot start).

    ``open_path``: a document file to open once the store is ready (``smedesk FILE``).

    The window shows first (Qt, the font and the settings only); then the store's imports
    and the database open on a worker thread while the event loop runs, and the list fills
    in when they are done. SQLAlchemy and Alembic alone take longer to import than Qt does.
    """
    install_excepthook()
    opening = _StoreOpening()

    from PySide6.QtWidgets import QApplication

    from smedesk.ui.style import STYLE

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # The style as an argument, so Qt picks it without a setStyle call (see apply_style).
        app = QApplication([*(argv or sys.argv), "-style", STYLE])
    app.setApplicationName("smedesk")
    app.setOrganizationName("smedesk")
    app.setApplicationDisplayName("smedesk")
    settings = open_settings()
    from smedesk.ui import settings_dialog
    from smedesk.ui.context import AppContext
    from smedesk.ui.main_window import MainWindow

    language = prepare_application(
        app,
        settings_dialog.read_setting(settings, settings_dialog.LANGUAGE),
        style_set=existing is not app,
    )
    from smedesk.ui.database_settings import ask_password_if_needed, configured_url

    opening.configured_url = configured_url(settings)
    ask_password_if_needed(opening.configured_url)
    role = str(settings.value(settings_dialog.ROLE, "applicant"))
    ctx = AppContext(
        store=cast("DocumentStore", _PendingStore(opening)),
        settings=settings,
        user_name=settings_dialog.read_setting(settings, settings_dialog.USER_NAME),
        language=language,
        role=role if role in ("applicant", "recommender", "expert") else "applicant",
    )
    window = MainWindow(ctx, store_pending=True)
    app.aboutToQuit.connect(window.save_state)
    window.show()
    _arm_startup_probe(app)

    def opened(store: DocumentStore) -> None:
        from smedesk.ui.backup_timer import start_backup_timer

        ctx.store = store
        ctx.extras["database"] = opening.database  # package imports mark documents with it
        window.store_ready()
        start_backup_timer(window, store, runner=ctx.runner)
        if open_path:  # smedesk FILE: a double-clicked document (see ui/open_file.py)
            from smedesk.ui.open_file import open_file_in_window

            open_file_in_window(window, open_path)

    def failed(message: str) -> None:
        report_open_failure(message)
        window.hide()
        app.exit(1)

    # Started only now: importing SQLAlchemy on a thread holds the GIL most of the time,
    # and would slow Qt's own start-up as much as it saves.
    from smedesk.ui.i18n import tr
    from smedesk.ui.operations import Operation

    def open_or_recover(outcome: Any) -> None:
        if not isinstance(outcome, Path):
            opened(outcome)
            return
        # The quick check found the file damaged: it was not opened. The user is offered
        # the newest good backup (the damaged file is kept aside), then it opens again.
        from smedesk.ui.recovery_prompt import check_and_offer_recovery

        if check_and_offer_recovery(window, outcome):
            start_opening()
        else:
            window.hide()
            app.exit(1)

    def start_opening() -> None:
        ctx.runner.run(
            Operation(tr("正在打开数据库…"), opening.open),
            on_success=open_or_recover,
            on_failure=failed,
        )

    start_opening()
    code = app.exec()
    if opening.database is not None:
        # Release SQLite's file handles (and let the WAL checkpoint) before the process ends.
        opening.database.close()
    return int(code)


def report_open_failure(message: str) -> None:
    """The message shown when the database cannot be opened (the runner logged a defect)."""
    from PySide6.QtWidgets import QMessageBox

    from smedesk.ui.i18n import tr

    QMessageBox.critical(
        None,
        tr("无法打开数据库"),
        tr("无法打开数据库，程序不能启动。\n\n{reason}").format(reason=message),
    )


def _arm_startup_probe(app: QApplication) -> None:
    """For benchmarks/ui_startup.py: report when the first frame is up, then quit.

    With the value ``ready`` the report waits until the list is filled from the database.
    """
    mode = os.environ.get(PROBE_ENV)
    if not mode:
        return
    from PySide6.QtCore import QTimer

    def report() -> None:
        if mode == "ready":
            window = next((w for w in app.topLevelWidgets() if hasattr(w, "store_ready")), None)
            if window is None or getattr(window, "_store_pending", True):
                QTimer.singleShot(5, report)
                return
        print(f"shown {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
