"""The settings dialog, generated from a data list of settings (as Vorta does).

Each :class:`Setting` names its QSettings key, type, group and label once; the dialog builds
one row per entry, and :func:`read_setting` gives the typed value (with its default) to the
rest of the program. QSettings hands back strings from INI files, hence the conversions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import spacing
from smedesk.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, tr

LANGUAGE = "ui/language"
USER_NAME = "user/name"
REOPEN_LAST = "startup/reopen_last"
# Not shown in the dialog: remembered by the main window.
GEOMETRY = "window/geometry"
LAST_OPENED = "documents/last_opened"
ROLE = "ui/role"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    group: str  # Chinese source text, translated when shown
    label: str
    default: Any
    choices: dict[str, str] | None = None
    help: str = ""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        LANGUAGE, str, N_("界面"), N_("界面语言"), DEFAULT_LANGUAGE, choices=LANGUAGES,
        help=N_("申报材料本身始终为中文。切换后立即生效。"),
    ),
    Setting(
        USER_NAME, str, N_("填报"), N_("填报人姓名"), "申报人员",
        help=N_("记入每一次修改的历史，便于多人轮流填写时查对。"),
    ),
    Setting(
        REOPEN_LAST, bool, N_("启动"), N_("启动时打开上次编辑的申报"), True,
    ),
)  # fmt: skip


def _setting(key: str) -> Setting:
    for setting in SETTINGS:
        if setting.key == key:
            return setting
    raise KeyError(key)


def read_setting(settings: QSettings, key: str) -> Any:
    """The stored value of ``key`` converted to its declared type, or its default."""
    setting = _setting(key)
    raw = settings.value(key, setting.default)
    if setting.type is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw)
    value = str(raw) if raw is not None else setting.default
    if setting.choices is not None and value not in setting.choices:
        return setting.default
    return value


class SettingsDialog(QDialog):
    """One row per declared setting, grouped; OK writes them all back."""

    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, database: Any = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("设置"))
        self.setMinimumWidth(spacing.DIALOG_FIELD_WIDTH + 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.SECTION_GAP)
        self.editors: dict[str, QWidget] = {}
        groups: dict[str, QFormLayout] = {}
        for setting in SETTINGS:
            form = groups.get(setting.group)
            if form is None:
                box = QGroupBox(tr(setting.group))
                form = QFormLayout(box)
                form.setSpacing(spacing.SPACING)
                groups[setting.group] = form
                layout.addWidget(box)
            editor = self._editor_for(setting, read_setting(settings, setting.key))
            self.editors[setting.key] = editor
            if setting.type is bool:
                form.addRow(editor)
            else:
                form.addRow(tr(setting.label), editor)
            if setting.help:
                note = QLabel(tr(setting.help))
                note.setObjectName("mutedText")
                note.setWordWrap(True)
                form.addRow("", note)
        self.backups = self._backups_box(layout, database)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _backups_box(self, layout: QVBoxLayout, database: Any) -> Any:
        """The «备份» group, for a local database (given, or the parent window's store)."""
        from smedesk.store.backup import BackupError, sqlite_path
        from smedesk.ui.backups_page import BackupsPage
        from smedesk.ui.import_choice import store_of

        database = database if database is not None else store_of(self.parentWidget())
        if database is None:
            return None
        try:
            sqlite_path(database)
        except BackupError:
            return None  # a shared server database is backed up by its administrators
        box = QGroupBox(tr("备份"))
        inner = QVBoxLayout(box)
        page = BackupsPage(database, box)
        inner.addWidget(page)
        layout.addWidget(box)
        return page

    @staticmethod
    def _editor_for(setting: Setting, value: Any) -> QWidget:
        if setting.type is bool:
            check = QCheckBox(tr(setting.label))
            check.setChecked(bool(value))
            return check
        if setting.choices is not None:
            box = QComboBox()
            for code, name in setting.choices.items():
                box.addItem(name, code)
            box.setCurrentIndex(max(0, box.findData(value)))
            return box
        edit = QLineEdit(str(value))
        return edit

    def values(self) -> dict[str, Any]:
        """What the dialog's widgets hold now, by key."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                out[key] = editor.text().strip() or _setting(key).default
        return out

    def set_value(self, key: str, value: Any) -> None:
        """Set one widget (for tests and scripted use)."""
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def accept(self) -> None:
        for key, value in self.values().items():
            self.settings.setValue(key, value)
        self.settings.sync()
        super().accept()
