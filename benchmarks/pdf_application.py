"""Benchmark: the 申请报告 of a large applicant, against ReportLab alone.

The document: 3,000 served enterprises, 200 equipment rows, 100 staff and seven
narratives of 3,000 characters each. The baseline lays out the same rows as plain
ReportLab tables (header repeated, same bundled font, strings as they are) and the same
narratives as paragraphs, with no furniture, no form table and no wrapping. Prints
seconds, the ratio (goal ≤ 1.5×), pages and peak memory; asserts nothing.

    python benchmarks/pdf_application.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import pdf_samples as samples  # noqa: E402  (the tests' document builder)

SERVED, EQUIPMENT, STAFF, NARRATIVE = 3000, 200, 100, 3000


def build_document() -> Any:
    return samples.application_report(
        served=SERVED, equipment=EQUIPMENT, staff=STAFF, narrative_chars=NARRATIVE
    )


def run_smedesk(doc: Any, out: Path) -> int:
    from smedesk.export.pdf import export_pdf

    return export_pdf(doc, out, progress=lambda done, total: True).pages


def run_baseline(doc: Any, out: Path) -> int:
    """ReportLab alone: the same rows and narratives, plain tables, same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    from smedesk.export.pdf.styles import FONT, register_font

    register_font()
    body = ParagraphStyle("b", fontName=FONT, fontSize=16, leading=29, wordWrap="CJK")

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, dt.date):
            return v.isoformat()
        return str(getattr(v, "label", v))

    def table(rows: list[Any], size: float) -> Table:
        names = list(type(rows[0]).model_fields)
        data = [names] + [[cell(getattr(r, n)) for n in names] for r in rows]
        t = Table(data, repeatRows=1, splitByRow=1)
        t.setStyle(
            [("FONT", (0, 0), (-1, -1), FONT, size), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
        )
        return t

    story: list[Any] = [table(doc.equipment, 9), PageBreak(), table(doc.staff, 9), PageBreak()]
    story += [table(doc.served_enterprises, 8), PageBreak()]
    for name in type(doc.narratives).model_fields:
        for para in (getattr(doc.narratives, name) or "").splitlines():
            story.append(Paragraph(para, body))
    template = SimpleDocTemplate(str(out), pagesize=A4, initialFontName=FONT)
    template.build(story)
    return int(template.page)


def timed(fn: Any, doc: Any, rounds: int) -> tuple[float, float, int]:
    """Best wall-clock and best CPU seconds over ``rounds`` (CPU time is steadier on a
    shared machine), and the page count."""
    best, best_cpu, pages = float("inf"), float("inf"), 0
    with tempfile.TemporaryDirectory() as folder:
        for i in range(rounds):
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            pages = fn(doc, Path(folder) / f"out{i}.pdf")
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, pages


def peak_memory(fn: Any, doc: Any) -> int:
    with tempfile.TemporaryDirectory() as folder:
        gc.collect()
        tracemalloc.start()
        fn(doc, Path(folder) / "mem.pdf")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    doc = build_document()
    # Warm up: font registration and imports are paid once per process in both paths.
    run_baseline(samples.application_report(served=5), Path(tempfile.gettempdir()) / "w.pdf")
    run_smedesk(samples.application_report(served=5), Path(tempfile.gettempdir()) / "w.pdf")
    ours, ours_cpu, our_pages = timed(run_smedesk, doc, args.rounds)
    base, base_cpu, base_pages = timed(run_baseline, doc, args.rounds)
    print(f"document: {SERVED} served enterprises, {EQUIPMENT} equipment, {STAFF} staff, "
          f"7 narratives × {NARRATIVE} characters")  # fmt: skip
    rounds = f"best of {args.rounds}"
    print(
        f"smedesk export_pdf   {ours:7.2f} s wall {ours_cpu:7.2f} s CPU   {our_pages} pages ({rounds})"
    )
    print(
        f"ReportLab baseline   {base:7.2f} s wall {base_cpu:7.2f} s CPU   {base_pages} pages ({rounds})"
    )
    print(
        f"ratio                {ours / base:7.2f} × wall {ours_cpu / base_cpu:5.2f} × CPU (goal ≤ 1.5 ×)"
    )
    print(
        f"peak Python memory   {peak_memory(run_smedesk, doc) / 2**20:7.1f} MiB  (tracemalloc, smedesk)"
    )
    print(
        f"peak Python memory   {peak_memory(run_baseline, doc) / 2**20:7.1f} MiB  (tracemalloc, baseline)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process max RSS      {rss / 1024:7.1f} MiB  (whole run)")


if __name__ == "__main__":
    main()
