#!/usr/bin/env bash
# From a fresh Debian 12 to a window, twice: the README's first command, then the .deb.
#   bash installer/fresh-machine-test.sh [PATH/TO/smedesk.deb]      (as root, on Linux)
# 1. builds a minimal Debian 12 in a folder (debootstrap --variant=minbase bookworm, from
#    Debian's archive), with only Debian's python3 added, as the README assumes;
# 2. inside it (chroot, /proc mounted) runs the README's first command exactly as written,
#    read from README.md, from a copy of the committed checkout (git archive HEAD), with the
#    display replaced by an Xvfb on this machine; checks the window came up (a screenshot);
# 3. on a second copy of that fresh system (made before step 2), installs the .deb (built by
#    installer/build.sh) with apt, runs `smedesk smoke` from the installed location, checks the
#    menu entry and the .smedesk MIME type were registered;
# 4. removes the package and checks nothing of it is left; then removes the folder.
# Network plumbing only (not part of the test): this machine's DNS, CA certificates, apt and pip
# configuration are copied in so the chroot reaches Debian's archive and PyPI the way it does.
# Output: this script's log (installer/out/fresh-machine-test.log) and screenshots in
# installer/out/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT=${OUT:-$HERE/out}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
DEB=${1:-$(ls -t "$OUT"/cn.smedesk.smedesk_*.deb 2>/dev/null | head -n1 || true)}
[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap, chroot)"; exit 1; }
[ -f "$DEB" ] || { echo "no .deb: run installer/build.sh first, or pass its path"; exit 1; }
mkdir -p "$OUT"
exec > >(tee "$OUT/fresh-machine-test.log") 2>&1
# shellcheck source=installer/xvfb.sh
. "$HERE/xvfb.sh"
step() { printf '\n==== %s  [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v import >/dev/null || need+=(imagemagick)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

FS=$(mktemp -d /var/tmp/smedesk-fresh.XXXXXX)
chmod 0755 "$FS"  # a root filesystem: apt's _apt user must reach /var/cache
DEBFS=$FS.deb  # a second copy of the fresh system, for the .deb
APP_PGID=""
cleanup() {
  [ -n "$APP_PGID" ] && kill -TERM -- "-$APP_PGID" 2>/dev/null || true
  umount_fs "$FS"
  umount_fs "$DEBFS"
  stop_xvfb
  rm -rf --one-file-system "$FS" "$DEBFS"
}
trap cleanup EXIT

# --- the environment the chroot runs with: a login's, plus the display and pip's settings
chroot_env=(env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  LANG=C.UTF-8 TERM=dumb)
for var in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CERT PIP_DEFAULT_TIMEOUT http_proxy https_proxy \
  no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  [ -n "${!var:-}" ] && chroot_env+=("$var=${!var}")
done
in_root() { local root=$1; shift; chroot "$root" "${chroot_env[@]}" DISPLAY="${DISPLAY:-}" "$@"; }
in_chroot() { in_root "$FS" "$@"; }
in_debfs() { in_root "$DEBFS" "$@"; }
umount_fs() {
  local mount
  for mount in "$1/tmp/.X11-unix" "$1/dev/shm" "$1/dev/pts" "$1/proc"; do
    if mountpoint -q "$mount" 2>/dev/null; then umount -l "$mount"; fi
  done
}
mount_fs() {  # /proc (and /dev/pts, /dev/shm, the X socket folder) in a root
  mount -t proc proc "$1/proc"
  mkdir -p "$1/dev/pts" "$1/dev/shm" "$1/tmp/.X11-unix"
  mount -t devpts devpts "$1/dev/pts"
  mount -t tmpfs tmpfs "$1/dev/shm"
  mount --bind /tmp/.X11-unix "$1/tmp/.X11-unix"
}

step "1. a minimal Debian 12 (debootstrap --variant=minbase bookworm $MIRROR)"
debootstrap --variant=minbase --cache-dir="$(mkdir -p "$OUT/debootstrap-cache" && cd "$OUT/debootstrap-cache" && pwd)" \
  bookworm "$FS" "$MIRROR" >"$OUT/debootstrap.log" 2>&1 || { tail -n 30 "$OUT/debootstrap.log"; exit 1; }
echo "debootstrap: $(grep -c '^I: Extracting' "$OUT/debootstrap.log") packages extracted; $(du -sh "$FS" | cut -f1) in $FS"
start_xvfb  # this machine's Xvfb; its socket folder is bound into the chroot
mount_fs "$FS"
# Network plumbing: DNS, this machine's extra CA certificates, apt's and pip's configuration.
cp /etc/resolv.conf "$FS/etc/resolv.conf"
cp /etc/hosts "$FS/etc/hosts" 2>/dev/null || true
for conf in /etc/apt/apt.conf.d/*; do
  grep -qi 'proxy\|Acquire::' "$conf" 2>/dev/null && cp "$conf" "$FS/etc/apt/apt.conf.d/"
done
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$FS/etc/pip.conf"
[ -d /etc/xdg/pip ] && mkdir -p "$FS/etc/xdg" && cp -r /etc/xdg/pip "$FS/etc/xdg/"
mkdir -p "$FS/usr/local/share/ca-certificates"
cp -r /usr/local/share/ca-certificates/. "$FS/usr/local/share/ca-certificates/" 2>/dev/null || true
in_chroot apt-get update -qq
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  ca-certificates >/dev/null
in_chroot update-ca-certificates >/dev/null 2>&1
step "   the README's premise: Debian's python3, nothing else"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  python3 >/dev/null
in_chroot python3 --version
if in_chroot python3 -c 'import ensurepip' 2>/dev/null; then echo "ensurepip present?!"; else
  echo "python3-venv: not installed (as on a fresh Debian 12)"; fi
for lib in libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb.so.1 libGL.so.1; do
  in_chroot sh -c "ldconfig -p | grep -q $lib" && echo "$lib: present" || echo "$lib: missing"
done
# The .deb gets its own fresh system, copied now, before the README's command changes this one.
umount_fs "$FS"
cp -a "$FS" "$DEBFS"
mount_fs "$FS"
mount_fs "$DEBFS"
echo "a copy of this fresh system for the .deb: $DEBFS"

step "2. the README's first command, exactly as written"
first_command=$(awk '/^## Quick start/{q=1} q && /^```sh/{getline; print; exit}' "$ROOT/README.md")
echo "README.md, first command: $first_command"
[ -n "$first_command" ]
mkdir -p "$FS/root/smedesk"
git -C "$ROOT" archive --format=tar HEAD | tar -x -C "$FS/root/smedesk"
echo "checkout: $(git -C "$ROOT" rev-parse --short HEAD) copied to /root/smedesk (git archive)"
echo "display: Xvfb $DISPLAY (this machine's, its socket bound into the chroot)"
setsid chroot "$FS" "${chroot_env[@]}" DISPLAY="$DISPLAY" bash -c "cd /root/smedesk && $first_command" \
  >"$OUT/fresh-first-command.log" 2>&1 &
APP_PGID=$!
deadline=$((SECONDS + 1800))  # the first run downloads PySide6 and friends from PyPI
until xwininfo -root -tree 2>/dev/null | grep -q 'smedesk 申报助手'; do
  if ! kill -0 "$APP_PGID" 2>/dev/null; then
    echo "the command ended before a window came up:"; tail -n 40 "$OUT/fresh-first-command.log"; exit 1
  fi
  ((SECONDS < deadline)) || { echo "no window within 30 min"; tail -n 40 "$OUT/fresh-first-command.log"; exit 1; }
  sleep 1
done
echo "window up after the install: $(xwininfo -root -tree | grep -o '"[^"]*smedesk 申报助手[^"]*"' | head -n1)"
# The list fills once the database is open; give the picture time to settle (not a check).
sleep 3
import -display "$DISPLAY" -window root "$OUT/fresh-readme-window.png"
echo "screenshot: $OUT/fresh-readme-window.png"
echo "what the first command printed:"
grep -v '^WARNING: Location' "$OUT/fresh-first-command.log" | sed 's/^/  | /'
kill -TERM -- "-$APP_PGID"
wait "$APP_PGID" 2>/dev/null || true
APP_PGID=""
in_chroot /root/smedesk/.venv/bin/smedesk --version

step "3. the .deb, on the other copy of the fresh system: apt installs it and its Depends"
# A desktop has these; with them, dpkg's triggers register the menu entry and the MIME type.
in_debfs env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  shared-mime-info desktop-file-utils >/dev/null
cp "$DEB" "$DEBFS/tmp/"
in_debfs env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "/tmp/$(basename "$DEB")" >"$OUT/fresh-deb-apt.log" 2>&1 ||
  { tail -n 30 "$OUT/fresh-deb-apt.log"; exit 1; }
# What apt pulled in besides the package: its Depends and theirs (full log: fresh-deb-apt.log).
awk '/^The following NEW packages/{on=1; print; next} on && /^  /{print; next} on{exit}' \
  "$OUT/fresh-deb-apt.log"
grep -E '^Setting up cn\.smedesk' "$OUT/fresh-deb-apt.log"
in_debfs dpkg -L cn.smedesk.smedesk >"$OUT/fresh-deb-files.txt"
echo "$(wc -l <"$OUT/fresh-deb-files.txt") paths installed; $(du -sh "$DEBFS/opt/apps/cn.smedesk.smedesk" | cut -f1) under /opt/apps/cn.smedesk.smedesk"
echo "which smedesk: $(in_debfs sh -c 'command -v smedesk') -> $(readlink "$DEBFS/usr/bin/smedesk")"
in_debfs smedesk --version
echo "MIME type (update-mime-database, by dpkg's trigger): $(grep '\.smedesk' "$DEBFS/usr/share/mime/globs2")"
echo "menu entry (update-desktop-database): $(grep 'x-smedesk' "$DEBFS/usr/share/applications/mimeinfo.cache")"
step "   smoke test from the installed location (Xvfb, xcb)"
in_debfs smedesk demo /tmp/demo >/dev/null
in_debfs smedesk smoke /tmp/demo/application-miit-2017-shenyang-info.json \
  --screenshot /tmp/deb-window.png --pdf /tmp/deb-smoke.pdf
cp "$DEBFS/tmp/deb-window.png" "$OUT/fresh-deb-window.png"
echo "screenshot: $OUT/fresh-deb-window.png"
in_debfs smedesk export pdf /tmp/demo/creation-liaoning-dalian-professional.json -o /tmp/c.pdf

step "4. remove it: nothing of it is left"
in_debfs env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq cn.smedesk.smedesk >/dev/null
left=0
while read -r path; do
  [ "$path" = "/." ] && continue
  if [ -e "$DEBFS$path" ] || [ -L "$DEBFS$path" ]; then
    # Shared folders (/usr/share/..., /opt) stay when other packages use them.
    if [ -d "$DEBFS$path" ] && [ ! -L "$DEBFS$path" ] && [ -n "$(ls -A "$DEBFS$path")" ]; then continue; fi
    if [ -d "$DEBFS$path" ] && [ "$path" = /opt ]; then continue; fi
    echo "left behind: $path"
    left=1
  fi
done <"$OUT/fresh-deb-files.txt"
in_debfs dpkg -s cn.smedesk.smedesk >/dev/null 2>&1 && { echo "still known to dpkg"; left=1; }
grep -q smedesk "$DEBFS/usr/share/mime/globs2" && { echo ".smedesk still registered"; left=1; }
grep -q smedesk "$DEBFS/usr/share/applications/mimeinfo.cache" 2>/dev/null && { echo "menu entry still registered"; left=1; }
((left == 0)) && echo "removed cleanly: no file, link, folder, MIME type or menu entry of it left"
((left == 0))

step "fresh-machine test passed; removing $FS and $DEBFS"
