"""Run the whole hostile corpus in ONE fresh process and report that process's peak memory.

``python hostile_corpus_run.py FOLDER`` builds every hostile input, feeds each to
``smedesk.cli.main`` in process, and prints one JSON line: the exit code of every case and
``peak_mb``: this process's own peak resident memory. On Linux that is ``VmHWM`` of
``/proc/self/status``, which starts afresh with the new program at exec; ``getrusage``'s
``ru_maxrss`` does not — Linux carries it over from the parent at fork and keeps it across
exec, so a child of a pytest session that had grown to 600 MB reported 600 MB whatever it did.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support import hostile

DOC = "application-miit-2017-shenyang-info.json"


def main() -> None:
    from smedesk.cli import main as smedesk
    from smedesk.demo import write_demo_set

    folder = Path(sys.argv[1])
    write_demo_set(folder)
    doc = folder / DOC
    codes: dict[str, int] = {}
    books = {
        "merged": hostile.merged_bomb,
        "shared-string": hostile.huge_shared_string,
        "whitespace-over": lambda: hostile.whitespace_sheet(70 * 1024 * 1024),
        "whitespace-under": lambda: hostile.whitespace_sheet(56 * 1024 * 1024),
        "5000-sheets": hostile.many_sheets,
        "broken": hostile.broken_sheet_xml,
        "index": hostile.shared_index_out_of_range,
        "number-text": lambda: hostile.lying_cell(b"n", b"abc"),
        "date-garbage": lambda: hostile.lying_cell(b"d", b"notadate"),
        "header-only": hostile.header_only,
    }
    for name, build in books.items():
        book = folder / f"{name}.xlsx"
        book.write_bytes(build())
        codes[name] = run(smedesk, ["import", "staff", str(book), "--into", str(doc), "--replace"])
        book.unlink()
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    codes["deep"] = run(smedesk, ["check", str(deep)])
    data = json.loads(doc.read_text(encoding="utf-8"))
    data["form"]["basic"]["applicant_name"] = "名" * (10 * 1024 * 1024)
    big = folder / "big.json"
    big.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    codes["10MB-name"] = run(smedesk, ["check", str(big)])
    big.unlink()
    codes["dev-zero"] = run(smedesk, ["check", "/dev/zero"])
    jpeg = folder / "scan.jpg"
    jpeg.write_bytes(hostile.giant_jpeg_header())
    out = folder / "out.pdf"
    codes["jpeg"] = run(
        smedesk, ["export", "pdf", str(doc), "-o", str(out), "--attach", f"l={jpeg}"]
    )
    codes["self-output"] = run(smedesk, ["export", "pdf", str(doc), "-o", str(doc)])
    peak = own_peak_mb()
    print(json.dumps({"codes": codes, "peak_mb": round(peak, 1)}))


def own_peak_mb() -> float:
    """Peak resident memory of this program (since its exec), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(smedesk: object, args: list[str]) -> int:
    sink = io.StringIO()
    with contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
        return int(smedesk(args))  # type: ignore[operator]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
