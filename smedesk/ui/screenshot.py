"""Rendering the program's screens to PNG files, offscreen, for looking at them.

Used by ``smedesk screenshot DIR``: a throw-away database and settings file are filled with
demo applications, the main window is shown at 1366×768, and each screen is grabbed: the
list (and its trash), the new-application and settings dialogs, the other roles' pages, and
every page of the editor for a demo application, with its self-check panel; then the
expert's screens (``expert/screenshots.py``): inbox, 回避声明, opinion sheet, signature pad.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtWidgets import QApplication, QWidget

from smedesk.store import DocumentId, DocumentStore, open_database
from smedesk.ui import spacing
from smedesk.ui.app import open_settings, prepare_application
from smedesk.ui.context import AppContext
from smedesk.ui.i18n import tr
from smedesk.ui.new_document_dialog import (
    APPLICANT_KINDS,
    NewDocumentDialog,
    build_request,
    kind_title,
    scheme_choices,
)

log = logging.getLogger(__name__)

SIZE = QSize(*spacing.DEFAULT_WINDOW)


def use_offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Render without a display on a ``width``×``height`` screen at 96 dpi.

    Call before the QApplication exists. Qt's offscreen screen is 800×800 by default,
    smaller than the program's smallest window, so restored geometry and dialogs would be
    clamped; 96 dpi makes the pictures match an ordinary office screen. A platform the
    caller chose (``QT_QPA_PLATFORM`` other than plain ``offscreen``) is left alone.
    """
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    screen = {"name": "smedesk", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = Path(tempfile.mkdtemp(prefix="smedesk-qt-")) / "offscreen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _settle() -> None:
    # Layouts, style polish and deferred (singleShot 0) work run in a few passes.
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _safe_name(text: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_" else "_" for c in text)
    return keep.strip("_") or "page"


def demo_documents(store: DocumentStore, author: str = "演示") -> list[DocumentId]:
    """Fill ``store`` with the applicant's demo applications; the first is shown in the editor.

    Uses ``smedesk.demo.build_demo_set()`` (complete applications of each scheme) when it
    is there, else a few small documents made by the new-application dialog's own builder.
    One extra copy goes to the trash, so the trash view has something to show.
    """
    ids: list[DocumentId] = []
    try:
        from smedesk.demo import build_demo_set

        demo_set = build_demo_set()
    except Exception:  # the demo package is another engineer's; fall back, never fail
        log.warning("demo builders unavailable; using small built-in documents", exc_info=True)
        demo_set = {}
    for document in demo_set.values():
        if document.kind not in APPLICANT_KINDS:
            continue  # the recommender's and experts' documents have no list yet
        data = json.loads(document.model_dump_json())
        title = f"{document.display_title()} · {kind_title(document.kind)}"
        ids.append(
            store.create(
                document.kind,
                title,
                data,
                scheme_id=document.scheme.id,
                scheme_version=document.scheme.version,
                author=author,
            )
        )
    if not ids:
        ids = _small_documents(store, author)
    old = store.duplicate(
        ids[0], tr("{title}（往年）").format(title=_title(store, ids[0])), author=author
    )
    store.trash(old)
    return ids


def _title(store: DocumentStore, doc_id: DocumentId) -> str:
    return next(info.title for info in store.list() if info.id == doc_id)


def _small_documents(store: DocumentStore, author: str) -> list[DocumentId]:
    choices = {c.id: c for c in scheme_choices()}
    samples = [
        ("miit-creation", "沈阳恒远精密机械服务有限公司", "辽宁省", "platform", "professional", "沈阳恒远工业设计与检测服务平台"),
        ("miit-2017", "江苏华锐企业服务股份有限公司", "江苏省", None, None, ""),
        ("liaoning-creation", "大连金桥产业园运营管理有限公司", "辽宁省", "base", None, "大连金桥智能制造创业创新基地"),
        ("tibet", "拉萨博创中小企业服务中心", "西藏自治区", None, None, ""),
    ]  # fmt: skip
    ids = []
    for scheme_id, name, province, org_type, kind, platform in samples:
        choice = choices.get(scheme_id) or next(iter(choices.values()))
        request = build_request(
            choice,
            applicant_name=name,
            province=province,
            org_type=org_type,
            platform_kind=kind,
            platform_name=platform,
        )
        ids.append(
            store.create(
                request.kind,
                request.title,
                request.data,
                scheme_id=request.scheme_id,
                scheme_version=request.scheme_version,
                author=author,
            )
        )
    old = store.duplicate(
        ids[1], "江苏华锐企业服务股份有限公司 · 申请报告（2023年度）", author=author
    )
    store.trash(old)
    return ids


class Shooter:
    """Grabs widgets into numbered PNG files in one folder."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.files: list[Path] = []

    def shoot(self, widget: QWidget, name: str) -> Path:
        _settle()
        path = self.out_dir / f"{len(self.files) + 1:02d}-{_safe_name(name)}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"无法写入截图文件：{path}")
        self.files.append(path)
        return path

    def shoot_dialog(self, make: Callable[[], QWidget], name: str) -> Path:
        dialog = make()
        dialog.show()
        try:
            return self.shoot(dialog, name)
        finally:
            dialog.close()
            dialog.deleteLater()


def render_screenshots(out_dir: Path, *, language: str = "zh_CN") -> list[Path]:
    """Render every screen to ``out_dir``; the files written, in order."""
    app = QApplication.instance() or QApplication(["smedesk-screenshot"])
    assert isinstance(app, QApplication)
    prepare_application(app, language)
    from smedesk.ui.main_window import MainWindow
    from smedesk.ui.settings_dialog import LANGUAGE, SettingsDialog

    with tempfile.TemporaryDirectory(prefix="smedesk-shots-") as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            store = DocumentStore(database)
            ids = demo_documents(store)
            settings = open_settings(Path(tmp) / "settings.ini")
            settings.setValue(LANGUAGE, language)
            ctx = AppContext(store, settings, user_name="演示", language=language)
            window = MainWindow(ctx)
            window.resize(SIZE)
            window.show()
            shooter = Shooter(out_dir)
            _shoot_window(shooter, window, ids[0])
            from smedesk.ui.expert.screenshots import shoot_expert

            shoot_expert(shooter, window, database, Path(tmp))
            from smedesk.ui.rounds.screenshots import shoot_recommender

            shoot_recommender(shooter, window)
            window.close()
            window.deleteLater()
            _settle()
            settings_path = Path(tmp) / "settings.ini"
            shooter.shoot_dialog(
                lambda: SettingsDialog(open_settings(settings_path)), "settings-dialog"
            )
            return shooter.files
        finally:
            database.close()


def _shoot_window(shooter: Shooter, window: Any, doc_id: DocumentId) -> None:
    window.show_list()
    shooter.shoot(window, "main-window-list")
    window.list_page.set_showing_trash(True)
    shooter.shoot(window, "main-window-trash")
    window.list_page.set_showing_trash(False)
    shooter.shoot_dialog(lambda: NewDocumentDialog(window), "new-document-dialog")
    for role in ("recommender", "expert"):
        window.set_role(role)
        shooter.shoot(window, f"role-{role}")
    window.set_role("applicant")
    if not window.open_document(doc_id):
        return
    editor = window.editor
    shooter.shoot(window, "editor")
    names = editor.page_names() if hasattr(editor, "page_names") else []
    for number, name in enumerate(names, start=1):
        editor.show_page(name)
        shooter.shoot(window, f"editor-{number:02d}-{name}")
    panel = getattr(editor, "self_check_panel", None)
    if isinstance(panel, QWidget):
        shooter.shoot(panel, "self-check-panel")
