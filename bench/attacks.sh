#!/usr/bin/env bash
# Issue 10's figures: each attack of crates/login/tests/attacks.rs performed against the
# release build of the login daemon, N times (default 5); for each attack the median and the
# worst over the runs of: the worst latency of a root request, of another user's request and
# of another user's login during the attack, and the daemon's RSS right after it.
# Root only (the tests make users and cgroups). --old DIR also runs them against an older
# build's `linger` and `libpam_linger.so` in DIR (they fail: the attacks work there).
#
#   sudo bash bench/attacks.sh [--runs N] [--old DIR]      → bench/results-attacks.txt
#
# systemd-logind 252 is not measured beside it: these attacks go through linger's own
# protocol and mechanisms (its manager socket, its frames, its PAM answer); logind's
# equivalents (D-Bus message limits, PID 1's scopes) are different attacks.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
old=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --old) old=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--old DIR]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
cargo build --release --quiet -p linger -p pam_linger -p linger-login --bins
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT
measure() { # LABEL [ENV…]
  local label=$1; shift
  for i in $(seq "$runs"); do
    echo "== $label run $i/$runs" >&2
    env "$@" LINGER_ATTACK_REPORT="$raw.$label" \
      cargo test --release --quiet -p linger-login --test attacks >/dev/null 2>&1 || true
  done
}
measure new
if [ -n "$old" ]; then
  measure old LINGER_BIN="$old/linger" LINGER_PAM_MODULE="$old/libpam_linger.so"
fi
{
  echo "Login daemon under attack (tests/attacks.rs, release build), $runs runs; $(date -u +%F)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
  for label in new ${old:+old}; do
    echo
    echo "[$label] attack: median / worst over the runs of each run's worst latency (ms); RSS after (MB)"
    python3 - "$raw.$label" <<'EOF'
import re, statistics, sys
rows = {}
pat = re.compile(r"^(.*): worst root request ([\d.]+) ms, worst other user's request ([\d.]+) ms, "
                 r"worst login ([\d.]+) ms \(.*\), daemon RSS ([\d.]+) MB")
for line in open(sys.argv[1]) if sys.argv[1] else []:
    m = pat.match(line.strip())
    if m:
        rows.setdefault(m.group(1), []).append([float(x) for x in m.groups()[1:]])
for attack, xs in rows.items():
    cols = list(zip(*xs))
    f = lambda c: "%7.1f / %7.1f" % (statistics.median(c), max(c))
    print("%-58s root %s  user %s  login %s  RSS %s" % (attack, f(cols[0]), f(cols[1]), f(cols[2]), f(cols[3])))
EOF
  done
} | tee bench/results-attacks.txt
