"""Opening a document file given on the command line (``smedesk FILE``, a double-click).

The desktop entry and the Windows file association start ``smedesk FILE``. The file is
read, checked and stored as a new document, then opened in the editor. A file whose
document is already stored (same document id) opens the stored copy and says so: the
file is not imported twice and nothing stored is overwritten. A file that cannot be
used gives a Chinese message and changes nothing. Exchange packages (``.smedesk`` ZIP files,
``smedesk.exchange``) are recognised and refused with a message saying what works instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from smedesk.ui.i18n import tr


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
    if data.startswith(b"PK\x03\x04"):
        # An exchange package (a ZIP): the window cannot import one yet; say what works.
        raise UserError(
            tr(
                "这是 smedesk 交换包。窗口中导入交换包的功能尚未提供；"
                "可在命令行用 smedesk unpack 解开后，再打开其中的文档。"
            )
        )
    return parse_document_json(data)


def open_file_in_window(window: Any, path: str | Path) -> bool:
    """Store the document in ``path`` (unless already stored) and open it; False on failure."""
    from PySide6.QtWidgets import QMessageBox

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
