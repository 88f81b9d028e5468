"""One process of the concurrent-save stress test (run by test_store_stress.py).

``editor FIELD``: edits FIELD of the shared document (and now and then the field «shared»,
which the other editor edits too) until the deadline, saving after each edit based on the
version it last saw, adopting merged data, resolving conflicts by keeping its own value.
``creator``: creates documents until the deadline. Each line written to the log is JSON:
a save that succeeded, a conflict with both values, or an error that reached the caller.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from smedesk.store import DocumentStore, SaveConflict, StoreError, open_database


def main() -> None:
    url, role, doc_id, log_path, seconds = sys.argv[1:6]
    field = sys.argv[6] if len(sys.argv) > 6 else ""
    deadline = time.monotonic() + float(seconds)
    store = DocumentStore(open_database(url))
    with open(log_path, "w", encoding="utf-8") as log:

        def write(**entry: Any) -> None:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            log.flush()

        if role == "creator":
            count = 0
            while time.monotonic() < deadline:
                try:
                    store.create(
                        "application-report", f"新建{count}", {"n": count},
                        scheme_id="miit-2017", scheme_version="1", author="creator",
                    )  # fmt: skip
                    count += 1
                    write(event="created", n=count)
                except StoreError as exc:
                    write(event="error", kind="StoreError", message=exc.message)
                except Exception as exc:
                    write(event="error", kind=type(exc).__name__, message=str(exc))
            return
        stored = store.get(doc_id)
        data, version, counter = stored.data, stored.version, 0
        while time.monotonic() < deadline:
            counter += 1
            target = "shared" if counter % 4 == 0 else field
            value = f"{field}-{counter}"
            data["form"][target] = value
            try:
                result = store.save(doc_id, data, base_version=version, author=field)
            except SaveConflict as conflict:
                items = [
                    {"path": c.path, "mine": c.mine, "theirs": c.theirs} for c in conflict.conflicts
                ]
                write(event="conflict", items=items)
                data = conflict.data
                for item in conflict.conflicts:  # keep ours, as a user choosing "mine"
                    data["form"][item.parts[-1]] = item.mine
                version = conflict.version
                try:
                    result = store.save(doc_id, data, base_version=version, author=field)
                except SaveConflict:
                    write(event="conflict-again")
                    stored = store.get(doc_id)
                    data, version = stored.data, stored.version
                    continue
            except StoreError as exc:
                write(event="error", kind="StoreError", message=exc.message)
                continue
            except Exception as exc:
                write(event="error", kind=type(exc).__name__, message=str(exc))
                continue
            write(event="saved", field=target, value=data["form"][target], version=result.version)
            if result.merged is not None:
                data = result.merged
            version = result.version


if __name__ == "__main__":
    main()
