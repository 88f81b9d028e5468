"""Is there a display Qt can use?  Asked before Qt is loaded, so the answer is never an abort.

Qt aborts the process (SIGABRT, exit 134, a core dump) when its platform plugin cannot
load or cannot reach the display: on a fresh Debian the xcb plugin needs libraries that
are not installed (``libxcb-icccm4``, ``libxcb-keysyms1``, ...), and its message then names
a library that is present. So the program asks first, with ctypes only: are the system
libraries the xcb plugin (and Qt's GUI library) link against loadable, and does the X server
named by ``DISPLAY`` accept a connection? If not, :func:`display_problem` says so in Chinese
with the Debian packages to install, and the caller exits 2.

The table below is the one list of those libraries: the start script, ``.ci/run`` and the
``.deb``'s ``Depends`` read it by running this file (``python3 smedesk/ui/display.py
--debian-packages`` or ``--missing-packages``), so it imports nothing but the standard
library and nothing of Qt.
It was made with ``readelf -d`` on ``libqxcb.so``, ``libQt6XcbQpa``, ``libQt6Gui``,
``libQt6Core``, ``libQt6Widgets``, ``libQt6DBus``, ``libQt6OpenGL`` and the xcb GL
integration of PySide6 6.12, keeping the libraries outside glibc and the C++ runtime.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

# soname → Debian 12 / Ubuntu / UOS package. Libraries these pull in themselves (libXau,
# libbsd, ...) come with the packages and are not listed.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
# The Wayland plugin's own system libraries (it shares the GL and xkb ones above).
WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
}
# Platforms that need no display server: the user (or a test) chose them on purpose.
_WINDOW_SYSTEMS = {"xcb", "wayland", "wayland-egl"}

Loader = Callable[[str], bool]
Connector = Callable[[str], bool]


@dataclass(frozen=True)
class DisplayProblem:
    """Why no window can open: a complete Chinese message, and packages that would help."""

    message: str
    missing_libraries: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()


def debian_packages() -> list[str]:
    """Every Debian package the xcb platform needs, once each, in a stable order."""
    return sorted(set(XCB_LIBRARIES.values()))


def can_load(soname: str) -> bool:
    """True if the dynamic loader finds ``soname`` (and everything it needs)."""
    # A PyInstaller bundle carries some of these libraries in its own folder.
    bundled = getattr(sys, "_MEIPASS", None)
    for candidate in ([str(Path(bundled, soname))] if bundled else []) + [soname]:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def x_server_answers(display: str) -> bool:
    """True if the X server named ``display`` accepts a connection (through libxcb)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        # xcb_connect never returns NULL: a failed connection is an error object.
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def display_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    load: Loader = can_load,
    connect: Connector = x_server_answers,
) -> DisplayProblem | None:
    """None if Qt can open a window here; otherwise what is wrong and how to fix it.

    ``load`` and ``connect`` are the two questions asked of the system; tests pass fakes.
    """
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None  # Windows and macOS: Qt's own platform, always present
    chosen = [
        name.split(":", 1)[0].strip()
        for name in env.get("QT_QPA_PLATFORM", "").split(";")
        if name.strip()
    ]
    if chosen and chosen[0] not in _WINDOW_SYSTEMS:
        return None  # offscreen, minimal, vnc, eglfs ...: chosen on purpose, no display needed
    wayland_display = env.get("WAYLAND_DISPLAY", "").strip()
    if chosen:
        candidates = chosen
    elif wayland_display:
        candidates = ["wayland", "xcb"]  # what Qt tries in a Wayland session
    else:
        candidates = ["xcb"]
    problems: list[DisplayProblem] = []
    for name in candidates:
        if name.startswith("wayland"):
            problem = _wayland_problem(wayland_display, env.get("XDG_RUNTIME_DIR", ""), load)
        elif name == "xcb":
            problem = _xcb_problem(env.get("DISPLAY", "").strip(), load, connect)
        else:
            continue
        if problem is None:
            return None
        problems.append(problem)
    # The most useful message: missing libraries first (they name what to install).
    problems.sort(key=lambda p: not p.packages)
    return problems[0] if problems else None


def _missing(table: Mapping[str, str], load: Loader) -> tuple[list[str], list[str]]:
    libraries = [soname for soname in table if not load(soname)]
    packages = sorted({table[soname] for soname in libraries})
    return libraries, packages


def _library_problem(
    libraries: list[str], packages: list[str], window_system: str
) -> DisplayProblem:
    message = (
        f"无法启动图形界面：缺少 Qt 在 {window_system} 下显示窗口所需的系统库："
        f"{'、'.join(libraries)}。\n"
        "请先安装这些软件包（Debian、Ubuntu、统信 UOS、银河麒麟），再重新启动 smedesk：\n"
        f"  sudo apt-get install {' '.join(packages)}\n"
        "其他发行版请安装提供上述库文件的软件包。命令行功能不受影响，见 smedesk --help。"
    )
    return DisplayProblem(message, tuple(libraries), tuple(packages))


def _xcb_problem(display: str, load: Loader, connect: Connector) -> DisplayProblem | None:
    if not display:
        return DisplayProblem(
            "无法启动图形界面：没有可用的显示器（环境变量 DISPLAY 与 WAYLAND_DISPLAY 均未设置）。\n"
            "请在桌面环境中启动 smedesk；通过 SSH 远程登录时请使用 ssh -X。"
            "命令行功能不受影响，见 smedesk --help。"
        )
    libraries, packages = _missing(XCB_LIBRARIES, load)
    if libraries:
        return _library_problem(libraries, packages, "X11")
    if not connect(display):
        return DisplayProblem(
            f"无法启动图形界面：连接不上显示器 DISPLAY={display}"
            "（显示服务未运行，或当前用户无权访问）。\n"
            "请在桌面环境中启动 smedesk，或检查 DISPLAY 与 XAUTHORITY 的设置。"
            "命令行功能不受影响，见 smedesk --help。"
        )
    return None


def _wayland_problem(wayland_display: str, runtime: str, load: Loader) -> DisplayProblem | None:
    if not wayland_display:
        return DisplayProblem(
            "无法启动图形界面：没有可用的显示器（环境变量 WAYLAND_DISPLAY 未设置）。\n"
            "请在桌面环境中启动 smedesk。命令行功能不受影响，见 smedesk --help。"
        )
    libraries, packages = _missing(WAYLAND_LIBRARIES, load)
    if libraries:
        return _library_problem(libraries, packages, "Wayland")
    socket = Path(runtime, wayland_display)  # an absolute WAYLAND_DISPLAY wins the join
    if runtime and not socket.exists():
        return DisplayProblem(
            f"无法启动图形界面：找不到 Wayland 显示服务 {socket}。\n"
            "请在桌面环境中启动 smedesk。命令行功能不受影响，见 smedesk --help。"
        )
    return None


def main(argv: list[str]) -> int:
    """For shell scripts: ``--debian-packages`` (all), ``--missing-packages``, ``--check``."""
    if argv == ["--debian-packages"]:
        print(" ".join(debian_packages()))
        return 0
    if argv == ["--missing-packages"]:
        print(" ".join(_missing(XCB_LIBRARIES, can_load)[1]))
        return 0
    if argv == ["--check"]:
        problem = display_problem()
        if problem is None:
            print("显示器可用")
            return 0
        print(problem.message, file=sys.stderr)
        return 2
    print("用法：display.py --debian-packages | --missing-packages | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
