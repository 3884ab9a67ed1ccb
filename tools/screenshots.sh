#!/bin/sh
# Takes the screenshots in docs/screenshots/: every page of the main window,
# the Progress page's exercise history and its chart of Running's distance
# (app.show-metric), the welcome page, the preferences, the folded (360 px) window and the
# session editor with a strength session of two exercises (opened through
# app.repeat-session on a generated one), each in the light and the dark
# style.
#
#   tools/screenshots.sh [BUILD_DIR]        (default: _build-shell)
#
# Builds first, fills a database with `activity-tracker-cli generate`, then
# runs the app on a private X server (xvfb-run) and D-Bus session, switches
# pages through the app.show-page action over D-Bus, and saves the screen with
# ImageMagick's `import -window root`. The screen is as large as the window,
# so the pictures hold the window only.
#
# The style: AT_COLOR_SCHEME=light|dark makes the app force that style instead
# of following the desktop (libadwaita 1.2 reads the desktop's through the
# settings portal, which a bare X server does not have). It is read once at
# startup and meant for screenshots and tests only. The high-contrast style
# is libadwaita's own ADW_DEBUG_HIGH_CONTRAST=1: a few pages are shot in it,
# as *-high-contrast.png.
#
# AT_SCREENSHOT_DB=PATH shoots an existing database instead (say the
# benchmark workload's): its first user's Progress page, exercise history
# (their most-done exercise), Running's distance and Body page, as
# workload-{progress,exercise-history,metric,body}-{light,dark}.png, and nothing
# else. The app only reads it unless something is logged, and nothing is.
# AT_SCREENSHOT_WAIT=SECONDS (default 1, or 8 with AT_SCREENSHOT_DB) is
# how long a page gets to load before its picture is taken.
#
# AT_CLI=PATH uses that activity-tracker-cli for the data and builds only the
# app (for when the CLI does not build at the moment).
#
# Needs: meson, ninja, xvfb-run, dbus-run-session, gdbus, import (imagemagick),
# sqlite3 (to pick the strength session for the editor).
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build-shell}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
out=$src/docs/screenshots
app_id=org.activitytracker.ActivityTracker
pages="today sessions progress goals body photos programs achievements social"
width=1000
height=700

if [ -z "${AT_SCREENSHOTS_INNER:-}" ]; then
  for tool in xvfb-run dbus-run-session gdbus import sqlite3; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
  done
  [ -f "$build/build.ninja" ] || meson setup "$build" "$src"
  if [ -n "${AT_CLI:-}" ]; then
    ninja -C "$build" src/app/activity-tracker src/app/gschemas.compiled
  else
    ninja -C "$build"
  fi
  if [ -n "${AT_SCREENSHOT_DB:-}" ] && [ ! -r "$AT_SCREENSHOT_DB" ]; then
    echo "screenshots.sh: cannot read $AT_SCREENSHOT_DB" >&2
    exit 1
  fi
  mkdir -p "$out"
  AT_SCREENSHOTS_INNER=1 exec dbus-run-session -- \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24 -nolisten tcp" "$0" "$build"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${AT_SCREENSHOT_DB:-}" ]; then
  wait_seconds=${AT_SCREENSHOT_WAIT:-8}
else
  wait_seconds=${AT_SCREENSHOT_WAIT:-1}
fi
cli=${AT_CLI:-$build/src/cli/activity-tracker-cli}
if [ -z "${AT_SCREENSHOT_DB:-}" ]; then
  "$cli" generate --database "$tmp/populated.db" \
    --users 1 --sessions-per-user 300 --seed 1 >/dev/null

  # A profile with cardio and yoga only, no exercises or sets: the Progress
  # page without volume or personal records.
  "$cli" init --database "$tmp/no-exercises.db" >/dev/null
  "$cli" add-user --database "$tmp/no-exercises.db" --username runner \
    --email runner@example.org >/dev/null
  for day in 1 2 4 6 9 11 13 16 19 20 23 27 30 34 38 41 45 52 60 67 75 82; do
    type=Running
    [ $((day % 3)) -eq 0 ] && type=Yoga
    "$cli" add-session --database "$tmp/no-exercises.db" --type "$type" \
      --start "$(date -u -d "-$day days" +%Y-%m-%dT07:00:00)" \
      --end "$(date -u -d "-$day days" +%Y-%m-%dT07:$((20 + day % 40)):00)" >/dev/null
  done
fi

