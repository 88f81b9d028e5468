"""The one way to reach files under resources/, installed or run from a checkout.

Installed (pip install ., or the installer bundle) the folder is the package
``smedesk._resources``; in a bare checkout it is ``resources/`` beside ``smedesk/``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    """The folder holding fonts/, schemes/, translations/ and the rest."""
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        return Path(frozen) / "smedesk" / "_resources"
    # Installed, resources/ is the sibling package smedesk/_resources; importlib's
    # files() may hand back a MultiplexedPath there, so look at the folder directly.
    installed = Path(__file__).resolve().parent / "_resources"
    if (installed / "schemes").is_dir():
        return installed
    try:
        from importlib.resources import files

        root = Path(str(files("smedesk._resources")))
        if (root / "schemes").is_dir():
            return root
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return resources_root().joinpath(*parts)


FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FAMILY = "WenQuanYi Micro Hei"
