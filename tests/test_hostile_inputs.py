"""The hostile-input corpus: every case of issue 10, each refused cleanly within 500 MB.

Each case runs ``python -m smedesk`` in a child process (so its peak memory, read from
``wait4``, is its own) and must: exit with 2 (or 1 for bad rows), print a Chinese message
naming the limit, leak no English internals, and leave every file in its folder as it
was (same names, same SHA-256). The inputs are generated here; nothing binary is committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from support import hostile
from support.hostile import ENGLISH_INTERNALS, Run, run_measured

PEAK_LIMIT_MB = 500
DOC = "application-miit-2017-shenyang-info.json"


def snapshot(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink() and stat.S_ISREG(p.lstat().st_mode):
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from smedesk.demo import write_demo_set

    folder = tmp_path_factory.mktemp("demo")
    write_demo_set(folder)
    return folder


@pytest.fixture
def work(tmp_path: Path, demo_dir: Path) -> Path:
    doc = tmp_path / DOC
    doc.write_bytes((demo_dir / DOC).read_bytes())
    return tmp_path


def refused(run: Run, *fragments: str, code: int = 2) -> None:
    assert run.code == code, (run.code, run.stderr)
    for fragment in fragments:
        assert fragment in run.stderr, run.stderr
    assert not ENGLISH_INTERNALS.search(run.stderr), run.stderr
    assert run.peak_mb < PEAK_LIMIT_MB, f"peak {run.peak_mb:.0f} MB"


WORKBOOK_CASES: dict[str, tuple[Callable[[], bytes], tuple[str, ...], int]] = {
    "merged-A2-XFD1048576": (hostile.merged_bomb, (), -1),
    "huge-shared-string": (hostile.huge_shared_string, ("共享字符串", "48 MB 的上限"), 2),
    "whitespace-padded-sheet-over-cap": (
        lambda: hostile.whitespace_sheet(70 * 1024 * 1024),
        ("64 MB 的上限",),
        2,
    ),
    "5000-sheets": (hostile.many_sheets, ("5001 个工作表", "200 个的上限"), 2),
    "sheet-xml-broken-after-open": (hostile.broken_sheet_xml, ("已损坏",), 2),
    "shared-string-index-out-of-range": (hostile.shared_index_out_of_range, ("已损坏",), 2),
    "number-cell-holding-text": (lambda: hostile.lying_cell(b"n", b"abc"), ("已损坏",), 2),
    "date-cell-holding-garbage": (lambda: hostile.lying_cell(b"d", b"notadate"), ("已损坏",), 2),
    "header-only-0-rows": (hostile.header_only, ("0 行", "保持不变"), 2),
}


@pytest.mark.parametrize("case", sorted(WORKBOOK_CASES))
def test_hostile_workbook_import(case: str, work: Path) -> None:
    build, fragments, code = WORKBOOK_CASES[case]
    book = work / f"{case}.xlsx"
    book.write_bytes(build())
    before = snapshot(work)
    run = run_measured("import", "staff", str(book), "--into", str(work / DOC), "--replace")
    if code == -1:  # the merged range: read quickly and cleanly, whatever the rows say
        assert run.code in (0, 1), run.stderr
        assert not ENGLISH_INTERNALS.search(run.stderr + run.stdout)
        assert run.peak_mb < PEAK_LIMIT_MB, f"peak {run.peak_mb:.0f} MB"
        return
    refused(run, *fragments, code=code)
    assert snapshot(work) == before


def test_whitespace_padded_sheet_under_the_cap_stays_small(work: Path) -> None:
    book = work / "padded.xlsx"
    book.write_bytes(hostile.whitespace_sheet(56 * 1024 * 1024))
    run = run_measured("import", "staff", str(book), "--into", str(work / DOC), "--replace")
    assert run.code == 0, run.stderr
    assert run.peak_mb < PEAK_LIMIT_MB, f"peak {run.peak_mb:.0f} MB"


def test_import_with_rows_in_the_list_needs_replace(work: Path) -> None:
    book = work / "staff.xlsx"
    book.write_bytes(hostile.staff_workbook(2))
    before = snapshot(work)
    run = run_measured("import", "staff", str(book), "--into", str(work / DOC))
    refused(run, "--replace", "--append")
    assert snapshot(work) == before


def test_export_onto_its_own_input_is_refused(work: Path) -> None:
    doc = work / DOC
    before = snapshot(work)
    refused(run_measured("export", "pdf", str(doc), "-o", str(doc)), "就是输入文件")
    refused(run_measured("export", "list", "staff", str(doc), "-o", str(doc)), ".xlsx")
    alias = work / "alias.xlsx"
    alias.symlink_to(doc)
    refused(run_measured("export", "list", "staff", str(doc), "-o", str(alias)), "就是输入文件")
    alias.unlink()
    assert snapshot(work) == before


def test_output_that_is_not_a_regular_file_is_refused(work: Path) -> None:
    fifo = work / "out.pdf"
    os.mkfifo(fifo)
    refused(run_measured("export", "pdf", str(work / DOC), "-o", str(fifo)), "不是普通文件")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    refused(run_measured("export", "pdf", str(work / DOC), "-o", str(work)), "文件夹")
    try:
        device = work / "null.xlsx"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        return  # device nodes need root; the FIFO above covers the rule
    refused(
        run_measured("export", "list", "staff", str(work / DOC), "-o", str(device)),
        "不是普通文件",
    )
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[" * 100_000 + "]" * 100_000, "嵌套层数超过 32 层"),
        ('{"kind": []}', "未知的文档类型"),
        ('{"kind": "application-report", "kind": "x"}', "重复的键“kind”"),
    ],
    ids=["nested-100000", "kind-is-a-list", "duplicate-keys"],
)
def test_hostile_documents(text: str, fragment: str, tmp_path: Path) -> None:
    doc = tmp_path / "doc.json"
    doc.write_text(text, encoding="utf-8")
    refused(run_measured("check", str(doc)), fragment)


def test_ten_megabyte_name_is_refused(work: Path) -> None:
    data = json.loads((work / DOC).read_text(encoding="utf-8"))
    data["form"]["basic"]["applicant_name"] = "名" * (10 * 1024 * 1024)
    doc = work / "big.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = run_measured("check", str(doc))
    refused(run, "“申请单位名称”的内容过长", "1,000 字的上限")
    assert run.seconds < 60  # a bound on the harness, not a performance figure


def test_endless_and_blocking_inputs(work: Path) -> None:
    refused(run_measured("check", "/dev/zero", timeout=30), "不是普通文件")
    fifo = work / "doc.json"
    os.mkfifo(fifo)
    refused(run_measured("check", str(fifo), timeout=30), "不是普通文件")
    out = work / "out.pdf"
    refused(
        run_measured(
            "export", "pdf", str(work / DOC), "-o", str(out), "--attach", "licence=/dev/zero"
        ),
        "不是普通文件",
    )
    refused(
        run_measured(
            "export", "pdf", str(work / DOC), "-o", str(out), "--attach", f"licence={fifo}"
        ),
        "不是普通文件",
    )
    assert not out.exists()


def test_giant_jpeg_attachment_is_refused(work: Path) -> None:
    jpeg = work / "scan.jpg"
    jpeg.write_bytes(hostile.giant_jpeg_header())
    out = work / "out.pdf"
    run = run_measured(
        "export", "pdf", str(work / DOC), "-o", str(out), "--attach", f"licence={jpeg}"
    )
    refused(run, "12000×12000", "百万像素的上限")
    assert "DecompressionBomb" not in run.stderr
    assert not out.exists()


def test_vertical_tab_in_a_name_exports_to_excel(work: Path) -> None:
    data = json.loads((work / DOC).read_text(encoding="utf-8"))
    data["staff"][0]["name"] = "张\u000b三"
    (work / DOC).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = work / "staff.xlsx"
    run = run_measured("export", "list", "staff", str(work / DOC), "-o", str(out))
    assert run.code == 0, run.stderr
    from openpyxl import load_workbook

    assert load_workbook(out).active["A2"].value == "张\n三"


def test_written_files_have_normal_permissions(work: Path) -> None:
    out_pdf, out_xlsx = work / "doc.pdf", work / "staff.xlsx"
    assert run_measured("export", "pdf", str(work / DOC), "-o", str(out_pdf)).code == 0
    assert run_measured("export", "list", "staff", str(work / DOC), "-o", str(out_xlsx)).code == 0
    umask = os.umask(0o022)
    os.umask(umask)
    for p in (out_pdf, out_xlsx):
        assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~umask


def test_in_process_reads_never_block_on_a_fifo(tmp_path: Path) -> None:
    """The same refusal in process: opening a FIFO must not wait for a writer."""
    from smedesk.safe_read import InputRefused, read_input

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def attempt() -> None:
        try:
            read_input(fifo, limit=1024)
        except InputRefused as exc:
            outcome.append(exc.message)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome and "不是普通文件" in outcome[0]


def test_peak_memory_of_the_whole_corpus(tmp_path: Path) -> None:
    """The corpus run in one fresh process, in process: its own getrusage peak under 500 MB."""
    import subprocess
    import sys

    script = Path(__file__).with_name("support") / "hostile_corpus_run.py"
    # A clean environment: nothing other tests left in os.environ reaches the corpus run.
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
        env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    codes = report["codes"]
    assert codes.pop("merged") in (0, 1) and codes.pop("whitespace-under") == 0
    assert set(codes.values()) == {2}, codes
    print(f"\nhostile corpus in one process: peak {report['peak_mb']} MB")
    assert report["peak_mb"] < PEAK_LIMIT_MB
