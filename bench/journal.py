#!/usr/bin/env python3
"""Journal benchmark: linger (this build and, with --before, a previous one) vs systemd-journald
252, same workload, same run; every figure is the median of --runs runs (default 5).

Ingest, end to end as the manager does it: a Type=oneshot service writes N lines
"bench line %07d" to its stdout pipe (`cat` of a file made by `seq`, so the writer is never the
bottleneck); the clock runs from `start` until the manager has exited on SIGTERM, which seals
and fsyncs the journal. journald: the anchors' recipe (seq | systemd-cat from the unit's cgroup,
clock stops after `journalctl --sync`). Queries are whole commands (process start included),
timed the same way for both: -n 100, -u X -n 100, everything | wc -l, -u X -o cat | wc -l,
--grep | wc -l. Output must not change between builds: the query outputs of the two linger
builds are compared byte for byte on the same journal.

With --units U (e.g. 500), a second journal of the same N lines over U units: U instances
of a template service (`bench@I.service`, each `cat` of N/U lines), all started with one
`start`, so the lines arrive as the units' pipe reads interleave them. It is written once by
--bin's manager and read by every build (a build without the unit index ignores it: the
summaries' trailing bytes), so before/after read the same bytes; journald gets the same U units
(systemd-cat from U cgroups). Rows: `-u X -n 100` for the first unit started, and `--units-rr`:
a journal whose U units take turns line by line (the worst case for a unit's tail: its last
100 lines are spread over 100 × U lines), written by `journal-bench --fill` next to --bin.

Usage: bench/journal.py [--bin PATH] [--before PATH] [--n 1000000] [--runs 5] [--no-systemd]
       [--units 500] [--out bench/results-journal.txt]
"""
import hashlib, os, shutil, statistics, subprocess, sys, tempfile, time

from common import ANCHORS, arg_parser, TempManager, anchors_usable, cpu_s, emit, fresh_anchors, status_kb

QUERIES = [
    ("-n 100 (ms)", ["-n", "100"], False),
    ("-u X -n 100 (ms)", ["-u", "{unit}", "-n", "100"], False),
    ("all | wc -l (ms)", [], True),
    ("-u X -o cat | wc -l (ms)", ["-u", "{unit}", "-o", "cat"], True),
    ("--grep | wc -l (ms)", ["-g", "line 09"], True),
]


