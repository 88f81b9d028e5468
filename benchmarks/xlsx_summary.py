"""Writing the 推荐汇总表 for 1,000 applications, against openpyxl alone writing the same cells.

The baseline writes the same values (title, seal line, headers, 1,000 rows of six cells,
the three notes) with no styling at all. smedesk's writer adds what paper needs: fonts,
borders and wrapping on every table cell, merged title/seal/note rows, estimated row
heights, print set-up and the formula-injection guard on every text cell. Prints
medians and the ratio (goal ≤ 1.5×); asserts nothing.
Run: ``python benchmarks/xlsx_summary.py [runs]``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from smedesk.export.xlsx import write_summary
from smedesk.export.xlsx.summary import PAPER_HEADERS, PAPER_NOTES, row_cells, seal_line
from smedesk.forms.common import SchemeRef
from smedesk.forms.enums import QuotaCategory, ServiceFunction
from smedesk.forms.recommendation import RecommendationSummary, SummaryRow

APPLICATIONS = 1000


def summary() -> RecommendationSummary:
    functions = list(ServiceFunction)
    rows = [
        SummaryRow(
            platform_name=f"沈阳中小企业第{i}智汇信息服务平台",
            institution_name=f"沈阳智汇企业服务有限公司{i:04d}",
            functions=functions[i % 5 : i % 5 + 2],
            statement="以“政策直通车”模式精准推送政策，线上线下联动年服务中小企业680家，"
            "培训3600人次，满意度九成以上，形成了可复制的区域信息服务经验。",
            quota=QuotaCategory.PROVINCIAL_QUOTA,
            city="沈阳市",
        )
        for i in range(APPLICATIONS)
    ]
    return RecommendationSummary(
        scheme=SchemeRef(id="miit-2019-call", version="1"),
        year=2019,
        authority_name="辽宁省工业和信息化厅",
        rows=rows,
    )


def baseline(doc: RecommendationSummary, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([doc.title_text])
    ws.append([seal_line(doc)])
    ws.append(list(PAPER_HEADERS.values()))
    for i, row in enumerate(doc.rows, start=1):
        ws.append(row_cells(i, row))
    for note in PAPER_NOTES:
        ws.append([note])
    wb.save(path)


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
    doc = summary()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "plain.xlsx", Path(tmp) / "summary.xlsx"
        base, ours = paired_medians(lambda: baseline(doc, a), lambda: write_summary(doc, b), runs)
    print(f"推荐汇总表 with {APPLICATIONS} applications, median of {runs} runs")
    print(f"  openpyxl, same cells, no styling : {base * 1000:7.1f} ms")
    print(f"  smedesk write_summary            : {ours * 1000:7.1f} ms")
    print(f"  ratio                            : {ours / base:7.2f}×  (goal ≤ 1.5×)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
