"""The exchange steps as operations of the runner: import a package, sign a sheet, export
the opinion package or an application package.

Each function here is the *work* of one :class:`~smedesk.ui.operations.Operation` (it takes
the runner's reporter as ``progress``, which raises ``Cancelled`` when the user cancels) or
builds that operation; the screens only choose files and show results. Everything runs off
the GUI thread on the ``export`` lane: packing, hashing and PDF signing take seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smedesk.errors import UserError
from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations import Operation, Reporter

if TYPE_CHECKING:
    from smedesk.exchange import ImportResult
    from smedesk.export.package import Manifest
    from smedesk.forms.opinion import ExpertOpinion
    from smedesk.forms.strokes import Stroke
    from smedesk.store import Database
    from smedesk.ui.context import AppContext

#: Where the context keeps the open database (imports mark documents read-only through it).
DATABASE = "database"
#: Tests and the screenshot tool may point the signing keys and known signers elsewhere.
KEYS_DIR = "keys_dir"
TRUST_FILE = "trust_file"
PACKAGE_FILTER = N_("smedesk 包 (*.smedesk)")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class DatabaseNotReady(UserError):
    """The store is still opening (or failed to): nothing can be imported yet."""


def database_of(ctx: AppContext) -> Database:
    """The database under the context's store (app.py puts it into ``ctx.extras``)."""
    database = ctx.extras.get(DATABASE)
    if database is None:
        raise DatabaseNotReady(tr("数据库尚未打开，暂时不能导入，请稍后再试。"))
    return database  # type: ignore[return-value]


def package_file_name(title: str, suffix: str = ".smedesk") -> str:
    """A file name made from a document's title (characters no file system takes replaced)."""
    cleaned = _UNSAFE.sub("-", title).strip(" .-") or tr("未命名")
    return f"{cleaned[:80]}{suffix}"


def with_suffix(path: Path) -> Path:
    """``path`` ending in ``.smedesk`` (added when the user typed a name without it)."""
    return path if path.suffix == ".smedesk" else path.with_name(path.name + ".smedesk")


def opinion_package_name(expert: str) -> str:
    """«意见包-王建国-20250618.smedesk»: who sent it and when, at a glance."""
    import datetime as dt

    return package_file_name(
        tr("意见包-{expert}-{date}").format(expert=expert, date=f"{dt.date.today():%Y%m%d}")
    )


def load_sheet(store: Any, opinion_id: str) -> ExpertOpinion:
    """The stored opinion sheet ``opinion_id`` (a ``StoreError`` if it is not there)."""
    from smedesk.exchange.errors import ExchangeError
    from smedesk.forms import parse_document
    from smedesk.forms.opinion import ExpertOpinion

    doc = parse_document(store.get(opinion_id).data)
    if not isinstance(doc, ExpertOpinion):
        raise ExchangeError(tr("这份文档不是专家评审意见表。"))
    return doc


def _trust(ctx: AppContext) -> Any:
    from smedesk.export.signing import TrustStore

    path = ctx.extras.get(TRUST_FILE)
    return TrustStore(Path(str(path)) if path else None)


def identity_for(ctx: AppContext, name: str) -> Any:
    """The expert's signing keys (made on first use in the user data folder)."""
    from smedesk.export.signing import load_or_create_identity

    folder = ctx.extras.get(KEYS_DIR)
    return load_or_create_identity(name, Path(str(folder)) if folder else None)


# --- the operations ---------------------------------------------------------------------------


def import_operation(ctx: AppContext, path: Path) -> Operation[ImportResult]:
    """Verify the package at ``path`` and bring its documents in (nothing unless all verify)."""
    store, database, author = ctx.store, database_of(ctx), ctx.user_name
    trust = _trust(ctx)

    def work(reporter: Reporter) -> ImportResult:
        from smedesk.exchange import import_package

        return import_package(store, database, path, author=author, trust=trust, progress=reporter)

    label = tr("正在导入「{name}」…").format(name=path.name)
    return Operation(label, work, long=True, lane="export")


def sign_operation(
    ctx: AppContext, opinion_id: str, expert_name: str, strokes: list[Stroke]
) -> Operation[bytes]:
    """Sign the sheet: its PDF gets the visible signature, the sheet its fingerprint."""
    store, author = ctx.store, ctx.user_name

    def work(reporter: Reporter) -> bytes:
        from smedesk.exchange import sign_opinion

        reporter(0, 2)
        identity = identity_for(ctx, expert_name)  # a new key pair takes a moment
        reporter(1, 2)
        # No progress call after this: once signed, the sheet is signed (no late cancel).
        return sign_opinion(store, opinion_id, identity, strokes, author=author)

    return Operation(tr("正在签署意见表…"), work, long=True, lane="export")


def export_opinions_operation(
    ctx: AppContext, opinion_ids: Sequence[str], expert_name: str, out: Path
) -> Operation[Manifest]:
    """The signed 意见包 of ``opinion_ids`` (each recorded as sent once it is written)."""
    store, ids = ctx.store, list(opinion_ids)

    def work(reporter: Reporter) -> Manifest:
        from smedesk.exchange import export_opinion_package

        identity = identity_for(ctx, expert_name)
        # export_opinion_package records the sheets as sent (mark_sent) after writing.
        return export_opinion_package(store, ids, identity, out, progress=reporter)

    label = tr("正在导出意见包「{name}」…").format(name=out.name)
    return Operation(label, work, long=True, lane="export")


def export_application_operation(ctx: AppContext, doc_id: str, out: Path) -> Operation[Manifest]:
    """The applicant's 申报包: the application, its attachments and its PDF."""
    store, creator = ctx.store, ctx.user_name

    def work(reporter: Reporter) -> Manifest:
        from smedesk.exchange import export_application_package

        return export_application_package(
            store, doc_id, out, creator_name=creator, progress=reporter
        )

    label = tr("正在导出申报包「{name}」…").format(name=out.name)
    return Operation(label, work, long=True, lane="export")
