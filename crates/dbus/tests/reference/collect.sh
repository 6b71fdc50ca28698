#!/bin/bash
# The garbage-collection scenario (systemd.unit(5) CollectMode=) whose transcript under a REAL
# systemd --user 252 is collect.txt here; crates/cli/tests/dbus_collect.rs replays it through
# systemd's own systemctl against linger and compares.
#   collect.sh units DIR        write the scenario's units into DIR
#   collect.sh run SYSTEMCTL…   run the steps with that systemctl command, print the transcript
# Captured (as root, anchors lock held) with systemd-user.sh beside this file:
#   U=dbusgc; H=~dbusgc; collect.sh units $H/.config/systemd/user; chown -R $U $H/.config
#   systemd-user.sh start $U; systemd-user.sh run $U bash collect.sh run systemctl --user > collect.txt
#   systemd-user.sh stop $U
# Units a query loaded (`show`, `status`, busctl LoadUnit) are collected too: query_gc.sh.
# Each step: `$ systemctl ARGS`, what it printed (stdout and stderr, up to the first blank
# line: status's journal lines are left out), `  -> rc=N`; $HOME stands for the home.
set -u
case $1 in
units)
  D=$2; mkdir -p "$D"
  printf '[Service]\nType=oneshot\nExecStart=/bin/false\n' > "$D/gcfail.service"
  printf '[Service]\nType=oneshot\nExecStart=/bin/true\n' > "$D/gcok.service"
  printf '[Unit]\nWants=gcwanted.service\n[Service]\nExecStart=/bin/sleep infinity\n' > "$D/gcwanter.service"
  printf '[Service]\nType=oneshot\nExecStart=/bin/true\nRemainAfterExit=yes\n' > "$D/gcwanted.service"
  printf '[Unit]\nCollectMode=inactive-or-failed\n[Service]\nType=oneshot\nExecStart=/bin/false\n' > "$D/gccollect.service"
  printf '[Unit]\nWants=gcneeded.service\n[Service]\nExecStart=/bin/sleep infinity\n' > "$D/gcneeder.service"
  printf '[Service]\nType=oneshot\nExecStart=/bin/false\n' > "$D/gcneeded.service"
  ;;
run)
  shift; C=("$@"); OUT=$(mktemp)
  run() { echo "\$ systemctl $*"; "${C[@]}" "$@" > "$OUT" 2>&1; rc=$?; sed -e '/^$/,$d' -e "s|$HOME|\$HOME|g" "$OUT"; echo "  -> rc=$rc"; }
  while read -r line; do [ -n "$line" ] && run $line; done <<'STEPS'
start gcfail.service
show -p LoadState -p ExecMainStatus -p ActiveState gcfail.service
list-units --all --no-legend gcfail.service
reset-failed gcfail.service
list-units --all --no-legend gcfail.service
show -p LoadState -p ExecMainStatus -p ActiveState -p InactiveEnterTimestampMonotonic gcfail.service
status gcfail.service
start gcok.service
show -p ExecMainStatus -p InactiveEnterTimestampMonotonic -p ExecMainExitTimestampMonotonic gcok.service
start gcwanter.service
list-units --all --no-legend gcwanter.service gcwanted.service
stop gcwanter.service
start gccollect.service
show -p ExecMainStatus -p Result gccollect.service
start gcneeder.service
show -p ActiveState -p ExecMainStatus gcneeded.service
reset-failed gcneeded.service
show -p ActiveState -p ExecMainStatus gcneeded.service
stop gcneeder.service
show -p ActiveState -p ExecMainStatus gcneeded.service
STEPS
  rm -f "$OUT"
  ;;
esac
