"""A round of many applications: added to the store and the round, opened, summary written.

Issue 13: a round of 500 applications, each with 1,000 served firms — stored and added to
the round (``add_application_to_round``, what the package import calls), opened (the round
overview: every rule, the shared-firm cross-check, deadlines) and its 推荐汇总表 written —
against the least the same work needs: raw ``sqlite3`` inserts of the same documents (one
JSON row each) and a raw openpyxl write-only workbook of the same summary rows.
Prints both times and the ratio (goal ≤ 2×); asserts nothing.
Run: ``python benchmarks/round_open.py [applications] [firms]`` (default 500 1000).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from smedesk.demo.reports import shenyang_information_platform
from smedesk.export.xlsx import write_summary
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.checks import summary_of
from smedesk.rounds.overview import load_overview
from smedesk.rounds.procedure import State
from smedesk.rounds.service import RoundStore, add_application_to_round
from smedesk.schemes import load_scheme
from smedesk.store import DocumentStore, open_database


def applications(n: int, firms: int) -> list[dict[str, Any]]:
    base = shenyang_information_platform().model_dump(mode="json")
    model = base["served_enterprises"][0]
    out = []
    for a in range(n):
        data = copy.deepcopy(base)
        data["doc_id"] = str(uuid.uuid4())
        data["form"]["basic"]["applicant_name"] = f"测试服务机构{a:04d}有限公司"
        data["form"]["basic"]["uscc"] = f"91210100A{a:09d}"
        # Neighbouring applicants share a few firms, so the cross-check has work to do.
        data["served_enterprises"] = [
            dict(
                model,
                name=f"企业{a * firms // 2 + i:07d}",
                uscc=f"91210100MA{a * firms // 2 + i:08d}",
            )
            for i in range(firms)
        ]
        out.append(data)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    firms = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    apps = applications(n, firms)
    row = {"platform_name": "测试服务平台", "functions": ["information"], "quota": "provincial-quota",
           "statement": "面向中小企业提供信息服务。", "city": "沈阳市"}  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'round.db'}")
        store, rounds = DocumentStore(database), RoundStore(DocumentStore(database))
        round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                     AuthorityType.PROVINCE, author="bench")  # fmt: skip
        start = time.perf_counter()
        for data in apps:
            doc_id = store.create("application-report", data["form"]["basic"]["applicant_name"],
                                  data, scheme_id="miit-2019-call", scheme_version="2019.1",
                                  author="bench")  # fmt: skip
            add_application_to_round(store, round_.id, doc_id, author="bench")
        stored = time.perf_counter() - start
        ids = [e.doc_id for e in rounds.entries(round_.id)]
        for doc_id in ids[:4]:  # a few recommended, for the summary
            rounds.set_row(round_.id, doc_id, row, author="bench")
            for state in (State.PRE_REVIEWED, State.WITH_EXPERTS, State.RECOMMENDED):
                rounds.set_state(round_.id, doc_id, state, author="bench")
        start = time.perf_counter()
        overview = load_overview(rounds, round_.id, dt.date(2019, 6, 1))
        opened = time.perf_counter() - start
        start = time.perf_counter()
        summary, _ = summary_of(overview.round, overview.entries, load_scheme("miit-2019-call"))
        write_summary(summary, Path(folder) / "summary.xlsx")
        written = time.perf_counter() - start
        database.close()

        start = time.perf_counter()
        raw = sqlite3.connect(Path(folder) / "raw.db")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("CREATE TABLE d (id TEXT PRIMARY KEY, data TEXT)")
        for data in apps:
            with raw:
                raw.execute("INSERT INTO d VALUES (?, ?)",
                            (data["doc_id"], json.dumps(data, ensure_ascii=False)))  # fmt: skip
        rows = raw.execute("SELECT id, data FROM d").fetchall()
        claimed: dict[str, int] = {}
        for _id, text in rows:
            for firm in json.loads(text)["served_enterprises"]:
                claimed[firm["uscc"]] = claimed.get(firm["uscc"], 0) + 1
        raw.close()
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("推荐汇总表")
        for i, r in enumerate(summary.rows, start=1):
            ws.append([i, r.platform_name, r.institution_name, "、".join(f.label for f in r.functions),
                       r.statement, r.quota.label if r.quota else ""])  # fmt: skip
        wb.save(Path(folder) / "raw.xlsx")
        baseline = time.perf_counter() - start

    total = stored + opened + written
    print(f"{n} applications × {firms} served firms; {len(overview.flags)} flags, "
          f"{len(overview.shared)} shared firms")  # fmt: skip
    print(f"smedesk: stored + added {stored:7.2f} s, opened {opened:6.2f} s, "
          f"summary {written:5.2f} s, total {total:7.2f} s")  # fmt: skip
    print(f"raw sqlite3 inserts + read + raw openpyxl     total {baseline:7.2f} s")
    print(f"ratio {total / baseline:5.2f} x  (goal <= 2)")


if __name__ == "__main__":
    main()
