"""The typist of the crash test: edits a document through the editor's autosave path.

Run as ``python crash_child.py`` it is a fork server: it imports everything once, prints
``ready``, then for each line ``db_url<TAB>doc_id<TAB>side_file<TAB>seed`` on stdin forks a
child that types until it is killed, prints the child's pid, waits for it and prints
``reaped``. Forking from an imported process keeps each of the hundreds of runs cheap.

The child uses exactly what the editor uses — ``DocumentState.set_value`` (what every undo
command calls) and ``Autosaver`` over a ``DocumentStore`` — on a QCoreApplication event
loop, and appends to the side file, after each edit, the time it was made and the value.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer

import smedesk.ui.editor  # noqa: F401  (forms before Qt; None kept alive)
from smedesk.forms import DOCUMENT_KINDS
from smedesk.store import DocumentStore, open_database
from smedesk.ui.editor.autosave import Autosaver
from smedesk.ui.editor.document_state import DocumentState

#: Field → how an edit changes it. Text grows by a character (typing), numbers count up,
#: the staff list grows by a row; the recorded value is what the field then holds
#: (the row count for the list).
TEXT_FIELDS = ("narratives.basics", "form.basic.address")
NUMBER_FIELD = "form.basic.employees"
LIST_FIELD = "staff"
ALPHABET = "中小企业公共服务示范平台申请报告abc123"


def type_until_killed(db_url: str, doc_id: str, side_file: str, seed: int) -> None:
    app = QCoreApplication([])
    store = DocumentStore(open_database(db_url))
    stored = store.get(doc_id)
    state = DocumentState(doc_id, DOCUMENT_KINDS[stored.kind], stored.data, version=stored.version)
    saver = Autosaver(state, store, "打字员")
    saver.failed.connect(lambda message: os.write(2, f"save failed: {message}\n".encode()))
    side = os.open(side_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    rng = random.Random(seed)

    def edit() -> None:
        roll = rng.random()
        value: object
        if roll < 0.7:
            path = rng.choice(TEXT_FIELDS)
            value = (state.value(path) or "") + rng.choice(ALPHABET)
            state.set_value(path, value)
        elif roll < 0.9:
            path = NUMBER_FIELD
            value = (state.value(path) or 0) + 1
            state.set_value(path, value)
        else:
            path = LIST_FIELD
            rows = state.rows(path)
            rows.append({"name": f"员工{len(rows)}", "position": "服务专员"})
            state.touch(path)
            value = len(rows)
        line = f"{time.time()!r}\t{path}\t{json.dumps(value, ensure_ascii=False)}\n"
        os.write(side, line.encode())  # unbuffered: what is written survives the kill
        timer.start(rng.randint(5, 40))  # a typist's irregular rhythm

    timer = QTimer(singleShot=True)
    timer.timeout.connect(edit)
    timer.start(0)
    app.exec()


def serve() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        db_url, doc_id, side_file, seed = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the child: never returns into the server loop
            try:
                type_until_killed(db_url, doc_id, side_file, int(seed))
            finally:
                os._exit(0)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    serve()
