"""The display check: no display or a missing xcb library gives a Chinese message and exit 2.

The unit tests fake the two questions the check asks the system (can this library load?
does the X server answer?); the subprocess tests run the real ``smedesk`` with no display
and with a display nobody serves, where Qt itself would abort with exit 134.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smedesk.ui import display
from smedesk.ui.display import XCB_LIBRARIES, display_problem


def loads_all_but(*missing: str) -> display.Loader:
    return lambda soname: soname not in missing


def always(answer: bool) -> display.Connector:
    return lambda _display: answer


def test_a_working_x_display_is_no_problem() -> None:
    assert display_problem({"DISPLAY": ":0"}, load=loads_all_but(), connect=always(True)) is None


def test_missing_xcb_libraries_are_named_with_their_packages() -> None:
    problem = display_problem(
        {"DISPLAY": ":0"},
        load=loads_all_but("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
        connect=always(True),
    )
    assert problem is not None
    assert problem.missing_libraries == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert problem.packages == ("libxcb-icccm4", "libxcb-keysyms1")
    assert "缺少" in problem.message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in problem.message


def test_no_display_at_all() -> None:
    problem = display_problem({}, load=loads_all_but(), connect=always(True))
    assert problem is not None
    assert "没有可用的显示器" in problem.message
    assert "DISPLAY" in problem.message


def test_a_display_nobody_serves() -> None:
    problem = display_problem({"DISPLAY": ":5"}, load=loads_all_but(), connect=always(False))
    assert problem is not None
    assert "DISPLAY=:5" in problem.message


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_a_platform_without_display_is_left_alone(platform: str) -> None:
    env = {"QT_QPA_PLATFORM": platform}
    assert display_problem(env, load=loads_all_but(*XCB_LIBRARIES), connect=always(False)) is None


def test_windows_and_macos_are_not_checked() -> None:
    for platform in ("win32", "darwin"):
        assert display_problem({}, platform=platform, load=loads_all_but("x")) is None


def test_wayland_session_falls_back_to_x11(tmp_path: Path) -> None:
    (tmp_path / "wayland-0").touch()
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":0"}
    assert display_problem(env, load=loads_all_but(), connect=always(False)) is None
    # Wayland's client library missing: Qt would fall back to xcb, which works here.
    no_wayland = loads_all_but("libwayland-client.so.0")
    assert display_problem(env, load=no_wayland, connect=always(True)) is None
    # Neither works: the message names what to install.
    problem = display_problem(env, load=no_wayland, connect=always(False))
    assert problem is not None and problem.packages == ("libwayland-client0",)


def test_forced_xcb_ignores_wayland() -> None:
    env = {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}
    problem = display_problem(env, load=loads_all_but(), connect=always(True))
    assert problem is not None and "没有可用的显示器" in problem.message


def test_the_package_list_covers_every_library() -> None:
    packages = display.debian_packages()
    assert set(packages) == set(XCB_LIBRARIES.values())
    assert "libxcb-icccm4" in packages and "libxcb-keysyms1" in packages


def run_smedesk(
    env_changes: dict[str, str | None], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        SMEDESK_DATA_DIR=str(tmp_path / "data"),
        SMEDESK_SETTINGS=str(tmp_path / "settings.ini"),
        SMEDESK_DB=str(tmp_path / "smedesk.db"),
    )
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "smedesk"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_program_without_a_display_exits_2_with_a_message(tmp_path: Path) -> None:
    result = run_smedesk(
        {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}, tmp_path
    )
    assert result.returncode == 2, result.stderr
    assert "没有可用的显示器" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_program_with_an_unserved_display_exits_2(tmp_path: Path) -> None:
    # A display number no server listens on (the socket would be /tmp/.X11-unix/X<n>).
    number = next(n for n in range(4000, 5000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    result = run_smedesk(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}", "WAYLAND_DISPLAY": None}, tmp_path
    )
    assert result.returncode == 2, result.stderr
    assert "无法启动图形界面" in result.stderr
    assert "Traceback" not in result.stderr
