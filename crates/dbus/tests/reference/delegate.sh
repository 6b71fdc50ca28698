#!/bin/bash
# Delegate= / DelegateControllers= as a REAL systemd --user 252 shows them (transcript:
# delegate.txt here), on this machine's hybrid cgroup layout (its cgroup2 tree offers no
# controller but hugetlb, so the list is not the cgroup's: `yes` means the v2 controllers,
# wherever); crates/cli/tests/dbus_attach.rs compares linger's answers with it.
#   delegate.sh units DIR   write the units into DIR
#   delegate.sh run         systemctl --user show of each, in the manager's environment
# Captured as root (anchors lock held) with systemd-user.sh beside this file:
#   U=dbusgc14; delegate.sh units ~$U/.config/systemd/user; chown -R $U ~$U/.config
#   systemd-user.sh start $U; systemd-user.sh run $U bash delegate.sh run > delegate.txt
#   systemd-user.sh stop $U
set -u
UNITS="d1.service d2.service d3.service d4.service d5.service d6.service d7.socket"
case $1 in
units)
  D=$2; mkdir -p "$D"
  printf '[Service]\nDelegate=yes\nExecStart=/bin/sleep infinity\n' > "$D/d1.service"
  printf '[Service]\nDelegate=yes\nDelegate=cpuacct\nExecStart=/bin/sleep infinity\n' > "$D/d2.service"
  printf '[Service]\nDelegate=yes\nDelegate=\nExecStart=/bin/sleep infinity\n' > "$D/d3.service"
  printf '[Service]\nDelegate=io cpuacct bpf-firewall\nExecStart=/bin/sleep infinity\n' > "$D/d4.service"
  printf '[Service]\nDelegate=cpu\nDelegate=no\nExecStart=/bin/sleep infinity\n' > "$D/d5.service"
  printf '[Service]\nDelegate=memory\nDelegate=yes\nExecStart=/bin/sleep infinity\n' > "$D/d6.service"
  printf '[Socket]\nListenFIFO=%%t/d7.fifo\nDelegate=yes\n' > "$D/d7.socket"
  printf '[Service]\nExecStart=/bin/cat\n' > "$D/d7.service"
  ;;
run)
  for u in $UNITS; do
    echo "## $u"; systemctl --user show -p Delegate -p DelegateControllers "$u" 2>&1
  done
  ;;
esac
