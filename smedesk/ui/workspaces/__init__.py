"""One workspace per role behind one small interface (``base.Workspace``).

The main window is a thin shell that switches between them; each is built the first time
its role is chosen (most starts need only one).
"""

from __future__ import annotations

import importlib

from smedesk.ui.i18n import N_
from smedesk.ui.workspaces.base import Workspace

#: Role → its name on the role switch and where its workspace class is, in switch order.
WORKSPACES: dict[str, tuple[str, str]] = {
    "applicant": (N_("申报单位"), "smedesk.ui.workspaces.applicant.ApplicantWorkspace"),
    "recommender": (N_("推荐单位"), "smedesk.ui.workspaces.recommender.RecommenderWorkspace"),
    "expert": (N_("评审专家"), "smedesk.ui.workspaces.expert.ExpertWorkspace"),
}


def workspace_class(role: str) -> type[Workspace]:
    """The workspace class of ``role`` (imported on first use; an import error is a bug)."""
    module, _, name = WORKSPACES[role][1].rpartition(".")
    cls: type[Workspace] = getattr(importlib.import_module(module), name)
    return cls


__all__ = ["WORKSPACES", "Workspace", "workspace_class"]
