#!/bin/sh
# Times the app on a database: the first frame of the Sessions page with its
# rows, and the worst frame while its list scrolls from top to bottom.
#
#   tools/bench-app.sh DATABASE [BUILD_DIR]      (default: _build-app)
#
# Runs the real app with AT_BENCH=1 (see src/app/pages/sessions/
# at-sessions-bench.c) on a private X server and D-Bus session, on DATABASE
# itself (the benchmark logs nothing in it). Prints, from the app:
#   bench: first-frame-ms T       launch to the end of the first frame with rows
#   bench: scroll-frames N worst-frame-ms W mean-frame-ms M
#   bench: rows R loaded L        the list's rows, and those held in memory
# As a meson benchmark (`meson test --benchmark app-sessions`), the
# database comes from AT_BENCH_DB; without it the benchmark is skipped.
#
# Needs: xvfb-run, dbus-run-session.
set -eu

db=${1:-${AT_BENCH_DB:-}}
if [ -z "$db" ]; then
  echo "bench-app.sh: no database (give one, or set AT_BENCH_DB); skipped"
  exit 77
fi
if [ ! -r "$db" ]; then
  echo "bench-app.sh: cannot read $db" >&2
  exit 1
fi

src=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$src/_build-app}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac

if [ -z "${AT_BENCH_INNER:-}" ]; then
  AT_BENCH_INNER=1 exec dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1000x700x24 -nolisten tcp" "$0" "$db" "$build"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/glib-2.0/settings"
printf '[org/activitytracker/ActivityTracker]\nwindow-width=1000\nwindow-height=700\nwindow-maximized=false\n' \
  > "$tmp/config/glib-2.0/settings/keyfile"

AT_BENCH_START_NS=$(date +%s%N) \
  env AT_BENCH=1 GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_USE_PORTAL=0 ADW_DISABLE_PORTAL=1 \
  NO_AT_BRIDGE=1 GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/src/app" \
  XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
  LC_ALL=C.UTF-8 \
  timeout 600 "$build/src/app/activity-tracker" --database "$db" 2>"$tmp/app.log" | grep '^bench:' \
  || { echo "bench-app.sh: the app printed no figures:" >&2; cat "$tmp/app.log" >&2; exit 1; }
