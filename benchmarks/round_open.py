"""A round of many applications: imported from their 申报包, opened, summary written.

Issue 13: a round of 500 applications, each with 1,000 served firms. Before the clock starts,
each applicant's 申报包 is made as an applicant makes it (the document stored in the
applicant's own database, ``export_application_package``; no PDF, so the setup stays short).
Timed, the program's side is what the recommending authority's «导入申报包…» → round page →
汇总表 does: ``import_into_round`` on the package files (every package verified, its
document parsed and checked, stored with its first revision, added to the round), the round
opened (``load_overview``: every rule, the shared-firm cross-check, deadlines) and its
推荐汇总表 written (``write_summary``).

The baseline is the least the same work needs: each package's document member read with
``zipfile`` and inserted as one JSON row with raw ``sqlite3`` (one transaction per package,
as the program commits each package on its own; WAL and synchronous=NORMAL, the program's
settings), every row read back and parsed to count the served firms (the cross-check's
work), and the same summary rows written with a raw openpyxl write-only workbook.
The raw baseline checks nothing: a package altered on the way, or a document the models
refuse, would go in as it is. The program may not do that (a hostile package changes
nothing), so the comparison the goal is judged on gives the raw side the same checks, made
by the same functions: each package verified (structure, sizes, SHA-256 of every member,
``open_package``) and its document validated (``parse_document``: format, text caps, the
models). That pair then differs only in what the issue compares — the program's storage,
round bookkeeping, round opening and workbook writer against raw sqlite3 and raw openpyxl.
Prints the times, the ratio against the raw baseline with the checks (goal ≤ 2×) and the
ratio against the raw baseline without them; asserts nothing.
Run: ``python benchmarks/round_open.py [applications] [firms] [runs]`` (default 500 1000 3).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from smedesk.demo.reports import shenyang_information_platform
from smedesk.exchange.exporting import export_application_package
from smedesk.export.package import open_package
from smedesk.export.xlsx import write_summary
from smedesk.forms import parse_document
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.checks import summary_of
from smedesk.rounds.importing import import_into_round
from smedesk.rounds.overview import load_overview
from smedesk.rounds.procedure import State
from smedesk.rounds.service import RoundStore
from smedesk.schemes import load_scheme
from smedesk.store import DocumentStore, open_database

ROW = {"platform_name": "测试服务平台", "functions": ["information"], "quota": "provincial-quota",
       "statement": "面向中小企业提供信息服务。", "city": "沈阳市"}  # fmt: skip


def _clean_start() -> float:
    """The clock, after collecting what the previous step left: no step pays for another's
    garbage."""
    gc.collect()
    return time.perf_counter()


def _collector_off(work: Callable[..., float]) -> Callable[..., float]:
    """The raw side with the cycle collector off while it works, as the program has it
    (``smedesk.collector``): the program gains nothing the raw side could not have."""

    @functools.wraps(work)
    def run(*args: Any) -> float:
        gc.disable()
        try:
            return work(*args)
        finally:
            gc.enable()

    return run


def application(base: dict[str, Any], a: int, firms: int) -> dict[str, Any]:
    """Applicant ``a``: its own name and code, and ``firms`` served firms; neighbouring
    applicants share half of theirs, so the cross-check has work to do."""
    model = base["served_enterprises"][0]
    data: dict[str, Any] = json.loads(json.dumps(base))
    data["doc_id"] = str(uuid.uuid4())
    data["form"]["basic"]["applicant_name"] = f"测试服务机构{a:04d}有限公司"
    data["form"]["basic"]["uscc"] = f"91210100A{a:09d}"
    data["served_enterprises"] = [
        dict(
            model, name=f"企业{a * firms // 2 + i:07d}", uscc=f"91210100MA{a * firms // 2 + i:08d}"
        )
        for i in range(firms)
    ]
    return data


def make_packages(folder: Path, n: int, firms: int) -> list[Path]:
    """Each applicant's 申报包, exported from the applicant's database (not timed)."""
    base = shenyang_information_platform().model_dump(mode="json")
    database = open_database(f"sqlite:///{folder / 'applicants.db'}")
    store, paths = DocumentStore(database), []
    try:
        for a in range(n):
            data = application(base, a, firms)
            name = data["form"]["basic"]["applicant_name"]
            doc_id = store.create("application-report", name, data, scheme_id="miit-2019-call",
                                  scheme_version="2019.1", author=name)  # fmt: skip
            paths.append(folder / f"{a:04d}.smedesk")
            export_application_package(store, doc_id, paths[-1], creator_name=name, with_pdf=False)
    finally:
        database.close()
    return paths


def program(folder: Path, paths: list[Path]) -> tuple[float, float, float, Any]:
    folder.mkdir()
    database = open_database(f"sqlite:///{folder / 'round.db'}")
    try:
        rounds = RoundStore(DocumentStore(database))
        round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                     AuthorityType.PROVINCE, author="bench")  # fmt: skip
        start = _clean_start()
        result = import_into_round(rounds.documents, round_.id, paths, author="bench")
        imported = time.perf_counter() - start
        if len(result.added) != len(paths):
            raise SystemExit("\n".join(result.refused))
        for entry in result.added[:4]:  # a few recommended, for the summary (not timed)
            rounds.set_row(round_.id, entry.doc_id, ROW, author="bench")
            for state in (State.PRE_REVIEWED, State.WITH_EXPERTS, State.RECOMMENDED):
                rounds.set_state(round_.id, entry.doc_id, state, author="bench")
        start = _clean_start()
        overview = load_overview(rounds, round_.id, dt.date(2019, 6, 1))
        opened = time.perf_counter() - start
        start = _clean_start()
        summary, _ = summary_of(
            overview.round, overview.entries, load_scheme(overview.round.scheme_id)
        )
        write_summary(summary, folder / "summary.xlsx")
        written = time.perf_counter() - start
    finally:
        database.close()
    return imported, opened, written, (overview, summary)


@_collector_off
def baseline(folder: Path, paths: list[Path], summary: Any) -> float:
    folder.mkdir()
    start = _clean_start()
    raw = sqlite3.connect(folder / "raw.db")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("CREATE TABLE d (id TEXT PRIMARY KEY, data TEXT)")
    for path in paths:
        with zipfile.ZipFile(path) as package:
            member = next(n for n in package.namelist() if n.startswith("documents/"))
            text = package.read(member).decode("utf-8")
        with raw:
            raw.execute("INSERT INTO d VALUES (?, ?)", (path.stem, text))
    claimed: dict[str, int] = {}
    for _id, text in raw.execute("SELECT id, data FROM d"):
        for firm in json.loads(text)["served_enterprises"]:
            claimed[firm["uscc"]] = claimed.get(firm["uscc"], 0) + 1
    raw.close()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("推荐汇总表")
    for i, r in enumerate(summary.rows, start=1):
        ws.append([i, r.platform_name, r.institution_name, "、".join(f.label for f in r.functions),
                   r.statement, r.quota.label if r.quota else ""])  # fmt: skip
    wb.save(folder / "raw.xlsx")
    return time.perf_counter() - start


@_collector_off
def checks_alone(paths: list[Path]) -> float:
    """What any import that checks its input must do besides storing it: each package
    verified (structure, sizes, SHA-256) and its document validated by the models — the
    program's own functions, so the checks are the same on both sides."""
    start = _clean_start()
    for path in paths:
        package = open_package(path)
        for entry in package.manifest.documents:
            parse_document(package.document_data(entry), owned=True)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    firms = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    # The sides alternate, each run on fresh databases, and each figure is the best of the
    # runs: this machine's neighbours slow a whole phase now and then (the same import took
    # 3.8 s and 6.4 s within ten minutes), and a slowdown only ever adds.
    program_runs, raw_runs, check_runs = [], [], []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = make_packages(folder, n, firms)
        for run in range(runs):
            imported, opened, written, (overview, summary) = program(folder / f"p{run}", paths)
            program_runs.append((imported, opened, written))
            raw_runs.append(baseline(folder / f"r{run}", paths, summary))
            check_runs.append(checks_alone(paths))
    imported, opened, written = (min(t[i] for t in program_runs) for i in range(3))
    base, checking = min(raw_runs), min(check_runs)
    total = imported + opened + written
    checked = base + checking
    print(f"{n} applications × {firms} served firms; {len(overview.flags)} flags, "
          f"{len(overview.shared)} shared firms, {len(summary.rows)} summary rows; "
          f"best of {runs} runs, the sides alternating")  # fmt: skip
    print(f"smedesk: imported {imported:7.2f} s, opened {opened:6.2f} s, "
          f"summary {written:5.2f} s, total {total:7.2f} s")  # fmt: skip
    print(f"raw: zipfile + sqlite3 inserts + read back + openpyxl      {base:7.2f} s")
    print(f"     the same checks (verify packages, validate documents) {checking:7.2f} s")
    print(f"ratio to raw with the same checks {total / checked:5.2f} x  (goal <= 2)")
    print(f"ratio to raw without checks       {total / base:5.2f} x  "
          f"(the checks alone are {checking / base:4.2f} x that baseline)")  # fmt: skip
    each = "  ".join(f"{sum(p) / (r + c):4.2f}"
                     for p, r, c in zip(program_runs, raw_runs, check_runs, strict=True))  # fmt: skip
    print(f"each run's ratio to raw with the same checks: {each}")


if __name__ == "__main__":
    main()
