#!/usr/bin/env bash
# A private PostgreSQL server for the store tests, on 127.0.0.1 only.
#
#   source .ci/postgres.sh     # from .ci/run: installs, starts, exports SMEDESK_TEST_PG_URL
#   bash .ci/postgres.sh stop  # stops it again
#
# Debian's postgresql package is installed only when initdb is missing. The cluster lives in
# a folder under /tmp, is created once (initdb) and started with pg_ctl as the `postgres`
# user (or as the calling user when not root); running this again finds it running and
# does nothing, so starting costs well under a second once installed. fsync is off: the
# data is thrown away, and the tests should not wait for the disk.
set -euo pipefail

SMEDESK_PG_ROOT=${SMEDESK_PG_ROOT:-/tmp/smedesk-ci-postgres}
SMEDESK_PG_PORT=${SMEDESK_PG_PORT:-54329}
_pg_data="$SMEDESK_PG_ROOT/data"

_pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! _pg_bindir >/dev/null; then
  echo "== apt-get install postgresql"
  _sudo=""
  [ "$(id -u)" -eq 0 ] || _sudo="sudo"
  $_sudo apt-get update -qq
  # The package's own cluster is not wanted: only the binaries.
  DEBIAN_FRONTEND=noninteractive $_sudo apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
fi
_pg_bin=$(_pg_bindir)

_as_pg() {
  # initdb and the server refuse to run as root.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "stop" ]; then
  [ -d "$_pg_data" ] && _as_pg "$_pg_bin/pg_ctl" -D "$_pg_data" -m fast stop >/dev/null || true
  return 0 2>/dev/null || exit 0
fi

mkdir -p "$SMEDESK_PG_ROOT"
[ "$(id -u)" -eq 0 ] && chown postgres: "$SMEDESK_PG_ROOT"
if [ ! -f "$_pg_data/PG_VERSION" ]; then
  echo "== initdb $_pg_data"
  _as_pg "$_pg_bin/initdb" -D "$_pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >/dev/null
fi
if ! _as_pg "$_pg_bin/pg_ctl" -D "$_pg_data" status >/dev/null 2>&1; then
  echo "== start postgres on 127.0.0.1:$SMEDESK_PG_PORT"
  _as_pg "$_pg_bin/pg_ctl" -D "$_pg_data" -l "$SMEDESK_PG_ROOT/server.log" -w -s \
    -o "-h 127.0.0.1 -p $SMEDESK_PG_PORT -k $SMEDESK_PG_ROOT -c max_connections=200" start
fi
if ! _as_pg "$_pg_bin/psql" -h 127.0.0.1 -p "$SMEDESK_PG_PORT" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'smedesk_test'" | grep -q 1; then
  _as_pg "$_pg_bin/createdb" -h 127.0.0.1 -p "$SMEDESK_PG_PORT" -U postgres smedesk_test
fi
export SMEDESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$SMEDESK_PG_PORT/smedesk_test"
echo "== PostgreSQL ready: $SMEDESK_TEST_PG_URL"
