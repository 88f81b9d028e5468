"""A save the store refuses (a full disk): the edit stays, the user is told which fields wait,
and the edits are stored by themselves once the store takes them again.

The retry timer is fired by the test (no waiting on the clock).
"""

from __future__ import annotations

from typing import Any

from smedesk.store import StoreError

pytest_plugins = ["support.editor_fixtures"]


def test_refused_save_is_shown_kept_and_retried(
    qtbot: Any, open_editor: Any, application_id: str, reopened: Any, monkeypatch: Any
) -> None:
    editor = open_editor(application_id)
    store = editor.ctx.store
    real_save = store.save
    full = {"disk": True}

    def save(*args: Any, **kwargs: Any) -> Any:
        if full["disk"]:
            raise StoreError("磁盘空间已满，修改未能保存。")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(store, "save", save)
    editor.request_edit("form.basic.address", "沈阳市和平区南京北街1号", "注册地址")
    qtbot.waitUntil(lambda: "未能保存" in editor.save_status.text(), timeout=5000)
    assert "磁盘空间已满" in editor.save_status.text()
    assert "注册地址" in editor.save_status.text()  # which field waits
    assert editor.autosaver.pending and editor.autosaver.retry.isActive()
    assert editor.state.value("form.basic.address") == "沈阳市和平区南京北街1号"
    editor.autosaver.retry.timeout.emit()  # still full: stays pending, tries again later
    assert editor.autosaver.pending and editor.autosaver.retry.isActive()
    full["disk"] = False  # space is back
    editor.autosaver.retry.timeout.emit()
    assert not editor.autosaver.pending and not editor.autosaver.retry.isActive()
    assert "已自动保存" in editor.save_status.text()
    assert reopened(application_id)["form"]["basic"]["address"] == "沈阳市和平区南京北街1号"
