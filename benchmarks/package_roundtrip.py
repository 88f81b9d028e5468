"""Benchmark: pack + verify + unpack of a large application package, against zip + sha256sum.

The application: 3,000 served enterprises (the tests' document builder) and 50 MB of
attachments — 40 MB of scans (incompressible, as JPEG or scanned PDF are) and 10 MB of
text-like PDF (compressible). smedesk packs (parses the document, hashes and compresses every
member, writes the manifest), verifies (re-reads and hashes every member) and unpacks (checks,
writes and hashes every member), in this process with the functions `smedesk pack / verify /
unpack` call. The baseline is `zip -q` of the same files plus `sha256sum` of each, the
ordinary tools of the job. Prints seconds and the ratio (goal ≤ 1.5 ×); asserts nothing.

    python benchmarks/package_roundtrip.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import pdf_samples  # noqa: E402  (the tests' document builder)

SERVED = 3000
MB = 1024 * 1024


def make_files(folder: Path) -> tuple[Path, list[Path]]:
    from smedesk.demo import document_json

    doc = folder / "application.json"
    doc.write_text(document_json(pdf_samples.application_report(served=SERVED)), encoding="utf-8")
    rng = random.Random(12)
    files = []
    for i in range(8):  # scans: 5 MB each of incompressible bytes
        path = folder / f"scan-{i}.pdf"
        path.write_bytes(rng.randbytes(5 * MB))
        files.append(path)
    words = [
        f"{w} ".encode()
        for w in ("营业执照", "资产负债表", "2019", "服务", "BT", "ET", "Tf", "0 0 Td")
    ]
    for i in range(2):  # text-like PDFs: 5 MB each, compressible
        path = folder / f"report-{i}.pdf"
        path.write_bytes(b"".join(rng.choice(words) for _ in range(5 * MB // 3))[: 5 * MB])
        files.append(path)
    return doc, files


def run_smedesk(doc: Path, files: list[Path], work: Path) -> None:
    from smedesk.export.package import Creator, PackageBuilder, extract_package, open_package
    from smedesk.export.package.manifest import SchemeStamp
    from smedesk.forms import parse_document_json

    raw = doc.read_bytes()
    parsed = parse_document_json(raw)
    builder = PackageBuilder(
        "application",
        Creator(role="applicant", name="基准"),
        SchemeStamp(id=parsed.scheme.id, version=parsed.scheme.version),
    )
    import json

    builder.add_document(json.loads(raw), raw, purpose="application")
    for n, path in enumerate(files, start=1):
        builder.add_file(
            f"attachments/{parsed.doc_id}/{n:06d}.pdf", path, "attachment", document=parsed.doc_id
        )
    package = work / "out.smedesk"
    builder.write(package)
    open_package(package)
    extract_package(package, work / "unpacked")


def run_baseline(doc: Path, files: list[Path], work: Path, level: str = "-6") -> None:
    names = [str(p) for p in [doc, *files]]
    subprocess.run(["zip", "-q", level, "-j", str(work / "out.zip"), *names], check=True)
    subprocess.run(["sha256sum", *names], check=True, stdout=subprocess.DEVNULL)


def run_baseline_stored(doc: Path, files: list[Path], work: Path) -> None:
    """zip storing every file (-0): the baseline without zip's futile deflate of the scans."""
    run_baseline(doc, files, work, "-0")


def timed(fn, doc: Path, files: list[Path], rounds: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best wall-clock seconds over ``rounds``, and the CPU seconds of that round (own and
    children's, so the baseline's zip and sha256sum count too)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            gc.collect()
            t0, c0 = time.perf_counter(), _cpu()
            fn(doc, files, Path(tmp))
            wall, cpu = time.perf_counter() - t0, _cpu() - c0
            if wall < best:
                best, best_cpu = wall, cpu
    return best, best_cpu


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("zip") or not shutil.which("sha256sum"):
        sys.exit("needs zip and sha256sum (apt-get install zip coreutils)")
    with tempfile.TemporaryDirectory() as tmp:
        doc, files = make_files(Path(tmp))
        total = sum(p.stat().st_size for p in [doc, *files])
        with tempfile.TemporaryDirectory() as warm:  # imports paid once, outside the timing
            run_smedesk(doc, files[:1], Path(warm))
        ours, ours_cpu = timed(run_smedesk, doc, files, args.rounds)
        base, base_cpu = timed(run_baseline, doc, files, args.rounds)
        stored, stored_cpu = timed(run_baseline_stored, doc, files, args.rounds)
        attached = sum(p.stat().st_size for p in files)
    print(
        f"application: {SERVED} served enterprises, JSON {(total - attached) / MB:.1f} MB; "
        f"{len(files)} attachments, {attached / MB:.0f} MB"
    )
    print(
        f"smedesk pack+verify+unpack   {ours:6.2f} s wall {ours_cpu:6.2f} s CPU (best of {args.rounds})"
    )
    print(
        f"zip + sha256sum baseline     {base:6.2f} s wall {base_cpu:6.2f} s CPU (best of {args.rounds})"
    )
    print(
        f"ratio                        {ours / base:6.2f} × wall {ours_cpu / base_cpu:5.2f} × CPU (goal ≤ 1.5 ×)"
    )
    print(
        f"zip -0 + sha256sum (stored)  {stored:6.2f} s wall {stored_cpu:6.2f} s CPU (best of {args.rounds})"
    )
    print(
        f"ratio to the stored baseline {ours / stored:6.2f} × wall {ours_cpu / stored_cpu:5.2f} × CPU"
    )


if __name__ == "__main__":
    main()
