"""Every dialog and page at 1280×720, Chinese and English: none larger than the screen,
no label or button text cut. The screens visited are listed in support/screen_check.py
(``VISITS``): add new workspaces and dialogs there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
SCRIPT = TESTS / "support" / "screen_check.py"


def run_check(size: str, language: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), size, language],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    problems: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_screen_fits_1280x720(language: str) -> None:
    assert run_check("1280x720", language) == []


@pytest.mark.slow
def test_the_check_sees_a_screen_too_small() -> None:
    # Below the program's smallest window (1024×640) it must complain: it is looking.
    problems = run_check("1000x600", "zh_CN")
    assert any("大于屏幕" in p for p in problems)
