"""The one application context passed to windows instead of globals (tests pass fakes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from smedesk.ui.operations.runner import AppEvents, OperationRunner

if TYPE_CHECKING:
    from smedesk.store import DocumentStore


@dataclass
class AppContext:
    """What every window needs: the store, the settings, who is working, and the runner.

    ``runner`` is the one way work leaves the GUI thread; its ``events.changes_applied`` is
    the one signal screens refresh from.
    """

    store: DocumentStore
    settings: QSettings
    user_name: str = "申报人员"
    language: str = "zh_CN"  # zh_CN or en
    role: str = "applicant"  # applicant / recommender / expert
    extras: dict[str, object] = field(default_factory=dict)
    runner: OperationRunner = field(default_factory=OperationRunner)

    @property
    def events(self) -> AppEvents:
        return self.runner.events
