"""Start-up time: process start → main window shown, smedesk against a bare PySide6 window.

Each run is a fresh child process (``python -c …``), timed from just before the parent
spawns it to the moment the child reports its first event-loop turn after ``show()``
(``SMEDESK_STARTUP_PROBE``). The baseline child imports the same Qt modules smedesk has
loaded by then, creates a QApplication and shows an empty 1366×768 QMainWindow.

smedesk runs against a database created and migrated beforehand (a user's normal start);
the first start on a new machine, which also creates the database, is timed separately, and
so is the time until the list is filled from the database (the store's imports and the
database open on a worker thread once the window is up).
Runs alternate between the two programs so machine noise hits both alike. Prints medians
and the ratio (goal ≤ 1.5×); asserts nothing.

Run: ``python benchmarks/ui_startup.py [runs]`` (default 9). Offscreen unless
``QT_QPA_PLATFORM`` is set.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMEDESK = "import sys; from smedesk.ui.app import run; sys.exit(run([]))"

BARE = """
import sys, time
from PySide6 import {modules}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
def report():
    print(f"shown {{time.time():.6f}}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def timed(code: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawning ``python -c code`` to its "shown" line; and its output."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr}")
    line = next(x for x in done.stdout.splitlines() if x.startswith("shown "))
    return float(line.split()[1]) - start, done.stdout


def qt_modules_loaded(env: dict[str, str]) -> list[str]:
    """The PySide6 modules smedesk has imported when its window shows."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('modules', ','.join(sorted(m.split('.')[1] for m in "
        "sys.modules if m.startswith('PySide6.Qt')))))\n" + SMEDESK
    )
    _seconds, out = timed(code, env)
    line = next(x for x in out.splitlines() if x.startswith("modules "))
    return line.split()[1].split(",")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory(prefix="smedesk-startup-") as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        root = str(Path(__file__).resolve().parents[1])  # run from a checkout
        # An installed copy starts from compiled bytecode (pip compiles it at install);
        # a checkout under PYTHONDONTWRITEBYTECODE would recompile every module at every
        # start, a cost no user pays. Compile once, as the install does.
        compileall.compile_dir(str(Path(root) / "smedesk"), quiet=1)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        env.update(
            SMEDESK_STARTUP_PROBE="1",
            SMEDESK_DB=str(Path(tmp) / "smedesk.db"),
            SMEDESK_SETTINGS=str(Path(tmp) / "settings.ini"),
            SMEDESK_DATA_DIR=tmp,
        )
        first, _ = timed(SMEDESK, env)  # creates and migrates the database
        modules = qt_modules_loaded(env)
        bare_code = BARE.format(modules=", ".join(modules))
        timed(bare_code, env)  # warm the OS file cache for both programs alike
        ours, bare, ready = [], [], []
        ready_env = dict(env, SMEDESK_STARTUP_PROBE="ready")
        for _ in range(runs):
            bare.append(timed(bare_code, env)[0])
            ours.append(timed(SMEDESK, env)[0])
            ready.append(timed(SMEDESK, ready_env)[0])
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"Qt modules loaded at show: {', '.join(modules)}")
    print(f"runs: {runs} each, alternating; platform: {env['QT_QPA_PLATFORM']}")
    print(
        f"bare PySide6 window     median {bare_median * 1000:7.0f} ms  (min {min(bare) * 1000:.0f})"
    )
    print(
        f"smedesk main window     median {ours_median * 1000:7.0f} ms  (min {min(ours) * 1000:.0f})"
    )
    print(f"ratio smedesk / bare    {ours_median / bare_median:.2f}x  (goal <= 1.5x)")
    print(
        f"smedesk list filled      median {statistics.median(ready) * 1000:7.0f} ms"
        "  (store imported and database opened after the window shows)"
    )
    print(f"first start (creates the database): {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
