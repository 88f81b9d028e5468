#!/usr/bin/env bash
# Make the .deb from a built bundle, laid out as the UOS / Deepin app store asks and registered
# on plain Debian / Ubuntu as well:
#   /opt/apps/<appid>/files/      the bundle (smedesk and _internal/)
#   /opt/apps/<appid>/entries/    applications/<appid>.desktop, icons/, mime/packages/<appid>.xml
#   /opt/apps/<appid>/info        the app store's description (JSON)
#   /usr/share/{applications,icons,mime}/...  links to the entries (plain Debian does not look
#                                 under /opt/apps), /usr/bin/smedesk a link to the program.
# Usage: bash installer/make-deb.sh BUNDLE_DIR OUT_DIR   → prints the .deb's path
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(cd "$1" && pwd)
OUT=$2
APPID=cn.smedesk.smedesk   # lowercase; package name = desktop file name = appid
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$HERE/../smedesk/__init__.py")
# The app store wants four numeric parts: 0.1.0 → 0.1.0.0 (derived, never typed twice).
IFS=. read -r -a parts <<<"$version"
while ((${#parts[@]} < 4)); do parts+=(0); done
deb_version=$(IFS=.; echo "${parts[*]:0:4}")
[[ $deb_version =~ ^[0-9]+(\.[0-9]+){3}$ ]] || { echo "version $version is not numeric"; exit 1; }
arch=$(dpkg --print-architecture)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
app=$root/opt/apps/$APPID
mkdir -p "$app/files" "$app/entries/applications" "$app/entries/icons/hicolor/scalable/apps" \
  "$app/entries/mime/packages" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/mime/packages" \
  "$root/usr/share/doc/$APPID" "$root/usr/share/lintian/overrides" "$root/DEBIAN"
cp -a "$BUNDLE/." "$app/files/"
fill() { sed -e "s/@APPID@/$APPID/g" -e "s/@VERSION@/$deb_version/g" "$1"; }
fill "$HERE/deb/smedesk.desktop" >"$app/entries/applications/$APPID.desktop"
fill "$HERE/deb/mime.xml" >"$app/entries/mime/packages/$APPID.xml"
fill "$HERE/deb/info" >"$app/info"
cp "$HERE/../resources/icons/smedesk.svg" "$app/entries/icons/hicolor/scalable/apps/$APPID.svg"
ln -s "/opt/apps/$APPID/files/smedesk" "$root/usr/bin/smedesk"
ln -s "/opt/apps/$APPID/entries/applications/$APPID.desktop" "$root/usr/share/applications/"
ln -s "/opt/apps/$APPID/entries/icons/hicolor/scalable/apps/$APPID.svg" \
  "$root/usr/share/icons/hicolor/scalable/apps/"
ln -s "/opt/apps/$APPID/entries/mime/packages/$APPID.xml" "$root/usr/share/mime/packages/"
cp "$HERE/deb/copyright" "$root/usr/share/doc/$APPID/copyright"
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- smedesk developers <smedesk@users.noreply.github.com>  %s\n' \
  "$APPID" "$deb_version" "$version" "$(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" |
  gzip -9n >"$root/usr/share/doc/$APPID/changelog.gz"
fill "$HERE/deb/lintian-overrides" >"$root/usr/share/lintian/overrides/$APPID"
find "$root" -type d -exec chmod 0755 {} +
# Shared libraries are mapped, not executed: no execute bit (lintian: shared-library-is-executable).
find "$app/files" -type f -name '*.so*' -exec chmod 0644 {} +

# Depends: the system libraries the bundle links against but does not carry, with the
# versions (glibc's among them) that its binaries need, as dpkg-shlibdeps reads them.
work=$(mktemp -d)
mkdir -p "$work/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APPID" "$APPID" >"$work/debian/control"
mapfile -t elves < <(find "$app/files" -type f \( -name '*.so*' -o -name smedesk \) \
  -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=$(find "$app/files" -type f -name '*.so*' -printf '%h\n' | sort -u | sed 's/^/-l/')
# Python's own libraries are carried (libpython, libssl, libsqlite3, ...): the packages that
# provide them on this machine are left out of Depends (dpkg-shlibdeps would name them).
carried=$(find "$app/files/_internal" -maxdepth 1 -type f -name 'lib*.so*' -printf '%f\n' |
  while read -r lib; do dpkg -S "*/$lib" 2>/dev/null | head -n1 | cut -d: -f1; done |
  sort -u | sed 's/^/-x/')
# shellcheck disable=SC2086
depends=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info $carried $private "${elves[@]}" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
rm -rf "$work"
# The display check's packages that the bundle does not carry (libxcb1, libgl1, libegl1, ...)
# are among these; the X11 platform libraries it carries (libxcb-icccm4, ...) are not needed.
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: $APPID
Version: $deb_version
Architecture: $arch
Maintainer: smedesk developers <smedesk@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Description: offline tool for SME public-service demonstration platform applications
 smedesk helps applicants fill and self-check the application report of
 China's SME public-service demonstration platform (base) programme against
 the scheme's rules, and prints seal-ready PDFs; recommending authorities and
 experts fill their forms. Everything works offline.
 .
 中小企业公共服务示范平台（基地）申报、推荐与评审的离线桌面工具。
CONTROL
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z |
  xargs -0 md5sum >DEBIAN/md5sums)
deb=$OUT/${APPID}_${deb_version}_${arch}.deb
mkdir -p "$OUT"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
