#!/usr/bin/env python3
"""`journalctl -f` latency: linger vs systemd-journald 252, same workload, same run.

A long-running service echoes each line the benchmark writes into a FIFO to its stdout (the
journal's stream); `journalctl -f -o cat -n 0` (filtered to that service) runs beside it. The
latency of one line is from writing it into the FIFO to reading it from journalctl's stdout:
the whole path a user watching `-f` waits for (service → stream → writer → file → inotify →
journalctl's query from its cursor → terminal). Lines are sent one at a time, --gap ms apart,
after the journal was filled with --fill lines (a follower re-reads its position in a journal
of realistic size). Figures: median, 90th percentile and max of --pings lines per run,
medians over --runs runs.

linger: `linger daemon --user` in a temp HOME, the echo service a Type=simple unit.
journald: the anchors' standalone journald (../shared/anchors, root only); the echo process
runs under `systemd-cat -t pingbench`, the fill is `seq | systemd-cat`.

Usage: bench/follow.py [--bin PATH] [--before PATH] [--fill 1000000] [--pings 50] [--gap 20]
       [--runs 5] [--no-systemd] [--out bench/results-follow.txt]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

from common import ANCHORS, arg_parser, TempManager, anchors_usable, emit, fresh_anchors
# The echo service: one line in, the same line out, flushed at once.
ECHO = "import sys\nfor line in open(sys.argv[1]):\n    sys.stdout.write(line)\n    sys.stdout.flush()\n"
PY = shutil.which("python3") or "/usr/bin/python3"


def pings(fifo_path, follower, n, gap_ms):
    """Latencies (ms) of n lines through the FIFO to the follower's stdout."""
    lat = []
    with open(fifo_path, "w") as fifo:
        # Warm-up: the follower may not be watching yet; repeat until a line comes through.
        fifo.write("warm 0\n")
        fifo.flush()
        follower.stdout.readline()
        for i in range(n):
            time.sleep(gap_ms / 1000)
            t = time.perf_counter()
            fifo.write(f"ping {i}\n")
            fifo.flush()
            line = follower.stdout.readline()
            lat.append((time.perf_counter() - t) * 1000)
            if line.strip() != f"ping {i}":
                raise RuntimeError(f"expected ping {i}, got {line!r}")
    return lat


def summary(lat):
    s = sorted(lat)
    return {"median (ms)": statistics.median(s), "p90 (ms)": s[int(len(s) * 0.9) - 1],
            "max (ms)": s[-1]}


class Linger:
    def __init__(self, name, binary):
        self.name, self.bin = name, binary

    def run_once(self, a, lines_file):
        m = TempManager(self.bin, "linger-fbench.", no_rate_limit=True)
        fifo = os.path.join(m.tmp, "fifo")
        os.mkfifo(fifo)
        echo = os.path.join(m.tmp, "echo.py")
        with open(echo, "w") as f:
            f.write(ECHO)
        with open(os.path.join(m.unit_dir, "fill.service"), "w") as f:
            f.write(f"[Service]\nType=oneshot\nExecStart=/bin/cat {lines_file}\n")
        with open(os.path.join(m.unit_dir, "ping.service"), "w") as f:
            f.write(f"[Service]\nExecStart={PY} -u {echo} {fifo}\n")
        follower = None
        try:
            m.start()
            if a.fill:
                subprocess.run(m.ctl(["start", "fill.service"]), env=m.env, check=True)
            subprocess.run(m.ctl(["start", "ping.service"]), env=m.env, check=True)
            follower = subprocess.Popen([self.bin, "journal", "-f", "-o", "cat", "-n", "0",
                                         "-u", "ping.service"], env=m.env,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
            return summary(pings(fifo, follower, a.pings, a.gap))
        finally:
            if follower:
                follower.kill()
                follower.wait()
            m.remove()


class Journald:
    name = "systemd-journald 252"

    def __init__(self):
        fresh_anchors()
        self.d = f"{ANCHORS}/01_journald"

    def run_once(self, a, lines_file):
        subprocess.run([f"{self.d}/stop_journald.sh"], capture_output=True)
        shutil.rmtree(f"{self.d}/var-log-journal", ignore_errors=True)
        subprocess.run([f"{self.d}/start_journald.sh"], capture_output=True, check=True)
        tmp = tempfile.mkdtemp(prefix="journald-fbench.")
        fifo = os.path.join(tmp, "fifo")
        os.mkfifo(fifo)
        echo = os.path.join(tmp, "echo.py")
        with open(echo, "w") as f:
            f.write(ECHO)
        jdir = f"{self.d}/var-log-journal"
        follower = echoer = None
        try:
            if a.fill:
                with open(lines_file) as f:
                    subprocess.run(["systemd-cat", "-t", "fillbench"], stdin=f, check=True)
                subprocess.run(["journalctl", "--sync"], check=True)
            echoer = subprocess.Popen(["systemd-cat", "-t", "pingbench", PY, "-u", echo, fifo])
            follower = subprocess.Popen(["journalctl", "-D", jdir, "-f", "-o", "cat", "-n", "0",
                                         "-t", "pingbench", "--no-pager"],
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
            return summary(pings(fifo, follower, a.pings, a.gap))
        finally:
            for p in (follower, echoer):
                if p:
                    p.kill()
                    p.wait()
            subprocess.run([f"{self.d}/stop_journald.sh"], capture_output=True)
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = arg_parser(runs=5)
    ap.add_argument("--fill", type=int, default=1_000_000)
    ap.add_argument("--pings", type=int, default=50)
    ap.add_argument("--gap", type=float, default=20, help="ms between lines")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="fbench-lines.")
    lines_file = os.path.join(work, "lines.txt")
    with open(lines_file, "w") as f:
        subprocess.run(["seq", "-f", "fill line %07.0f", str(max(a.fill, 1))], stdout=f, check=True)
    subjects = [Linger("linger after", a.bin)]
    if a.before:
        subjects.insert(0, Linger("linger before", a.before))
    sd_note = "systemd-journald 252: not measured (needs root and ../shared/anchors)"
    if not a.no_systemd and anchors_usable("/lib/systemd/systemd-journald"):
        subjects.append(Journald())
        sd_note = "systemd-journald 252: anchors' standalone journald, echo under systemd-cat, same run"
    cols = []
    for s in subjects:
        rows = [s.run_once(a, lines_file) for _ in range(a.runs)]
        cols.append((s.name, {k: statistics.median(r[k] for r in rows) for k in rows[0]}))
    shutil.rmtree(work, ignore_errors=True)
    out = [f"# bench/follow.py --fill {a.fill} --pings {a.pings} --gap {a.gap} --runs {a.runs}: "
           f"medians over runs, {time.strftime('%Y-%m-%d')}",
           f"# {sd_note}",
           "# one line written by a running service -> printed by `journalctl -f -o cat -n 0 -u/-t it`",
           f"{'':24}" + "".join(f"{n:>22}" for n, _ in cols) + f"{'journald/linger':>17}"]
    for k in cols[0][1]:
        vals = [c[1][k] for c in cols]
        ratio = f"{vals[-1] / vals[-2]:15.1f}x" if "journald" in cols[-1][0] and len(vals) > 1 else ""
        out.append(f"{k:24}" + "".join(f"{v:22.2f}" for v in vals) + ratio)
    emit(out, a.out)


if __name__ == "__main__":
    sys.exit(main())
