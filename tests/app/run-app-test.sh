#!/bin/sh
# Runs one app suite on a private X server and a private D-Bus session, where
# the AT-SPI bus and registry are started by D-Bus activation.
#
#   run-app-test.sh SUITE_SCRIPT APP_BINARY SCHEMA_DIR OUTPUT_DIR
#
# The TAP goes to our stdout through fd 3; everything else, the daemons'
# chatter included, goes to stderr.
set -eu

here=$(dirname "$0")

unset NO_AT_BRIDGE
export GTK_A11Y=atspi
export AT_TAP_FD=3

exec 3>&1 1>&2
exec dbus-run-session -- "$here/with-xvfb.sh" /usr/bin/python3 "$@"
