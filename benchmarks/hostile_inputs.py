"""Peak memory and time of each hostile input of issue 10, one child process per case.

Run: ``python benchmarks/hostile_inputs.py``. Prints, per case, the exit code, the child's
peak RSS (``wait4``) and its wall time, beside a baseline measured in the same run: the
import of a valid 3-row staff list (what every case costs at least: start-up and openpyxl).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support import hostile
from support.hostile import run_measured

DOC = "application-miit-2017-shenyang-info.json"


def main() -> None:
    from smedesk.demo import write_demo_set

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_demo_set(folder)
        doc = folder / DOC
        books = {
            "baseline: valid 3-row list": lambda: hostile.staff_workbook(3),
            "merged A2:XFD1048576": hostile.merged_bomb,
            "64 MB shared string": hostile.huge_shared_string,
            "70 MB whitespace sheet": lambda: hostile.whitespace_sheet(70 * 1024 * 1024),
            "56 MB whitespace sheet (under cap)": lambda: hostile.whitespace_sheet(56 << 20),
            "5,000 sheets": hostile.many_sheets,
            "sheet XML cut short": hostile.broken_sheet_xml,
            "shared-string index 99999": hostile.shared_index_out_of_range,
            "header only (0 rows)": hostile.header_only,
        }
        rows = []
        for name, build in books.items():
            book = folder / "case.xlsx"
            book.write_bytes(build())
            run = run_measured("import", "staff", str(book), "--into", str(doc), "--replace")
            rows.append((name, run))
        deep = folder / "deep.json"
        deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        rows.append(("JSON nested 100,000 deep", run_measured("check", str(deep))))
        rows.append(("/dev/zero as document", run_measured("check", "/dev/zero")))
        jpeg = folder / "scan.jpg"
        jpeg.write_bytes(hostile.giant_jpeg_header())
        out = folder / "o.pdf"
        rows.append(
            (
                "12000x12000 JPEG attachment",
                run_measured("export", "pdf", str(doc), "-o", str(out), "--attach", f"l={jpeg}"),
            )
        )
        base = rows[0][1]
        print(f"{'case':40} exit  peak MB  ×base   seconds")
        for name, run in rows:
            print(
                f"{name:40} {run.code:4} {run.peak_mb:8.1f} {run.peak_mb / base.peak_mb:6.2f}"
                f" {run.seconds:8.2f}"
            )


if __name__ == "__main__":
    main()
