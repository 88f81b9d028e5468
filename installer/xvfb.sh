# Sourced by installer scripts: start_xvfb starts an Xvfb and exports DISPLAY; it waits for
# Xvfb to report its display number (-displayfd), not for a fixed time, and stop_xvfb ends it.
start_xvfb() {
  _xvfb_dir=$(mktemp -d)
  Xvfb -displayfd 1 -screen 0 1366x768x24 -nolisten tcp >"$_xvfb_dir/display" 2>"$_xvfb_dir/log" &
  XVFB_PID=$!
  local _
  for _ in $(seq 600); do
    [ -s "$_xvfb_dir/display" ] && break
    kill -0 "$XVFB_PID" 2>/dev/null || { cat "$_xvfb_dir/log" >&2; return 1; }
    sleep 0.1
  done
  [ -s "$_xvfb_dir/display" ] || { echo "Xvfb did not start within 60 s" >&2; return 1; }
  export DISPLAY=":$(head -n1 "$_xvfb_dir/display")"
}

stop_xvfb() {
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "${_xvfb_dir:-}"
  XVFB_PID=""
  return 0
}

# wait_for_window PATTERN SECONDS: until a top-level window's title matches (xwininfo).
wait_for_window() {
  local deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    xwininfo -root -tree 2>/dev/null | grep -q -- "$1" && return 0
    sleep 0.2
  done
  echo "no window matching «$1» within $2 s" >&2
  return 1
}
