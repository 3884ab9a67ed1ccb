#!/bin/sh
# Runs a command on a private X server, 1024×768, that picks a free display
# number itself (-displayfd): two runs at once never race for one, as
# `xvfb-run -a` can, which probes lock files first and starts the server after.
# -noreset: a server that resets when its last client leaves drops an app
# that connects during the reset ("cannot open display").
#
#   with-xvfb.sh COMMAND [ARG…]
set -eu

dir=$(mktemp -d)
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

mkfifo "$dir/display"
Xvfb -displayfd 4 -noreset -screen 0 1024x768x24 -nolisten tcp 4>"$dir/display" &
xvfb_pid=$!
read -r number < "$dir/display"
export DISPLAY=":$number"
unset XAUTHORITY

"$@"