app_pid=
start_app () {  # start_app DATABASE light|dark|high-contrast [WINDOW_WIDTH]
  high_contrast=0
  scheme=$2
  if [ "$scheme" = high-contrast ]; then
    high_contrast=1
    scheme=light
  fi
  mkdir -p "$tmp/config/glib-2.0/settings"
  printf '[org/activitytracker/ActivityTracker]\nwindow-width=%s\nwindow-height=%s\nwindow-maximized=false\n' \
    "${3:-$width}" "$height" > "$tmp/config/glib-2.0/settings/keyfile"
  env GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_USE_PORTAL=0 ADW_DISABLE_PORTAL=1 \
    NO_AT_BRIDGE=1 GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/src/app" \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
    LC_ALL=C.UTF-8 AT_COLOR_SCHEME="$scheme" ADW_DEBUG_HIGH_CONTRAST="$high_contrast" \
    "$build/src/app/activity-tracker" --database "$1" >>"$tmp/app.log" 2>&1 &
  app_pid=$!
  gdbus wait --session --timeout 30 "$app_id"
  sleep 2
}

action () {  # action NAME [GVARIANT]
  gdbus call --session --dest "$app_id" --object-path /org/activitytracker/ActivityTracker \
    --method org.gtk.Actions.Activate "$1" "[${2:-}]" '{}' >/dev/null
}

shot () {  # shot NAME [WINDOW_WIDTH]: the screen, cut to the window's width
  sleep "$wait_seconds"
  import -window root -crop "${2:-$width}x$height+0+0" +repage "$out/$1.png"
  echo "$out/$1.png"
}

stop_app () {
  action quit
  wait "$app_pid" || true
}

if [ -n "${AT_SCREENSHOT_DB:-}" ]; then
  for scheme in light dark; do
    start_app "$AT_SCREENSHOT_DB" "$scheme"
    action show-page "<'progress'>"
    shot "workload-progress-$scheme"
    action show-exercise-history "<''>"
    shot "workload-exercise-history-$scheme"
    action show-metric "<'Running:distance'>"
    shot "workload-metric-$scheme"
    action show-page "<'body'>"
    shot "workload-body-$scheme"
    stop_app
  done
  if [ -s "$tmp/app.log" ]; then
    echo "The app said:" >&2
    cat "$tmp/app.log" >&2
  fi
  exit 0
fi

for scheme in light dark; do
  start_app "$tmp/populated.db" "$scheme"
  for page in $pages; do
    action show-page "<'$page'>"
    shot "$page-$scheme"
  done
  # The exercise history of the most-done exercise, from the Progress page.
  action show-page "<'progress'>"
  action show-exercise-history "<''>"
  shot "exercise-history-$scheme"
  # Running's distance in the Progress page's Metrics section.
  action show-metric "<'Running:distance'>"
  shot "metric-$scheme"
  action show-page "<'today'>"
  action preferences
  shot "preferences-$scheme"
  stop_app

  # The editor over the main window: a strength session with the fewest
  # exercises, two or more, logged again.
  strength=$(sqlite3 "$tmp/populated.db" "SELECT s.id FROM activity_session s
    JOIN activity_type t ON t.id = s.activity_type_id
    WHERE t.name = 'Weight Training' AND s.deleted_at IS NULL
      AND (SELECT count(*) FROM activity_exercise e WHERE e.session_id = s.id) >= 2
    ORDER BY (SELECT count(*) FROM activity_exercise e WHERE e.session_id = s.id),
      s.started_at DESC LIMIT 1")
  if [ -n "$strength" ]; then
    start_app "$tmp/populated.db" "$scheme"
    action show-page "<'sessions'>"
    action repeat-session "<int64 $strength>"
    shot "editor-strength-$scheme"
    stop_app
  else
    echo "screenshots.sh: no strength session with two exercises to show in the editor" >&2
  fi

  start_app "$tmp/empty-$scheme.db" "$scheme"
  shot "welcome-$scheme"
  stop_app

  start_app "$tmp/no-exercises.db" "$scheme"
  action show-page "<'progress'>"
  shot "progress-no-exercises-$scheme"
  stop_app

  start_app "$tmp/populated.db" "$scheme" 360
  action show-page "<'sessions'>"
  shot "narrow-sessions-$scheme" 370
  stop_app
done

start_app "$tmp/populated.db" high-contrast
for page in today sessions progress body; do
  action show-page "<'$page'>"
  shot "$page-high-contrast"
done
action preferences
shot "preferences-high-contrast"
stop_app

if [ -s "$tmp/app.log" ]; then
  echo "The app said:" >&2
  cat "$tmp/app.log" >&2
fi
