#!/usr/bin/env bash
# Build smedesk without Python for the user: a one-folder bundle (PyInstaller) and a .deb,
# then test what was built, not the source tree. On Linux (Debian 12 here), as root or sudo:
#   bash installer/build.sh
# Output (not committed; installer/out/ is ignored by git):
#   installer/out/dist/smedesk/          the bundle: smedesk (the program) and _internal/
#   installer/out/cn.smedesk.smedesk_<version>_amd64.deb
#   installer/out/bundle-window.png      the bundle's window on Xvfb
# Build on the oldest system supported: the bundle carries the build machine's Python and
# PySide6 6.12 needs glibc >= 2.34 (Debian 12: 2.36; Ubuntu 22.04: 2.35; UOS 20: 2.28, too old).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT=${OUT:-$HERE/out}
PY=${PYTHON:-/usr/bin/python3}   # Debian's Python: the bundle carries its libpython
VENV=$OUT/build-venv
step() { printf '\n==== %s\n' "$*"; }

step "build tools"
need=()
for tool in Xvfb:xvfb xwininfo:x11-utils dpkg-shlibdeps:dpkg-dev lintian:lintian strip:binutils \
  pdftoppm:poppler-utils zbarimg:zbar-tools; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
"$PY" -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
[ -e "/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)/libpython3.11.so.1.0" ] ||
  "$PY" -c 'import sysconfig, sys; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))' ||
  need+=(libpython3.11)
# Qt's own system libraries, so dpkg-shlibdeps can name their packages in Depends.
read -r -a qt_missing <<<"$("$PY" "$ROOT/smedesk/ui/display.py" --missing-packages)"
need+=("${qt_missing[@]}")
for lib in libwayland-client.so.0:libwayland-client0 libwayland-cursor.so.0:libwayland-cursor0 \
  libwayland-egl.so.1:libwayland-egl1; do
  ldconfig -p | grep -q "${lib%%:*}" || need+=("${lib#*:}")
done
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "python: $("$PY" --version) ($PY), glibc $(ldd --version | head -n1 | grep -o '[0-9.]*$')"

step "build environment: PyInstaller and smedesk as installed (not the checkout)"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$ROOT"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT"

step "bundle (PyInstaller one-folder)"
rm -rf "$OUT/dist" "$OUT/work"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$OUT/dist" \
  --workpath "$OUT/work" "$HERE/smedesk.spec"
du -sh "$OUT/dist/smedesk"

step "smoke test of the bundle"
bash "$HERE/smoke-bundle.sh" "$OUT/dist/smedesk/smedesk" "$OUT/bundle-window.png"

step ".deb"
deb=$(bash "$HERE/make-deb.sh" "$OUT/dist/smedesk" "$OUT")
ls -l "$deb"
dpkg-deb --field "$deb" Package Version Installed-Size Depends

step "lintian"
lintian --display-info --show-overrides "$deb" >"$OUT/lintian.txt" 2>/dev/null || true
echo "not overridden:"
grep -E '^[EWI]:' "$OUT/lintian.txt" | awk '{print "  " $1, $3}' | sort | uniq -c || echo "  (none)"
echo "overridden (each with its reason in /usr/share/lintian/overrides/cn.smedesk.smedesk):"
grep '^O:' "$OUT/lintian.txt" | awk '{print "  " $3}' | sort | uniq -c
if grep -q '^E:' "$OUT/lintian.txt"; then
  grep '^E:' "$OUT/lintian.txt"
  echo "lintian reports errors that are not overridden"
  exit 1
fi
echo "lintian: no errors beyond the overridden /opt layout and bundle tags"

step "sizes and start-up: bundle against the source install"
"$VENV/bin/python" "$ROOT/benchmarks/bundle_size_startup.py" --bundle "$OUT/dist/smedesk" \
  --deb "$deb" --source-venv "$VENV"
