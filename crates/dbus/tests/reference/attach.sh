#!/bin/bash
# AttachProcessesToUnit asked of a REAL systemd --user 252 (transcript: attach.txt here), the
# reference crates/cli/tests/dbus_attach.rs compares linger's answers with.
#   attach.sh units DIR   write the units into DIR
#   attach.sh run         the calls (dbus-send on the session bus), as the user, in the
#                         manager's environment (systemd-user.sh run USER bash attach.sh run)
# Captured as root (anchors lock held) with systemd-user.sh beside this file, user dbusgc:
#   attach.sh units ~dbusgc/.config/systemd/user; chown -R dbusgc ~dbusgc/.config
#   systemd-user.sh start dbusgc; systemd-user.sh run dbusgc bash attach.sh run > attach.txt
#   systemd-user.sh stop dbusgc
# The "other user's process" is a root process there (the user manager runs as dbusgc).
set -u
case $1 in
units)
  D=$2; mkdir -p $D
  printf '[Service]\nDelegate=yes\nExecStart=/bin/sleep infinity\n' > $D/deleg.service
  printf '[Service]\nDelegate=cpu memory\nExecStart=/bin/sleep infinity\n' > $D/delegctl.service
  printf '[Service]\nDelegate=yes\nType=oneshot\nExecStart=/bin/false\n' > $D/delegoff.service
  printf '[Service]\nExecStart=/bin/sleep infinity\n' > $D/plain.service
  printf '[Service]\nExecStart=/bin/sleep infinity\n' > $D/donor.service
  printf '[Service]\nExecStart=/bin/sleep infinity\n' > $D/donor2.service
  ;;
run)
  SD="org.freedesktop.systemd1 /org/freedesktop/systemd1 org.freedesktop.systemd1.Manager"
  call() { echo "\$ AttachProcessesToUnit $*"; u=$1 sub=$2; shift 3; dbus-send --session --print-reply --dest=org.freedesktop.systemd1 /org/freedesktop/systemd1 org.freedesktop.systemd1.Manager.AttachProcessesToUnit string:$u string:$sub array:uint32:$(echo "$@" | tr ' ' ',') 2>&1; echo "  -> rc=$?"; }
  cg() { sed -n 's/^0:://p' /proc/$1/cgroup | sed 's|.*/user@[0-9]*\.service||'; }
  systemctl --user start deleg.service delegctl.service plain.service donor.service donor2.service
  systemctl --user show -p Delegate -p DelegateControllers deleg.service delegctl.service plain.service
  P=$(systemctl --user show -p MainPID --value donor.service)
  P2=$(systemctl --user show -p MainPID --value donor2.service)
  echo "donor in: $(cg $P)"
  call plain.service "" 1 $P
  call nothere.service "" 1 $P
  systemctl --user start delegoff.service
  call delegoff.service "" 1 $P
  R=$(ps -o pid= -u root | tail -1 | tr -d ' ')
  call deleg.service "" 1 $R
  call deleg.service "" 1 999999
  call deleg.service "" 1 1
  call deleg.service "sub" 1 $P
  call deleg.service "/../x" 1 $P
  call deleg.service "" 0 ""
  call deleg.service "" 1 $P
  echo "donor now in: $(cg $P)"
  call deleg.service "/sub/deeper" 1 $P2
  echo "donor2 now in: $(cg $P2)"
  DC=$(sed -n 's/^0:://p' /proc/$P/cgroup); mkdir /sys/fs/cgroup$DC/sub 2>&1 || mkdir /sys/fs/cgroup/unified$DC/sub
  call deleg.service "/sub" 1 $P2
  echo "donor2 now in: $(cg $P2)"
  systemctl --user show -p ActiveState -p MainPID donor2.service
  call delegctl.service "/a" 1 $P
  echo "donor now in: $(cg $P)"
  systemctl --user status donor.service | sed -n 1,4p
  systemctl --user show -p ActiveState -p MainPID donor.service
  systemctl --user stop deleg.service delegctl.service plain.service donor.service donor2.service
  ;;
esac
