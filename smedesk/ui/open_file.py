"""A ``.smedesk`` package opened from the command line or the file manager.

``open_package_in_window(window, path)`` reads only the package's manifest (its structure
is checked, its members are not hashed yet) to learn its kind, switches the window to the
role that receives it and imports it there as an operation with progress and cancel:

* 评审包 (review) → the expert's workspace: the inbox fills with its sheets;
* 申报包 (application) and 意见包 (opinion) → the recommender: the documents come in
  read-only and the import's result (signatures, sheets matched, conflicts) is shown.

The whole package is verified by the import itself; nothing is written unless it all
verifies. A file that is not a package is refused with its reason, in Chinese.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from smedesk.ui.i18n import tr

#: Package kind → the role whose workspace receives it.
ROUTES = {"review": "expert", "application": "recommender", "opinion": "recommender"}


def package_kind(path: Path) -> str:
    """The manifest's kind of the package at ``path``; a ``PackageError`` if it is none."""
    from smedesk.export.package import open_package

    return str(open_package(path, verify_hashes=False).manifest.kind)


def open_package_in_window(window: Any, path: str | Path) -> str | None:
    """Route the package at ``path`` to its workspace; the role it went to, or None
    (with the reason shown) when it is not a package this program can open."""
    from smedesk.errors import UserError

    source = Path(path)
    try:
        kind = package_kind(source)
    except UserError as exc:
        window.runner.failed.emit(exc.message)
        return None
    role = ROUTES.get(kind)
    if role is None:  # the manifest model allows only the three kinds; kept for a new one
        window.runner.failed.emit(tr("不认识的包类型「{kind}」。").format(kind=kind))
        return None
    window.set_role(role)
    if role == "expert":
        window.workspace("expert").import_path(source)
    else:
        _import_for_recommender(window, source)
    return role


def _import_for_recommender(window: Any, path: Path) -> None:
    """Import as the recommender (read-only documents) and show what came in."""
    from smedesk.errors import UserError
    from smedesk.ui.expert.exchange_ops import import_operation
    from smedesk.ui.expert.import_result import ImportResultDialog

    ctx = window.ctx
    try:
        operation = import_operation(ctx, path)
    except UserError as exc:  # the database is not open yet
        window.runner.failed.emit(exc.message)
        return

    def show(result: Any) -> None:
        dialog = ImportResultDialog(result, ctx.store, ctx.runner, ctx.user_name, window)
        window.import_result_dialog = dialog
        dialog.open()

    ctx.runner.run(operation, on_success=show, parent=window)


def read_document_file(path: str | Path) -> Any:
    """The document in ``path``; raises UserError (a Chinese message) if it cannot be used."""
    from smedesk.errors import UserError
    from smedesk.forms import parse_document_json

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(tr("找不到文件：{path}").format(path=path)) from None
    except OSError as exc:
        raise UserError(
            tr("无法读取文件 {path}（{reason}）").format(path=path, reason=exc.strerror or exc)
        ) from None
    return parse_document_json(data)


def open_file_in_window(window: Any, path: str | Path) -> bool:
    """Open what ``path`` holds: an exchange package goes to the workspace of its kind
    (:func:`open_package_in_window`); a document file is stored (unless it already is) and
    opened in the editor. False, with a message, when it cannot be used."""
    from PySide6.QtWidgets import QMessageBox

    try:
        with open(path, "rb") as head:
            is_package = head.read(4) == b"PK\x03\x04"
    except OSError:
        is_package = False
    if is_package:
        return open_package_in_window(window, path) is not None

    from smedesk.errors import UserError
    from smedesk.ui.new_document_dialog import APPLICANT_KINDS

    try:
        document = read_document_file(path)
        if document.kind not in APPLICANT_KINDS:
            raise UserError(
                tr("这份文档的类型（{kind}）暂时只能在命令行中使用，例如 smedesk check。").format(
                    kind=document.kind
                )
            )
        store = window.ctx.store
        doc_id = str(document.doc_id)
        known = {info.id for info in store.list(include_deleted=True)}
        if doc_id in known:
            note = tr("本机已保存编号相同的文档，已打开本机保存的版本；文件未重复导入。")
        else:
            store.create(
                document.kind,
                document.display_title(),
                json.loads(document.model_dump_json()),
                scheme_id=document.scheme.id,
                scheme_version=document.scheme.version,
                author=window.ctx.user_name,
            )
            note = ""
    except UserError as exc:
        QMessageBox.warning(
            window,
            tr("无法打开文件"),
            tr("无法打开「{name}」：{reason}").format(name=Path(path).name, reason=exc.message),
        )
        return False
    window.list_page.reload(focus=doc_id)
    opened = bool(window.open_document(doc_id))
    if opened and note:
        window.statusBar().showMessage(note, 8000)
    return opened
