#!/usr/bin/env bash
# Smoke test of a built bundle (or an installed one): the program as a user gets it, with no
# Python on the PATH and an empty environment. Usage:
#   bash installer/smoke-bundle.sh PATH/TO/smedesk [SCREENSHOT.png]
# Checks: --version, --help lists every command, demo, check (0 and 1), export pdf with its
# QR code (ReportLab's barcode modules), the window on Xvfb (xcb) through `smedesk smoke`,
# a document file opened from the command line (`smedesk FILE`, as a double-click does), and an
# exchange package made, verified, unpacked and opened from the command line.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EXE=$1
SHOT=${2:-}
# shellcheck source=installer/xvfb.sh
. "$HERE/xvfb.sh"
scratch=$(mktemp -d)
trap 'stop_xvfb; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/empty-path" "$scratch/home" "$scratch/data"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$HERE/../smedesk/__init__.py")

# The bundle in an empty environment: no Python, nothing of the build machine's.
clean_env() {
  CLEAN=(env -i HOME="$scratch/home" PATH="$scratch/empty-path" LANG=C.UTF-8
    SMEDESK_DATA_DIR="$scratch/data" SMEDESK_SETTINGS="$scratch/data/settings.ini"
    SMEDESK_DB="$scratch/data/smedesk.db")
  [ -n "${DISPLAY:-}" ] && CLEAN+=(DISPLAY="$DISPLAY")
  return 0
}
run() { clean_env; "${CLEAN[@]}" "$EXE" "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "no Python on the PATH"
if env -i PATH="$scratch/empty-path" /bin/sh -c 'command -v python3 || command -v python'; then
  echo "a Python is on the PATH"; exit 1
fi
echo "PATH=$scratch/empty-path: no python3, no python"

step "--version"
out=$(run --version)
echo "$out"
[ "$out" = "smedesk $version" ]

step "--help lists every command"
help=$(run --help)
for command in check demo export schema screenshot smoke; do
  grep -q "$command" <<<"$help" || { echo "missing command: $command"; exit 1; }
done
echo "check demo export schema screenshot smoke: listed"

step "demo"
run demo "$scratch/demo" | tail -n 1

step "check (meets the scheme: exit 0)"
run check "$scratch/demo/application-miit-2017-shenyang-info.json" | tail -n 3
step "check (falls short: exit 1)"
set +e
run check "$scratch/demo/application-tibet-lhasa.json" --scheme miit-2017 >/dev/null
code=$?
set -e
echo "exit $code"
[ "$code" -eq 1 ]

step "export pdf (with the QR code: ReportLab's barcode modules)"
run export pdf "$scratch/demo/application-miit-2017-shenyang-info.json" -o "$scratch/app.pdf"
head -c 5 "$scratch/app.pdf" | grep -q '%PDF-'
if command -v zbarimg >/dev/null && command -v pdftoppm >/dev/null; then
  pdftoppm -r 150 -png -f 1 -l 1 "$scratch/app.pdf" "$scratch/page"
  zbarimg -q "$scratch"/page*.png | head -n 1
fi

step ".smedesk exchange package: pack (with its PDF, signed), verify, unpack"
run pack "$scratch/demo/application-miit-2017-shenyang-info.json" --pdf --sign 测试专家 \
  -o "$scratch/application.smedesk"
run verify "$scratch/application.smedesk"
run unpack "$scratch/application.smedesk" -o "$scratch/unpacked"

step "every screen rendered offscreen (smedesk screenshot: all workspaces, dialogs, editor pages)"
run screenshot "$scratch/screens" | tail -n 1

step "bad input: Chinese message, exit 2, no traceback"
set +e
err=$(run check "$scratch/nowhere.json" 2>&1)
code=$?
set -e
echo "exit $code: $err"
[ "$code" -eq 2 ] && ! grep -q Traceback <<<"$err"

step "no display: Chinese message, exit 2, no abort"
set +e
err=$(env -i HOME="$scratch/home" PATH="$scratch/empty-path" LANG=C.UTF-8 "$EXE" 2>&1)
code=$?
set -e
echo "exit $code: $err"
[ "$code" -eq 2 ]

start_xvfb
step "window on Xvfb ($DISPLAY, Qt's xcb platform): smedesk smoke"
run smoke "$scratch/demo/creation-liaoning-dalian-professional.json" \
  ${SHOT:+--screenshot "$SHOT"} | tee "$scratch/smoke.log"
grep -q "^平台：xcb" "$scratch/smoke.log"

step "a document file opened from the command line: smedesk FILE"
clean_env
"${CLEAN[@]}" "$EXE" "$scratch/demo/application-casmeic-2019-shenzhen.json" &
app=$!  # env's pid, which became the program's
wait_for_window "深圳" 120
xwininfo -root -tree | grep -o '"[^"]*深圳[^"]*"' | head -n 1
kill "$app"
wait "$app" 2>/dev/null || true

step "a .smedesk package opened from the command line (a double-click): the window says what works"
clean_env
"${CLEAN[@]}" "$EXE" "$scratch/application.smedesk" &
app=$!
wait_for_window "无法打开文件" 120
xwininfo -root -tree | grep -o '"无法打开文件[^"]*"' | head -n 1
kill "$app"
wait "$app" 2>/dev/null || true

printf '\n== bundle smoke test passed: %s\n' "$EXE"
