#!/bin/bash
# A REAL `systemd --user` 252 for a throw-away user, on a machine where systemd is not PID 1
# (Debian 12 here): the reference the D-Bus tests and bench/dbus.py compare linger with.
#   systemd-user.sh start USER     user created if missing; manager started; pid in /tmp/USER.pid
#   systemd-user.sh run USER CMD…  CMD as USER, in the manager's mount namespace, with
#                                  XDG_RUNTIME_DIR and DBUS_SESSION_BUS_ADDRESS set
#   systemd-user.sh stop USER      SIGTERM, wait, remove its cgroups
# How (see ../shared/anchors, item 2): a private mount namespace with a tmpfs over /run/systemd
# holding an empty system/ (so sd_booted() is true there, and nowhere else), cgroups delegated
# to the user, no PAM or logind; Debian's dbus.socket gives the session bus (default.target →
# sockets.target → dbus.socket). Run as root.
set -u
CMD=$1 U=$2; shift 2
id "$U" >/dev/null 2>&1 || useradd -m "$U"
UID_=$(id -u "$U"); GID_=$(id -g "$U"); HOME_=$(getent passwd "$U" | cut -d: -f6)
RT=/run/user/$UID_
PIDFILE=/tmp/$U.pid
cgroups() { for H in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd; do echo "$H/user.slice/user-$UID_.slice/user@$UID_.service"; done; }
alive() { [ -r /proc/$1/stat ] && [ "$(sed 's/.*) //' /proc/$1/stat | cut -d' ' -f1)" != Z ]; }
case $CMD in
start)
  install -d -m 700 -o "$U" -g "$GID_" "$RT"
  rm -rf "$RT/systemd" "$RT/bus"
  for C in $(cgroups); do mkdir -p "$C" && chown -R "$UID_:$GID_" "$C"; done
  INNER="mount -t tmpfs -o mode=755 tmpfs /run/systemd && mkdir /run/systemd/system && cd / &&
    exec setpriv --reuid=$UID_ --regid=$GID_ --init-groups env -i HOME=$HOME_ USER=$U LOGNAME=$U SHELL=/bin/bash \\
      XDG_RUNTIME_DIR=$RT PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 /lib/systemd/systemd --user"
  set -- $(cgroups)
  setsid /bin/sh -c "echo \$\$ > $1/cgroup.procs && echo \$\$ > $2/cgroup.procs &&
    exec unshare -m --propagation private /bin/sh -c '$INNER'" </dev/null >>/tmp/$U.log 2>&1 &
  echo $! > "$PIDFILE"
  for i in $(seq 200); do [ -S "$RT/systemd/private" ] && [ -S "$RT/bus" ] && break; sleep 0.05; done
  [ -S "$RT/systemd/private" ] || { echo "systemd --user did not come up; see /tmp/$U.log" >&2; exit 1; }
  ;;
run)
  exec nsenter -t "$(cat "$PIDFILE")" -m setpriv --reuid="$UID_" --regid="$GID_" --init-groups env -i HOME="$HOME_" USER="$U" \
    XDG_RUNTIME_DIR="$RT" DBUS_SESSION_BUS_ADDRESS="unix:path=$RT/bus" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    SYSTEMD_COLORS=0 SYSTEMD_PAGER=cat COLUMNS=200 "$@"
  ;;
stop)
  P=$(cat "$PIDFILE" 2>/dev/null)
  if [ -n "$P" ] && alive "$P"; then
    kill -TERM "$P"
    for i in $(seq 500); do alive "$P" || break; sleep 0.02; done
  fi
  rm -f "$PIDFILE"
  for C in $(cgroups); do [ -d "$C" ] && find "$C" -depth -type d -exec rmdir {} \; 2>/dev/null; done
  ;;
*) echo "usage: $0 start|run|stop USER [CMD…]" >&2; exit 2 ;;
esac
