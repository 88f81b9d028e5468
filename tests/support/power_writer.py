"""The writer of the power-loss test, as a fork server: one writer per line on stdin.

``python power_writer.py`` imports the store once and answers ``ready``; each line
``DB_URL DOC_ID LOG SEED`` forks a writer (its pid is printed) that saves a growing document as
fast as it can, logging ``<monotonic time> <n>`` for every save that returned (line-buffered,
on a real disk), until the test kills it; the server then prints ``reaped``.
"""

from __future__ import annotations

import os
import random
import sys
import time
from typing import Any

from smedesk.store import DocumentStore, open_database


def content(n: int) -> dict[str, Any]:
    return {"n": n, "text": f"{n:08d}" * 8_000}  # ~64 KB a save


def write(url: str, doc_id: str, log: str, seed: int) -> None:
    """Save, and now and then close the database as the program does on exit.

    With ``synchronous=NORMAL`` a commit becomes durable at the next checkpoint; closing
    the last connection checkpoints (and fsyncs), so the closes are the moments at which
    the store has made earlier saves durable — what the test then holds it to.
    """
    rng = random.Random(seed)
    database = open_database(url)
    store = DocumentStore(database, coalesce_seconds=0)
    n = int(store.get(doc_id).data["n"])
    with open(log, "a", buffering=1, encoding="utf-8") as out:
        out.write(f"{time.monotonic():.6f} start {n}\n")
        while True:
            n += 1
            store.save(doc_id, content(n), base_version=store.version(doc_id), author="断电测试")
            out.write(f"{time.monotonic():.6f} {n}\n")
            if rng.random() < 0.2:
                database.close()
                database = open_database(url)
                store = DocumentStore(database, coalesce_seconds=0)


def main() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        url, doc_id, log, seed = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                write(url, doc_id, log, int(seed))
            finally:
                os._exit(1)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    main()
