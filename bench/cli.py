#!/usr/bin/env python3
"""CLI start-up benchmark: whole `systemctl --user` commands, linger (this build and, with
--before, a previous one) vs systemd 252's systemctl talking to systemd --user 252, same run.

Each figure is the median of --runs runs (default 21) of one whole command: wall time and the
command's own CPU time (user+sys from wait4; on a loaded machine CPU is the steadier figure).
Commands are started with posix_spawn from a small timing loop (common.spawn_loop; for
systemctl the loop runs as its user, so no fork of this interpreter is charged to it). `/bin/true` is timed the same
way: a whole process, the floor. The service `tick.service` has logged 2,000 lines, so `status`
prints a real log tail (10 lines, read from each journal). systemctl's loop runs as
`anchoruser` (subprocess's own uid switch), so no wrapper process is timed.

All subjects (each build's manager, systemd --user) run at once, and the runs of every command
are taken in --rounds rounds (default 7) that visit the subjects in turn, so that a load that
changes during the bench weighs on every column alike.

Outputs must not change between builds: with --before, every command's output from the two
builds, run against the same manager, is compared (status's "Ns ago" masked) and the bench
stops if they differ.

--services N adds a big manager: N more services (instances of `many@.service`, started in one
call before tick.service), each of which logged --lines L lines (default 2,000: 1 M lines for
500) before sleeping, and the row `status many@0.service`: one unit among N + 1, its log tail
the oldest lines of the journal.

--journal-units U puts into each linger manager's journal, before it starts, N lines
(--journal-lines, default 1 M) whose U units take turns line by line (`journal-bench --fill`,
next to --bin), and adds the row `status unit-000.service` of a loaded, inactive unit whose log
tail is its last 10 lines there: the worst case for the tail (they lie in 10 blocks with U ≥
103, each of 1,024 lines of U units), and with U = 10,000 a dictionary of 10,000 units. systemd
has no such journal: n/a in its column.

Usage (root, for systemd's column): bench/cli.py [--bin PATH] [--before PATH] [--runs 21]
       [--rounds 7] [--services N] [--lines L] [--journal-units U] [--journal-lines N] [--no-systemd]
       [--out bench/results-cli.txt]
"""
import os, pwd, re, shutil, statistics, subprocess, sys, time

from common import (ANCHORS, arg_parser, TempManager, anchors_usable, emit, ensure_anchoruser,
                    fresh_anchors, spawn_loop)
UNIT = "[Service]\nExecStart=/bin/sh -c 'seq 1 2000; exec sleep infinity'\n"
MANY = "[Service]\nExecStart=/bin/sh -c 'seq -f \"%i line %%.0f\" 1 {lines}; exec sleep infinity'\n"
MANY_ROW = "status many@0 ({services} services, {total} lines)"
RR_ROW = "status unit-000 (journal: {total} lines, {units} units in turn)"
RR_UNIT = "[Service]\nType=oneshot\nExecStart=/bin/true\n"
# Rows systemd has no counterpart for (its column says n/a).
LINGER_ONLY = set()
COMMANDS = [
    ("/bin/true (a whole process)", None),
    ("--version", ["--version"]),
    ("is-active UNIT", ["is-active", "tick.service"]),
    ("status UNIT (10-line log tail)", ["status", "--no-pager", "tick.service"]),
    ("show -p ActiveState UNIT", ["show", "-p", "ActiveState", "tick.service"]),
]


