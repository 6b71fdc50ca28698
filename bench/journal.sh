#!/usr/bin/env bash
# Journal benchmark, end to end and side by side with systemd-journald 252 (anchors recipe):
# one service prints N lines "bench line %07d" to stdout; ingest rate, bytes per line, the
# manager's CPU and peak RSS (writer thread included), then journalctl-style queries timed as
# whole commands. Usage: bench/journal.sh [N]   (journald part needs root and ../shared/anchors)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
B=$PWD/target/release/linger
[ -x "$B" ] || cargo build --release --quiet -p linger
T=$(mktemp -d /tmp/linger-jbench.XXXXXX)
export HOME=$T/home XDG_RUNTIME_DIR=$T/run
unset XDG_STATE_HOME XDG_CONFIG_HOME
mkdir -p "$HOME/.config/systemd/user" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
J=$HOME/.local/state/linger/journal
printf '[Service]\nType=oneshot\nExecStart=/bin/sh -c "seq -f %s %s"\n' "'bench line %%07.0f'" "$N" > "$HOME/.config/systemd/user/bench.service"
# As the journald anchor (RateLimit*=0), measure without the per-unit rate limit.
mkdir -p "$HOME/.config/linger" && printf '[Journal]\nRateLimitBurst=0\n' > "$HOME/.config/linger/journald.conf"
median() { sort -g | awk '{a[NR]=$1} END{ if(NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
t() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo "scale=4; ($e-$s)/1000000000" | bc; }

"$B" daemon --user --no-system-units 2>/dev/null &
M=$!
for _ in $(seq 200); do [ -S "$XDG_RUNTIME_DIR/linger/manager" ] && break; sleep 0.01; done
c0=$(awk '{print $14+$15}' /proc/$M/stat)
s=$(date +%s%N)
"$B" ctl start bench.service
c1=$(awk '{print $14+$15}' /proc/$M/stat)
hwm=$(awk '/VmHWM/{print $2}' /proc/$M/status)
kill -TERM $M; wait $M || true          # the writer seals and syncs on exit
e=$(date +%s%N)
wall=$(echo "scale=4; ($e-$s)/1000000000" | bc)
bytes=$(find "$J" -name '*.lj' -printf '%s\n' | awk '{s+=$1} END{print s}')
cnt=$("$B" journal -D "$J" -u bench.service -o cat | grep -c '^bench line' || true)
q1=$(for i in 1 2 3 4 5; do t "$B" journal -D "$J" -n 100; done | median)
q2=$(for i in 1 2 3 4 5; do t "$B" journal -D "$J" -u bench.service -n 100; done | median)
q3=$(for i in 1 2 3; do t sh -c "'$B' journal -D '$J' | wc -l"; done | median)
q4=$(for i in 1 2 3; do t sh -c "'$B' journal -D '$J' -u bench.service -o cat | wc -l"; done | median)
q5=$(for i in 1 2 3; do t sh -c "'$B' journal -D '$J' -g 'line 09' | wc -l"; done | median)
echo "linger : N=$N lines_in_journal=$cnt wall=${wall}s rate=$(echo "$N/$wall" | bc) lines/s manager_cpu=$(echo "scale=2;($c1-$c0)/100" | bc)s manager_peak_rss=${hwm}kB on_disk=$bytes B ($(echo "scale=1;$bytes/$N" | bc) B/line) | -n100: ${q1}s  -u -n100: ${q2}s  all|wc -l: ${q3}s  -u -o cat|wc -l: ${q4}s  --grep|wc -l: ${q5}s"
rm -rf "$T"

if [ "$(id -u)" = 0 ] && [ -d ../shared/anchors/01_journald ] && [ -x /lib/systemd/systemd-journald ]; then
  rm -rf /tmp/linger-anchors && cp -r ../shared/anchors /tmp/linger-anchors
  echo -n "journald: "
  /tmp/linger-anchors/01_journald/bench_journald.sh "$N" 1 | tail -1
  /tmp/linger-anchors/01_journald/stop_journald.sh >/dev/null 2>&1 || true
else
  echo "(journald not measured: needs root and ../shared/anchors)"
fi
