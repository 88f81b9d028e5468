"""GUI test fixtures: offscreen Qt, a throw-away database and settings file per test.

Nothing here touches the user's real data folder or settings: the environment variables
the program reads are pointed into the test's temporary folder before any window exists.
"""

from __future__ import annotations

import os

# Must be set before the QApplication exists; conftest modules load before the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from smedesk.ui.screenshot import use_offscreen_screen

# A 1920×1080 screen at 96 dpi: the default offscreen screen (800×800) is smaller than the
# main window's minimum size and would clamp restored geometry.
use_offscreen_screen()

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from smedesk.store import Database, DocumentStore, open_database  # noqa: E402
from smedesk.ui import i18n  # noqa: E402
from smedesk.ui.app import open_settings, prepare_application  # noqa: E402
from smedesk.ui.context import AppContext  # noqa: E402
from smedesk.ui.main_window import MainWindow  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Same font, style and (Chinese) language as the program; private data folders."""
    monkeypatch.setenv("SMEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("SMEDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SMEDESK_DB", str(tmp_path / "smedesk.db"))
    prepare_application(qapp, "zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'smedesk.db'}")
    yield db
    db.close()


@pytest.fixture
def store(database: Database) -> DocumentStore:
    return DocumentStore(database)


@pytest.fixture
def make_window(qtbot: Any, store: DocumentStore, settings_path: Path) -> Callable[[], MainWindow]:
    """A new main window over the test's database and settings file, shown."""

    def make() -> MainWindow:
        settings = open_settings(settings_path)
        ctx = AppContext(store, settings, user_name="测试员")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


class ModalAction:
    """What happened to one scheduled dialog action; ``check()`` re-raises its failure."""

    def __init__(self) -> None:
        self.done = False
        self.error: BaseException | None = None

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.done, "no modal dialog opened"


@pytest.fixture
def on_modal() -> Callable[[Callable[[QWidget], None]], ModalAction]:
    """Schedule ``act`` for the next modal dialog; call before the click that opens it.

    A modal ``exec()`` runs its own event loop, so the scheduled poll fires inside it,
    acts on the dialog (fills it, accepts it) and the click returns. Call ``check()`` on
    the result afterwards. A failed assertion inside ``act`` closes the dialog and is
    re-raised by ``check()`` rather than escaping through Qt's event loop.
    """

    def schedule(act: Callable[[QWidget], None]) -> ModalAction:
        state = ModalAction()

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, poll)
                return
            try:
                act(dialog)
            except BaseException as exc:
                state.error = exc
                dialog.close()
            finally:
                state.done = True

        QTimer.singleShot(0, poll)
        return state

    return schedule
