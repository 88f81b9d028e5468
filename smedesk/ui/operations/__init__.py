"""Work off the GUI thread: typed operations, one runner, one progress protocol, one failure path.

See ``runner.py`` for the runner, ``documents.py`` for the list's actions, ``failures.py`` for
how a failure becomes a message.
"""

from smedesk.ui.operations.changes import Changes
from smedesk.ui.operations.failures import internal_error_message, message_for
from smedesk.ui.operations.runner import (
    AppEvents,
    Handle,
    Operation,
    OperationRunner,
    Reporter,
)

__all__ = [
    "AppEvents",
    "Changes",
    "Handle",
    "Operation",
    "OperationRunner",
    "Reporter",
    "internal_error_message",
    "message_for",
]
