"""Power cuts under the store: 100 cuts, 0 corrupt databases, 0 lost durable commits.

The database lives on a FUSE filesystem (``support/powerfs.py``) that keeps written data
in memory until it is fsynced, like a disk cache. A writer process saves a document as
fast as it can; at a random moment it is killed and the "power" cut: every unsynced byte is
dropped, leaving what a disk would hold. The remaining files must pass
``integrity_check`` and hold every commit that an fsync made durable: a save that returned
before some fsync of the database or its WAL began. With ``synchronous=NORMAL`` (the
store's setting) later commits may be lost by design; durable ones never.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smedesk.store import DocumentStore, open_database

pytestmark = pytest.mark.slow

CUTS = int(os.environ.get("POWER_CUTS", "100"))
SUPPORT = Path(__file__).resolve().parents[1] / "support"


def fuse_available() -> str | None:
    if ctypes.util.find_library("fuse") is None:
        return "libfuse 2 is not installed (Debian: libfuse2)"
    if not os.path.exists("/dev/fuse"):
        return "/dev/fuse is missing"
    try:
        import fuse  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"fusepy cannot load: {exc}"
    return None


def mounted(mount: Path) -> bool:
    return any(
        line.split()[1] == str(mount) for line in Path("/proc/mounts").read_text().splitlines()
    )


def durable_floor(commits: list[tuple[float, int]], fsyncs: list[float]) -> int:
    """The newest commit that returned before some fsync began (0 if none)."""
    floor = 0
    for returned, n in commits:
        if any(start > returned for start in fsyncs):
            floor = max(floor, n)
    return floor


def read_logs(
    commit_log: Path, fsync_log: Path, since: float
) -> tuple[list[tuple[float, int]], list[float]]:
    commits = []
    for line in commit_log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and float(parts[0]) >= since:
            commits.append((float(parts[0]), int(parts[1])))
    fsyncs = []
    for line in fsync_log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and "smedesk.db" in parts[1] and float(parts[0]) >= since:
            fsyncs.append(float(parts[0]))
    return commits, fsyncs


def survivor(backing: Path, scratch: Path, doc_id: str) -> tuple[str, int]:
    """integrity_check and the stored n of a copy of what the disk holds (never the disk)."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    for name in ("smedesk.db", "smedesk.db-wal"):
        if (backing / name).exists():
            shutil.copyfile(backing / name, scratch / name)
    with contextlib.closing(sqlite3.connect(scratch / "smedesk.db")) as c:
        (verdict,) = c.execute("PRAGMA integrity_check").fetchone()
    if verdict != "ok":
        return verdict, -1
    database = open_database(f"sqlite:///{scratch / 'smedesk.db'}")
    try:
        return "ok", int(DocumentStore(database).get(doc_id).data["n"])
    finally:
        database.close()


def test_power_cuts_never_corrupt_nor_lose_durable_commits(tmp_path: Path) -> None:
    reason = fuse_available()
    if reason:
        pytest.skip(reason)
    backing, mount = tmp_path / "disk", tmp_path / "mnt"
    backing.mkdir()
    mount.mkdir()
    fsync_log, commit_log = tmp_path / "fsync.log", tmp_path / "commits.log"
    fsync_log.touch()
    commit_log.touch()
    server = subprocess.Popen(
        [sys.executable, str(SUPPORT / "powerfs.py"), str(backing), str(mount), str(fsync_log)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not mounted(mount):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"cannot mount FUSE here: {server.stderr.read().decode()[-300:]}")
            time.sleep(0.05)
        run_cuts(mount, backing, tmp_path, commit_log, fsync_log)
    finally:
        subprocess.run(["fusermount", "-u", "-z", str(mount)], capture_output=True)
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        server.kill()
        server.wait()


def run_cuts(mount: Path, backing: Path, tmp_path: Path, commit_log: Path, fsync_log: Path) -> None:
    db = mount / "smedesk.db"
    url = f"sqlite:///{db}"
    database = open_database(url)
    doc_id = DocumentStore(database).create(
        "application-report", "断电", {"n": 0}, scheme_id="miit-2017",
        scheme_version="2017", author="断电测试",
    )  # fmt: skip
    database.close()
    # the starting state is on the disk; closed, so the writers' closes are the last ones
    with contextlib.closing(sqlite3.connect(db)) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    server = subprocess.Popen(
        [sys.executable, str(SUPPORT / "power_writer.py")], env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert server.stdin is not None and server.stdout is not None
    assert server.stdout.readline().strip() == "ready"
    rng = random.Random(10)
    corrupt: list[str] = []
    lost: list[str] = []
    durable_total = 0
    saves_total = 0
    dropped = 0  # cuts that lost the newest (not yet durable) saves: the layer really drops
    for cut in range(CUTS):
        since = time.monotonic()
        server.stdin.write(f"{url} {doc_id} {commit_log} {cut}\n")
        server.stdin.flush()
        pid = int(server.stdout.readline())
        started = time.monotonic() + 5
        while time.monotonic() < started and "start" not in commit_log.read_text()[-200:]:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(pid, signal.SIGKILL)
        assert server.stdout.readline().strip() == "reaped"
        os.path.exists(mount / ".power-cut")  # the cut: unsynced data is gone
        commits, fsyncs = read_logs(commit_log, fsync_log, since)
        if os.environ.get("POWER_DEBUG"):
            print(commits[-5:], fsyncs[-5:], fsync_log.read_text()[-300:])
        verdict, n = survivor(backing, tmp_path / "scratch", doc_id)
        saves_total += len(commits)
        if verdict != "ok":
            corrupt.append(f"cut {cut}: {verdict}")
            break
        floor = durable_floor(commits, fsyncs)
        durable_total += sum(1 for _t, m in commits if m <= floor)
        if commits and n < commits[-1][1]:
            dropped += 1
        if n < floor:
            lost.append(f"cut {cut}: commit {floor} was durable, the disk holds {n}")
        commit_log.write_text("")
    server.stdin.close()
    server.wait(timeout=30)
    print(
        f"\n{CUTS} power cuts, {saves_total} saves, {durable_total} of them made durable by an "
        f"fsync before the cut; {dropped} cuts dropped unsynced saves; {len(corrupt)} corrupt "
        f"databases, {len(lost)} lost durable commits"
    )
    assert corrupt == []
    assert lost == []
    assert durable_total > 0, "no commit was ever synced: the test proved nothing"
    assert dropped > 0, "no cut lost anything: the filesystem layer did not drop unsynced data"
