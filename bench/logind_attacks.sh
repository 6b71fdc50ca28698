#!/usr/bin/env bash
# systemd-logind 252 beside linger's login daemon (bench/attacks.sh): the attacks of
# crates/login/tests/attacks.rs that apply to logind — the ones through its request channel,
# here the system bus — performed the same way (an unprivileged user, 3 s), with the same
# witnesses (root's ListSessions and another user's ListUsers on fresh connections, 50/s at
# most each), N runs (default 5); per attack the median and worst over the runs of each run's
# worst latency, and logind's and dbus-daemon's RSS after it. logind runs standalone as
# /work/shared/anchors/README.md §3 describes (its own system bus on a private socket, no PID 1,
# so no sessions: the login witness does not apply). Root only.
#
#   bash bench/logind_attacks.sh [RUNS]          → bench/results-logind-attacks.txt
#
# Not applicable to logind: 1 (it starts user managers through PID 1, not a user's socket),
# 2 and 3 (PID 1 signals and makes scopes), 7 and 8 (linger's own holes and restarts);
# KillUser (4b) is refused to users without polkit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
# As crates/login/tests/attacks.rs treats linger's daemon: logind, its bus and the witnesses
# in a session (an autogroup) of their own at nice -10, each attacker in its own session at
# the default priority (with autogroup scheduling a nice value counts only within a session).
if [ -z "${LOGIND_BENCH_SESSION:-}" ]; then
  exec env LOGIND_BENCH_SESSION=1 setsid -w bash "$0" "$@"
fi
echo -10 >/proc/self/autogroup 2>/dev/null || true
hi=(nice -n -10)
logind=/lib/systemd/systemd-logind
[ -x "$logind" ] || { echo "no $logind" >&2; exit 1; }
if pgrep -x systemd-logind >/dev/null; then echo "a systemd-logind runs already" >&2; exit 1; fi
py=/usr/bin/python3
tool=$(pwd)/bench/dbus_attack.py
work=$(mktemp -d /tmp/logind-attacks.XXXXXX)
chmod 755 "$work"
cp "$tool" "$work/tool.py"
chmod 755 "$work/tool.py"
bus=$work/bus
users=(lgb$$a lgb$$b lgb$$w)
for u in "${users[@]}"; do useradd -M -s /bin/sh "$u"; done
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for u in "${users[@]}"; do pkill -KILL -U "$u" 2>/dev/null || true; userdel "$u" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Peer"/>
  </policy>
  <includedir>/usr/share/dbus-1/system.d</includedir>
</busconfig>
CONF
as() { local u=$1; shift; setpriv --reuid="$u" --regid="$u" --init-groups "$@"; }
rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
# The worst wait of any call (answered, failed, or still pending at the end); answered calls.
worst_ms() { awk '{if ($1>w) w=$1} $2=="ok" {n++} END {printf "%.1f %d\n", w/1000, n}' "$1"; }
# attack NAME ATTACKER-COMMAND…  — witnesses meanwhile; one result line.
attack() {
  local name=$1; shift
  local out=$work/out
  mkfifo "$work/atk.in"
  setsid "$@" <"$work/atk.in" >"$work/atk.out" 2>&1 &
  local atk=$!
  exec 7>"$work/atk.in"
  for _ in $(seq 600); do grep -q '^ready' "$work/atk.out" 2>/dev/null && break; sleep 0.05; done
  mkfifo "$work/w.in"
  "${hi[@]}" $py "$work/tool.py" probe "$bus" ListSessions <"$work/w.in" >"$work/root.out" 2>&1 &
  local w1=$!
  "${hi[@]}" setpriv --reuid="${users[2]}" --regid="${users[2]}" --init-groups \
    $py "$work/tool.py" probe "$bus" ListUsers <"$work/w.in" >"$work/user.out" 2>&1 &
  local w2=$!
  exec 8>"$work/w.in"
  sleep 3
  exec 8>&-
  wait $w1 $w2 || true
  exec 7>&-
  sleep 0.2
  kill -KILL $atk 2>/dev/null || true
  wait $atk 2>/dev/null || true
  pkill -KILL -U "${users[0]}" 2>/dev/null || true
  pkill -KILL -U "${users[1]}" 2>/dev/null || true
  rm -f "$work/atk.in" "$work/w.in"
  read -r root_ms root_n < <(worst_ms "$work/root.out")
  read -r user_ms user_n < <(worst_ms "$work/user.out")
  echo "$name: worst root request $root_ms ms, worst other user's request $user_ms ms ($root_n/$user_n calls), logind RSS $(rss_mb "$logind_pid") MB, dbus-daemon RSS $(rss_mb "$bus_pid") MB; $(grep -m1 '^ready' "$work/atk.out")"
}
raw=$work/raw
atk0=(setpriv --reuid="${users[0]}" --regid="${users[0]}" --init-groups)
for i in $(seq "$runs"); do
  echo "== logind run $i/$runs" >&2
  "${hi[@]}" dbus-daemon --config-file="$work/bus.conf" --nofork --nopidfile </dev/null >"$work/dbus.log" 2>&1 &
  bus_pid=$!; pids+=("$bus_pid")
  for _ in $(seq 100); do [ -S "$bus" ] && break; sleep 0.05; done
  DBUS_SYSTEM_BUS_ADDRESS=unix:path=$bus SYSTEMD_LOG_TARGET=console "${hi[@]}" "$logind" </dev/null >"$work/logind.log" 2>&1 &
  logind_pid=$!; pids+=("$logind_pid")
  for _ in $(seq 200); do $py "$work/tool.py" probe "$bus" ListSessions </dev/null 2>/dev/null | grep -q ' ok' && break; sleep 0.05; done
  attack "0 no attack" sh -c 'echo ready; exec cat >/dev/null' >>"$raw"
  attack "4 frames of 8 MiB on 64 connections" "${atk0[@]}" $py "$work/tool.py" flood "$bus" 64 8388608 >>"$raw"
  attack "5 two users, 64 connections each, frames of 8 MiB" \
    sh -c "$(declare -f as); as ${users[0]} $py $work/tool.py flood $bus 64 8388608 & as ${users[1]} $py $work/tool.py flood $bus 64 8388608" >>"$raw"
  attack "6 one user holds all the connections it may" "${atk0[@]}" $py "$work/tool.py" hold "$bus" 2000 >>"$raw"
  kill "$logind_pid" "$bus_pid"; wait "$logind_pid" "$bus_pid" 2>/dev/null || true
  pids=()
done
cat "$raw" >&2
{
  echo "systemd-logind 252 standalone under attack (bench/logind_attacks.sh), $runs runs; $(date -u +%F)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
  echo "attack: median / worst over the runs of each run's worst latency (ms); RSS after (MB)"
  python3 - "$raw" <<'PY'
import re, statistics, sys
rows = {}
pat = re.compile(r"^(.*): worst root request ([\d.]+) ms, worst other user's request ([\d.]+) ms "
                 r"\(.*\), logind RSS ([\d.]+) MB, dbus-daemon RSS ([\d.]+) MB")
for line in open(sys.argv[1]):
    m = pat.match(line.strip())
    if m:
        rows.setdefault(m.group(1), []).append([float(x) for x in m.groups()[1:]])
for attack, xs in rows.items():
    cols = list(zip(*xs))
    f = lambda c: "%7.1f / %7.1f" % (statistics.median(c), max(c))
    print("%-52s root %s  user %s  logind RSS %s  dbus RSS %s" % (attack, f(cols[0]), f(cols[1]), f(cols[2]), f(cols[3])))
PY
} | tee bench/results-logind-attacks.txt
