"""Start-up pieces: the bundled font, the error hook, run() itself and the screenshot command."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from smedesk.resources import FONT_FAMILY
from smedesk.ui import app as app_module
from smedesk.ui.fonts import register_bundled_font


def test_bundled_font_is_the_application_font(qapp):
    assert register_bundled_font() == FONT_FAMILY
    assert FONT_FAMILY in QFontDatabase.families()
    assert QApplication.font().families()[0] == FONT_FAMILY
    label = QLabel("中小企业公共服务示范平台")
    # The font Qt actually resolved for a widget, not just the one asked for.
    assert QFontInfo(label.font()).family() == FONT_FAMILY


def test_bundled_font_has_the_chinese_glyphs(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(FONT_FAMILY))
    for char in "申报单位推荐评审专家回收站〔〕（）":
        assert metrics.inFontUcs4(ord(char)), char


def test_excepthook_logs_and_shows_a_chinese_message(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(app_module, "show_error_message", lambda value, path: shown.append(path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app_module.install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    log = tmp_path / "data" / app_module.ERROR_LOG
    assert shown == [log]
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom" in text and "Traceback" in text


def test_error_message_box_is_in_chinese(qtbot, on_modal, tmp_path):
    seen = {}

    def read(box):
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.accept()

    state = on_modal(read)
    app_module.show_error_message(ValueError("x"), tmp_path / "err.log")
    state.check()
    assert seen["title"] == "程序出错"
    assert "ValueError" in seen["text"] and "err.log" in seen["text"]
    assert "Traceback" not in seen["text"]


def test_run_starts_and_shows_the_window(tmp_path):
    # In a child process: a real start, and the test session's QApplication stays untouched.
    import os
    import subprocess

    env = dict(os.environ, **{app_module.PROBE_ENV: "1"})
    env["QT_QPA_PLATFORM"] = "offscreen"
    code = "import sys; from smedesk.ui.app import run; sys.exit(run([]))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("shown ")
    # The window shows before the store is open; "ready" waits for the filled list.
    env[app_module.PROBE_ENV] = "ready"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "smedesk.db").exists()  # SMEDESK_DB from the conftest
    assert (tmp_path / "settings.ini").exists()  # SMEDESK_SETTINGS: geometry saved there


def test_a_database_that_cannot_open_is_explained(monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from smedesk.store import StoreError, open_database

    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        open_database(f"sqlite:///{folder}")
    seen = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: seen.append((title, text)))
    app_module.report_open_failure(caught.value)
    [(title, text)] = seen
    assert title == "无法打开数据库"
    assert "是一个文件夹" in text
    assert not (tmp_path / "data" / app_module.ERROR_LOG).exists()  # expected: not logged


@pytest.mark.parametrize("language", ["zh_CN"])
def test_screenshot_command_writes_pngs(tmp_path, language):
    from smedesk.cli import main

    out = tmp_path / "shots"
    assert main(["screenshot", str(out), "--language", language]) == 0
    files = sorted(p.name for p in out.glob("*.png"))
    assert "01-main-window-list.png" in files
    assert any("settings-dialog" in name for name in files)
    shown = {name[3:-4] for name in files}  # "27-expert-declaration.png" → "expert-declaration"
    assert {
        "expert-inbox",
        "expert-declaration",
        "expert-opinion-sheet",
        "expert-signature-pad",
        "recommender-round",
        "recommender-expert-opinions",
        "recommendation-form-01-cover",
        "recommendation-form-04-survey_sampled",
    } <= shown
    from PySide6.QtGui import QImage

    image = QImage(str(out / "01-main-window-list.png"))
    assert (image.width(), image.height()) == (1366, 768)
