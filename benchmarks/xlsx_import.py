"""Importing 10,000 served enterprises, against openpyxl alone iterating the same file.

The baseline is the least any importer pays: openpyxl read-only mode walking every row
with ``values_only=True``. smedesk's import does that plus header detection, cell
normalisation, format checks (统一社会信用代码 check character, phone), the unique check
and pydantic validation of every row. Prints medians and the ratio (goal ≤ 1.5×);
asserts nothing. Run: ``python benchmarks/xlsx_import.py [runs]``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from smedesk.export.xlsx import import_list, write_list
from smedesk.forms.checks import uscc_check_character
from smedesk.forms.enums import Evaluation
from smedesk.forms.lists import ServedEnterprise

ROWS = 10_000


def rows() -> list[ServedEnterprise]:
    evals = list(Evaluation)
    out = []
    for i in range(ROWS):
        body = f"91210100{i:09d}"
        out.append(
            ServedEnterprise(
                name=f"沈阳市示范科技有限公司{i:05d}",
                uscc=body + uscc_check_character(body),
                contact="张晓明",
                phone=f"139{i:08d}",
                service_content="为企业提供技术咨询、检验检测与人才培训服务",
                service_date=dt.date(2023, i % 12 + 1, i % 28 + 1),
                evaluation=evals[i % 3],
            )
        )
    return out


def baseline(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.active
    count = 0
    for _row in ws.iter_rows(values_only=True):  # type: ignore[union-attr]
        count += 1
    wb.close()
    return count


def paired_medians(
    base: Callable[[], object], ours: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median times of both, run alternately so that machine load hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((base, times[0]), (ours, times[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "served.xlsx"
        data = rows()
        write_list("served-enterprises", data, path)
        assert import_list(path, "served-enterprises").rows == data
        base, ours = paired_medians(
            lambda: baseline(path), lambda: import_list(path, "served-enterprises"), runs
        )
        size = path.stat().st_size / 1024
    print(f"{ROWS} served enterprises, {size:.0f} KiB, median of {runs} runs")
    print(f"  openpyxl read-only iteration : {base * 1000:7.1f} ms")
    print(f"  smedesk import (validated)   : {ours * 1000:7.1f} ms")
    print(f"  ratio                        : {ours / base:7.2f}×  (goal ≤ 1.5×)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