def timed_ms(argv, pipe_to_wc):
    """Wall time of a whole command (optionally piped into `wc -l`), the command's own CPU time
    (user+sys from wait4, `wc` not included), both in ms, and its output's digest. Both
    processes are started with posix_spawn, as common.spawn_loop starts commands."""
    null = os.open("/dev/null", os.O_RDWR)
    r, w = os.pipe()
    t = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    os.close(w)
    wc = None
    if pipe_to_wc:
        r2, w2 = os.pipe()
        wc = os.posix_spawnp("wc", ["wc", "-l"], os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, r, 0), (os.POSIX_SPAWN_DUP2, w2, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
        os.close(r)
        os.close(w2)
        r = r2
    chunks = []
    while True:
        b = os.read(r, 1 << 16)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, _, ru = os.wait4(pid, 0)
    if wc is not None:
        os.waitpid(wc, 0)
    wall = (time.perf_counter() - t) * 1000
    os.close(null)
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, hashlib.sha256(b"".join(chunks)).hexdigest()


def median_query(argv, pipe, reps):
    """Medians of `reps` runs: (wall ms, CPU ms, digest of the first run's output)."""
    runs = [timed_ms(argv, pipe) for _ in range(reps)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            runs[0][2])


class Linger:
    def __init__(self, name, binary, lines_file, n):
        self.name, self.bin, self.lines_file, self.n = name, binary, lines_file, n

    def ingest_once(self):
        m = TempManager(self.bin, "linger-jbench.", no_rate_limit=True, units=[
            ("bench.service", f"[Service]\nType=oneshot\nExecStart=/bin/cat {self.lines_file}\n")])
        m.start()
        pid = m.proc.pid
        idle_rss, idle_anon = status_kb(pid, "VmRSS"), status_kb(pid, "RssAnon")
        cpu0 = cpu_s(pid)
        t0 = time.perf_counter()
        subprocess.run(m.ctl(["start", "bench.service"]), env=m.env, check=True)
        cpu1 = cpu_s(pid)
        hwm = status_kb(pid, "VmHWM")
        m.stop()
        wall = time.perf_counter() - t0
        tmp, jdir = m.tmp, m.journal_dir
        size = sum(os.path.getsize(os.path.join(jdir, f)) for f in os.listdir(jdir) if f.endswith(".lj"))
        return tmp, jdir, {
            "manager idle VmRSS (MB)": idle_rss / 1024,
            "manager idle RssAnon (MB)": idle_anon / 1024,
            "ingest (lines/s)": self.n / wall,
            "manager CPU for N lines (s)": cpu1 - cpu0,
            "manager peak RSS (MB)": hwm / 1024,
            "on disk (B/line)": size / self.n,
        }

    def query_argv(self, jdir, args, unit="bench"):
        return [self.bin, "journal", "-D", jdir] + [a.format(unit=unit) for a in args]


def many_units_journal(binary, work, n, units):
    """A journal of n lines over `units` instances of bench@.service, written by `binary`'s
    manager; returns (TempManager, journal dir)."""
    per = n // units
    for i in range(units):
        with open(os.path.join(work, f"u{i}.txt"), "w") as f:
            subprocess.run(["seq", "-f", f"bench line u{i} %07.0f", str(per)], stdout=f, check=True)
    m = TempManager(binary, "linger-jbench-units.", no_rate_limit=True, units=[
        ("bench@.service", f"[Service]\nType=oneshot\nExecStart=/bin/cat {work}/u%i.txt\n")])
    m.start()
    subprocess.run(m.ctl(["start"] + [f"bench@{i}.service" for i in range(units)]), env=m.env,
                   check=True, stdout=subprocess.DEVNULL)
    m.stop()
    return m, m.journal_dir


def round_robin_journal(binary, work, n, units):
    """A journal whose `units` units take turns line by line (journal-bench --fill, built with
    `binary`); None when that program is not next to it."""
    jb = os.path.join(os.path.dirname(binary), "journal-bench")
    if not os.access(jb, os.X_OK):
        return None
    d = os.path.join(work, "rr")
    subprocess.run([jb, "--fill", d, str(n), str(units)], check=True)
    return d


class Journald:
    name = "systemd-journald 252"

    def __init__(self, n):
        fresh_anchors()
        self.n = n
        self.jdir = f"{ANCHORS}/01_journald/var-log-journal"

    def ingest(self, runs):
        """The anchors' script, `runs` fresh journals; the last one stays for the queries."""
        out = subprocess.run([f"{ANCHORS}/01_journald/bench_journald.sh", str(self.n), str(runs)],
                             capture_output=True, text=True).stdout
        rows = []
        for line in out.splitlines():
            if not line.startswith("run "):
                continue
            f = dict(tok.split("=", 1) for tok in line.split() if "=" in tok and not tok.startswith("--"))
            rows.append({
                "manager idle VmRSS (MB)": None,
                "manager idle RssAnon (MB)": None,
                "ingest (lines/s)": float(f["rate"]),
                "manager CPU for N lines (s)": float(f["journald_cpu"].rstrip("s")),
                "manager peak RSS (MB)": float(f["journald_rss"].rstrip("kB")) / 1024,
                "on disk (B/line)": float(f["apparent"]) / self.n,
            })
        if not rows:
            raise RuntimeError(f"journald bench printed no run:\n{out}")
        return rows

    def query_argv(self, jdir, args, unit="anchor-bench.service"):
        return ["journalctl", "-D", jdir, "--no-pager"] + [a.format(unit=unit) for a in args]

    def many_units(self, work, units):
        """The units' files of many_units_journal, each catted by systemd-cat from a cgroup of
        its own (anchor-u<I>.service), into a fresh journal; returns the journal dir."""
        d = f"{ANCHORS}/01_journald"
        subprocess.run([f"{d}/stop_journald.sh"], capture_output=True)
        shutil.rmtree(self.jdir, ignore_errors=True)
        subprocess.run([f"{d}/start_journald.sh"], capture_output=True, check=True)
        base = "/sys/fs/cgroup/unified/system.slice"
        if not os.path.isdir(base):
            base = "/sys/fs/cgroup/system.slice"
        procs = []
        for i in range(units):
            cg = f"{base}/anchor-u{i}.service"
            os.makedirs(cg, exist_ok=True)
            procs.append(subprocess.Popen(["sh", "-c", f"echo $$ > {cg}/cgroup.procs; "
                                           f"systemd-cat -t u{i} < {work}/u{i}.txt"]))
            if len(procs) >= 64:
                procs.pop(0).wait()
        for p in procs:
            p.wait()
        subprocess.run(["journalctl", "--sync"], capture_output=True)
        for i in range(units):
            try:
                os.rmdir(f"{base}/anchor-u{i}.service")
            except OSError:
                pass
        return self.jdir

    def stop(self):
        subprocess.run([f"{ANCHORS}/01_journald/stop_journald.sh"], capture_output=True)


def cpu_label(label):
    """The CPU-time row that goes with a wall-time query row."""
    return label.replace("(ms)", "CPU (ms)")


def med(rows):
    return {k: None if rows[0][k] is None else statistics.median(r[k] for r in rows)
            for k in rows[0]}


def main():
    ap = arg_parser(runs=5)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--units", type=int, default=0,
                    help="also a journal of N lines over this many units (see the doc)")
    a = ap.parse_args()
    if a.runs < 5:
        print("note: fewer than 5 runs; the figures are medians of", a.runs)
    work = tempfile.mkdtemp(prefix="linger-jbench-lines.")
    lines_file = os.path.join(work, "lines.txt")
    with open(lines_file, "w") as f:
        subprocess.run(["seq", "-f", "bench line %07.0f", str(a.n)], stdout=f, check=True)

    columns = []  # (name, ingest medians, query medians)
    lingers = [Linger("linger after", a.bin, lines_file, a.n)]
    if a.before:
        lingers.insert(0, Linger("linger before", a.before, lines_file, a.n))
    keep = None
    # The builds take turns run by run, so that a change in the machine's load falls on both.
    rows = {lg.name: [] for lg in lingers}
    for _ in range(a.runs):
        for lg in lingers:
            tmp, jdir, r = lg.ingest_once()
            rows[lg.name].append(r)
            if keep is None:
                keep = (tmp, jdir)  # the first journal serves every build's queries
            else:
                shutil.rmtree(tmp, ignore_errors=True)
    for lg in lingers:
        columns.append([lg.name, med(rows[lg.name]), {}])
    # Queries: every linger build on the same journal; outputs must be identical.
    digests = {}
    for (name, _, q), lg in zip(columns, lingers):
        for label, args, pipe in QUERIES:
            wall, cpu, digests[(name, label)] = median_query(lg.query_argv(keep[1], args), pipe, a.runs)
            q[label], q[cpu_label(label)] = wall, cpu
    if len(lingers) == 2:
        for label, _, _ in QUERIES:
            if digests[("linger before", label)] != digests[("linger after", label)]:
                sys.exit(f"output differs between the builds for {label}")
    shutil.rmtree(keep[0], ignore_errors=True)

    # Many units: one journal written by --bin's manager, read by every build.
    unit_rows = []  # (label, argv builder per column index, pipe)
    mu = rr = None
    if a.units > 1:
        mu_mgr, mu = many_units_journal(a.bin, work, a.n, a.units)
        rr = round_robin_journal(a.bin, work, a.n, a.units)
        unit_rows.append((f"{a.units} units: -u X -n 100 (ms)", ["-u", "{unit}", "-n", "100"], mu,
                          "bench@0.service", "anchor-u0.service"))
        unit_rows.append((f"{a.units} units: -u X -o cat | wc -l (ms)", ["-u", "{unit}", "-o", "cat"], mu,
                          "bench@0.service", "anchor-u0.service"))
        if rr:
            unit_rows.append((f"{a.units} units in turn: -u X -n 100 (ms)", ["-u", "{unit}", "-n", "100"],
                              rr, "unit-000.service", None))
        for (name, _, q), lg in zip(columns, lingers):
            for label, args, jdir, unit, _ in unit_rows:
                pipe = "wc" in label
                wall, cpu, digests[(name, label)] = median_query(
                    lg.query_argv(jdir, args, unit), pipe, a.runs)
                q[label], q[cpu_label(label)] = wall, cpu
        if len(lingers) == 2:
            for label, *_ in unit_rows:
                if digests[("linger before", label)] != digests[("linger after", label)]:
                    sys.exit(f"output differs between the builds for {label}")

    sd_note = "systemd-journald 252: not measured (needs root and ../shared/anchors)"
    if not a.no_systemd and anchors_usable("/lib/systemd/systemd-journald"):
        jd = Journald(a.n)
        try:
            rows = jd.ingest(a.runs)
            q = {}
            for label, args, pipe in QUERIES:
                q[label], q[cpu_label(label)], _ = median_query(jd.query_argv(jd.jdir, args), pipe, a.runs)
            if mu:
                jdir = jd.many_units(work, a.units)
                for label, args, _, _, unit in unit_rows:
                    if unit:
                        q[label], q[cpu_label(label)], _ = median_query(
                            jd.query_argv(jdir, args, unit), "wc" in label, a.runs)
            columns.append([jd.name, med(rows), q])
            sd_note = "systemd-journald 252: anchors recipe (seq | systemd-cat, RateLimit*=0), same run"
        finally:
            jd.stop()
    shutil.rmtree(work, ignore_errors=True)

    targets = {"ingest (lines/s)": "≥ 2,000,000", "-n 100 (ms)": "≤ 2", "-u X -n 100 (ms)": "≤ 2",
               "all | wc -l (ms)": "≤ 100", "-u X -o cat | wc -l (ms)": "≤ 100"}
    for label, *_ in unit_rows:
        targets[label] = "≤ 100" if "wc" in label else "≤ 2"
    names = [c[0] for c in columns]
    out = [f"# bench/journal.py --n {a.n} --runs {a.runs}: medians of {a.runs} runs, {time.strftime('%Y-%m-%d')}",
           f"# {sd_note}",
           "# CPU rows: the command's own user+sys time (wait4), not `wc`'s; ratio = linger after vs journald",
           f"{'':36}" + "".join(f"{n:>22}" for n in names) + f"{'ratio':>11}   target"]
    keys = list(columns[0][1].keys()) + [k for label, _, _ in QUERIES for k in (label, cpu_label(label))]
    keys += [k for label, *_ in unit_rows for k in (label, cpu_label(label))]
    if mu:
        shutil.rmtree(mu_mgr.tmp, ignore_errors=True)
    for k in keys:
        vals = [c[1].get(k, c[2].get(k)) for c in columns]
        fmt = (lambda v: f"{v:22,.0f}") if "lines/s" in k else (lambda v: f"{v:22.2f}")
        ratio = ""
        if len(vals) >= 2 and vals[-1] and vals[-2] and "journald" in names[-1]:
            # linger after vs journald: how many times better (higher rate, lower time/size).
            r = vals[-2] / vals[-1] if "lines/s" in k else vals[-1] / vals[-2]
            ratio = f"{r:9.1f}x"
        out.append(f"{k:36}" + "".join(fmt(v) if v is not None else f"{'n/a':>22}" for v in vals)
                   + f"{ratio:>11}   " + targets.get(k, ""))
    if len(lingers) == 2:
        out.append("# outputs of the two linger builds: byte-for-byte identical for every query above")
    emit(out, a.out)


if __name__ == "__main__":
    sys.exit(main())