def measure_rounds(subjects, runs, rounds):
    """Every command of every subject (all running at once), `runs` runs each, taken in `rounds`
    rounds that visit the subjects in turn (the order reversed every other round): a load that
    changes while the bench runs weighs on every column alike. [(name, {label: (wall, CPU)})]."""
    rows = {s.name: {} for s in subjects}
    per = max(1, -(-runs // rounds))
    for r in range(rounds):
        for s in (subjects if r % 2 == 0 else subjects[::-1]):
            for label, args in COMMANDS:
                if s.name == Systemd.name and label in LINGER_ONLY:
                    continue
                got, _ = spawn_loop(s.argv(args), per, s.env, getattr(s, "user", None))
                rows[s.name].setdefault(label, []).extend(got)
    out = []
    for s in subjects:
        cols = {}
        for label, got in rows[s.name].items():
            if any(g[2] != got[0][2] for g in got):
                raise RuntimeError(f"{s.name}: {label}: exit codes differ between runs")
            cols[label] = (statistics.median(g[0] for g in got), statistics.median(g[1] for g in got))
        out.append((s.name, cols))
    return out


def run_once(argv, env, user=None):
    """Exit code of one run (readiness polling, not timed)."""
    return spawn_loop(argv, 1, env, user)[0][0][2]


def output_of(argv, env):
    """The command's stdout, relative times ("5s ago") masked."""
    out = spawn_loop(argv, 0, env, want_out=True)[1]
    return re.sub(r"; [^;\n]* ago", "; … ago", out)


def many_units(services):
    return [f"many@{i}.service" for i in range(services)]


class Linger:
    def __init__(self, name, binary, services=0, lines=0, rr=None):
        self.name, self.bin = name, binary
        units = [("tick.service", UNIT)]
        if services:
            units.append(("many@.service", MANY.format(lines=lines)))
        if rr:
            units.append(("unit-000.service", RR_UNIT))
        self.m = TempManager(binary, "linger-clibench.", units=units, no_rate_limit=bool(services))
        self.env = self.m.env
        if rr:
            # journal-bench writes where the manager's journal will be (its own seqnum id).
            units_n, lines_n, jb = rr
            subprocess.run([jb, "--fill", self.m.journal_dir, str(lines_n), str(units_n)], check=True,
                           stdout=subprocess.DEVNULL)
        self.m.start()
        if services:
            subprocess.run(self.argv(["start"] + many_units(services)), env=self.env, check=True)
        subprocess.run(self.argv(["start", "tick.service"]), env=self.env, check=True)
        wait_for_tail(lambda: subprocess.run(self.argv(["status", "--no-pager", "tick.service"]),
                                             env=self.env, capture_output=True, text=True).stdout)

    def argv(self, args, binary=None):
        # `linger --version`: the floor of a whole linger process (no clap tree, no manager).
        b = binary or self.bin
        if args is None:
            return ["/bin/true"]
        return [b, "ctl", "--user"] + args if args != ["--version"] else [b, "--version"]

    def outputs(self, binary):
        """Every command's output from `binary` (another build's client) against this manager."""
        return {label: output_of(self.argv(args, binary), self.env) for label, args in COMMANDS
                if args not in (None, ["--version"])}

    def stop(self):
        self.m.remove()


class Systemd:
    name = "systemd 252"

    def __init__(self, services=0, lines=0):
        fresh_anchors()
        ensure_anchoruser()
        self.user = pwd.getpwnam("anchoruser")
        unit_dir = os.path.join(self.user.pw_dir, ".config/systemd/user")
        shutil.rmtree(unit_dir, ignore_errors=True)
        os.makedirs(unit_dir)
        with open(os.path.join(unit_dir, "tick.service"), "w") as f:
            f.write(UNIT)
        subprocess.run(["chown", "-R", "anchoruser:", os.path.join(self.user.pw_dir, ".config")], check=True)
        self.env = {"HOME": self.user.pw_dir, "USER": "anchoruser", "LOGNAME": "anchoruser",
                    "XDG_RUNTIME_DIR": f"/run/user/{self.user.pw_uid}", "PATH": "/usr/local/bin:/usr/bin:/bin",
                    "SYSTEMD_COLORS": "0"}
        subprocess.run([f"{ANCHORS}/02_usermgr/start_usermgr.sh"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while run_once(self.argv(["is-active", "-q", "default.target"]), self.env, self.user) != 0:
            time.sleep(0.002)
        if services:
            with open(os.path.join(unit_dir, "many@.service"), "w") as f:
                f.write(MANY.format(lines=lines))
            subprocess.run(["chown", "-R", "anchoruser:", unit_dir], check=True)
            run_once(self.argv(["daemon-reload"]), self.env, self.user)
            if run_once(self.argv(["start"] + many_units(services)), self.env, self.user) != 0:
                raise RuntimeError("systemd --user could not start the many@ services")
        if run_once(self.argv(["start", "tick.service"]), self.env, self.user) != 0:
            raise RuntimeError("systemd --user could not start tick.service")

    def argv(self, args):
        if args is None:
            return ["/bin/true"]
        return ["systemctl", "--user"] + args if args != ["--version"] else ["systemctl", "--version"]

    def stop(self):
        subprocess.run([f"{ANCHORS}/02_usermgr/stop_usermgr.sh"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(os.path.join(self.user.pw_dir, ".config/systemd/user"), ignore_errors=True)


def wait_for_tail(read_status, deadline_s=30):
    """Until the status output shows the service's last line (its log is in the journal)."""
    end = time.time() + deadline_s
    while "2000" not in read_status():
        if time.time() > end:
            raise RuntimeError("tick.service's log never reached the journal")
        time.sleep(0.01)


def main():
    ap = arg_parser(runs=21)
    ap.add_argument("--services", type=int, default=0)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--journal-units", type=int, default=0)
    ap.add_argument("--journal-lines", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=7, help="rounds the runs are spread over")
    a = ap.parse_args()
    if a.services:
        COMMANDS.append((MANY_ROW.format(services=a.services, total=f"{a.services * a.lines:,}"),
                         ["status", "--no-pager", "many@0.service"]))
    rr = None
    if a.journal_units:
        rr = (a.journal_units, a.journal_lines,
              os.path.join(os.path.dirname(os.path.abspath(a.bin)), "journal-bench"))
        label = RR_ROW.format(total=f"{a.journal_lines:,}", units=f"{a.journal_units:,}")
        COMMANDS.append((label, ["status", "--no-pager", "unit-000.service"]))
        LINGER_ONLY.add(label)
    builds = ([("linger before", a.before)] if a.before else []) + [("linger after", a.bin)]
    subjects = []
    note = "systemd 252: not measured (needs root and ../shared/anchors)"
    try:
        for name, binary in builds:
            subjects.append(Linger(name, binary, a.services, a.lines, rr))
        if a.before:
            # Both clients against the after build's manager: the outputs must be the same.
            lg = subjects[-1]
            mine, theirs = lg.outputs(a.bin), lg.outputs(a.before)
            for label in mine:
                if mine[label] != theirs[label]:
                    sys.exit(f"output differs between the builds for {label}:\n"
                             f"{theirs[label]}\n---\n{mine[label]}")
        if not a.no_systemd and anchors_usable("/lib/systemd/systemd"):
            subjects.append(Systemd(a.services, a.lines))
            note = "systemd 252: systemctl --user against systemd --user 252 (anchors), same run"
        columns = measure_rounds(subjects, a.runs, a.rounds)
    finally:
        for subject in subjects:
            subject.stop()
    names = [c[0] for c in columns]
    out = [f"# bench/cli.py --runs {a.runs} --rounds {a.rounds}: medians, whole commands, {time.strftime('%Y-%m-%d %H:%M')}",
           f"# {note}; load average at the end: {os.getloadavg()[0]:.1f}",
           "# wall / CPU (user+sys, wait4) in ms, commands started by posix_spawn; ratio = systemd 252 / linger after (CPU)",
           f"{'':62}" + "".join(f"{n:>22}" for n in names) + f"{'ratio':>9}"]
    for label, _ in COMMANDS:
        cells = "".join(f"{c[1][label][0]:>12.2f} /{c[1][label][1]:>8.2f}" if label in c[1]
                        else f"{'n/a':>22}" for c in columns)
        ratio = ""
        if (names[-1] == Systemd.name and len(columns) >= 2 and label in columns[-1][1]
                and columns[-2][1][label][1] > 0):
            ratio = f"{columns[-1][1][label][1] / columns[-2][1][label][1]:8.1f}x"
        out.append(f"{label:62}{cells}{ratio:>9}")
    if a.before:
        out.append("# outputs of the two linger builds against the same manager: identical for every command above")
    emit(out, a.out)


if __name__ == "__main__":
    sys.exit(main())
