#!/usr/bin/env bash
# Install smedesk from this checkout and start it: the README's first command.
#   bash start.sh [smedesk arguments]
# On Debian, Ubuntu, UOS or Kylin (as root, or with sudo) it first installs what is missing
# from the system: Python 3 itself, python3-venv (Debian's Python has no venv module without
# it and refuses pip outside a virtual environment, PEP 668) and the libraries Qt's X11
# platform needs. Then it makes a virtual environment in .venv (SMEDESK_VENV to put it
# elsewhere), installs smedesk into it when the checkout changed since the last install,
# and starts `smedesk`. Any Python >= 3.11 works (PYTHON=/path/to/python to choose one).
set -euo pipefail
cd "$(dirname "$0")"
VENV=${SMEDESK_VENV:-.venv}

say() { printf '%s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "需要管理员权限安装系统软件包：请以 root 运行，或先安装 sudo。"
    exit 1
  fi
}

apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "请用本系统的包管理器安装：$*"
    return 1
  fi
  say "== 安装系统软件包：$*"
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

python_ok() {  # a Python >= 3.11
  "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

# --- 1. a Python >= 3.11
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      PY=$candidate
      break
    fi
  done
fi
if [ -z "$PY" ]; then
  apt_install python3 || { say "smedesk 需要 Python 3.11 或更高版本。"; exit 1; }
  PY=python3
fi
if ! python_ok "$PY"; then
  say "smedesk 需要 Python 3.11 或更高版本，当前为：$("$PY" --version 2>&1)。"
  exit 1
fi

# --- 2. system packages: venv for this Python, the libraries Qt's X11 platform loads
if [ "$(uname -s)" = Linux ]; then
  needed=()
  if [ ! -x "$VENV/bin/python" ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    # Debian splits venv and ensurepip out of its Python.
    needed+=("python$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
  fi
  # The one list of those libraries, with the check the program itself makes at start.
  read -r -a qt_missing <<<"$("$PY" smedesk/ui/display.py --missing-packages)"
  needed+=("${qt_missing[@]}")
  if ((${#needed[@]})); then
    apt_install "${needed[@]}" || say "（缺少上述软件包时 smedesk 会在启动时说明。）"
  fi
fi

# --- 3. the virtual environment
if [ -d "$VENV" ] && ! "$VENV/bin/python" -c 'pass' >/dev/null 2>&1; then
  rm -rf "$VENV"  # made by a Python that is gone
fi
if [ ! -d "$VENV" ]; then
  say "== 创建虚拟环境 $VENV"
  "$PY" -m venv "$VENV"
fi

# --- 4. install when anything in the checkout is newer than the last install
stamp="$VENV/.smedesk-installed"
if [ ! -f "$stamp" ] || [ -n "$(find pyproject.toml smedesk resources -newer "$stamp" \
  -not -path '*/__pycache__*' -print -quit)" ]; then
  say "== 安装 smedesk 到 $VENV（首次需要下载依赖，约数分钟）"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check .
  touch "$stamp"
fi

# --- 5. start
exec "$VENV/bin/smedesk" "$@"
