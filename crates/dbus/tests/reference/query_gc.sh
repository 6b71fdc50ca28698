#!/bin/bash
# Units a query loaded are collected (systemd.unit(5) CollectMode=, org.freedesktop.systemd1(5)
# Ref()): the scenario whose transcript under a REAL systemd --user 252 is query_gc.txt here;
# crates/cli/tests/dbus_session.rs replays it with systemd's own systemctl and busctl against
# linger (on a session bus) and compares.
#   query_gc.sh units DIR   write the scenario's units into DIR
#   query_gc.sh run         run the steps (systemctl --user, busctl --user), print the transcript
# Captured (as root, anchors lock held) with systemd-user.sh beside this file:
#   U=dbusgc14; H=~dbusgc14; query_gc.sh units $H/.config/systemd/user; chown -R $U $H/.config
#   systemd-user.sh start $U; systemd-user.sh run $U bash query_gc.sh run > query_gc.txt
#   systemd-user.sh stop $U
# Found with it and left out: `freeze` of a collected unit loads it again and
# answers for it ("does not support freezing" on a hybrid cgroup layout, "Unit is inactive."
# where the freezer works: crates/cli/tests/cgroups.rs); systemd starts a service's slice
# (qs.slice stays, active), linger does not start slices; systemd loads a unit another names
# in After= (listed, inactive, while that one is loaded), linger loads it only when asked
# for or pulled into a job (the collection rule is the same: a loaded unit naming it in its
# configuration keeps it). RefUnit on the private socket:
# systemd 252 answers InvalidArgs "Invalid argument" (its reference tracking needs a bus
# name), linger takes the reference (tracked per connection).
# wan.service is After= t2.service (Wants=): the listing after its start must not catch the
# oneshot t2 still running on a busy machine (re-captured from systemd 252: same transcript).
# Each step: `$ COMMAND`, what it printed (stdout and stderr, up to the first blank line),
# `  -> rc=N`; $HOME stands for the home.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
case $1 in
units)
  D=$2; mkdir -p "$D"
  printf '[Service]\nExecStart=/bin/sleep infinity\n' > "$D/q.service"
  printf '[Service]\nExecStart=/bin/sleep infinity\n' > "$D/run.service"
  printf '[Service]\nExecStart=/bin/sleep infinity\nSlice=qs.slice\n' > "$D/r.service"
  printf '[Unit]\nWants=t2.service\nAfter=t2.service\n[Service]\nExecStart=/bin/sleep infinity\n' > "$D/wan.service"
  printf '[Service]\nType=oneshot\nExecStart=/bin/true\n' > "$D/t2.service"
  printf '[Socket]\nListenFIFO=%%t/s.fifo\n' > "$D/s.socket"
  printf '[Service]\nExecStart=/bin/cat\n' > "$D/s.service"
  ;;
run)
  D=$HOME/.config/systemd/user OUT=$(mktemp)
  run() { echo "\$ $*"; "$@" > "$OUT" 2>&1; rc=$?; sed -e '/^$/,$d' -e "s|$HOME|\$HOME|g" "$OUT"; echo "  -> rc=$rc"; }
  sc() { run systemctl --user "$@"; }
  bus() { run busctl --user "$@"; }
  # An edit the manager can tell from the loaded file even with coarse timestamps.
  edit() { printf "$2" > "$1"; touch -m -d "@$(( $(date +%s) + 2 ))" "$1"; }
  P=/org/freedesktop/systemd1
  echo "## 1 LoadUnit of a stopped unit, then ListUnits"
  bus call org.freedesktop.systemd1 $P org.freedesktop.systemd1.Manager LoadUnit s q.service
  sc list-units --all --no-legend q.service
  bus call org.freedesktop.systemd1 $P org.freedesktop.systemd1.Manager GetUnit s q.service
  bus get-property org.freedesktop.systemd1 $P/unit/q_2eservice org.freedesktop.systemd1.Unit ActiveState
  sc list-units --all --no-legend q.service
  echo "## 2 status / show of a never-run unit, edited"
  sc status q.service
  sc show -p NeedDaemonReload -p Description -p LoadState q.service
  edit "$D/q.service" '[Unit]\nDescription=Edited\n[Service]\nExecStart=/bin/sleep infinity\n'
  sc show -p NeedDaemonReload -p Description q.service
  mkdir -p "$D/q.service.d"; printf '[Unit]\nDescription=Dropin\n' > "$D/q.service.d/x.conf"
  sc show -p NeedDaemonReload -p Description q.service
  sc status q.service
  echo "## 3 a running unit edited"
  sc start run.service
  edit "$D/run.service" '[Unit]\nDescription=RunEdited\n[Service]\nExecStart=/bin/sleep infinity\n'
  sc show -p NeedDaemonReload -p Description run.service
  # Not transcribed: systemctl's look at NeedDaemonReload after queueing the stop (and its
  # warning) races the stop itself (GetUnit fails once the unit is collected), in systemd as
  # in linger, and -q does not silence it.
  systemctl --user stop run.service >/dev/null 2>&1
  sc list-units --all --no-legend run.service
  sc show -p NeedDaemonReload -p Description run.service
  echo "## 4 a slice and its units"
  sc show -p Id -p Slice r.service
  sc list-units --all --no-legend r.service qs.slice
  sc show -p SliceOf qs.slice
  sc start r.service
  sc show -p SliceOf qs.slice
  sc stop r.service
  sc list-units --all --no-legend r.service
  echo "## 5 Wants= of a running unit"
  sc start wan.service
  sc list-units --all --no-legend wan.service t2.service
  sc stop wan.service
  sc list-units --all --no-legend wan.service t2.service
  echo "## 6 a socket and its service, looked at"
  sc show -p Id s.socket
  sc list-units --all --no-legend s.socket s.service
  echo "## 7 RefUnit on the bus keeps it until UnrefUnit or the client goes"
  coproc R { python3 "$HERE/bus_ref.py" "$XDG_RUNTIME_DIR/bus" q.service; }
  say() { echo "$1" >&"${R[1]}"; read -r line <&"${R[0]}"; echo "client: $line"; }
  say ref
  sc list-units --all --no-legend q.service
  say unref
  sc list-units --all --no-legend q.service
  say ref
  sc list-units --all --no-legend q.service
  eval "exec ${R[1]}>&-"; wait
  sc list-units --all --no-legend q.service
  rm -f "$OUT"
  ;;
esac
