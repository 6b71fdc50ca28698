#!/bin/bash
# `systemd-run --user --scope` against a REAL systemd --user 252 (transcript: scope.txt here):
# the scope's name, the command's exit status as systemd-run's, a name in use refused, a
# scope that ended collected. crates/cli/tests/dbus_freeze.rs replays it against linger
# (which needs per-unit cgroups for scopes: the test's delegated cgroup) and compares.
#   scope.sh run   the steps, as the user, in the manager's environment
# Captured as root (anchors lock held) with systemd-user.sh beside this file:
#   systemd-user.sh start U; systemd-user.sh run U bash scope.sh run > scope.txt; systemd-user.sh stop U
# Each step: `$ COMMAND`, stdout and stderr, `  -> rc=N`.
set -u
OUT=$(mktemp)
step() { echo "\$ $*"; "$@" > "$OUT" 2>&1; rc=$?; sed '/^$/d' "$OUT"; echo "  -> rc=$rc"; }
case $1 in
run)
  step systemd-run --user --scope --unit=sc-true /bin/true
  step systemd-run --user --scope --unit=sc-three /bin/sh -c 'exit 3'
  step systemd-run --user --scope --unit=sc-quiet -q /bin/echo hello
  step systemctl --user is-active sc-true.scope
  step systemctl --user status sc-true.scope
  step systemd-run --user --scope --unit=sc-true /bin/true
  # A scope that runs: its name is taken until it ends.
  systemd-run --user --scope --unit=sc-held -q /bin/sleep 30 > /dev/null 2>&1 &
  HELD=$!
  for i in $(seq 100); do systemctl --user is-active -q sc-held.scope && break; sleep 0.05; done
  step systemd-run --user --scope --unit=sc-held /bin/true
  step systemctl --user is-active sc-held.scope
  step systemctl --user stop sc-held.scope
  wait $HELD; echo "held systemd-run -> rc=$?"
  step systemctl --user is-active sc-held.scope
  step systemd-run --user --scope --unit=bad/name /bin/true
  step systemd-run --user --scope --unit=sc-missing /nonexistent/program
  ;;
esac
rm -f "$OUT"
