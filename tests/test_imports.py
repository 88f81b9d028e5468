"""Every module of the installed package imports: a broken import fails here, loudly.

Nothing in smedesk probes for its own modules or declared dependencies and hides a
feature when one is missing (no ``except ImportError`` around them), so a module that
does not import must be caught by a test. The walk is over the package as installed
(``smedesk.__path__``), Qt modules included (offscreen).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import smedesk

#: Modules that cannot be imported on their own, with the reason.
NOT_IMPORTABLE_ALONE = {
    # An Alembic script: it reads ``alembic.context.config``, which exists only while
    # Alembic runs a migration (open_database runs it; tests/store covers that path).
    "smedesk.store.migrations.env": "Alembic's env script needs a running migration context",
    # ``python -m smedesk``: importing it runs the program (tests/test_cli.py runs it so).
    "smedesk.__main__": "importing it runs the command line",
}


def every_module() -> tuple[list[str], dict[str, str]]:
    """Every module and package under smedesk, and the packages that failed to import."""
    failed: dict[str, str] = {}

    def record(name: str) -> None:  # walk_packages would otherwise skip a broken package
        failed[name] = traceback.format_exc()

    names = [
        info.name for info in pkgutil.walk_packages(smedesk.__path__, "smedesk.", onerror=record)
    ]
    return ["smedesk", *names], failed


def test_every_module_of_the_package_imports() -> None:
    names, failed = every_module()
    for name in names:
        if name in NOT_IMPORTABLE_ALONE:
            continue
        try:
            importlib.import_module(name)
        except Exception:
            failed[name] = traceback.format_exc()
    assert failed == {}, "\n\n".join(f"{n}:\n{tb}" for n, tb in failed.items())


def test_the_walk_reaches_every_layer() -> None:
    names, _failed = every_module()
    for expected in (
        "smedesk.cli",
        "smedesk.commands.check",
        "smedesk.demo.reports",
        "smedesk.export.pdf.scheme",
        "smedesk.export.xlsx.placement",
        "smedesk.forms.keys",
        "smedesk.schemes.engine",
        "smedesk.store.migrations.env",
        "smedesk.ui.editor.widget",
        "smedesk.ui.pdf_export_dialog",
        "smedesk.ui.xlsx_import_dialog",
    ):
        assert expected in names
    assert set(NOT_IMPORTABLE_ALONE) <= set(names)  # no stale exemption
