#!/usr/bin/env bash
# Runs a program with a desktop keyring of its own: a private D-Bus session with
# gnome-keyring-daemon unlocked, and a throw-away HOME for the keyring's files.
# Usage: dbus-run-session -- with-keyring.sh PROGRAM [ARGS...]
set -euo pipefail
export HOME=$(mktemp -d)
GNOME_KEYRING_PID=
stop() {
  if [ -n "$GNOME_KEYRING_PID" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$HOME"
}
trap stop EXIT
eval "$(printf 'keyring-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
"$@"
